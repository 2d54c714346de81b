package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output discipline (issue 10): what jfreeze may and may not replace, and what it leaves behind. */
class AtomicOutputTest {
  @TempDir Path dir;

  private static final byte[] MINE = "theirs, not jfreeze's".getBytes(StandardCharsets.UTF_8);

  private static AtomicOutput.Body writing(String s) {
    return (out, ch) -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesANewFileAndLeavesNoTemporary() throws IOException {
    Path out = dir.resolve("frozen.pb");
    assertEquals(5, AtomicOutput.writeFile(AtomicOutput.check(out, List.of(), false, false), false, writing("hello")));
    assertEquals("hello", Files.readString(out));
    assertEquals(List.of("frozen.pb"), listing());
  }

  @Test
  void aFileThatAppearsWhileWritingIsKeptWithoutForce() throws IOException {
    Path out = dir.resolve("frozen.pb");
    AtomicOutput.check(out, List.of(), false, false);
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.writeFile(out, false, (o, ch) -> {
      Files.write(out, MINE); // another process creates the output meanwhile
      o.write(1);
    }));
    assertEquals(Reason.BAD_OUTPUT, e.reason());
    assertEquals(out + ": appeared while jfreeze was writing it; it was left as it is "
        + "(set FreezeOptions.force(true) to replace it)",
        e.getMessage());
    assertArrayEquals(MINE, Files.readAllBytes(out));
    assertEquals(List.of("frozen.pb"), listing());
  }

