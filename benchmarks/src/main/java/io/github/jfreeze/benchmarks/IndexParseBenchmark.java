package io.github.jfreeze.benchmarks;

import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.graph.GraphScan;
import io.github.jfreeze.codec.graph.MetaGraphSummary;
import io.github.jfreeze.proto.MetaGraphDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Reading what a checkpoint holds, as {@code jfreeze inspect} does: the {@code .index} (a table
 * of 200 to 20,000 entries: {@code openIndex}, against {@code readIndexBytes}, the bytes alone),
 * and the {@code .meta} beside it ({@code scanMetaGraph}, the summary read without building the
 * graph, against {@code parseMetaGraph}, protobuf's full parse plus the same summary). Bytes are
 * those of the file read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class IndexParseBenchmark {
  @Param({"many", "big"})
  public String model;

  private Path prefix;
  private Path index;
  private Path meta;
  private long indexBytes;
  private long metaBytes;

  @Setup
  public void setup() throws IOException {
    prefix = Models.prefix(model);
    index = BundleReader.indexFile(prefix);
    meta = prefix.resolveSibling(Models.PREFIX + ".meta");
    indexBytes = Files.size(index);
    metaBytes = Files.size(meta);
  }

  /** Opens the bundle: parses and checks every index entry, opens the data files. */
  @Benchmark
  public int openIndex(BytesCounter bytes) throws IOException {
    try (BundleReader r = BundleReader.open(prefix)) {
      bytes.add(indexBytes);
      return r.variables().size();
    }
  }

  /** Baseline: reading the index file's bytes, nothing parsed. */
  @Benchmark
  public byte[] readIndexBytes(BytesCounter bytes) throws IOException {
    bytes.add(indexBytes);
    return Files.readAllBytes(index);
  }

  /** The .meta summarized as inspect does: nodes scanned from the wire, no GraphDef built. */
  @Benchmark
  public MetaGraphSummary scanMetaGraph(BytesCounter bytes) throws IOException {
    bytes.add(metaBytes);
    return GraphScan.readMetaGraph(meta).summary();
  }

  /** Baseline: protobuf parses the whole MetaGraphDef, then the same summary. */
  @Benchmark
  public MetaGraphSummary parseMetaGraph(BytesCounter bytes) throws IOException {
    bytes.add(metaBytes);
    return MetaGraphSummary.of((MetaGraphDef) GraphFile.read(meta).message());
  }
}
