package io.github.jfreeze.codec;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code checkpoint} state file that TF's Saver and CheckpointManager keep beside their
 * checkpoints: a text-format {@code CheckpointState} naming the newest prefix and the ones kept.
 *
 * @param file the state file
 * @param latest {@code model_checkpoint_path}, as written (relative or absolute)
 * @param all {@code all_model_checkpoint_paths}, oldest first
 */
public record CheckpointState(Path file, String latest, List<String> all) {
  /** Larger state files are not something TF writes. */
  private static final long MAX_SIZE = 16 << 20;

  /**
   * Reads a {@code checkpoint} state file.
   *
   * @param file the state file
   * @return what it names
   * @throws CorruptFileException if it is not a state file
   * @throws IOException if it cannot be read
   */
  public static CheckpointState read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new CorruptFileException(file, 0, "checkpoint state file of " + size + " bytes is too large (TF writes a few lines)");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new CorruptFileException(file, i, "not a checkpoint state file: binary content (expected text such as "
            + "model_checkpoint_path: \"model.ckpt-100\")");
      }
    }
    var builder = io.github.jfreeze.proto.CheckpointState.newBuilder();
    try {
      TextFormat.Parser.newBuilder().setAllowUnknownFields(true).build()
          .merge(new String(bytes, StandardCharsets.UTF_8), builder);
    } catch (TextFormat.ParseException e) {
      throw new CorruptFileException(file, -1, "not a valid checkpoint state file (line " + e.getLine() + ", column "
          + e.getColumn() + "): " + e.getMessage());
    }
    var proto = builder.build();
    if (proto.getModelCheckpointPath().isEmpty()) {
      throw new CorruptFileException(file, -1, "checkpoint state file has no model_checkpoint_path");
    }
    return new CheckpointState(file, proto.getModelCheckpointPath(), List.copyOf(proto.getAllModelCheckpointPathsList()));
  }
}
