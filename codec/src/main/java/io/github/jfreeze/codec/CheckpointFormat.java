package io.github.jfreeze.codec;

/** The two on-disk checkpoint layouts TensorFlow has used. */
public enum CheckpointFormat {
  /** Tensor bundle: {@code prefix.index} (a table of entries) plus {@code prefix.data-K-of-N}. */
  V2,
  /** Legacy TensorSliceWriter tables with values inside ({@code Save}/{@code SaveSlices}). */
  V1;

  /**
   * The format's id, as in JSON output.
   *
   * @return {@code v2} or {@code v1}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
