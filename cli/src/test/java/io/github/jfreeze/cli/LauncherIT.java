package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./jfreeze} launcher script. Maven runs this in the integration-test phase,
 * after {@code package} has written the cli jar and {@code cli/target/classpath.txt}.
 */
class LauncherIT {
  private static Path root;

  @TempDir
  Path cwd;

  @BeforeAll
  static void findLauncher() {
    String prop = System.getProperty("jfreeze.root");
    root = Path.of(prop != null ? prop : "..").toAbsolutePath().normalize();
    Path classpath = root.resolve("cli/target/classpath.txt");
    Assumptions.assumeTrue(Files.isRegularFile(classpath), "skipped: " + classpath + " is absent, so ./jfreeze "
        + "cannot run; it is written by `mvn package` (this test runs after package in `mvn install`)");
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(root.resolve("jfreeze").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(cwd.resolve("out.txt").toFile()).redirectError(cwd.resolve("err.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfreeze did not finish in 60 s");
    return new Run(p.exitValue(), Files.readString(cwd.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(cwd.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void inspectsACorpusCheckpointFromAnotherDirectory() throws Exception {
    Path ckpt = Corpus.file("serving_session_bundle_half_plus_two_v1/00000123");
    Run r = run("inspect", ckpt.toString(), "--json", "--values");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode j = Cli.JSON.readTree(r.out());
    assertEquals("checkpoint", j.get("kind").asText());
    assertEquals("a", j.get("variables").get(0).get("key").asText());
    assertEquals(0.5, j.get("variables").get(0).get("values").get(0).asDouble());

    Run text = run("inspect", ckpt.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("2 variables, 2 parameters, 8 bytes"), text.out());
  }

  /**
   * A checkout copied elsewhere holds a classpath.txt naming the original tree's modules: the
   * launcher says so instead of silently running the original's classes.
   */
  @Test
  void aCopiedBuildTreeIsNotRunWithTheOriginalsClasses() throws Exception {
    Path copy = cwd.resolve("copy");
    Files.createDirectories(copy.resolve("cli/target"));
    Files.copy(root.resolve("jfreeze"), copy.resolve("jfreeze"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(root.resolve("cli/target/classpath.txt"), copy.resolve("cli/target/classpath.txt"));
    try (var jars = Files.list(root.resolve("cli/target"))) {
      for (Path jar : jars.filter(f -> f.getFileName().toString().matches("jfreeze-cli-.*\\.jar")).toList()) {
        Files.copy(jar, copy.resolve("cli/target").resolve(jar.getFileName()));
      }
    }
    Process p = new ProcessBuilder(copy.resolve("jfreeze").toString(), "--version").directory(cwd.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.startsWith("jfreeze: error: this build names another tree's classes (" + root), out);
    assertEquals(1, out.lines().count(), out);
  }

  /** The README's main command: freeze the bundled seed checkpoint, run it natively, see 101. */
  @Test
  void theReadmeDemo() throws Exception {
    Run freeze = run("freeze", root.resolve("testdata/models/seed").toString(), "--outputs", "predictions", "-o",
        "seed-frozen.pb", "--force");
    assertEquals(0, freeze.code(), freeze.err());
    Run r = run("run", "seed-frozen.pb", "--feed", "input_holder=10.0");
    if (r.code() != 0 && r.err().contains("natives") && !"1".equals(System.getenv("JFREEZE_REQUIRE_NATIVES"))) {
      Assumptions.abort("native TensorFlow unavailable: " + r.err());
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("predictions  float32 [1]  [101.0]"), r.out());
    // nothing else either: TensorFlow's absl INFO lines and its "not initialised" notice are dropped
    assertEquals("", r.err());
  }

  /**
   * A freeze stopped mid-write (SIGTERM, as Ctrl-C or a CI timeout sends) leaves neither the output
   * nor its temporary file: a 1 GiB variable (sparse data file) keeps the write going long enough.
   */
  @Test
  void anInterruptedFreezeLeavesNothingBehind() throws Exception {
    long n = 256L << 20; // floats: 1 GiB
    Path ckpt = Files.createDirectories(cwd.resolve("big"));
    try (var f = new java.io.RandomAccessFile(ckpt.resolve("model.data-00000-of-00001").toFile(), "rw")) {
      f.setLength(4 * n);
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    byte[] zeros = new byte[1 << 20];
    for (long i = 0; i < 4 * n; i += zeros.length) {
      crc.update(zeros);
    }
    var shape = io.github.jfreeze.proto.TensorShapeProto.newBuilder().addDim(
        io.github.jfreeze.proto.TensorShapeProto.Dim.newBuilder().setSize(n)).build();
    java.util.Map<byte[], byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put(new byte[0], io.github.jfreeze.proto.BundleHeaderProto.newBuilder().setNumShards(1).build().toByteArray());
    entries.put("w".getBytes(StandardCharsets.UTF_8), io.github.jfreeze.proto.BundleEntryProto.newBuilder()
        .setDtype(io.github.jfreeze.proto.DataType.DT_FLOAT).setShape(shape).setSize(4 * n)
        .setCrc32C(io.github.jfreeze.codec.internal.Crc32c.mask((int) crc.getValue())).build().toByteArray());
    Files.write(ckpt.resolve("model.index"), io.github.jfreeze.codec.testing.TableWriter.write(entries, 262144, false));
    var dtype = io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build();
    io.github.jfreeze.proto.GraphDef graph = io.github.jfreeze.proto.GraphDef.newBuilder()
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("w").setOp("VariableV2").putAttr("dtype", dtype)
            .putAttr("shape", io.github.jfreeze.proto.AttrValue.newBuilder().setShape(shape).build()))
        .addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("out").setOp("Identity").addInput("w").putAttr("T", dtype))
        .build();
    Files.write(ckpt.resolve("graph.pb"), graph.toByteArray());

    Path outDir = Files.createDirectories(cwd.resolve("out"));
    List<String> cmd = List.of(root.resolve("jfreeze").toString(), "freeze", ckpt.resolve("model").toString(), "--graph",
        ckpt.resolve("graph.pb").toString(), "--outputs", "out", "-o", outDir.resolve("frozen.pb").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(cwd.resolve("log.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean writing = false;
    while (!writing && p.isAlive() && System.nanoTime() < deadline) {
      try (var s = Files.list(outDir)) {
        writing = s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && f.toFile().length() > (64L << 20));
      }
      Thread.sleep(5);
    }
    assertTrue(writing, "the freeze was seen writing its temporary file: " + Files.readString(cwd.resolve("log.txt")));
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    try (var s = Files.list(outDir)) {
      assertEquals(List.of(), s.map(f -> f.getFileName().toString()).toList(), "nothing left behind");
    }
  }

  @Test
  void exitCodesThroughTheScript() throws Exception {
    Run missing = run("inspect", cwd.resolve("missing").toString());
    assertEquals(1, missing.code());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("jfreeze: error: "), missing.err());
    assertEquals(2, run("inspect", "--no-such-option").code());
  }

  /**
   * The launcher caps the young generation at 32 MiB; with a heap of its own choosing that would
   * make Java print a warning, on stdout, in front of the JSON document. Each heap here gets a
   * clean stdout and stderr, and one JSON document.
   */
  @Test
  void heapOptionsOfTheUserBringNoWarnings() throws Exception {
    String seed = root.resolve("testdata/models/seed").toString();
    for (String opts : List.of("-Xmx16m", "-Xmx95m", "-Xmx96m", "-Xmx2g", "-Xmn8m", "-Xmx40000000", "-XX:NewRatio=3",
        "-XX:MaxHeapSize=16m", "-XX:MaxRAM=64m")) {
      Launcher.Run r = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "inspect", seed, "--json"),
          java.util.Map.of("JFREEZE_JAVA_OPTS", opts), cwd);
      assertEquals(0, r.code(), opts + ": " + r);
      assertEquals("", r.err(), opts);
      assertEquals("checkpoint", Cli.JSON.readTree(r.out()).get("kind").asText(), opts + ": " + r.out());
    }
  }

  /**
   * The class-data archive {@code mvn package} writes (cli/target/jfreeze.jsa) is a static one: it
   * maps (with -Xshare:on a JVM that cannot map it does not start) and holds picocli's classes,
   * which are compiled for Java 5 and which a dynamic archive would leave out.
   */
  @Test
  void theClassDataArchiveHoldsPicocli() throws Exception {
    assertTrue(Files.isRegularFile(root.resolve("cli/target/jfreeze.jsa")), "package wrote no cli/target/jfreeze.jsa");
    Launcher.Run r = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "--version"),
        java.util.Map.of("JFREEZE_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), cwd);
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("picocli.CommandLine source: shared objects file"),
        () -> r.out().lines().filter(l -> l.contains("picocli.CommandLine ")).findFirst().orElse(r.out()));
  }

  /**
   * {@code inspect} and {@code freeze} of the model the archive was trained on, and {@code export}
   * of a 2 MiB tensor both ways it can be copied ({@code -Djfreeze.copy=kernel} forcing the way a
   * cold page cache takes), load every class from it: none from a jar, and no lambda made at run
   * time (a method reference to a picocli class, or a lambda implementing a picocli interface, is
   * left out of the archive with the picocli classes it names; a lambda {@code Comparator.comparing}
   * makes is never archived).
   * Fails on 0372deb. What Java 17's archive cannot hold is allowed: annotation proxies, lambda
   * forms and reflection accessors.
   */
  @Test
  void theCommandsLoadEveryClassFromTheArchive() throws Exception {
    Path frozen = cwd.resolve("archive-check.pb");
    // and a tensor of 2 MiB, copied window by window: through the buffer (this file is cached) and,
    // forced, in the kernel with the checksum on another thread, as from a cold page cache
    Path large = cwd.resolve("large/model.ckpt");
    Files.createDirectories(large.getParent());
    try (io.github.jfreeze.codec.bundle.BundleWriter w = io.github.jfreeze.codec.bundle.BundleWriter.create(large, 1)) {
      w.add("w", io.github.jfreeze.codec.Tensor.of(io.github.jfreeze.codec.DType.FLOAT32,
          io.github.jfreeze.codec.TensorShape.of(512, 1024), java.nio.ByteBuffer.allocate(2 << 20)), 0);
      w.finish();
    }
    List<List<String>> commands = List.of(
        List.of("inspect", root.resolve("testdata/models/mlp").toString()),
        List.of("freeze", root.resolve("testdata/models/mlp").toString(), "--outputs", "predictions", "-o", frozen.toString()),
        List.of("export", large.toString(), "--to", "safetensors", "-o", cwd.resolve("cached.safetensors").toString()),
        List.of("-Djfreeze.copy=kernel", "export", large.toString(), "--to", "safetensors", "-o",
            cwd.resolve("kernel.safetensors").toString()));
    for (List<String> given : commands) {
      List<String> args = given.get(0).startsWith("-D") ? given.subList(1, given.size()) : given;
      String opts = "-Xshare:on -Xlog:class+load=info" + (args == given ? "" : " " + given.get(0));
      List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("jfreeze").toString()));
      cmd.addAll(args);
      Launcher.Run r = Launcher.exec(cmd, java.util.Map.of("JFREEZE_JAVA_OPTS", opts), cwd);
      assertEquals(0, r.code(), r::toString);
      List<String> loaded = r.out().lines().filter(l -> l.contains(" source: ")).toList();
      assertTrue(loaded.size() > 1000, () -> args + ": " + loaded.size() + " classes loaded");
      // a class of a jar (jfreeze's, picocli's, protobuf's), or a lambda made at run time (its
      // source is the class that made it); Java's own classes may differ with the environment
      // (the locale's charset, say) from the training run's, and are not held to it
      List<String> notArchived = loaded.stream()
          .filter(l -> !l.endsWith("source: shared objects file") && !l.endsWith("source: __dynamic_proxy__")
              && !l.endsWith("source: __JVM_LookupDefineClass__") && !l.endsWith("source: __ClassDefiner__")
              && (l.contains(" source: file:") || l.contains("$$Lambda$")))
          .toList();
      assertEquals(List.of(), notArchived, given + ": classes not loaded from the archive");
      if (args != given) { // the kernel's way was taken: its checksum thread's classes are there
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.github.jfreeze.codec.internal.Checksummer source: shared objects file")),
            () -> given + ": Checksummer not loaded from the archive");
      }
      // nor picocli's converters for types no option has (Main.UNUSED_CONVERTERS): looking them up
      // initialised java.time's formatters and java.sql's classes
      List<String> unused = loaded.stream().filter(l -> l.contains(" java.time.format.") || l.contains(" java.sql.")).toList();
      assertEquals(List.of(), unused, args + ": classes of picocli's unused converters");
    }
  }

  /**
   * Java 23 and later warn on stderr when protobuf-java uses sun.misc.Unsafe; the launcher allows
   * it, so a command prints nothing there. Runs with a Java of 23 or later found under
   * /usr/lib/jvm (this project's machines have Java 25 there); skipped, saying so, without one.
   */
  @Test
  void newerJavasPrintNoUnsafeWarnings() throws Exception {
    Path newer = javaUnderUsrLibJvm(23);
    Assumptions.assumeTrue(newer != null, "skipped: no Java 23 or later under /usr/lib/jvm");
    List<String> cmd = List.of(root.resolve("jfreeze").toString(), "inspect", root.resolve("testdata/models/seed").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(cwd.resolve("out.txt").toFile()).redirectError(cwd.resolve("err.txt").toFile());
    pb.environment().put("JAVA_HOME", newer.toString());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfreeze did not finish in 60 s");
    String err = Files.readString(cwd.resolve("err.txt"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), err);
    assertEquals("", err, "stderr with " + newer);
  }

  /** The last Java home under /usr/lib/jvm (sorted by name) whose release file says feature {@code min} or later, or null. */
  private static Path javaUnderUsrLibJvm(int min) throws IOException {
    return javaUnderUsrLibJvm(min, null);
  }

  /** The same, leaving out the Java home whose release file is {@code unlike}'s (when given). */
  private static Path javaUnderUsrLibJvm(int min, Path unlike) throws IOException {
    Path found = null;
    Path jvms = Path.of("/usr/lib/jvm");
    String unlikeRelease = unlike != null && Files.isRegularFile(unlike.resolve("release")) ? Files.readString(unlike.resolve("release")) : null;
    if (Files.isDirectory(jvms)) {
      try (var s = Files.list(jvms)) {
        for (Path home : s.sorted().toList()) {
          Path release = home.resolve("release");
          if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
            String text = Files.readString(release);
            var m = java.util.regex.Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(text);
            if (m.find() && Integer.parseInt(m.group(1)) >= min && !text.equals(unlikeRelease)) {
              found = home;
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * The build tree's class-data archive is made by the Java that builds it, which another cannot
   * map: run with another Java (JAVA_HOME), the launcher makes that Java an archive of its own from
   * the build's class list, beside it in cli/target, and every jfreeze class of the command comes
   * from it, on the first run (which makes it) and after; run with the build's own Java, it makes
   * none. Runs with a Java of 17 or later under /usr/lib/jvm other than the build's (this project's
   * machines have Java 25 there); skipped, saying so, without one.
   */
  @Test
  void anotherJavaGetsAnArchiveOfItsOwn() throws Exception {
    Path record = root.resolve("cli/target/jfreeze.jsa.java");
    Assumptions.assumeTrue(Files.isRegularFile(record), "skipped: " + record + " is absent (built with -Djfreeze.cds.skip)");
    Path builtWith = Path.of(Files.readString(record).strip()).toRealPath();
    Path other = javaUnderUsrLibJvm(17, builtWith.getParent().getParent());
    Assumptions.assumeTrue(other != null, "skipped: no Java other than the build's (" + builtWith + ") under /usr/lib/jvm");
    Path target = root.resolve("cli/target");
    Path buildArchive = target.resolve("jfreeze.jsa");
    removeJavasArchives(target);
    // the build's own Java (the one this test runs with) maps the build's archive and makes none
    Launcher.Run own = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "inspect",
        root.resolve("testdata/models/mlp").toString()), java.util.Map.of("JAVA_HOME", builtWith.getParent().getParent().toString()), cwd);
    assertEquals(0, own.code(), own::toString);
    assertEquals(List.of(), javasArchives(target), "the build's own Java made an archive");
    for (int run = 0; run < 2; run++) {
      Launcher.Run r = Launcher.exec(List.of(root.resolve("jfreeze").toString(), "inspect",
          root.resolve("testdata/models/mlp").toString()),
          java.util.Map.of("JAVA_HOME", other.toString(), "JFREEZE_JAVA_OPTS", "-Xlog:class+load=info"), cwd);
      assertEquals(0, r.code(), r::toString);
      assertEquals("", r.err(), "stderr with " + other);
      List<String> ours = r.out().lines().filter(l -> l.contains(" io.github.jfreeze.")).toList();
      assertTrue(ours.size() > 100, () -> ours.size() + " jfreeze classes loaded");
      List<String> notArchived = ours.stream().filter(l -> !l.endsWith("source: shared objects file")).toList();
      assertEquals(List.of(), notArchived, "run " + run + " with " + other + ": jfreeze classes not from an archive");
      List<Path> made = javasArchives(target);
      assertEquals(1, made.size(), "archives made: " + made);
      assertTrue(Files.getLastModifiedTime(made.get(0)).compareTo(Files.getLastModifiedTime(buildArchive)) > 0,
          "the archive of " + other + " is older than the build's");
    }
  }

  private static List<Path> javasArchives(Path target) throws IOException {
    try (var s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().matches("jfreeze-\\d+\\.(jsa|no-cds)")).sorted().toList();
    }
  }

  private static void removeJavasArchives(Path target) throws IOException {
    for (Path p : javasArchives(target)) {
      Files.delete(p);
    }
  }
}
