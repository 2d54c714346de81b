package io.github.jfreeze.codec.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.CollectionDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SavedModel;
import io.github.jfreeze.proto.VariableDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * VariableDefFacts' plain reader gives what {@code VariableDef.parseFrom} gives, and leaves to protobuf
 * (refuses) what protobuf fails on: on every
 * bytes-list entry of every MetaGraphDef in the fixtures and the corpus (VariableDefs, and entries of
 * other collections read as one), and on damaged copies.
 */
class VariableDefFactsTest {
  /** Every bytes-list collection entry of the fixtures' and the corpus's MetaGraphDefs, with whether its collection lists variables. */
  private static List<ByteString> entries(boolean variablesOnly) throws IOException {
    List<ByteString> out = new ArrayList<>();
    for (Path root : List.of(TestPaths.testdata(), TestPaths.corpus())) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          String n = p.getFileName().toString();
          if (Files.size(p) > 64 << 20 || !(n.endsWith(".meta") || n.equals("saved_model.pb"))) {
            continue;
          }
          List<MetaGraphDef> metas = new ArrayList<>();
          try {
            if (n.endsWith(".meta")) {
              metas.add(MetaGraphDef.parseFrom(Files.readAllBytes(p)));
            } else {
              metas.addAll(SavedModel.parseFrom(Files.readAllBytes(p)).getMetaGraphsList());
            }
          } catch (InvalidProtocolBufferException e) {
            continue; // a damaged fixture
          }
          for (MetaGraphDef m : metas) {
            for (var e : m.getCollectionDefMap().entrySet()) {
              CollectionDef c = e.getValue();
              if (c.hasBytesList() && (!variablesOnly || e.getKey().endsWith("variables"))) {
                out.addAll(c.getBytesList().getValueList());
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyCollectionEntryIsReadAsProtobufReadsIt() throws IOException {
    List<ByteString> variables = entries(true);
    assertTrue(variables.size() > 100, "VariableDefs in the fixtures: " + variables.size());
    int scanned = 0;
    for (ByteString b : variables) {
      check(b);
      scanned += new VariableDefFacts.Reader().read(b) ? 1 : 0;
    }
    // the plain layout must carry the common case, or inspect parses them all again
    assertTrue(scanned > variables.size() * 9L / 10, "read without protobuf: " + scanned + " of " + variables.size());
    for (ByteString b : entries(false)) {
      check(b); // other collections' entries (contexts, ops), read as VariableDefs: the same answer or null
    }
  }

  @Test
  void damagedEntriesAreReadAsProtobufReadsThem() throws IOException {
    List<ByteString> variables = entries(true);
    Random random = new Random(27);
    int parsed = 0;
    for (int round = 0; round < 100_000; round++) {
      byte[] b = variables.get(random.nextInt(variables.size())).toByteArray();
      switch (random.nextInt(4)) {
        case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
        default -> {
          byte[] longer = Arrays.copyOf(b, b.length * 2);
          System.arraycopy(b, 0, longer, b.length, b.length);
          b = longer; // every field twice
        }
      }
      parsed += check(ByteString.copyFrom(b)) ? 1 : 0;
    }
    assertTrue(parsed > 10_000, "damaged entries protobuf still parsed: " + parsed);
  }

  /** Lengths and tags written in ways protobuf-java does not write them. */
  @Test
  void oddVarints() {
    byte[][] cases = {
        {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 0x01}, // variable_name of length -1
        {0x12, (byte) 0xF6, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 0x01}, // initializer_name of length -10
        {0x0A, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10, 0x61}, // length 1 plus 2^32: protobuf keeps 32 bits
        {0x0A, (byte) 0x81, 0x00, 0x61, 0x38, (byte) 0x81, 0x00}, // length 1 and trainable 1, in two bytes each
        {0x38, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 0x01}, // trainable -1
    };
    for (byte[] b : cases) {
      check(ByteString.copyFrom(b));
    }
  }

  /** One reader for every check, reused as the summary reuses it (its array grows, stale bytes stay behind). */
  private static final VariableDefFacts.Reader READER = new VariableDefFacts.Reader();

  /**
   * Compares the plain reader with protobuf: where it reads the bytes, it gives what protobuf gives
   * (and protobuf parses them); returns whether protobuf parsed the bytes.
   */
  private static boolean check(ByteString b) {
    boolean plain = READER.read(b);
    VariableDef d;
    try {
      d = VariableDef.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      assertFalse(plain, b::toString);
      return false;
    }
    if (plain) {
      assertEquals(new VariableDefFacts.Facts(d.getVariableName(), d.getTrainable()),
          new VariableDefFacts.Facts(READER.variableName(), READER.trainable), d::toString);
    }
    return true;
  }
}
