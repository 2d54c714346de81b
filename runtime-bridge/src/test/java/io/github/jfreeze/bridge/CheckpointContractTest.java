package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.codec.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract: for every fixture and every checkpoint in the shared corpus, jfreeze's pure-Java
 * reader and native TF 2.18 ({@code RestoreV2} through the bridge) return the same dtype, shape and
 * bytes for every tensor.
 */
class CheckpointContractTest {
  /** Every checkpoint to compare: fixtures (prefix or V1 pattern), zoo models and corpus indexes / V1 files. */
  static List<Path> checkpoints() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Fixture f : Fixture.all()) {
      out.add(f.checkpointPath());
    }
    try (Stream<Path> s = Files.walk(TestPaths.testdata().resolve("models"))) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".index")) {
          out.add(p.resolveSibling(n.substring(0, n.length() - 6)));
        }
      }
    }
    out.addAll(io.github.jfreeze.codec.testing.TestPaths.corpusCheckpoints());
    return out;
  }

  @TestFactory
  Stream<DynamicTest> pureJavaAndNativeTensorFlowReadTheSameBytes() throws IOException {
    NativeAssumptions.assumeNatives();
    List<Path> all = checkpoints();
    assertTrue(all.size() >= 30, "fixtures and corpus checkpoints: " + all.size());
    return all.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> compare(p)));
  }

  private static void compare(Path checkpoint) throws IOException {
    ModelLocation loc = ModelLocator.locate(checkpoint);
    // native TF names V1 checkpoints by file or pattern and V2 ones by prefix, as jfreeze does
    NativeCheckpoint.Contents nat = NativeCheckpoint.readAll(loc.checkpoint().toString());
    try (CheckpointReader java = loc.openCheckpoint()) {
      Map<String, VariableInfo> listed = java.variables().stream().collect(Collectors.toMap(VariableInfo::key, v -> v));
      Set<String> nativeKeys = nat.tensors().stream().map(NativeTensor::key).collect(Collectors.toSet());
      nat.skipped().forEach(s -> nativeKeys.add(s.key()));
      assertEquals(nativeKeys, listed.keySet(), "the same tensors are listed");
      assertFalse(nat.tensors().isEmpty());
      for (NativeTensor n : nat.tensors()) {
        VariableInfo v = listed.get(n.key());
        assertEquals(n.dtype(), v.dtype().pythonName(), n.key());
        assertArrayEquals(n.shape(), v.shape().dims(), n.key());
        Tensor t = java.read(n.key());
        if (n.isString()) {
          assertEquals(n.strings().size(), t.elements().size(), n.key());
          for (int i = 0; i < n.strings().size(); i++) {
            assertTrue(Arrays.equals(n.strings().get(i), t.elements().get(i)), n.key() + "[" + i + "]");
          }
        } else {
          assertArrayEquals(n.data(), t.toByteArray(), n.key());
        }
      }
      for (NativeCheckpoint.Skipped s : nat.skipped()) {
        // what TF cannot restore (sliced strings) jfreeze still reads
        assertEquals(s.dtype(), listed.get(s.key()).dtype().pythonName());
        java.read(s.key());
      }
    }
  }
}