  @Test
  void aLinkOrFifoThatAppearsWhileWritingIsNeverReplacedEvenWithForce() throws Exception {
    Path out = dir.resolve("frozen.pb");
    Path victim = Files.write(dir.resolve("victim"), MINE);
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.writeFile(out, true, (o, ch) -> {
      Files.createSymbolicLink(out, victim);
      o.write(1);
    }));
    assertTrue(e.getMessage().endsWith("is a symbolic link; jfreeze does not write through links (give the path it points to)"),
        e.getMessage());
    assertTrue(Files.isSymbolicLink(out));
    assertArrayEquals(MINE, Files.readAllBytes(victim));
  }

  @Test
  void symbolicLinksAreRefusedAsOutputsEvenDangling() throws IOException {
    Path victim = Files.write(dir.resolve("victim"), MINE);
    Path link = Files.createSymbolicLink(dir.resolve("link.pb"), victim);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.pb"), dir.resolve("nowhere"));
    for (Path p : List.of(link, dangling)) {
      for (boolean force : new boolean[] {false, true}) {
        FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(p, List.of(), force, false));
        assertEquals(Reason.BAD_OUTPUT, e.reason());
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
      }
    }
    assertTrue(Files.isSymbolicLink(dangling));
    assertFalse(Files.exists(dir.resolve("nowhere")));
  }

  @Test
  void devicesAndFifosAreRefusedEvenWithForce() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    for (Path p : List.of(Path.of("/dev/null"), Path.of("/dev/full"), fifo)) {
      FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(p, List.of(), true, false));
      assertTrue(e.getMessage().endsWith("is not a regular file (a device, FIFO or socket); jfreeze writes only regular "
          + "files and directories"), e.getMessage());
    }
    assertTrue(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class).isOther());
  }

  @Test
  void anInputIsRefusedUnderAnyName() throws IOException {
    Path input = Files.write(dir.resolve("model.meta"), MINE);
    Path hardLink = Files.createLink(dir.resolve("other-name.pb"), input);
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path viaLink = Files.createSymbolicLink(sub.resolve("up"), dir).resolve("model.meta");
    for (Path p : List.of(input, hardLink, viaLink, dir.resolve("sub/../model.meta"))) {
      FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(p, List.of(input), true, false));
      assertTrue(e.getMessage().contains("is an input of this run"), p + ": " + e.getMessage());
    }
    assertArrayEquals(MINE, Files.readAllBytes(input));
  }

  @Test
  void forceReplacesARegularFile() throws IOException {
    Path out = Files.write(dir.resolve("frozen.pb"), MINE);
    AtomicOutput.writeFile(AtomicOutput.check(out, List.of(), true, false), true, writing("new"));
    assertEquals("new", Files.readString(out));
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(out, List.of(), false, false));
    assertTrue(e.getMessage().endsWith("already exists; set FreezeOptions.force(true) to replace it"), e.getMessage());
  }

  @Test
  void aFailedWriteNamesTheOutputAndLeavesNothing() throws IOException {
    Path out = dir.resolve("frozen.pb");
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.writeFile(out, false, (o, ch) -> {
      o.write(1);
      throw new IOException("No space left on device");
    }));
    assertEquals(Reason.WRITE_FAILED, e.reason());
    assertEquals(out + ": cannot write: No space left on device", e.getMessage());
    assertEquals(List.of(), listing());
  }

  @Test
  void directoryForceReplacesOnlyASavedModel() throws IOException {
    Path sm = Files.createDirectories(dir.resolve("sm/variables"));
    Files.write(sm.resolveSibling("saved_model.pb"), MINE);
    Files.write(sm.resolve("variables.index"), MINE);
    Path out = dir.resolve("sm");
    AtomicOutput.writeDirectory(AtomicOutput.check(out, List.of(), true, true), true,
        d -> Files.writeString(d.resolve("saved_model.pb"), "new"));
    assertEquals("new", Files.readString(out.resolve("saved_model.pb")));
    assertEquals(List.of("sm"), listing());

    Path victim = Files.createDirectory(dir.resolve("victim"));
    Files.write(victim.resolve("thesis.tex"), MINE);
    Files.write(victim.resolve("saved_model.pb"), MINE);
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(victim, List.of(), true, true));
    assertTrue(e.getMessage().endsWith("is a directory holding other files (thesis.tex); ConvertOptions.force replaces only a SavedModel "
        + "directory (saved_model.pb, variables/, assets/); choose another path"), e.getMessage());
    assertArrayEquals(MINE, Files.readAllBytes(victim.resolve("thesis.tex")));
  }

  @Test
  void theCurrentDirectoryAndDirectoriesHoldingInputsAreNeverReplaced() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    FreezeException e = assertThrows(FreezeException.class, () -> AtomicOutput.check(Path.of("."), List.of(), true, true));
    assertTrue(e.getMessage().contains("is the current directory or holds it"), e.getMessage());
    assertThrows(FreezeException.class, () -> AtomicOutput.check(cwd.getParent(), List.of(), true, true));
    Path input = Files.createDirectories(dir.resolve("models/ckpt")).resolve("model.ckpt-1.index");
    FreezeException held = assertThrows(FreezeException.class,
        () -> AtomicOutput.check(dir.resolve("models"), List.of(input), true, true));
    assertTrue(held.getMessage().contains("contains the input"), held.getMessage());
  }

  @Test
  void temporariesOfDeadProcessesAreRemovedByTheNextWrite() throws Exception {
    Process p = new ProcessBuilder("sleep", "60").start();
    long alive = p.pid();
    long start = p.info().startInstant().orElseThrow().toEpochMilli();
    Process q = new ProcessBuilder("true").start();
    q.waitFor();
    long dead = q.pid();
    try {
      Path deadTmp = Files.write(dir.resolve(".frozen.pb.jfreeze-" + dead + "-0-abc.tmp"), MINE);
      Path deadDir = Files.createDirectories(dir.resolve(".sm.jfreeze-" + dead + "-0-abc.tmp/variables"));
      Path reusedPid = Files.write(dir.resolve(".x.pb.jfreeze-" + alive + "-" + (start - 5000) + "-abc.tmp"), MINE);
      Path liveTmp = Files.write(dir.resolve(".y.pb.jfreeze-" + alive + "-" + start + "-abc.tmp"), MINE);
      Path notOurs = Files.write(dir.resolve(".frozen.pb.jfreeze-notes.tmp"), MINE);
      AtomicOutput.writeFile(dir.resolve("frozen.pb"), false, writing("x"));
      assertFalse(Files.exists(deadTmp));
      assertFalse(Files.exists(deadDir.getParent()));
      assertFalse(Files.exists(reusedPid), "same pid, other start time: another process");
      assertTrue(Files.exists(liveTmp), "a running writer's temporary stays");
      assertTrue(Files.exists(notOurs));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aSavedModelMovedAsideByAKilledRunIsPutBack() throws Exception {
    Process q = new ProcessBuilder("true").start();
    q.waitFor();
    Path aside = Files.createDirectories(dir.resolve(".sm.jfreeze-" + q.pid() + "-0-abc.old"));
    Files.write(aside.resolve("saved_model.pb"), MINE);
    AtomicOutput.writeFile(dir.resolve("frozen.pb"), false, writing("x"));
    assertArrayEquals(MINE, Files.readAllBytes(dir.resolve("sm/saved_model.pb")));
    assertFalse(Files.exists(aside, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void parsesOnlyItsOwnTemporaryNames() {
    Temporaries.Temporary t = Temporaries.Temporary.parse(".a.jfreeze-b.pb.jfreeze-12-34-ff.tmp");
    assertNotNull(t);
    assertEquals("a.jfreeze-b.pb", t.output());
    assertEquals(12, t.pid());
    assertEquals(34, t.start());
    assertNull(Temporaries.Temporary.parse(".a.pb.jfreeze-x-34-ff.tmp"));
    assertNull(Temporaries.Temporary.parse("a.pb.jfreeze-12-34-ff.tmp"));
    assertNull(Temporaries.Temporary.parse(".a.pb.jfreeze-12-34-ff.bak"));
  }

  /** Writers racing for one name: without force exactly one wins and the rest fail, leaving nothing. */
  @Test
  void concurrentWritersWithoutForceNeverReplaceEachOther() throws Exception {
    Path out = dir.resolve("frozen.pb");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String body = "writer " + i;
        results.add(pool.submit(() -> {
          go.await();
          try {
            AtomicOutput.writeFile(out, false, writing(body));
            return body;
          } catch (FreezeException e) {
            return null;
          }
        }));
      }
      go.countDown();
      Set<String> won = new java.util.HashSet<>();
      for (Future<String> f : results) {
        String r = f.get(30, TimeUnit.SECONDS);
        if (r != null) {
          won.add(r);
        }
      }
      assertEquals(1, won.size(), won.toString());
      assertEquals(won.iterator().next(), Files.readString(out));
      assertEquals(List.of("frozen.pb"), listing());
    } finally {
      pool.shutdownNow();
    }
  }
}
