package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.BrokenCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
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
}
