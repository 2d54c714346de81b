package io.github.jfreeze.freezer.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jfreeze.codec.testing.FuzzFiles;
import io.github.jfreeze.freezer.FreezeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Random interleavings of writers racing for one output name, with and without {@code force},
 * while other actors create a file, a link or a directory there. Whatever the schedule: the output
 * is never a part of a write (it is the original, one writer's whole body, or what an actor put
 * there); without {@code force} nothing that existed is replaced; a link is never written through;
 * no temporary is left. See codec/FUZZING.md.
 */
class AtomicOutputFuzzTest {
  private static final Path DIR = FuzzFiles.scratchDir("atomic-output");
  private static final String ORIGINAL = "original, not jfreeze's";

  private enum Actor { FILE, LINK, DIRECTORY }

  @FuzzTest(maxDuration = "5m")
  void racingWriters(FuzzedDataProvider data) throws Exception {
    Files.createDirectories(DIR);
    FuzzFiles.clearTree(DIR);
    Path out = DIR.resolve("frozen.pb");
    Path victim = Files.writeString(DIR.resolve("victim"), "victim");
    boolean existed = data.consumeBoolean();
    if (existed) {
      Files.writeString(out, ORIGINAL);
    }
    int writers = data.consumeInt(1, 5);
    List<Boolean> force = new ArrayList<>();
    List<Integer> pauses = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      force.add(data.consumeBoolean());
      pauses.add(data.consumeInt(0, 3));
    }
    Actor actor = data.consumeBoolean() ? data.pickValue(Actor.values()) : null;
    int actorPause = data.consumeInt(0, 3);

    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch go = new CountDownLatch(1);
    Set<String> bodies = new HashSet<>();
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String body = "writer " + i + " ".repeat(4096 * (i + 1)) + "end";
        bodies.add(body);
        boolean f = force.get(i);
        int pause = pauses.get(i);
        results.add(pool.submit(() -> {
          go.await();
          try {
            AtomicOutput.writeFile(out, f, (o, ch) -> {
              byte[] b = body.getBytes(StandardCharsets.UTF_8);
              int half = b.length / 2;
              o.write(b, 0, half);
              o.flush();
              pause(pause);
              o.write(b, half, b.length - half);
            });
          } catch (FreezeException e) {
            if (f && actor == null) {
              throw new AssertionError("a forced write over a regular file failed: " + e.getMessage(), e);
            }
          }
          return null;
        }));
      }
      if (actor != null) {
        results.add(pool.submit(() -> {
          go.await();
          pause(actorPause);
          try {
            switch (actor) {
              case FILE -> Files.writeString(out, ORIGINAL);
              case LINK -> Files.createSymbolicLink(out, victim);
              case DIRECTORY -> Files.createDirectory(out);
            }
          } catch (java.nio.file.FileAlreadyExistsException e) {
            // a writer got there first
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> r : results) {
        r.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    if (!"victim".equals(Files.readString(victim))) {
      throw new AssertionError("written through a link");
    }
    if (Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
      String now = Files.readString(out);
      if (!now.equals(ORIGINAL) && !bodies.contains(now)) {
        throw new AssertionError("the output is neither the original nor one whole write: " + now.length() + " chars");
      }
      boolean anyForce = force.contains(true);
      if (existed && !anyForce && !now.equals(ORIGINAL)) {
        throw new AssertionError("an existing file was replaced without force");
      }
    }
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".jfreeze-")).toList();
      if (!left.isEmpty()) {
        throw new AssertionError("temporaries left: " + left);
      }
    }
  }

  private static void pause(int how) {
    switch (how) {
      case 0 -> { }
      case 1 -> Thread.yield();
      case 2 -> sleep(1);
      default -> sleep(5);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
