package io.github.jfreeze.cli;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.bundle.BundleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for the class-data-sharing archive the {@code ./jfreeze} launcher starts
 * with ({@code cli/target/jfreeze.jsa}, written by {@code mvn package}): runs the pure-Java
 * commands once each on a model of the zoo, in one JVM, so that the archive holds every class they
 * load (picocli, protobuf's descriptors, codec, freezer, export and rewrite, reports). Loading those from the archive
 * instead of the jars takes roughly a third off the start of every command (benchmark:
 * {@code benchmarks/run.sh}, whole-process {@code freeze} of {@code mid} and {@code inspect} of
 * {@code many}). Not a user command; output is discarded.
 *
 * <pre>java -XX:DumpLoadedClassList=jfreeze.classlist ... io.github.jfreeze.cli.CdsTraining MODEL_DIR
 * java -Xshare:dump -XX:SharedClassListFile=jfreeze.classlist -XX:SharedArchiveFile=jfreeze.jsa ...</pre>
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CdsTraining MODEL_DIR (a checkpoint with its .meta, e.g. testdata/models/mlp)");
      System.exit(Main.USAGE);
    }
    String model = args[0];
    Path dir = Files.createTempDirectory("jfreeze-cds");
    int failed = 0;
    try {
      Path frozen = dir.resolve("frozen.pb");
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
      // and a checkpoint of one 2 MiB tensor: values of a megabyte or more are copied window by
      // window, through a buffer when in the page cache, else file to file while another thread
      // checksums them (FileSource, Checksummer), which the zoo model's small ones never reach;
      // exported both ways (the second forced: this file is cached), or those classes load from
      // the jars in an export or freeze of a large model
      Path large = dir.resolve("large/model.ckpt");
      Files.createDirectories(large.getParent());
      try (BundleWriter w = BundleWriter.create(large, 1)) {
        w.add("w", Tensor.of(DType.FLOAT32, TensorShape.of(512, 1024), ByteBuffer.allocate(2 << 20)), 0);
        w.finish();
      }
      String[][] runs = {
          {"inspect", model},
          {"inspect", "--json", "--verify", model},
          {"freeze", model, "--outputs", "predictions", "-o", frozen.toString()},
          {"freeze", model, "--outputs", "predictions", "-o", frozen.toString(), "--force", "--json"},
          {"inspect", frozen.toString()},
          {"inspect", "--json", frozen.toString()},
          {"inspect", dir.resolve("missing").toString()},
          {"export", model, "--to", "safetensors", "-o", dir.resolve("w.safetensors").toString()},
          {"export", model, "--to", "npz", "-o", dir.resolve("w.npz").toString(), "--json"},
          {"rewrite", model, "-o", dir.resolve("rewritten/model.ckpt").toString()},
          {"rewrite", model, "-o", dir.resolve("rewritten/model.ckpt").toString(), "--inference-only", "--force", "--json"},
          {"export", large.toString(), "--to", "safetensors", "-o", dir.resolve("large.safetensors").toString()},
      };
      for (String[] run : runs) {
        int code = Main.execute(sink, sink, run);
        failed += code == Main.OK || run[1].equals(dir.resolve("missing").toString()) ? 0 : 1;
      }
      String way = System.getProperty("jfreeze.copy");
      System.setProperty("jfreeze.copy", "kernel");
      try {
        failed += Main.execute(sink, sink, "export", large.toString(), "--to", "safetensors", "-o",
            dir.resolve("large.safetensors").toString(), "--force") == Main.OK ? 0 : 1;
      } finally {
        if (way == null) {
          System.clearProperty("jfreeze.copy");
        } else {
          System.setProperty("jfreeze.copy", way);
        }
      }
    } finally {
      // the directory is this run's own (made above): everything in it goes, also after a failure
      try (Stream<Path> written = Files.walk(dir)) {
        for (Path p : written.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    System.exit(failed == 0 ? Main.OK : Main.BAD_INPUT);
  }
}
