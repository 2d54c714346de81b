package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.CorruptFileException;
import io.github.jfreeze.codec.ModelNotFoundException;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way jfreeze writes an output, so that it never destroys what the run did not create.
 *
 * <ul>
 *   <li>The output is written to a temporary in the output's directory, flushed to disk ({@code
 *       fsync}), then published by a rename: a reader sees the old file or the whole new one.
 *   <li>Without {@code force}, publishing never replaces anything, even a file that appeared while
 *       the output was written: a file is published with a hard link, which fails when the name
 *       exists ({@code link(2)}); a directory with a rename, which cannot replace a file or a
 *       non-empty directory.
 *   <li>With {@code force}, only a regular file is replaced, and for a directory output only a
 *       SavedModel directory holding nothing but what jfreeze writes there ({@link #SAVED_MODEL_ENTRIES}),
 *       never the working directory or a directory that holds an input.
 *   <li>Devices, FIFOs, sockets and symbolic links are never written through or replaced: the user
 *       gives the path a link points to.
 *   <li>No input of the run is ever an output: compared by file identity ({@code dev}/{@code inode}),
 *       so another name for an input (a hard link, a path through a link) is refused too, and no
 *       output may lie inside an input directory.
 *   <li>Temporary names carry the writing process's id and start time: a later write into the same
 *       directory removes those whose process is gone (a run killed with {@code kill -9}), and puts
 *       back a SavedModel a killed {@code --force} run had moved aside. A stopped run (Ctrl-C,
 *       SIGTERM) removes its own in a shutdown hook.
 *   <li>A failure while writing (disk full, file too large, permission denied) removes the
 *       temporary and is reported as a {@link FreezeException} naming the output, not the temporary.
 * </ul>
 */
public final class AtomicOutput {
  /** Writes the body of a file. */
  public interface Body {
    void write(OutputStream out, FileChannel channel) throws IOException;
  }

  /** Writes the bodies of several files, one channel each, in the order of their targets. */
  public interface FilesBody {
    void write(List<FileChannel> channels) throws IOException;
  }

  /** Fills a new directory. */
  public interface DirectoryBody {
    void write(Path dir) throws IOException;
  }

  /** What a SavedModel directory written by jfreeze may hold; only such a directory is replaced with {@code force}. */
  static final Set<String> SAVED_MODEL_ENTRIES = Set.of("saved_model.pb", "saved_model.pbtxt", "variables", "assets",
      "assets.extra", "fingerprint.pb");


  /** Temporary files and directories being written; removed if the JVM is stopped (Ctrl-C, SIGTERM). */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : PENDING) {
          try {
            Temporaries.deleteTree(p);
          } catch (IOException | RuntimeException e) {
            // best effort while the JVM exits
          }
        }
      }, "jfreeze-remove-partial-output"));
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: nothing will be written
    }
  }

  private AtomicOutput() {}

  /**
   * Checks {@code target} is a usable output and returns it absolute: not an input nor inside one
   * (by file identity), not a device, FIFO, socket or symbolic link, and not existing unless
   * {@code force} allows replacing it (a regular file; a directory only as {@link #writeDirectory}
   * would replace it).
   */
  public static Path check(Path target, Collection<Path> inputs, boolean force, boolean directory) throws FreezeException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "directory " + parent + " does not exist");
    }
    Path resolvedTarget = resolved(abs);
    for (Path in : inputs) {
      Path real = in.toAbsolutePath().normalize();
      Path resolvedIn = resolved(real);
      boolean same = abs.equals(real) || resolvedTarget.equals(resolvedIn) || sameFile(abs, real);
      if (same || abs.startsWith(real) || resolvedTarget.startsWith(resolvedIn)) {
        throw new FreezeException(Reason.BAD_OUTPUT, target, "is " + (same ? "an input" : "inside the input " + in)
            + " of this run; write the output somewhere else");
      }
      if (directory && (real.startsWith(abs) || resolvedIn.startsWith(resolvedTarget))) {
        throw new FreezeException(Reason.BAD_OUTPUT, target, "contains the input " + in + "; write the output somewhere else");
      }
    }
    BasicFileAttributes attrs = attributes(abs);
    if (attrs != null) {
      checkReplaceable(target, abs, attrs, force, directory);
    }
    return abs;
  }

  /** Whether an existing {@code abs} may be replaced; throws saying why not. */
  private static void checkReplaceable(Path target, Path abs, BasicFileAttributes attrs, boolean force, boolean directory)
      throws FreezeException {
    if (attrs.isSymbolicLink()) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "is a symbolic link; jfreeze does not write through links "
          + "(give the path it points to)");
    }
    if (attrs.isOther()) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "is not a regular file (a device, FIFO or socket); "
          + "jfreeze writes only regular files and directories");
    }
    if (!force) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "already exists; set " + forceOption(directory) + " to replace it");
    }
    if (attrs.isDirectory() != directory) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "exists and is " + (directory ? "a file" : "a directory")
          + "; choose another output path");
    }
    if (directory) {
      checkReplaceableDirectory(target, abs);
    }
  }

  private static void checkReplaceableDirectory(Path target, Path abs) throws FreezeException {
    Path cwd = Path.of("").toAbsolutePath();
    if (cwd.startsWith(abs) || sameFile(abs, cwd)) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "is the current directory or holds it; jfreeze never "
          + "replaces it, even with " + forceOption(true));
    }
    List<String> foreign = new ArrayList<>();
    try (var entries = Files.list(abs)) {
      entries.forEach(p -> {
        String name = p.getFileName().toString();
        if (!SAVED_MODEL_ENTRIES.contains(name) || Files.isSymbolicLink(p)) {
          foreign.add(name);
        }
      });
    } catch (IOException e) {
      throw new FreezeException(Reason.BAD_OUTPUT, target, "cannot list the directory to replace (" + reason(e) + ")", e);
    }
    if (!foreign.isEmpty()) {
      foreign.sort(null);
      throw new FreezeException(Reason.BAD_OUTPUT, target, "is a directory holding other files (" + String.join(", ",
          foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", ..." : "")
          + "); " + forceOption(true) + " replaces only a SavedModel directory (saved_model.pb, variables/, assets/); choose another path");
    }
  }

  /**
   * Writes a file atomically (see the class comment); returns its size.
   *
   * @param force whether an existing regular file may be replaced; without it, a file that
   *     appeared meanwhile is left as it is and the write fails
   */
  public static long writeFile(Path target, boolean force, Body body) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Temporaries.removeStale(dir);
    Path tmp = Temporaries.temporary(dir, abs.getFileName().toString(), "tmp");
    PENDING.add(tmp);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        try (WriteBehind behind = WriteBehind.start(ch)) {
          body.write(out, ch);
          out.flush();
        }
        ch.force(true);
      }
      publishFile(target, abs, tmp, force);
      Temporaries.syncDirectory(dir);
      return Files.size(abs);
    } catch (IOException e) {
      throw writeFailure(target, tmp, e);
    } finally {
      Temporaries.deleteQuietly(tmp);
      PENDING.remove(tmp);
    }
  }

  /**
   * Writes several files that make one output (a checkpoint's data files, {@code .meta} and index)
   * as {@link #writeFile} writes one: each to a temporary beside it, all flushed to disk, then
   * published one by one in the order given (the file that makes the output visible last). When a
   * later one cannot be published, those published before it by this call are removed again unless
   * they replaced a file ({@code force}).
   *
   * @return the total size of the files
   */
  public static long writeFiles(List<Path> targets, boolean force, FilesBody body) throws IOException {
    Path dir = targets.get(0).toAbsolutePath().normalize().getParent();
    Temporaries.removeStale(dir);
    List<Path> tmps = new ArrayList<>();
    List<FileChannel> channels = new ArrayList<>();
    List<WriteBehind> behind = new ArrayList<>();
    Path failing = targets.get(0);
    try {
      try {
        for (Path t : targets) {
          Path tmp = Temporaries.temporary(dir, t.getFileName().toString(), "tmp");
          PENDING.add(tmp);
          tmps.add(tmp);
          FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          channels.add(ch);
          behind.add(WriteBehind.start(ch));
        }
        body.write(channels);
        for (WriteBehind w : behind) {
          w.close();
        }
        behind.clear();
        for (FileChannel ch : channels) {
          ch.force(true);
        }
      } finally {
        for (WriteBehind w : behind) {
          w.close();
        }
        for (FileChannel ch : channels) {
          ch.close();
        }
      }
      List<Path> published = new ArrayList<>();
      try {
        for (int i = 0; i < targets.size(); i++) {
          failing = targets.get(i);
          Path abs = failing.toAbsolutePath().normalize();
          publishFile(failing, abs, tmps.get(i), force);
          published.add(abs);
        }
      } catch (IOException e) {
        if (!force) {
          for (Path p : published) {
            Files.deleteIfExists(p);
          }
        }
        throw e;
      }
      Temporaries.syncDirectory(dir);
      long size = 0;
      for (Path t : targets) {
        size += Files.size(t);
      }
      return size;
    } catch (IOException e) {
      throw writeFailure(failing, tmps.isEmpty() ? failing : tmps.get(0), e);
    } finally {
      for (Path tmp : tmps) {
        Temporaries.deleteQuietly(tmp);
        PENDING.remove(tmp);
      }
    }
  }

  private static void publishFile(Path target, Path abs, Path tmp, boolean force) throws IOException {
    BasicFileAttributes now = attributes(abs);
    if (force) {
      if (now != null) {
        // it may have been replaced by a link, a device or a directory since check()
        checkReplaceable(target, abs, now, true, false);
      }
      move(tmp, abs); // a regular file, or nothing (another writer's file may appear meanwhile: force replaces it)
      return;
    }
    if (now != null) {
      throw appeared(target, null);
    }
    try {
      Files.createLink(abs, tmp);
    } catch (FileAlreadyExistsException e) {
      throw appeared(target, null);
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileSystemException fse && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw appeared(target, fse);
      }
      // a file system without hard links: rename without replacing (checked, not atomic)
      Files.move(tmp, abs);
    }
  }

  private static FreezeException appeared(Path target, Throwable cause) {
    return new FreezeException(Reason.BAD_OUTPUT, target, "appeared while jfreeze was writing it; it was left as it is "
        + "(set " + forceOption(false) + " to replace it)", cause);
  }

  /** The library option that allows replacing an output: messages name it, the CLI shows its flag instead. */
  private static String forceOption(boolean directory) {
    return directory ? "ConvertOptions.force" : "FreezeOptions.force(true)";
  }

  /**
   * Writes a directory atomically: built beside the target under a temporary name, then renamed
   * into place; with {@code force}, an existing SavedModel directory (checked by {@link #check}) is
   * moved aside first and removed once the new one is in place.
   */
  public static void writeDirectory(Path target, boolean force, DirectoryBody body) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Temporaries.removeStale(dir);
    Path tmp = Temporaries.temporary(dir, abs.getFileName().toString(), "tmp");
    Files.createDirectory(tmp);
    PENDING.add(tmp);
    Path old = null;
    try {
      body.write(tmp);
      Temporaries.syncTree(tmp);
      BasicFileAttributes now = attributes(abs);
      if (now != null) {
        checkReplaceable(target, abs, now, force, true);
        old = Temporaries.temporary(dir, abs.getFileName().toString(), "old");
        move(abs, old);
      }
      try {
        move(tmp, abs);
      } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
        throw new FreezeException(Reason.BAD_OUTPUT, target, "appeared while jfreeze was writing it; it was left as it is");
      }
      Temporaries.syncDirectory(dir);
      if (old != null) {
        Temporaries.deleteTree(old);
        old = null;
      }
    } catch (IOException e) {
      if (old != null && !Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        move(old, abs);
      }
      throw writeFailure(target, tmp, e);
    } finally {
      Temporaries.deleteQuietly(tmp);
      PENDING.remove(tmp);
    }
  }

  /** A failure while writing, naming the output (the temporary is an implementation detail). */
  private static IOException writeFailure(Path target, Path tmp, IOException e) {
    if (e instanceof FreezeException || e instanceof CorruptFileException || e instanceof ModelNotFoundException) {
      return e;
    }
    if (e instanceof FileSystemException fse && fse.getFile() != null && !fse.getFile().contains(Temporaries.MARK)
        && !Path.of(fse.getFile()).toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
      return e; // about another file: an input being read
    }
    return new FreezeException(Reason.WRITE_FAILED, target, "cannot write: " + reason(e), e);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** {@code p}'s attributes without following a link, or null when nothing is there. */
  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
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

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

}
