package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.bundle.BundleReader;
import io.github.jfreeze.codec.slice.TensorSlice;
import io.github.jfreeze.codec.table.Table;
import io.github.jfreeze.codec.table.TableEntry;
import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.codec.testing.TestPaths;
import io.github.jfreeze.proto.BundleEntryProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture checkpoint (written by native TF 2.18) read back in pure Java and compared with
 * what native TF restored from it ({@code expected.json}).
 */
class FixtureReadTest {
  @Test
  void allFixturesArePresent() {
    Set<String> names = Fixture.all().stream().map(Fixture::toString).collect(Collectors.toSet());
    assertEquals(Set.of("dtypes", "strings", "sharded", "partitioned", "multiblock", "v1_single", "v1_sharded",
        "v1_slices", "tf2_object", "tf1_training"), names);
  }

  @TestFactory
  Stream<DynamicTest> everyTensorMatchesWhatTensorFlowRestored() {
    return Fixture.all().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      try (CheckpointReader r = CheckpointReader.open(f.checkpointPath())) {
        assertEquals(f.format(), r.format().id());
        Map<String, VariableInfo> listed = r.variables().stream().collect(Collectors.toMap(VariableInfo::key, v -> v));
        Set<String> unrestorable = new HashSet<>();
        if (f.json().has("unrestorable")) {
          f.json().get("unrestorable").forEach(u -> unrestorable.add(u.get("key").asText()));
        }
        // the listing holds exactly what TF restores, plus what TF could list but not restore
        Set<String> expectedKeys = f.tensors().stream().map(Fixture.Expected::key).collect(Collectors.toSet());
        expectedKeys.addAll(unrestorable);
        assertEquals(expectedKeys, listed.keySet());
        // looked up by key, each is what the listing says (friendly name and slices too)
        for (VariableInfo v : r.variables()) {
          assertEquals(java.util.Optional.of(v), r.variable(v.key()), v.key());
        }
        assertEquals(java.util.Optional.empty(), r.variable("no/such/key"));
        for (Fixture.Expected e : f.tensors()) {
          VariableInfo v = listed.get(e.key());
          assertEquals(e.dtype(), v.dtype().pythonName(), e.key());
          assertEquals(TensorShape.of(e.shape()), v.shape(), e.key());
          if (e.name() != null) {
            assertEquals(e.name(), v.name(), e.key() + ": friendly name");
          }
          Tensor t = r.read(e.key());
          if (e.strings() != null) {
            assertEquals(e.strings().size(), t.elements().size(), e.key());
            for (int i = 0; i < e.strings().size(); i++) {
              assertArrayEquals(e.strings().get(i), t.elements().get(i), e.key() + "[" + i + "]");
            }
          } else {
            assertArrayEquals(e.data(), t.toByteArray(), e.key());
          }
        }
      }
    }));
  }

  @Test
  void slicedStringsTensorFlowCannotRestoreStillRead() throws IOException {
    // RestoreV2 refuses partitioned strings ("Dtype string not supported"); the slices are there
    Fixture f = Fixture.load(TestPaths.testdata().resolve("checkpoints/partitioned"));
    try (CheckpointReader r = CheckpointReader.open(f.checkpointPath())) {
      VariableInfo words = r.variable("words").orElseThrow();
      assertTrue(words.isPartitioned());
      assertEquals(4, r.read("words").elements().size());
    }
  }

  @Test
  void multiblockIndexHasSeveralDataBlocks() throws IOException {
    Fixture f = Fixture.load(TestPaths.testdata().resolve("checkpoints/multiblock"));
    try (Table t = Table.open(BundleReader.indexFile(f.checkpointPath()))) {
      assertEquals(f.json().get("index_data_blocks").asInt(), t.blockCount());
      assertTrue(t.blockCount() > 1);
    }
  }

  /** Our OrderedCode slice keys are byte-for-byte the keys TF wrote for each slice. */
  @Test
  void sliceKeysAreTheOnesTensorFlowWrote() throws IOException {
    for (String name : List.of("partitioned", "sharded")) {
      Fixture f = Fixture.load(TestPaths.testdata().resolve("checkpoints/" + name));
      Set<ByteBuffer> written = new HashSet<>();
      List<byte[]> computed = new ArrayList<>();
      try (Table t = Table.open(BundleReader.indexFile(f.checkpointPath()))) {
        Table.Cursor c = t.cursor();
        for (TableEntry e = c.next(); e != null; e = c.next()) {
          if (e.key().length > 0 && e.key()[0] == 0) {
            written.add(ByteBuffer.wrap(e.key()));
          } else if (e.key().length > 0) {
            BundleEntryProto p = BundleEntryProto.parseFrom(e.value());
            String key = e.keyString();
            p.getSlicesList().forEach(s -> computed.add(TensorSlice.fromProto(s).key(key)));
          }
        }
      }
      assertFalse(written.isEmpty(), name);
      assertEquals(written, computed.stream().map(ByteBuffer::wrap).collect(Collectors.toSet()), name);
    }
  }
}
