package io.github.jfreeze.cli;

import io.github.jfreeze.freezer.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on a terminal's stderr, rewritten in place: bytes done, rate and time left of the
 * output being written ({@code writing big.pb: 312.0 MiB of 1.0 GiB (30%), 420.5 MiB/s, 2 s left}).
 * Shown only after {@link #DELAY_NANOS} (system property {@code jfreeze.progress.delay-ms}), so
 * quick runs print nothing, and erased when done.
 */
final class ProgressLine implements Progress {
  static final long DELAY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final String what;
  private final LongSupplier clock;
  private final long delayNanos;
  private final long start;
  private int shown; // characters of the line on screen, 0 when none

  ProgressLine(PrintWriter err, String what, LongSupplier clock, long delayNanos) {
    this.err = err;
    this.what = what;
    this.clock = clock;
    this.delayNanos = delayNanos;
    this.start = clock.getAsLong();
  }

  /**
   * A progress line for writing {@code output} when stderr is a terminal and the user did not ask
   * for quiet or JSON output; else null (the library then reports nothing).
   */
  static ProgressLine forOutput(PrintWriter err, Object output, boolean quiet, boolean json) {
    return forWork(err, "writing " + output, quiet, json);
  }

  /** A progress line headed {@code what}, on the same conditions as {@link #forOutput}. */
  static ProgressLine forWork(PrintWriter err, String what, boolean quiet, boolean json) {
    if (quiet || json || !stderrIsTerminal()) {
      return null;
    }
    return new ProgressLine(terminal(err), what, System::nanoTime,
        Long.getLong("jfreeze.progress.delay-ms", DELAY_NANOS / 1_000_000) * 1_000_000);
  }

  /**
   * Where the line goes: {@code err}, or the terminal the launcher passes in {@code
   * JFREEZE_PROGRESS_TTY} when stderr runs through its filter of TensorFlow's log lines (which
   * passes whole lines only, and a progress line is redrawn without ever ending one).
   */
  private static PrintWriter terminal(PrintWriter err) {
    String direct = System.getenv("JFREEZE_PROGRESS_TTY");
    if (direct != null) {
      try {
        return new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(direct, true),
            java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        // no such descriptor: stderr, as without the filter
      }
    }
    return err;
  }

  /**
   * Whether stderr is a terminal. Java cannot tell by itself ({@code System.console()} looks at
   * stdin and stdout), so the launcher says so in {@code JFREEZE_STDERR_TTY}; the system property
   * {@code jfreeze.progress=true} forces it.
   */
  static boolean stderrIsTerminal() {
    return "1".equals(System.getenv("JFREEZE_STDERR_TTY")) || Boolean.getBoolean("jfreeze.progress");
  }

  @Override
  public synchronized void update(long done, long total) {
    long elapsed = clock.getAsLong() - start;
    if (done >= total) {
      clear();
      return;
    }
    if (elapsed < delayNanos) {
      return;
    }
    String line = render(what, done, total, elapsed);
    err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    err.flush();
    shown = line.length();
  }

  private void clear() {
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      shown = 0;
    }
  }

  /** The line for {@code done} of {@code total} bytes after {@code elapsedNanos}. */
  static String render(String what, long done, long total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder b = new StringBuilder(what).append(": ").append(bytes(done)).append(" of ").append(bytes(total));
    b.append(String.format(Locale.ROOT, " (%d%%)", total > 0 ? (int) (done * 100 / total) : 0));
    if (rate > 0) {
      b.append(", ").append(bytes((long) rate)).append("/s, ");
      long left = (long) Math.ceil((total - done) / rate);
      b.append(left >= 60 ? left / 60 + " min " + left % 60 + " s" : left + " s").append(" left");
    }
    return b.toString();
  }

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 312.0 MiB}, {@code 1.0 GiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
