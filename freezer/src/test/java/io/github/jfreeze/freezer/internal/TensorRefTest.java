package io.github.jfreeze.freezer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.FixtureGraphs;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TensorRef#parseAscii} reads every input as {@link TensorRef#parse} does. */
class TensorRefTest {
  @Test
  void theByteParseAgreesWithTheStringParse() {
    List<String> inputs = new ArrayList<>(List.of("a", "^a", "a:1", "a:12:3", "a:x", "a:x:y", "a:", "^", "", ":", "a::",
        "a:0123456789", "a:123456789", "^a:b:7", "^^a", "a:-1", "a:1a"));
    for (GraphDef g : FixtureGraphs.all()) {
      for (NodeDef n : g.getNodeList()) {
        inputs.addAll(n.getInputList());
      }
      g.getLibrary().getFunctionList().forEach(f -> f.getNodeDefList().forEach(n -> inputs.addAll(n.getInputList())));
    }
    assertTrue(inputs.size() > 5000, "inputs: " + inputs.size());
    for (String input : inputs) {
      if (!StandardCharsets.US_ASCII.newEncoder().canEncode(input)) {
        continue;
      }
      TensorRef ref = TensorRef.parse(input);
      byte[] b = (" " + input + " ").getBytes(StandardCharsets.US_ASCII); // not at offset 0, not to the end
      long packed = TensorRef.parseAscii(b, 1, b.length - 1);
      boolean control = (packed & 1) != 0;
      int end = (int) (packed >>> 32);
      String node = new String(b, control ? 2 : 1, end - (control ? 2 : 1), StandardCharsets.US_ASCII);
      assertEquals(ref.control(), control, input);
      assertEquals(ref.node(), node, input);
      assertEquals(ref.index(), (int) (packed & 0xffffffffL) >>> 1, input);
    }
  }
}
