package io.github.jfreeze.codec.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Work started on a daemon thread of its own and joined later: two reads of a model that do not
 * depend on each other (its graph and its checkpoint's index) overlap. {@link #join} throws what
 * the work threw, as it threw it.
 *
 * @param <T> what the work makes
 */
public final class Background<T> {
  private final FutureTask<T> task;
  private final String name;

  private Background(FutureTask<T> task, String name) {
    this.task = task;
    this.name = name;
  }

  /**
   * Starts {@code work} on a daemon thread named {@code name}.
   *
   * @return the work, to {@link #join} or {@link #discard}
   */
  public static <T> Background<T> start(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return new Background<>(task, name);
  }

  /**
   * Waits for the work; its result, or what it threw.
   *
   * @throws IOException as the work threw it
   */
  public T join() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + name);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops work whose result holds nothing to release (interrupting it) when nobody will join it. */
  public void cancel() {
    task.cancel(true);
  }

  /**
   * Gives up on the work when nobody will join it: waits for it to end without interrupting it
   * (an interrupted read closes its channel half-way) and hands what it made, if anything, to
   * {@code release} (closes an opened reader).
   *
   * @return what the work (or {@code release}) threw, for the caller to add as suppressed to its
   *     own failure, or null
   */
  public Throwable discard(Consumer<? super T> release) {
    boolean interrupted = false;
    Throwable thrown = null;
    while (true) {
      try {
        T made = task.get();
        if (made != null) {
          release.accept(made);
        }
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        thrown = e.getCause();
        break;
      } catch (java.util.concurrent.CancellationException e) {
        break;
      } catch (RuntimeException | Error e) {
        thrown = e; // from release
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return thrown;
  }
}
