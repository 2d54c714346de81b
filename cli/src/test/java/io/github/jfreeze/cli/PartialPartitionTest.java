package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jfreeze.codec.testing.TestPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: a checkpoint in which a partitioned variable has only some of its slices stored (TF
 * writes one when a Saver is given some partitions) made {@code inspect} fail for the whole
 * checkpoint ("slices cover 4 of 8 elements"). TF lists such a variable and fails only when its
 * whole value is read; so does jfreeze now. The checkpoint is {@code special/partial_partition},
 * written by native TF's {@code SaveV2} through the generator: {@code pp} [4, 2] with its slice
 * {@code 0,2:0,2} only (native TF cannot restore it whole: its {@code expected.json} lists it as
 * unrestorable), and a whole {@code whole}; and its V1 form {@code special/v1_partial_partition},
 * written by {@code SaveSlices}.
 */
class PartialPartitionTest {
  @ParameterizedTest
  @ValueSource(strings = {"special/partial_partition", "special/v1_partial_partition"})
  void aPartlyStoredPartitionedVariableIsListedAndFailsOnlyWhenRead(String fixture) {
    String prefix = TestPaths.testdata().resolve(fixture + "/model.ckpt").toString();
    JsonNode j = Cli.run("inspect", prefix, "--json").assertOk().json();
    JsonNode pp = null;
    for (JsonNode v : j.get("variables")) {
      if (v.get("key").asText().equals("pp")) {
        pp = v;
      }
    }
    assertTrue(pp != null, j.toString());
    assertEquals("[4,2]", pp.get("shape").toString());
    assertEquals(1, pp.get("slices").size(), pp.toString());
    // every stored byte checks out
    Cli.run("inspect", prefix, "--verify").assertOk();
    // the whole value of pp cannot be read; whole can
    Cli.Result r = Cli.run("inspect", prefix, "--tensor", "pp", "--values").assertBadInput();
    assertTrue(r.err().contains("'pp'") && r.err().contains("cover 4 of 8"), r.err());
    JsonNode w = Cli.run("inspect", prefix, "--tensor", "whole", "--values", "--json").assertOk().json();
    assertEquals("[7.0,8.0]", w.get("variables").get(0).get("values").toString());
  }
}
