package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.freezer.FreezeException.Reason;

/**
 * A problem with the graph that a rewrite found deep inside its work: the graph contradicts itself
 * ({@link Reason#INVALID_GRAPH}: a call passing more inputs than its function takes, an op without
 * an attribute it must have) or uses a form the rewrite does not handle ({@link Reason#UNSUPPORTED}).
 * {@link io.github.jfreeze.freezer.Freezer} and the SavedModel converter turn it into a
 * {@code FreezeException} naming the graph file.
 */
public final class GraphProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /** The graph contradicts itself. */
  public GraphProblem(String problem) {
    this(Reason.INVALID_GRAPH, problem);
  }

  public GraphProblem(Reason reason, String problem) {
    super(problem, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
