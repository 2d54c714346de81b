package io.github.jfreeze.freezer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report names the checkpoint key each variable's value was read from, also when the graph's
 * restore op names a key the checkpoint lacks and the value is found by the variable's name.
 */
class ReportedKeyTest {
  @TempDir Path tmp;

  @Test
  void aVariableFoundByNameIsReportedWithTheKeyItWasReadFrom() throws IOException {
    Path model = TestPaths.testdata().resolve("models").resolve("seed");
    MetaGraphDef meta = MetaGraphDef.parseFrom(Files.readAllBytes(model.resolve("model.ckpt-1.meta")));
    // the saver's list of keys, with its first entry renamed to a key the checkpoint does not hold
    MetaGraphDef.Builder edited = meta.toBuilder();
    String renamed = null;
    for (NodeDef.Builder n : edited.getGraphDefBuilder().getNodeBuilderList()) {
      if (n.getName().equals("save/RestoreV2/tensor_names")) {
        TensorProto.Builder t = n.getAttrOrThrow("value").getTensor().toBuilder();
        renamed = t.getStringVal(0).toString(StandardCharsets.UTF_8);
        t.setStringVal(0, ByteString.copyFromUtf8("no/such/key"));
        n.putAttr("value", n.getAttrOrThrow("value").toBuilder().setTensor(t).build());
      }
    }
    assertEquals("B1", renamed, "the seed model's saver lists B1 first");
    Path graph = tmp.resolve("edited.meta");
    Files.write(graph, edited.build().toByteArray());

    FreezeReport asWritten = Freezer.freeze(FreezeOptions.builder(model.resolve("model.ckpt-1")).outputs(List.of("predictions"))
        .output(tmp.resolve("as-written.pb")).build());
    FreezeReport edit = Freezer.freeze(FreezeOptions.builder(model.resolve("model.ckpt-1")).graph(graph)
        .outputs(List.of("predictions")).output(tmp.resolve("edited.pb")).build());

    // the same values are frozen (the restore subgraph is cut away), and the report says where they came from
    assertArrayEquals(Files.readAllBytes(tmp.resolve("as-written.pb")), Files.readAllBytes(tmp.resolve("edited.pb")));
    Map<String, String> keys = edit.variables().stream()
        .collect(Collectors.toMap(FreezeReport.ConvertedVariable::node, FreezeReport.ConvertedVariable::key));
    assertEquals(Map.of("B1", "B1", "W1", "W1"), keys);
    assertEquals(asWritten.variables(), edit.variables());
  }
}
