package io.github.jfreeze.freezer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporaries {@link AtomicOutput} writes beside an output: their names, which carry the
 * writing process's id and start time ({@code .NAME.jfreeze-PID-START-RANDOM.tmp}, and {@code .old}
 * for a directory moved aside), the removal of those a killed process left, and the file-system
 * steps around them (fsync of trees and directories, deletion that never follows a link).
 */
final class Temporaries {
  static final String MARK = ".jfreeze-";
  private static final long PID = ProcessHandle.current().pid();
  private static final long START = startOf(ProcessHandle.current());

  private Temporaries() {}

  /** {@code .NAME.jfreeze-PID-START-RANDOM.KIND}: recognised by {@link #removeStale}. */
  static Path temporary(Path dir, String name, String kind) {
    return dir.resolve("." + name + MARK + PID + "-" + START + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()
        & Long.MAX_VALUE) + "." + kind);
  }

  /** A parsed temporary name: the output it was for, the process that made it, and its kind. */
  record Temporary(String output, long pid, long start, String kind) {
    static Temporary parse(String fileName) {
      if (!fileName.startsWith(".") || !(fileName.endsWith(".tmp") || fileName.endsWith(".old"))) {
        return null;
      }
      int mark = fileName.lastIndexOf(MARK);
      if (mark <= 1) {
        return null;
      }
      String[] parts = fileName.substring(mark + MARK.length(), fileName.length() - 4).split("-");
      if (parts.length != 3) {
        return null;
      }
      try {
        return new Temporary(fileName.substring(1, mark), Long.parseLong(parts[0]), Long.parseLong(parts[1]),
            fileName.substring(fileName.length() - 3));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    boolean orphaned() {
      var p = ProcessHandle.of(pid);
      return p.isEmpty() || !p.get().isAlive() || (start != 0 && startOf(p.get()) != 0 && startOf(p.get()) != start);
    }
  }

  /**
   * Removes the temporaries in {@code dir} left by jfreeze processes that are gone, and puts back a
   * directory a killed run had moved aside when nothing took its place.
   */
  static void removeStale(Path dir) {
    List<Path> stale = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(dir, "." + "*" + MARK + "*")) {
      for (Path p : entries) {
        Temporary t = Temporary.parse(p.getFileName().toString());
        if (t != null && t.orphaned()) {
          stale.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      return; // an unreadable directory: the write itself will say why
    }
    for (Path p : stale) {
      Temporary t = Temporary.parse(p.getFileName().toString());
      try {
        Path original = dir.resolve(t.output());
        if (t.kind().equals("old") && !Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(p, original, StandardCopyOption.ATOMIC_MOVE);
        } else {
          deleteTree(p);
        }
      } catch (IOException | RuntimeException e) {
        // another run is cleaning up too, or it is not ours to remove
      }
    }
  }

  private static long startOf(ProcessHandle p) {
    return p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }

  /** fsync of every file under {@code root}, then of each directory, so the rename publishes durable content. */
  static void syncTree(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Path d = todo.pop();
      dirs.add(d);
      try (var entries = Files.newDirectoryStream(d)) {
        for (Path p : entries) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            todo.push(p);
          } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
              ch.force(true);
            }
          }
        }
      }
    }
    for (Path d : dirs) {
      syncDirectory(d);
    }
  }

  /** fsync of a directory (its entries); not every platform can open one, which is harmless there. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Windows and some file systems cannot sync a directory
    }
  }

  static void deleteQuietly(Path p) {
    try {
      deleteTree(p);
    } catch (IOException | RuntimeException e) {
      // left for removeStale of a later run
    }
  }

  /** Deletes {@code p} and, for a directory, what it holds, never following a symbolic link. */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Deque<Path> todo = new ArrayDeque<>(List.of(p));
    List<Path> order = new ArrayList<>();
    while (!todo.isEmpty()) {
      Path x = todo.pop();
      order.add(x);
      if (Files.isDirectory(x, LinkOption.NOFOLLOW_LINKS)) {
        try (var entries = Files.newDirectoryStream(x)) {
          entries.forEach(todo::push);
        }
      }
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(order.get(i));
    }
  }
}
