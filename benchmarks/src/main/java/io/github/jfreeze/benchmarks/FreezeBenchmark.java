package io.github.jfreeze.benchmarks;

import io.github.jfreeze.bridge.NativeTensor;
import io.github.jfreeze.bridge.NativeVariables;
import io.github.jfreeze.codec.graph.GraphSummary;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.freezer.VariableValueSource;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.proto.MetaGraphDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Freezing a model into a file, in process (no JVM start; the whole-process comparison is in
 * benchmarks/run.sh): {@code pureJava}, jfreeze reading the checkpoint itself and streaming the
 * weights into the GraphDef, against {@code nativeAssisted}, the baseline where TensorFlow (TF Java
 * 1.1.0, TF 2.18) imports the graph, restores the checkpoint in a session and hands the variables
 * over, followed by the same rewrite and an in-memory GraphDef ({@code jfreeze freeze
 * --native-values}). Both write atomically with an fsync. Bytes are the checkpoint's data bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 5, time = 3)
public class FreezeBenchmark {
  @Param({"mid"})
  public String model;

  private Path input;
  private Path meta;
  private Path out;
  private long dataBytes;
  private List<String> variables;

  @Setup
  public void setup() throws IOException {
    input = Models.dir(model);
    meta = input.resolve(Models.PREFIX + ".meta");
    out = Files.createTempDirectory("jfreeze-bench").resolve("frozen.pb");
    dataBytes = Models.dataBytes(model);
    variables = GraphSummary.of((MetaGraphDef) GraphFile.read(meta).message()).variables().stream()
        .map(GraphSummary.Variable::name).toList();
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(out);
    Files.deleteIfExists(out.getParent());
  }

  private FreezeOptions.Builder options() {
    return FreezeOptions.builder(input).outputs(Models.OUTPUT).output(out).force(true);
  }

  @Benchmark
  public long pureJava(BytesCounter bytes) throws IOException {
    FreezeReport r = Freezer.freeze(options().build());
    bytes.add(dataBytes);
    return r.outputBytes();
  }

  /** Baseline: values from a native TensorFlow session that restored the checkpoint. */
  @Benchmark
  public long nativeAssisted(BytesCounter bytes) throws IOException {
    Map<String, NativeTensor> restored = NativeVariables.restore(meta, input.resolve(Models.PREFIX).toString(), variables);
    VariableValueSource values = (node, key) -> Optional.ofNullable(restored.get(node)).map(NativeTensor::toTensor);
    FreezeReport r = Freezer.freeze(options().values(values).build());
    bytes.add(dataBytes);
    return r.outputBytes();
  }
}
