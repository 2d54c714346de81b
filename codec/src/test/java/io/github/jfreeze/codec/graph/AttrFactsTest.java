package io.github.jfreeze.codec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.testing.FixtureGraphs;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AttrFacts answers what protobuf's parse of the same AttrValue gives, or declines: on every
 * attribute value of the fixtures' and the corpus's graphs, as the files hold them, and on damaged
 * copies that protobuf still parses.
 */
class AttrFactsTest {
  /** Every attribute value of every node (graphs and function bodies), serialized as in the file. */
  private static List<byte[]> fixtureValues() {
    List<byte[]> out = new ArrayList<>();
    for (GraphDef g : FixtureGraphs.all()) {
      List<NodeDef> nodes = new ArrayList<>(g.getNodeList());
      g.getLibrary().getFunctionList().forEach(f -> nodes.addAll(f.getNodeDefList()));
      for (NodeDef n : nodes) {
        n.getAttrMap().values().forEach(v -> out.add(v.toByteArray()));
      }
    }
    return out;
  }

  @Test
  void everyFixtureValueIsReadAsProtobufReadsIt() throws InvalidProtocolBufferException {
    List<byte[]> values = fixtureValues();
    assertTrue(values.size() > 10_000, "attribute values: " + values.size());
    AttrFacts facts = new AttrFacts();
    int[] answered = new int[3];
    int[] asked = new int[3];
    for (byte[] b : values) {
      AttrValue v = AttrValue.parseFrom(b);
      asked[0] += v.hasType() ? 1 : 0;
      asked[1] += v.hasShape() ? 1 : 0;
      asked[2] += v.hasTensor() ? 1 : 0;
      answered[0] += check(facts, b, v) & 1;
      answered[1] += check(facts, b, v) >> 1 & 1;
      answered[2] += check(facts, b, v) >> 2 & 1;
    }
    // the readers must carry the common case, or inspect parses every value again
    for (int k = 0; k < 3; k++) {
      assertTrue(asked[k] > 100 && answered[k] == asked[k], "answered " + Arrays.toString(answered) + " of "
          + Arrays.toString(asked) + " (type, shape, tensor)");
    }
  }

  @Test
  void damagedValuesThatProtobufReadsAreReadTheSameOrDeclined() {
    List<byte[]> values = new ArrayList<>();
    for (byte[] b : fixtureValues()) {
      if (b.length > 0 && (b[0] == 6 << 3 || b[0] == (7 << 3 | 2) || b[0] == (8 << 3 | 2))) {
        values.add(b);
      }
    }
    // and layouts protobuf-java would not write: fields repeated, out of order, defaults given
    values.add(AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setTensorShape(TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(3)))).build().toByteArray());
    byte[] twice = AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setTensorShape(TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(2)))).build().toByteArray();
    values.add(concat(twice, twice));
    values.add(new byte[] {6 << 3, (byte) 0x81, 0}); // type 1, in two bytes
    // a tensor whose shape's tag is written in five bytes, over 32 bits: protobuf keeps the low 32
    values.add(new byte[] {0x42, 0x0A, (byte) 0x92, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10, 0x04, 0x12, 0x02, 0x08, 0x03});
    values.add(new byte[] {6 << 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}); // type -1
    AttrFacts facts = new AttrFacts();
    Random random = new Random(41);
    int parsed = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] b = values.get(random.nextInt(values.size())).clone();
      if (round >= values.size() * 4) {
        switch (random.nextInt(4)) {
          case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
          case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
          default -> b = concat(b, Arrays.copyOfRange(b, 0, random.nextInt(b.length + 1)));
        }
      }
      AttrValue v;
      try {
        v = AttrValue.parseFrom(b);
      } catch (InvalidProtocolBufferException e) {
        continue; // not a valid AttrValue: the readers may answer anything (NodeBytes keeps these from them)
      }
      parsed++;
      check(facts, b, v);
    }
    assertTrue(parsed > 20_000, "damaged values protobuf still parsed: " + parsed);
  }

  /** Compares each answer with protobuf's; returns which of type, shape, tensor were answered (bits 0, 1, 2). */
  private static int check(AttrFacts facts, byte[] b, AttrValue v) {
    int answered = 0;
    long type = facts.type(b, 0, b.length);
    if (type != AttrFacts.UNSURE) {
      assertTrue(v.hasType(), () -> "a type read from " + v);
      assertEquals(v.getTypeValue(), (int) type, v::toString);
      answered |= 1;
    }
    PartialShape shape = facts.shape(b, 0, b.length);
    if (shape != null) {
      assertEquals(GraphSummary.shapeAttr(v), shape, v::toString);
      answered |= v.hasShape() ? 2 : 0;
    }
    long elements = facts.tensorElements(b, 0, b.length);
    if (elements != AttrFacts.UNSURE) {
      assertEquals(PartialShape.fromProto(v.getTensor().getTensorShape()).numElements(), elements, v::toString);
      answered |= v.hasTensor() ? 4 : 0;
    }
    return answered;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
