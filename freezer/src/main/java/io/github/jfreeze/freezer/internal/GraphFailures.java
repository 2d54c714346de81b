package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.FreezeException.Reason;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one error wrapper of the freezer and the converter: whatever goes wrong while a graph is
 * rewritten leaves as a {@link FreezeException} naming the graph file.
 */
public final class GraphFailures {
  private GraphFailures() {}

  /**
   * Work on one graph that may fail.
   *
   * @param <T> what it makes
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @return what it made
     * @throws IOException if it fails
     */
    T run() throws IOException;
  }

  /**
   * Runs {@code work} on the graph in {@code graphFile}: a {@link FreezeException} without a file
   * gets this one, a {@link GraphProblem} becomes a FreezeException of its reason, and any other
   * runtime exception an {@link Reason#INVALID_GRAPH} one. The checks before each rewrite should
   * leave nothing for that last case; a graph that contradicts itself in a way they miss still gets
   * a typed error naming the file rather than a crash. The fuzz targets (FreezerFuzzTest) treat that
   * path as a finding.
   *
   * @param <T> what the work makes
   * @param graphFile the graph the work is on
   * @param tool who works on it, for the message: {@code freezer} or {@code converter}
   * @param work the work
   * @return what the work made
   * @throws IOException the work's failure, as above
   */
  public static <T> T naming(Path graphFile, String tool, Work<T> work) throws IOException {
    try {
      return work.run();
    } catch (FreezeException e) {
      throw e.withFile(graphFile);
    } catch (GraphProblem e) {
      throw new FreezeException(e.reason(), graphFile, e.getMessage());
    } catch (RuntimeException e) {
      throw new FreezeException(Reason.INVALID_GRAPH, graphFile,
          "the graph is inconsistent in a way the " + tool + " does not check for (" + e + ")", e);
    }
  }
}
