package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.github.jfreeze.codec.graph.NodeBytes;
import io.github.jfreeze.codec.testing.FixtureGraphs;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalEdit} against the conversion's rules made through protobuf builders, on every node
 * of the fixtures' graphs (canonical bytes, as the node table stores them): where the byte edit
 * answers, it gives exactly the deterministic bytes of the builder-made node, and those bytes are
 * canonical to {@link NodeBytes} again.
 */
class CanonicalEditTest {
  private static List<NodeDef> fixtureNodes() {
    List<NodeDef> out = new ArrayList<>();
    FixtureGraphs.all().forEach(g -> out.addAll(g.getNodeList()));
    return out;
  }

  @Test
  void editsOfCanonicalBytesEqualTheBuilderMadeNodes() throws IOException {
    List<NodeDef> nodes = fixtureNodes();
    TensorProto tensor = TensorProto.newBuilder().setDtype(DataType.DT_HALF)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(3)))
        .setTensorContent(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6})).build();
    int consts = 0;
    int retyped = 0;
    for (NodeDef n : nodes) {
      n = n.toBuilder().addInput("^control").build(); // inputs go with the Const rewrite
      byte[] bytes = NodeTable.deterministic(n);

      NodeDef.Builder c = NodeDef.newBuilder().setName(n.getName()).setOp("Const").setDevice(n.getDevice())
          .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_HALF).build())
          .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build());
      if (n.containsAttr("_class")) {
        c.putAttr("_class", n.getAttrOrThrow("_class"));
      }
      byte[] edited = CanonicalEdit.toConst(bytes, DataType.DT_HALF_VALUE, tensor.toByteArray());
      assertNotNull(edited, n.getName()); // every canonical node takes this edit
      assertArrayEquals(NodeTable.deterministic(c.build()), edited, n.getName());
      assertTrue(canonical(edited), n.getName());
      consts++;

      for (int index = 0; index < 2; index++) {
        byte[] r = CanonicalEdit.retype(bytes, DataType.DT_DOUBLE_VALUE, index);
        if (r == null) {
          continue;
        }
        NodeDef.Builder b = n.toBuilder();
        ConstantConverter.updateDtype(b, "T", index, DataType.DT_DOUBLE);
        b.removeAttr("_output_shapes");
        assertArrayEquals(NodeTable.deterministic(b.build()), r, n.getName() + " input " + index);
        assertTrue(canonical(r), n.getName());
        retyped++;
      }
    }
    assertTrue(consts > 3000, "nodes: " + consts);
    assertTrue(retyped > consts, "retyped: " + retyped + " of " + consts + " nodes, two inputs each");
  }

  /**
   * A variable whose value is over the node table's hold size becomes a Const held as an object
   * (its value not copied into the table's bytes) by the builder rules, not by the byte edit; a
   * small one is edited in place. Both read back as the Const the rules make.
   */
  @Test
  void onlySmallValuesAreEditedInPlace() {
    for (int elements : new int[] {16, (NodeTable.HOLD / 4) + 1024}) {
      NodeDef variable = NodeDef.newBuilder().setName("v").setOp("VariableV2")
          .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
          .putAttr("shape", AttrValue.newBuilder().setShape(TensorShapeProto.newBuilder()
              .addDim(TensorShapeProto.Dim.newBuilder().setSize(elements))).build()).build();
      NodeDef read = NodeDef.newBuilder().setName("v/read").setOp("Identity").addInput("v")
          .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT_REF).build()).build();
      NodeTable nodes = NodeTable.of(List.of(variable, read));
      java.util.BitSet sub = new java.util.BitSet();
      sub.set(0, 2);
      byte[] content = new byte[4 * elements];
      content[content.length - 1] = 7;
      TensorProto value = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
          .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(elements)))
          .setTensorContent(ByteString.copyFrom(content)).build();
      ConstantConverter converter = new ConstantConverter(nodes, sub, java.util.Map.of());
      converter.convertVariable("v", new ConstantValue(io.github.jfreeze.codec.DType.FLOAT32,
          io.github.jfreeze.codec.TensorShape.of(elements), value, content.length, null));
      NodeDef c = nodes.node(0);
      assertTrue(c.getOp().equals("Const") && c.getAttrOrThrow("value").getTensor().equals(value), "elements " + elements);
      boolean large = elements > 16;
      // held (not canonical bytes) exactly when large
      assertTrue(nodes.canonical(0) != large, "elements " + elements + ": canonical " + nodes.canonical(0));
      assertTrue(nodes.node(1).getAttrOrThrow("T").getType() == DataType.DT_FLOAT);
    }
  }

  /**
   * A streamed Const splits around its value into exactly the deterministic bytes of the node
   * without it and of its tensor; a Const laid out otherwise (another attribute, content already
   * in the tensor) is left to the builder path.
   */
  @Test
  void aStreamedConstSplitsIntoTheNodeWithoutItsValueAndItsTensor() {
    TensorProto head = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(8))).build();
    NodeDef c = NodeDef.newBuilder().setName("w").setOp("Const").setDevice("/cpu:0")
        .putAttr("_class", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
            .addS(ByteString.copyFromUtf8("loc:@v"))).build())
        .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
        .putAttr("value", AttrValue.newBuilder().setTensor(head).build()).build();
    java.util.Set<String> keys = java.util.Set.of("_class", "dtype", "value");
    byte[] bytes = NodeTable.deterministic(c);
    int[] split = CanonicalEdit.streamedValue(bytes, keys);
    assertNotNull(split);
    assertArrayEquals(NodeTable.deterministic(c.toBuilder().removeAttr("value").build()), java.util.Arrays.copyOf(bytes, split[0]));
    assertArrayEquals(head.toByteArray(), java.util.Arrays.copyOfRange(bytes, split[1], bytes.length));

    assertTrue(CanonicalEdit.streamedValue(NodeTable.deterministic(c.toBuilder()
        .putAttr("zz", AttrValue.newBuilder().setI(1).build()).build()), keys) == null, "another attribute");
    assertTrue(CanonicalEdit.streamedValue(NodeTable.deterministic(c.toBuilder().putAttr("value", AttrValue.newBuilder()
        .setTensor(head.toBuilder().setTensorContent(ByteString.copyFrom(new byte[32]))).build()).build()), keys) == null,
        "content already in the tensor");
  }

  /** Whether NodeBytes, where it reads the bytes, finds them canonical. */
  private static boolean canonical(byte[] bytes) {
    NodeBytes scan = new NodeBytes();
    return !scan.scan(ByteBuffer.wrap(bytes), 0, bytes.length) || scan.canonical;
  }
}
