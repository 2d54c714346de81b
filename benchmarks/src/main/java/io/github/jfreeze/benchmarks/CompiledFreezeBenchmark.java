package io.github.jfreeze.benchmarks;

import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under a whole-process freeze of a model of many variables: the same freeze as {@code
 * jfreeze freeze many --outputs predictions -o OUT --force} (write and fsync included, to {@code
 * java.io.tmpdir}), in a JVM whose code is compiled already, so what it measures is the work itself,
 * without the JVM's start, picocli or code still running in the interpreter. Both forks have the
 * launcher's collector and young generation ({@code -XX:+UseSerialGC -XX:MaxNewSize=32m}; the heap
 * is what {@code Report} gives every fork, {@code -Xmx4g}, where the launcher leaves Java's default).
 * {@code fullyCompiled} has HotSpot's default tiered compilation (C2 for hot code); its baseline
 * {@code launcherCompiler} the launcher's compiler flags as well ({@code -XX:TieredStopAtLevel=1} and
 * its lowered C1 thresholds: on two cores a short command finishes sooner without C2, see the
 * launcher). Issue 14's "1/30 of the native-assisted freezer" asks for the whole command in about
 * 0.42 s (12.7 s / 30 in the table of record); these say how much of that the work alone takes once
 * nothing is left to compile, and {@code benchmarks/run.sh} puts them beside that budget. One
 * operation takes 0.2 to 1 s, so the iterations are long and the warm-up too: with two warm-up
 * iterations of 3 s the rate still rose through the measured ones, hence five of 5 s. Even so the
 * C1 fork's rate has moved by a fifth between runs and within one: read its row loosely.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class CompiledFreezeBenchmark {
  @Param({"many"})
  public String model;

  private Path input;
  private Path out;

  @Setup
  public void setup() throws IOException {
    input = Models.dir(model);
    out = Files.createTempDirectory("jfreeze-bench").resolve("frozen.pb");
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(out);
    Files.deleteIfExists(out.getParent());
  }

  private long freeze() throws IOException {
    return Freezer.freeze(FreezeOptions.builder(input).outputs(Models.OUTPUT).output(out).force(true).build()).outputBytes();
  }

  /** HotSpot's default compilers (C1, then C2 for hot code), with the launcher's collector. */
  @Benchmark
  @Fork(value = 1, jvmArgsPrepend = {"-XX:+UseSerialGC", "-XX:MaxNewSize=32m"})
  public long fullyCompiled() throws IOException {
    return freeze();
  }

  /**
   * Baseline: the launcher's JVM flags except its class-data archive (C1 only with its thresholds, its
   * collector and young generation).
   */
  @Benchmark
  @Fork(value = 1, jvmArgsPrepend = {"-XX:+UseSerialGC", "-XX:MaxNewSize=32m", "-XX:TieredStopAtLevel=1",
      "-XX:Tier3InvocationThreshold=50", "-XX:Tier3MinInvocationThreshold=20", "-XX:Tier3CompileThreshold=300",
      "-XX:Tier3BackEdgeThreshold=3000"})
  public long launcherCompiler() throws IOException {
    return freeze();
  }
}
