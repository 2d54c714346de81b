package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code StatelessCase}, which TF's converter does not handle: the zoo's case_branches model (written
 * by native TF with {@code Case}) with its Case ops turned into StatelessCase (same attributes) is
 * frozen, and native TF computes the same outputs from the frozen graph as from the original.
 */
class StatelessCaseTest {
  @TempDir Path tmp;

  @Test
  void statelessCaseBranchesAreConverted() throws IOException {
    NativeAssumptions.assumeNatives();
    Path src = TestPaths.testdata().resolve("models/case_branches");
    Path dir = Files.createDirectory(tmp.resolve("stateless_case"));
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Path meta = dir.resolve("model.ckpt-1.meta");
    MetaGraphDef mg = MetaGraphDef.parseFrom(Files.readAllBytes(meta));
    GraphDef.Builder g = mg.getGraphDef().toBuilder();
    int changed = 0;
    for (NodeDef.Builder n : g.getNodeBuilderList()) {
      if (n.getOp().equals("Case")) {
        n.setOp("StatelessCase");
        changed++;
      }
    }
    assertEquals(3, changed);
    Files.write(meta, mg.toBuilder().setGraphDef(g).build().toByteArray());

    Path frozen = tmp.resolve("frozen.pb");
    String outputs = "case_output,case_minus_one_output,case_default_output";
    Freezer.freeze(FreezeOptions.builder(dir).outputs(outputs).output(frozen).build());
    GraphDef f = GraphDef.parseFrom(Files.readAllBytes(frozen));
    f.getLibrary().getFunctionList().forEach(fn -> fn.getNodeDefList().forEach(
        n -> assertTrue(!n.getOp().equals("ReadVariableOp"), fn.getSignature().getName() + "/" + n.getName())));
    NativeVerifier.Result r = NativeVerifier.verify(NativeVerifier.Options.builder(frozen, dir).metaGraph(meta)
        .checkpoint(dir.resolve("model.ckpt-1").toString()).feed("branch_index", "1").fetches(outputs.split(",")).build());
    assertTrue(r.match(), r.outputs().toString());
  }
}
