package io.github.jfreeze.freezer.internal;

/**
 * A graph that contradicts itself in a way a rewrite found (a call passing more inputs than its
 * function takes, an op without an attribute it must have). Thrown from deep inside the rewrites;
 * {@link io.github.jfreeze.freezer.Freezer} turns it into a {@code FreezeException} with reason
 * {@code INVALID_GRAPH} naming the graph file.
 */
public final class GraphInconsistency extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GraphInconsistency(String problem) {
    super(problem, null, false, false);
  }
}
