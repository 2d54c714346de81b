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
 * jfreeze freeze many --outputs predictions -o OUT --force} (write and fsync included), in a JVM
 * whose code is compiled already, so what it measures is the work itself, without the JVM's start,
 * picocli or code still running in the interpreter. {@code fullyCompiled} has HotSpot's default
 * tiered compilation (C2); its baseline {@code launcherCompiler} the launcher's
 * {@code -XX:TieredStopAtLevel=1} (C1 only: on two cores a short command finishes sooner without
 * C2, see the launcher). The heap is what {@code Report} gives every fork ({@code -Xmx4g}), the
 * young generation not capped as the launcher caps it. Issue 14's "1/30 of the native-assisted
 * freezer" asks for the whole command in about 0.40 s; these say how much of that the work alone
 * takes once nothing is left to compile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
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

  /** HotSpot's default compilers (C1, then C2 for hot code). */
  @Benchmark
  @Fork(value = 1, jvmArgsPrepend = "-XX:+UseSerialGC")
  public long fullyCompiled() throws IOException {
    return freeze();
  }

  /** Baseline: the launcher's compiler, C1 only, with its collector. */
  @Benchmark
  @Fork(value = 1, jvmArgsPrepend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
  public long launcherCompiler() throws IOException {
    return freeze();
  }
}
