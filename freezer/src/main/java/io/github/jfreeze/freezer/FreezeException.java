package io.github.jfreeze.freezer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Freezing cannot go ahead: what was asked does not fit the model (a variable the checkpoint
 * lacks, an output the graph does not have, a graph that is already frozen, ...). Nothing has
 * been written when this is thrown. {@link #reason()} tells the cases apart for callers; the
 * message starts with the file concerned.
 */
public final class FreezeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why freezing stopped. */
  public enum Reason {
    /** No outputs were given and none could be taken from a signature. */
    NO_OUTPUTS,
    /** An output, signature, tag set or initializer named by the user is not in the model. */
    NOT_IN_GRAPH,
    /** The graph needs a variable the checkpoint lacks, or holds with another dtype or shape. */
    VARIABLE_MISMATCH,
    /** The graph has no variables to convert. */
    ALREADY_FROZEN,
    /** The graph has variables but no checkpoint was found to fill them. */
    NO_CHECKPOINT,
    /** The graph uses a construct the freezer cannot rewrite safely. */
    UNSUPPORTED,
    /**
     * The graph contradicts itself: a node refers to a node, function, argument or attribute
     * that is missing or does not fit (a call with more inputs than its function takes).
     */
    INVALID_GRAPH,
    /** The result would exceed a size limit: protobuf's 2 GiB per message, or 2 GiB per npz string array. */
    TOO_LARGE,
    /** The output path is an input, already exists without {@code force}, or is otherwise unusable. */
    BAD_OUTPUT,
    /**
     * Writing the output failed (disk full, file too large, permission denied); what was written
     * was removed and nothing that existed before was touched.
     */
    WRITE_FAILED
  }

  /** What kind of problem. */
  private final Reason reason;
  /** The file concerned, or null. */
  private final transient Path file;
  /** What is wrong. */
  private final String problem;

  /**
   * A freezing problem.
   *
   * @param reason what kind of problem
   * @param file the file the problem is about (the graph, the checkpoint, the output), or null
   *     when the caller will add it with {@link #withFile}
   * @param problem what is wrong, without the file
   */
  public FreezeException(Reason reason, Path file, String problem) {
    this(reason, file, problem, null);
  }

  /**
   * As {@link #FreezeException(Reason, Path, String)}, with the exception that revealed the problem.
   *
   * @param reason what kind of problem
   * @param file the file the problem is about, or null
   * @param problem what is wrong, without the file
   * @param cause the exception that revealed it
   */
  public FreezeException(Reason reason, Path file, String problem, Throwable cause) {
    super(file == null ? problem : file + ": " + problem, cause);
    this.reason = reason;
    this.file = file;
    this.problem = problem;
  }

  /**
   * What kind of problem this is.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The file concerned.
   *
   * @return the file, or null
   */
  public Path file() {
    return file;
  }

  /**
   * What is wrong.
   *
   * @return the problem, without the file
   */
  public String problem() {
    return problem;
  }

  /**
   * This exception naming {@code file}, unless it already names one.
   *
   * @param file the file concerned
   * @return an exception naming a file (this one if it already did)
   */
  public FreezeException withFile(Path file) {
    if (this.file != null || file == null) {
      return this;
    }
    FreezeException e = new FreezeException(reason, file, problem, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
