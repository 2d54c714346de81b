package io.github.jfreeze.codec;

import io.github.jfreeze.proto.TensorProto;
import java.io.Closeable;
import java.io.IOException;
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
   * @throws ModelNotFoundException if no checkpoint is found there (the message says what is)
   * @throws CorruptFileException if the checkpoint is damaged
   */
  static CheckpointReader open(Path path) throws IOException {
    return ModelLocator.locate(path).openCheckpoint();
  }

  CheckpointFormat format();

  /** The prefix (V2) or the file or file pattern (V1) that was opened. */
  Path prefix();

  /** Every stored tensor in key order; slice entries of partitioned variables are not listed. */
  List<VariableInfo> variables();

  /** The tensor stored under {@code key}, if any. */
  default Optional<VariableInfo> variable(String key) {
    return variables().stream().filter(v -> v.key().equals(key)).findFirst();
  }

  /**
   * Reads a tensor, assembling partitioned variables and verifying checksums.
   *
   * @throws java.util.NoSuchElementException if there is no tensor {@code key}
   */
  Tensor read(String key) throws IOException;

  /** Reads a tensor as a {@link TensorProto} ({@code tensor_content} or {@code string_val}). */
  default TensorProto readProto(String key) throws IOException {
    return read(key).toProto();
  }

  /** Things the reader noticed but could work around (e.g. a stale absolute path). */
  List<String> warnings();
}
