package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose classpath holds a protobuf-java older than jfreeze's floor (3.21.9, the version
 * TF Java 1.1.0 was generated with) gets one clear message at the first call, not an {@code
 * IllegalAccessError} from inside a parse. Runs a separate JVM: codec, proto and the old runtime.
 */
class ProtobufFloorTest {
  /** The child JVM's main: opens a checkpoint and prints what was thrown. */
  public static final class Probe {
    public static void main(String[] args) {
      try {
        CheckpointReader.open(Path.of(args[0])).close();
        System.out.println("opened");
      } catch (Throwable t) {
        System.out.println(t.getClass().getName() + ": " + t.getMessage());
      }
    }
  }

  private static String jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String run(String protobuf) throws Exception {
    String cp = String.join(File.pathSeparator, jarOf(CheckpointReader.class), jarOf(io.github.jfreeze.proto.GraphDef.class),
        jarOf(Probe.class), protobuf);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        Probe.class.getName(), TestPaths.testdata().resolve("models/seed").toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void anOlderProtobufIsNamedAtTheFirstCall() throws Exception {
    Path old = Path.of("target/old-protobuf/protobuf-java-3.21.9.jar");
    assertTrue(Files.isRegularFile(old), old + " (copied by the pom's old-protobuf execution)");
    String out = run(old.toAbsolutePath().toString());
    assertEquals("io.github.jfreeze.codec.IncompatibleRuntimeException: protobuf-java 3.21.9 is on the classpath, but "
        + "jfreeze needs 3.25.0 or later (its generated classes were built with 3.25.8); depend on "
        + "com.google.protobuf:protobuf-java:3.25.8 or newer", out);
  }

  @Test
  void theBuildsProtobufOpensTheCheckpoint() throws Exception {
    String out = run(jarOf(com.google.protobuf.Message.class));
    assertEquals("opened", out);
  }
}
