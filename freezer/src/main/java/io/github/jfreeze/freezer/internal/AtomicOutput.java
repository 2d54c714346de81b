package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.freezer.FreezeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes outputs so that a reader sees either the old file or the complete new one, never a part:
 * a temporary file in the target directory, fsync, then an atomic rename. Refuses to replace an
 * input, or an existing output without {@code force}.
 */
public final class AtomicOutput {
  /** Writes the body of a file. */
  public interface Body {
    void write(OutputStream out, FileChannel channel) throws IOException;
  }

  private AtomicOutput() {}

  /** Temporary files and directories being written; removed if the JVM is stopped (Ctrl-C, kill). */
  private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path p : PENDING) {
        try {
          deleteTree(p);
        } catch (IOException | RuntimeException e) {
          // best effort while the JVM exits
        }
      }
    }, "jfreeze-remove-partial-output"));
  }

  /** Checks {@code target} is a usable output: not an input, not inside one, not existing unless forced. */
  public static Path check(Path target, Collection<Path> inputs, boolean force, boolean directory) throws FreezeException {
    Path abs = target.toAbsolutePath().normalize();
    // compared as given and with symbolic links resolved: a link to the input's directory is the input's directory
    Path resolvedTarget = resolved(abs);
    for (Path in : inputs) {
      Path real = in.toAbsolutePath().normalize();
      Path resolvedIn = resolved(real);
      boolean same = abs.equals(real) || resolvedTarget.equals(resolvedIn) || sameFile(abs, real);
      if (same || abs.startsWith(real) || resolvedTarget.startsWith(resolvedIn)) {
        throw new FreezeException(FreezeException.Reason.BAD_OUTPUT, target, "is " + (same ? "an input" : "inside the input "
            + in) + "; write the output somewhere else");
      }
      if (directory && (real.startsWith(abs) || resolvedIn.startsWith(resolvedTarget))) {
        throw new FreezeException(FreezeException.Reason.BAD_OUTPUT, target, "contains the input " + in
            + "; write the output somewhere else");
      }
    }
    if (Files.exists(abs)) {
      if (!force) {
        throw new FreezeException(FreezeException.Reason.BAD_OUTPUT, target, "already exists; pass --force to replace it");
      }
      if (Files.isDirectory(abs) != directory) {
        throw new FreezeException(FreezeException.Reason.BAD_OUTPUT, target, "exists and is "
            + (directory ? "a file" : "a directory") + "; choose another output path");
      }
    }
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new FreezeException(FreezeException.Reason.BAD_OUTPUT, target, "directory " + parent + " does not exist");
    }
    return abs;
  }

  /** {@code p} with symbolic links resolved as far as it exists (a file not yet written: its directory). */
  private static Path resolved(Path p) {
    try {
      if (Files.exists(p)) {
        return p.toRealPath();
      }
      Path parent = p.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(p.getFileName());
      }
    } catch (IOException e) {
      // unreadable: compare the path as given
    }
    return p;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes a file atomically; returns its size. */
  public static long writeFile(Path target, Body body) throws IOException {
    Path dir = target.getParent();
    Path tmp = dir.resolve("." + target.getFileName() + ".jfreeze-" + UUID.randomUUID() + ".tmp");
    PENDING.add(tmp);
    try {
      return writeFile(target, tmp, body);
    } finally {
      PENDING.remove(tmp);
    }
  }

  private static long writeFile(Path target, Path tmp, Body body) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      try (WriteBehind behind = WriteBehind.start(ch)) {
        body.write(out, ch);
        out.flush();
      }
      ch.force(true);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      move(tmp, target);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return Files.size(target);
  }

  /** Fills a new directory atomically: built beside the target, then renamed into place. */
  public interface DirectoryBody {
    void write(Path dir) throws IOException;
  }

  public static void writeDirectory(Path target, DirectoryBody body) throws IOException {
    Path dir = target.getParent();
    Path tmp = dir.resolve("." + target.getFileName() + ".jfreeze-" + UUID.randomUUID() + ".tmp");
    Files.createDirectory(tmp);
    PENDING.add(tmp);
    Path old = null;
    try {
      body.write(tmp);
      if (Files.exists(target)) {
        old = dir.resolve("." + target.getFileName() + ".jfreeze-old-" + UUID.randomUUID());
        move(target, old);
      }
      move(tmp, target);
      PENDING.remove(tmp);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException | RuntimeException | Error e) {
      PENDING.remove(tmp);
      deleteTree(tmp);
      if (old != null && !Files.exists(target)) {
        move(old, target);
      }
      throw e;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
