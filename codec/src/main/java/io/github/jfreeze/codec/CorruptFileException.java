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

  /** The damaged file, or {@code null}. */
  private final transient Path file;
  /** Where in it, or {@code -1}. */
  private final long offset;
  /** What is wrong. */
  private final String problem;

  /**
   * A problem found in {@code file}.
   *
   * @param file the damaged file, or {@code null} for in-memory data
   * @param offset the byte offset where the problem was found, or {@code -1}
   * @param problem what is wrong, without the file name
   */
  public CorruptFileException(Path file, long offset, String problem) {
    this(file, offset, problem, null);
  }

  /**
   * A problem found in {@code file}, caused by another exception.
   *
   * @param file the damaged file, or {@code null} for in-memory data
   * @param offset the byte offset where the problem was found, or {@code -1}
   * @param problem what is wrong, without the file name
   * @param cause what raised it (a protobuf parse error, say)
   */
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

  /**
   * The file that is damaged.
   *
   * @return the file, or {@code null} for in-memory data
   */
  public Path file() {
    return file;
  }

  /**
   * Where the problem was found.
   *
   * @return the byte offset in {@link #file()}, or {@code -1}
   */
  public long offset() {
    return offset;
  }

  /**
   * What is wrong.
   *
   * @return the problem, without the file name
   */
  public String problem() {
    return problem;
  }

  /**
   * A structure that runs past the end of the file.
   *
   * @param file the file
   * @param offset where the structure starts
   * @param needed bytes it needs
   * @param available bytes that remain
   * @return the exception
   */
  public static CorruptFileException truncated(Path file, long offset, long needed, long available) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "truncated: needs %d bytes but only %d remain", needed, available));
  }

  /**
   * A file too short to hold an sstable footer.
   *
   * @param file the file
   * @param size its size
   * @return the exception
   */
  public static CorruptFileException tooShortForTable(Path file, long size) {
    return new CorruptFileException(file, 0,
        "file is too short to be an sstable (" + size + " bytes, the footer alone is 48)");
  }

  /**
   * An sstable footer without the table magic number (TF's wording).
   *
   * @param file the file
   * @param offset where the magic number is
   * @param found what is there instead
   * @return the exception
   */
  public static CorruptFileException badMagic(Path file, long offset, long found) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "not an sstable (bad magic number 0x%016x, expected 0xdb4775248b80fb57)", found));
  }

  /**
   * A table block whose masked CRC32C does not match (TF's wording).
   *
   * @param file the file
   * @param offset where the block starts
   * @param stored the checksum in the block trailer
   * @param actual the checksum computed
   * @return the exception
   */
  public static CorruptFileException blockChecksumMismatch(Path file, long offset, int stored, int actual) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "block checksum mismatch: stored 0x%08x, computed 0x%08x", stored, actual));
  }

  /**
   * A table block of a compression type TF does not write.
   *
   * @param file the file
   * @param offset where the block starts
   * @param type the type byte found
   * @return the exception
   */
  public static CorruptFileException badBlockType(Path file, long offset, int type) {
    return new CorruptFileException(file, offset,
        "bad block type " + type + " (known: 0 = none, 1 = Snappy)");
  }

  /**
   * A tensor whose masked CRC32C does not match its bundle entry (TF's wording).
   *
   * @param file the data file
   * @param offset where the tensor's bytes start
   * @param key the tensor's key
   * @param stored the checksum in the entry
   * @param actual the checksum computed
   * @return the exception
   */
  public static CorruptFileException tensorChecksumMismatch(Path file, long offset, String key, int stored, int actual) {
    return new CorruptFileException(file, offset, String.format(Locale.ROOT,
        "checksum does not match for tensor '%s': stored 0x%08x vs. calculated on the restored bytes 0x%08x",
        key, stored, actual));
  }
}
