package io.github.jfreeze.codec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A model file is damaged, truncated, or not what it claims to be. Carries the file and the byte
 * offset where the problem was found ({@code -1} when no single offset applies). Messages reuse
 * TensorFlow's wording where users will search for it.
 *
 * <p>Thrown for bad <em>data</em> only; misuse of the API gets the usual unchecked exceptions.
 */
public final class CorruptFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;
  private final String problem;

  public CorruptFileException(Path file, long offset, String problem) {
    this(file, offset, problem, null);
  }

  public CorruptFileException(Path file, long offset, String problem, Throwable cause) {
    super(format(file, offset, problem), cause);
    this.file = file;
    this.offset = offset;
    this.problem = problem;
  }

  private static String format(Path file, long offset, String problem) {
    return (file == null ? "<memory>" : file.toString()) + ": " + problem
        + (offset >= 0 ? " (at offset " + offset + ")" : "");
  }

  /** The file that is damaged, or {@code null} for in-memory data. */
  public Path file() {
    return file;
  }

  /** Byte offset in {@link #file()} where the problem was found, or {@code -1}. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the file name. */
  public String problem() {
    return problem;
  }

  public static CorruptFileException truncated(Path file, long offset, long needed, long available) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "truncated: needs %d bytes but only %d remain", needed, available));
  }

  public static CorruptFileException tooShortForTable(Path file, long size) {
    return new CorruptFileException(file, 0,
        "file is too short to be an sstable (" + size + " bytes, the footer alone is 48)");
  }

  public static CorruptFileException badMagic(Path file, long offset, long found) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "not an sstable (bad magic number 0x%016x, expected 0xdb4775248b80fb57)", found));
  }

  public static CorruptFileException blockChecksumMismatch(Path file, long offset, int stored, int actual) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "block checksum mismatch: stored 0x%08x, computed 0x%08x", stored, actual));
  }

  public static CorruptFileException badBlockType(Path file, long offset, int type) {
    return new CorruptFileException(file, offset,
        "bad block type " + type + " (known: 0 = none, 1 = Snappy)");
  }

  public static CorruptFileException tensorChecksumMismatch(Path file, long offset, String key, int stored, int actual) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "checksum does not match for tensor '%s': stored 0x%08x vs. calculated on the restored bytes 0x%08x",
        key, stored, actual));
  }
}
