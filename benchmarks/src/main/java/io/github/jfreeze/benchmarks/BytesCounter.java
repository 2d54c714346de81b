package io.github.jfreeze.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes processed, reported by JMH beside each benchmark's own score as the secondary result
 * {@code bytes} (bytes per second in throughput mode), as aircompressor's benchmarks do.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class BytesCounter {
  public long bytes;

  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
  }

  public void add(long n) {
    bytes += n;
  }
}
