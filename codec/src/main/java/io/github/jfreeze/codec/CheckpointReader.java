package io.github.jfreeze.codec;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a TensorFlow checkpoint, V2 bundle or legacy V1, in pure Java.
 *
 * <pre>{@code
 * try (CheckpointReader ckpt = CheckpointReader.open(Path.of("train/"))) {
 *   for (VariableInfo v : ckpt.variables()) {
 *     System.out.println(v.name() + " " + v.dtype() + v.shape());
 *   }
 *   float[] w = ckpt.read("dense/kernel").toFloatArray();
 * }
 * }</pre>
 *
 * <p>A reader is safe for concurrent reads from many threads. Closing it makes reads in flight and
 * later reads fail with an {@link IOException}. Every block and tensor checksum is verified as it is
 * read; bad data raises {@link CorruptFileException} naming the file and offset.
 */
public interface CheckpointReader extends Closeable {

  /**
   * Opens whatever {@code path} points at: a directory with a {@code checkpoint} state file, a
   * prefix, any {@code .index}/{@code .data-*}/{@code .meta} file of a checkpoint, a V1 file or
   * pattern, or a SavedModel directory (its {@code variables/variables}).
   *
   * @param path where the checkpoint is
   * @return an open reader; close it
   * @throws IOException if the checkpoint cannot be read
   * @throws ModelNotFoundException if no checkpoint is found there (the message says what is)
   * @throws CorruptFileException if the checkpoint is damaged
   */
  static CheckpointReader open(Path path) throws IOException {
    return ModelLocator.locate(path).openCheckpoint();
  }

  /**
   * Which layout the checkpoint has.
   *
   * @return {@link CheckpointFormat#V2} or {@link CheckpointFormat#V1}
   */
  CheckpointFormat format();

  /**
   * The prefix (V2) or the file or file pattern (V1) that was opened.
   *
   * @return the path as opened
   */
  Path prefix();

  /**
   * The files this reader reads: for V2 the {@code .index} file, then the data files by shard; for
   * V1 the table files.
   *
   * @return the files, in that order
   */
  List<Path> files();

  /**
   * How many shards the checkpoint is stored in: the data files of a V2 bundle, the files of a V1
   * checkpoint.
   *
   * @return the number of shards
   */
  int shards();

  /**
   * Every stored tensor in key order; slice entries of partitioned variables are not listed.
   *
   * @return the tensors' descriptions
   */
  List<VariableInfo> variables();

  /**
   * The tensor stored under {@code key}, if any: the entry of {@link #variables()} with that key.
   *
   * @param key a checkpoint key (null: empty)
   * @return its description, or empty
   */
  default Optional<VariableInfo> variable(String key) {
    return variables().stream().filter(v -> v.key().equals(key)).findFirst();
  }

  /**
   * Reads a tensor, assembling partitioned variables and verifying checksums.
   *
   * @param key a checkpoint key
   * @return the tensor's value
   * @throws java.util.NoSuchElementException if there is no tensor {@code key}
   * @throws CorruptFileException if its bytes are damaged
   * @throws IOException if the files cannot be read, or the reader is closed
   */
  Tensor read(String key) throws IOException;

  /**
   * Checks tensor {@code key} as {@link #read} would (its checksum, the layout of its values, how
   * its slices fit together) without keeping it: a V2 tensor of a fixed-size dtype is checked as
   * it streams through a small buffer, so a tensor of any size, over 2 GiB too, is checked in
   * bounded memory. Other tensors are read.
   *
   * @param key a checkpoint key
   * @throws java.util.NoSuchElementException if there is no tensor {@code key}
   * @throws CorruptFileException if its bytes are damaged
   * @throws IOException if the files cannot be read, or the reader is closed
   */
  default void verify(String key) throws IOException {
    read(key);
  }

  /**
   * Things the reader noticed but could work around (e.g. a stale absolute path).
   *
   * @return the warnings, possibly none
   */
  List<String> warnings();

  // Streaming (advanced): copying stored bytes to an output without holding them in memory.

  /**
   * Whether a tensor's stored bytes are exactly its value bytes, so {@link #copyRaw} can copy them
   * as they are: a fixed-size dtype, not partitioned, stored little-endian in a V2 data file.
   *
   * @param key a checkpoint key
   * @return true if {@link #copyRaw}, {@link #prefetch}, {@link #isCached} and {@link #fileOf}
   *     accept it; false for every key of a V1 checkpoint
   */
  default boolean isRawCopyable(String key) {
    return false;
  }

  /**
   * Copies the stored bytes of a {@linkplain #isRawCopyable raw-copyable} tensor to {@code out}
   * through {@code buffer}, verifying its CRC32C on the way; nothing of the tensor is held in
   * memory. On a checksum mismatch the bytes have been written and {@link CorruptFileException} is
   * thrown: write to a temporary file the caller discards on failure.
   *
   * @param key a raw-copyable checkpoint key
   * @param out where the bytes go
   * @param buffer scratch space for the copy
   * @return the number of bytes copied
   * @throws IllegalArgumentException if {@code key} is not raw-copyable
   * @throws IOException if reading or writing fails, or the checksum does not match
   */
  default long copyRaw(String key, WritableByteChannel out, ByteBuffer buffer) throws IOException {
    throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
  }

  /**
   * Brings the stored bytes of a {@linkplain #isRawCopyable raw-copyable} tensor into the page
   * cache ahead of {@link #copyRaw} (for reading the shards of a checkpoint in parallel); a hint
   * only: nothing is checked or kept.
   *
   * @param key a raw-copyable checkpoint key
   * @throws IllegalArgumentException if {@code key} is not raw-copyable
   * @throws IOException if the reader is closed or the file cannot be read
   */
  default void prefetch(String key) throws IOException {
    throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
  }

  /**
   * Whether the bytes of a {@linkplain #isRawCopyable raw-copyable} tensor are likely in the page
   * cache already (its first and last pages are).
   *
   * @param key a raw-copyable checkpoint key
   * @return true if they likely are
   * @throws IllegalArgumentException if {@code key} is not raw-copyable
   * @throws IOException if the reader is closed
   */
  default boolean isCached(String key) throws IOException {
    throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
  }

  /**
   * The data file holding a {@linkplain #isRawCopyable raw-copyable} tensor's bytes.
   *
   * @param key a raw-copyable checkpoint key
   * @return the data file
   * @throws IllegalArgumentException if {@code key} is not raw-copyable
   */
  default Path fileOf(String key) {
    throw new IllegalArgumentException("tensor '" + key + "' cannot be copied raw");
  }
}
