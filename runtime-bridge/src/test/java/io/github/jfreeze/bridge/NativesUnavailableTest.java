package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without TF's native jar on the class path, every native entry point fails with
 * {@code NATIVES_UNAVAILABLE}, TF Java's load error and how to get the natives. Runs
 * {@link NoNativesProbe} in a child JVM whose class path lacks {@code tensorflow-core-native-*-<classifier>.jar}
 * and whose JavaCPP cache is empty.
 */
class NativesUnavailableTest {
  @TempDir Path dir;

  private static final Pattern NATIVE_JAR = Pattern.compile(".*tensorflow-core-native-[^" + Pattern.quote(File.separator)
      + "]*-[a-z0-9_]+-[a-z0-9_-]+\\.jar$");

  @Test
  void everyEntryPointSaysWhyAndWhatToDo() throws IOException, InterruptedException {
    List<String> classPath = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
      if (!NATIVE_JAR.matcher(e).matches()) {
        classPath.add(e);
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("javacpp-cache"),
        "-cp", String.join(File.pathSeparator, classPath), NoNativesProbe.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    List<String> lines = Arrays.stream(out.split("\n")).filter(l -> l.contains("|")).toList();
    assertEquals(5, lines.size(), out);
    assertEquals("available|false|no exception", lines.get(0), out);
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split("\\|", 3);
      assertEquals("NATIVES_UNAVAILABLE", parts[1], line);
      assertTrue(parts[2].contains("TensorFlow Java natives could not be loaded"), line);
      assertTrue(parts[2].contains("tensorflow-core-native"), line);
    }
  }
}
