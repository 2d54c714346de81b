package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.BrokenCheckpoints;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.MetaGraphDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a checkpoint can break: {@code inspect} and {@code freeze} exit 1 with one line naming file and problem. */
class BrokenInputTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(BrokenCheckpoints.class)
  void inspectExitsOneWithOneLine(BrokenCheckpoints defect) throws IOException {
    Path prefix = defect.make(tmp);
    Cli.Result r = Cli.run("inspect", "--verify", prefix.toString()).assertBadInput();
    assertTrue(r.err().contains(defect.message) && r.err().contains(defect.file), r.err());
  }

  @ParameterizedTest
  @EnumSource(value = BrokenCheckpoints.class, names = {"CORRUPT_SNAPPY_BLOCK"}, mode = EnumSource.Mode.EXCLUDE)
  void freezeExitsOneWithOneLineAndWritesNothing(BrokenCheckpoints defect) throws IOException {
    Path prefix = defect.make(tmp);
    Path out = tmp.resolve("out.pb");
    Cli.Result r = Cli.run("freeze", prefix.toString(), "--outputs", "pred", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().contains(defect.message), r.err());
    assertTrue(!java.nio.file.Files.exists(out));
  }

  /** A graph that contradicts itself (a variable given a data input): one line naming the graph and the node. */
  @Test
  void freezeOfAGraphThatContradictsItself() throws IOException {
    Path model = TestPaths.testdata().resolve("models/seed");
    MetaGraphDef.Builder meta = MetaGraphDef.parseFrom(Files.readAllBytes(model.resolve("model.ckpt-1.meta"))).toBuilder();
    meta.getGraphDefBuilder().getNodeBuilderList().stream().filter(n -> n.getName().equals("W1")).forEach(n -> n.addInput("input_holder"));
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, meta.build().toByteArray());
    Path out = tmp.resolve("out.pb");
    Cli.Result r = Cli.run("freeze", model.toString(), "--graph", graph.toString(), "--outputs", "predictions", "-o",
        out.toString()).assertBadInput();
    assertEquals("jfreeze: error: " + graph + ": VariableV2 node 'W1' has data inputs (input_holder); variables take none\n", r.err());
    assertTrue(!Files.exists(out));
  }

  /**
   * The checkpoint's index is read while the graph's nodes are: when both are damaged, the graph's
   * failure is the one reported (as when they were read one after the other), and nothing waits
   * on the index's.
   */
  @Test
  void aDamagedGraphIsReportedBeforeADamagedIndexReadAlongside() throws IOException {
    Path model = tmp.resolve("both");
    Path seed = TestPaths.testdata().resolve("models/seed");
    Files.createDirectories(model);
    for (String f : List.of("checkpoint", "model.ckpt-1.meta", "model.ckpt-1.index", "model.ckpt-1.data-00000-of-00001")) {
      Files.copy(seed.resolve(f), model.resolve(f));
    }
    byte[] meta = Files.readAllBytes(model.resolve("model.ckpt-1.meta"));
    String text = new String(meta, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("dtype", text.indexOf("W1/read")) + 5;
    meta[at] = 0x0f; // an attribute entry's value with wire type 7: the node no longer parses
    Files.write(model.resolve("model.ckpt-1.meta"), meta);
    byte[] index = Files.readAllBytes(model.resolve("model.ckpt-1.index"));
    Files.write(model.resolve("model.ckpt-1.index"), java.util.Arrays.copyOf(index, index.length / 2));
    Path out = tmp.resolve("out.pb");
    Cli.Result r = Cli.run("freeze", model.toString(), "--outputs", "predictions", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + model.resolve("model.ckpt-1.meta") + ": "), r.err());
    assertTrue(!Files.exists(out));
    Files.write(model.resolve("model.ckpt-1.meta"), Files.readAllBytes(seed.resolve("model.ckpt-1.meta")));
    r = Cli.run("freeze", model.toString(), "--outputs", "predictions", "-o", out.toString()).assertBadInput();
    assertTrue(r.err().startsWith("jfreeze: error: " + model.resolve("model.ckpt-1.index") + ": "), r.err());
  }

  /** Out of file descriptors (EMFILE) on any file: the line says what to raise, as the launcher does before Java starts. */
  @Test
  void tooManyOpenFilesSaysWhatToRaise() {
    assertEquals("/m/checkpoint: Too many open files (raise ulimit -n)",
        Main.withAdvice(Main.describe(new java.nio.file.FileSystemException("/m/checkpoint", null, "Too many open files"))));
    assertEquals("/m/model.ckpt-1.index: Too many open files (raise ulimit -n)",
        Main.withAdvice(Main.describe(new IOException("/m/model.ckpt-1.index: Too many open files"))));
    assertEquals("/m/checkpoint: Input/output error",
        Main.withAdvice(Main.describe(new java.nio.file.FileSystemException("/m/checkpoint", null, "Input/output error"))));
    // wrapped (a stage that reads lazily), it is the file's failure, not "unexpected"
    assertEquals("/m/model.ckpt-1.meta: Too many open files", Main.describe(new java.io.UncheckedIOException(
        new java.nio.file.FileSystemException("/m/model.ckpt-1.meta", null, "Too many open files"))));
  }

  /**
   * Issue 10/16: with --json, stdout is one whole JSON document or nothing. Before, a checksum
   * failure part-way through {@code inspect --values --json} left half a document (ending at
   * {@code "slices": []}) on stdout.
   */
  @ParameterizedTest
  @EnumSource(BrokenCheckpoints.class)
  void jsonIsWholeOrNothing(BrokenCheckpoints defect) throws IOException {
    Path prefix = defect.make(tmp);
    Path out = tmp.resolve("out.pb");
    String[][] commands = {
        {"inspect", "--json", prefix.toString()},
        {"inspect", "--json", "--values", prefix.toString()},
        {"inspect", "--json", "--verify", prefix.toString()},
        {"freeze", "--json", prefix.toString(), "--outputs", "pred", "-o", out.toString()},
        {"convert", "--json", prefix.toString(), "--to", "saved-model", "--inputs", "X", "--outputs", "pred", "-o",
            tmp.resolve("sm").toString()}};
    for (String[] args : commands) {
      Cli.Result r = Cli.run(args);
      if (r.code() == 0) {
        r.json(); // parses whole
      } else {
        assertEquals("", r.out(), () -> r.describe("stdout of a failed --json run"));
        r.assertBadInput();
      }
    }
  }

  @Test
  void anInvalidRegularExpressionIsAUsageError() {
    Path model = TestPaths.testdata().resolve("models/seed");
    Cli.Result r = Cli.run("freeze", model.toString(), "--outputs", "predictions", "--include-vars", "([", "-o",
        tmp.resolve("x.pb").toString());
    assertEquals(2, r.code(), r.describe("exit"));
    assertTrue(r.err().startsWith("jfreeze: error: --include-vars/--exclude-vars: '([' is not a valid regular expression"),
        r.err());
    assertTrue(!Files.exists(tmp.resolve("x.pb")));
  }

  /** A FIFO or device as INPUT or --graph: "not a regular file", not "no such file", and never a read that blocks. */
  @Test
  void fifosAndDevicesAreNotRegularFiles() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path model = TestPaths.testdata().resolve("models/seed");
    for (Path p : new Path[] {fifo, Path.of("/dev/zero")}) {
      Cli.Result in = Cli.run("inspect", p.toString()).assertBadInput();
      assertEquals("jfreeze: error: " + p + ": not a regular file (a device, FIFO or socket); give a checkpoint, graph or "
          + "SavedModel file or directory\n", in.err());
      Cli.Result g = Cli.run("freeze", model.toString(), "--graph", p.toString(), "--outputs", "predictions", "-o",
          tmp.resolve("x.pb").toString()).assertBadInput();
      assertTrue(g.err().startsWith("jfreeze: error: " + p + ": not a regular file"), g.err());
    }
  }
}
