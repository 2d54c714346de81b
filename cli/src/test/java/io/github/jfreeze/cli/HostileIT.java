package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.testing.TestPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's hostile suite: the real {@code ./jfreeze} launcher, run as CI runs it (as root),
 * against outputs that must never be destroyed and environments that must give one clear line:
 * devices and FIFOs as outputs, every input of a run given as its output, symbolic links,
 * concurrent writers, killed runs followed by a clean one, a full disk, a read-only file system,
 * a non-ASCII path under {@code LANG=C}, a name that is not UTF-8, too few file descriptors.
 */
class HostileIT {
  private static Path root;
  private static Path seed;

  @TempDir Path tmp;

  @BeforeAll
  static void findLauncher() {
    root = Launcher.root();
    seed = TestPaths.testdata().resolve("models/seed");
  }

  private Launcher.Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(root.resolve("jfreeze").toString());
    cmd.addAll(List.of(args));
    return exec(cmd, env);
  }

  private Launcher.Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  /** Runs {@code script} with bash, the launcher as {@code $J}. */
  private Launcher.Run shell(String script, Map<String, String> env) throws IOException, InterruptedException {
    Map<String, String> e = new TreeMap<>(env);
    e.put("J", root.resolve("jfreeze").toString());
    return exec(List.of("bash", "-c", script), e);
  }

  private Launcher.Run exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    return Launcher.exec(cmd, env, tmp);
  }

  /** Every file under {@code dir} with its SHA-256: what "nothing changed" is checked against. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p) : a.isDirectory() ? "dir"
            : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        m.put(dir.relativize(p).toString(), what);
      }
    }
    return m;
  }

  private Path copyOfSeed(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(seed)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  private static List<String> jfreezeTemporaries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".jfreeze-")).toList();
    }
  }

  @Test
  void devicesAndFifosAsOutputsAreNeverReplaced() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    for (String out : List.of("/dev/null", "/dev/full", fifo.toString())) {
      Launcher.Run r = run("freeze", seed.toString(), "--outputs", "predictions", "-o", out, "--force").badInput();
      assertEquals("jfreeze: error: " + out + ": is not a regular file (a device, FIFO or socket); jfreeze writes only "
          + "regular files and directories\n", r.err());
      assertTrue(Files.readAttributes(Path.of(out), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), out);
      run("convert", seed.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs", "predictions",
          "-o", out, "--force").badInput();
      assertTrue(Files.readAttributes(Path.of(out), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), out);
    }
  }

  @Test
  void noInputOfARunIsEverItsOutput() throws Exception {
    Path ckpt = copyOfSeed("ckpt");
    Path graph = Files.copy(ckpt.resolve("model.ckpt-1.meta"), tmp.resolve("other.meta"));
    Files.createLink(tmp.resolve("hardlink.index"), ckpt.resolve("model.ckpt-1.index"));
    Path sm = tmp.resolve("sm");
    assertEquals(0, run("convert", ckpt.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs",
        "predictions", "-o", sm.toString()).code());
    Map<String, String> before = snapshot(tmp);

    List<List<String>> cases = List.of(
        List.of("freeze", ckpt.toString(), "--outputs", "predictions", "-o", ckpt.resolve("checkpoint").toString()),
        List.of("freeze", ckpt.toString(), "--graph", graph.toString(), "--outputs", "predictions", "-o",
            ckpt.resolve("model.ckpt-1.meta").toString()),
        List.of("freeze", ckpt.toString(), "--graph", graph.toString(), "--outputs", "predictions", "-o", graph.toString()),
        List.of("freeze", ckpt.toString(), "--outputs", "predictions", "-o", ckpt.resolve("model.ckpt-1.index").toString()),
        List.of("freeze", ckpt.toString(), "--outputs", "predictions", "-o",
            ckpt.resolve("model.ckpt-1.data-00000-of-00001").toString()),
        List.of("freeze", ckpt.toString(), "--outputs", "predictions", "-o", tmp.resolve("hardlink.index").toString()),
        List.of("freeze", sm.toString(), "-o", sm.resolve("saved_model.pb").toString()),
        List.of("freeze", sm.toString(), "-o", sm.resolve("variables/variables.index").toString()),
        List.of("convert", ckpt.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs", "predictions",
            "-o", ckpt.toString()),
        List.of("convert", ckpt.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs", "predictions",
            "-o", tmp.toString()),
        List.of("convert", ckpt.toString(), "--graph", graph.toString(), "--to", "saved-model", "--inputs",
            "input_holder", "--outputs", "predictions", "-o", graph.toString()));
    for (List<String> c : cases) {
      List<String> args = new ArrayList<>(c);
      args.add("--force");
      Launcher.Run r = run(args.toArray(String[]::new)).badInput();
      assertTrue(r.err().contains("an input of this run") || r.err().contains("inside the input")
          || r.err().contains("contains the input"), args + ": " + r);
    }
    assertEquals(before, snapshot(tmp), "no input changed");
  }

  @Test
  void symbolicLinksAreNeverWrittenThrough() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious");
    Path link = Files.createSymbolicLink(tmp.resolve("link.pb"), victim);
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.pb"), tmp.resolve("created-through-link.pb"));
    for (Path out : List.of(link, dangling)) {
      for (boolean force : new boolean[] {false, true}) {
        List<String> args = new ArrayList<>(List.of("freeze", seed.toString(), "--outputs", "predictions", "-o",
            out.toString()));
        if (force) {
          args.add("--force");
        }
        Launcher.Run r = run(args.toArray(String[]::new)).badInput();
        assertTrue(r.err().contains(out + ": is a symbolic link"), r.toString());
      }
    }
    assertEquals("precious", Files.readString(victim));
    assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(dangling));
    assertFalse(Files.exists(tmp.resolve("created-through-link.pb")));
  }

  /** Writers started together: without --force one wins and the others leave its file alone; with it, all succeed. */
  @Test
  void concurrentWriters() throws Exception {
    Path reference = tmp.resolve("reference.pb");
    assertEquals(0, run("freeze", seed.toString(), "--outputs", "predictions", "-o", reference.toString()).code());
    byte[] expected = Files.readAllBytes(reference);
    for (boolean force : new boolean[] {false, true}) {
      Path dir = Files.createDirectories(tmp.resolve(force ? "forced" : "plain"));
      Path out = dir.resolve("frozen.pb");
      StringBuilder script = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        script.append("\"$J\" freeze '").append(seed).append("' --outputs predictions -o '").append(out).append("'")
            .append(force ? " --force" : "").append(" >/dev/null 2>'").append(dir).append("/err").append(i)
            .append("' & pids[").append(i).append("]=$!\n");
      }
      script.append("codes=; for p in ${pids[@]}; do wait $p; codes=\"$codes$?\"; done; echo $codes");
      Launcher.Run r = shell(script.toString(), Map.of());
      String codes = r.out().strip();
      long ok = codes.chars().filter(ch -> ch == '0').count();
      if (force) {
        assertEquals("0000", codes, r.toString());
      } else {
        assertTrue(ok >= 1, codes);
        for (int i = 0; i < 4; i++) {
          String err = Files.readString(dir.resolve("err" + i));
          if (codes.charAt(i) != '0') {
            assertTrue(err.equals("jfreeze: error: " + out + ": already exists; pass --force to replace it\n")
                || err.equals("jfreeze: error: " + out + ": appeared while jfreeze was writing it; it was left as it is "
                + "(pass --force to replace it)\n"), err);
          }
        }
      }
      assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(out)), "the output is one whole frozen graph");
      assertEquals(List.of(), jfreezeTemporaries(dir));
    }
  }

  /** kill -9 part-way through a write leaves a temporary; the next run in that directory removes it. */
  @Test
  void aKilledRunIsCleanedUpByTheNextOne() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("out"));
    for (String kind : List.of("file", "dir")) {
      Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), SlowWriter.class.getName(), kind, dir.resolve("victim-" + kind).toString())
          .redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertEquals("writing", r.readLine());
        assertEquals(1, jfreezeTemporaries(dir).size(), jfreezeTemporaries(dir).toString());
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      }
      assertEquals(1, jfreezeTemporaries(dir).size(), "kill -9 leaves the temporary");
      Launcher.Run next = kind.equals("file")
          ? run("freeze", seed.toString(), "--outputs", "predictions", "-o", dir.resolve("frozen.pb").toString())
          : run("convert", seed.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs", "predictions",
              "-o", dir.resolve("sm").toString());
      assertEquals(0, next.code(), next.toString());
      assertEquals(List.of(), jfreezeTemporaries(dir), "the next run removed what the killed one left");
      assertFalse(Files.exists(dir.resolve("victim-" + kind)));
    }
  }

  /** Mounts a tmpfs at {@code dir} (CI runs as root); false where this machine does not allow it. */
  private static boolean mount(Path dir, String options) throws Exception {
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()).redirectErrorStream(true)
        .start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  private static void unmount(Path dir) throws Exception {
    new ProcessBuilder("umount", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void aFullDiskNamesTheOutputAndLeavesNothing() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    boolean mounted = mount(disk, "size=64k");
    if ("root".equals(System.getProperty("user.name"))) {
      assertTrue(mounted, "as root (as CI runs) a small tmpfs can be mounted");
    }
    Assumptions.assumeTrue(mounted, "skipped: not root, cannot mount a small tmpfs; aFileSizeLimitNamesTheOutput covers "
        + "writes that fail");
    try {
      try (OutputStream fill = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          fill.write(block);
          fill.flush();
        }
      } catch (IOException full) {
        // the disk is full now
      }
      Launcher.Run f = run("freeze", seed.toString(), "--outputs", "predictions", "-o", disk.resolve("out.pb").toString()).badInput();
      assertEquals("jfreeze: error: " + disk.resolve("out.pb") + ": cannot write: No space left on device\n", f.err());
      Launcher.Run c = run("convert", seed.toString(), "--to", "saved-model", "--inputs", "input_holder", "--outputs",
          "predictions", "-o", disk.resolve("sm").toString()).badInput();
      assertTrue(c.err().startsWith("jfreeze: error: " + disk.resolve("sm") + ": "), c.err());
      assertTrue(c.err().contains("No space left on device"), c.err());
      try (Stream<Path> s = Files.list(disk)) {
        assertEquals(List.of("filler"), s.map(p -> p.getFileName().toString()).toList());
      }
    } finally {
      unmount(disk);
    }
  }

  @Test
  void aReadOnlyFileSystemNamesTheOutput() throws Exception {
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    Assumptions.assumeTrue(mount(ro, "ro,size=64k"), "skipped: cannot mount a read-only tmpfs here (not root?)");
    try {
      Launcher.Run f = run("freeze", seed.toString(), "--outputs", "predictions", "-o", ro.resolve("out.pb").toString()).badInput();
      assertEquals("jfreeze: error: " + ro.resolve("out.pb") + ": cannot write: Read-only file system\n", f.err());
    } finally {
      unmount(ro);
    }
  }

  @Test
  void aFileSizeLimitNamesTheOutput() throws Exception {
    Path out = tmp.resolve("big.pb");
    Launcher.Run r = shell("trap '' XFSZ; ulimit -f 1; exec \"$J\" freeze '" + TestPaths.testdata().resolve("models/cnn_batchnorm")
        + "' --outputs output -o '" + out + "'", Map.of("JFREEZE_JAVA_OPTS", "-XX:-UsePerfData")).badInput();
    assertEquals("jfreeze: error: " + out + ": cannot write: File too large\n", r.err());
    assertEquals(List.of(), jfreezeTemporaries(tmp));
    assertFalse(Files.exists(out));
  }

  /** A GraphDef of {@code n} Identity nodes in a chain after a Placeholder. */
  private Path chain(String name, int n) throws IOException {
    var t = io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build();
    var g = io.github.jfreeze.proto.GraphDef.newBuilder();
    g.addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName("x").setOp("Placeholder").putAttr("dtype", t));
    String prev = "x";
    for (int i = 0; i < n; i++) {
      String node = "chain/" + i;
      g.addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName(node).setOp("Identity").addInput(prev).putAttr("T", t));
      prev = node;
    }
    Path p = tmp.resolve(name);
    Files.write(p, g.build().toByteArray());
    return p;
  }

  /**
   * The seed's training graph with {@code n} Identity nodes between {@code W1/read} and {@code mul},
   * written node by node (a million NodeDefs would not fit this JVM's heap as one message): the
   * chain is a second {@code graph_def} field, which protobuf merges into the first.
   */
  private Path chainAfterVariable(String name, int n) throws IOException {
    var meta = io.github.jfreeze.proto.MetaGraphDef.parseFrom(Files.readAllBytes(seed.resolve("model.ckpt-1.meta"))).toBuilder();
    String last = "chain/" + (n - 1);
    meta.getGraphDefBuilder().getNodeBuilderList().stream().filter(b -> b.getName().equals("mul")).forEach(b -> b.setInput(1, last));
    var t = io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build();
    java.util.function.IntFunction<io.github.jfreeze.proto.NodeDef> node = i -> io.github.jfreeze.proto.NodeDef.newBuilder()
        .setName("chain/" + i).setOp("Identity").addInput(i == 0 ? "W1/read" : "chain/" + (i - 1)).putAttr("T", t).build();
    long length = 0;
    for (int i = 0; i < n; i++) {
      length += com.google.protobuf.CodedOutputStream.computeMessageSize(io.github.jfreeze.proto.GraphDef.NODE_FIELD_NUMBER, node.apply(i));
    }
    Path p = tmp.resolve(name);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      var cos = com.google.protobuf.CodedOutputStream.newInstance(out);
      meta.build().writeTo(cos);
      cos.writeTag(io.github.jfreeze.proto.MetaGraphDef.GRAPH_DEF_FIELD_NUMBER, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(length);
      for (int i = 0; i < n; i++) {
        cos.writeMessage(io.github.jfreeze.proto.GraphDef.NODE_FIELD_NUMBER, node.apply(i));
      }
      cos.flush();
    }
    return p;
  }

  /** Node names of a GraphDef file and the first input of each, read field by field (no GraphDef in memory). */
  private static Map<String, String> firstInputs(Path graphDef) throws IOException {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(graphDef), 1 << 16)) {
      var cis = com.google.protobuf.CodedInputStream.newInstance(in);
      cis.setSizeLimit(Integer.MAX_VALUE);
      while (!cis.isAtEnd()) {
        int tag = cis.readTag();
        if (com.google.protobuf.WireFormat.getTagFieldNumber(tag) != io.github.jfreeze.proto.GraphDef.NODE_FIELD_NUMBER) {
          cis.skipField(tag);
          continue;
        }
        var n = io.github.jfreeze.proto.NodeDef.parseFrom(cis.readBytes());
        out.put(n.getName(), n.getInputCount() == 0 ? n.getOp() : n.getInput(0));
      }
    }
    return out;
  }

  @Test
  void aMillionNodeChainAfterAVariableFreezesIn256MiB() throws Exception {
    int n = 1_000_000;
    Path graph = chainAfterVariable("chain.meta", n);
    Path out = tmp.resolve("frozen.pb");
    Launcher.Run r = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx256m"), "freeze", seed.resolve("model.ckpt-1").toString(), "--graph",
        graph.toString(), "--outputs", "predictions", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    Map<String, String> frozen = firstInputs(out);
    // the seed's 9 nodes that predictions needs, and the chain, each link intact
    assertEquals(n + 9, frozen.size());
    assertEquals("Const", frozen.get("W1"));
    assertEquals("W1", frozen.get("W1/read"));
    assertEquals("W1/read", frozen.get("chain/0"));
    for (int i = 1; i < n; i++) {
      assertEquals("chain/" + (i - 1), frozen.get("chain/" + i));
    }
  }

  /**
   * A GraphDef of exactly {@code size} bytes: one uint8 Const whose content is all zeros, written
   * sparse (the test machine needs no 2 GiB of disk for it).
   */
  private long constElements;

  private Path constGraphOfSize(String name, long size) throws IOException {
    var dtype = io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_UINT8).build();
    var prefix = io.github.jfreeze.proto.NodeDef.newBuilder().setName("c").setOp("Const").putAttr("dtype", dtype).build();
    for (long content = size - 200; content < size; content++) {
      var head = io.github.jfreeze.proto.TensorProto.newBuilder().setDtype(io.github.jfreeze.proto.DataType.DT_UINT8)
          .setTensorShape(io.github.jfreeze.proto.TensorShapeProto.newBuilder()
              .addDim(io.github.jfreeze.proto.TensorShapeProto.Dim.newBuilder().setSize(content))).build();
      long tensor = head.getSerializedSize() + 1 + com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag(content) + content;
      long value = 1 + com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag(tensor) + tensor;
      long entry = com.google.protobuf.CodedOutputStream.computeStringSize(1, "value") + 1
          + com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag(value) + value;
      long node = prefix.getSerializedSize() + 1 + com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag(entry) + entry;
      if (1 + com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag(node) + node != size) {
        continue;
      }
      var bytes = new java.io.ByteArrayOutputStream();
      var cos = com.google.protobuf.CodedOutputStream.newInstance(bytes);
      cos.writeTag(1, 2);
      cos.writeUInt64NoTag(node);
      prefix.writeTo(cos);
      cos.writeTag(5, 2);
      cos.writeUInt64NoTag(entry);
      cos.writeString(1, "value");
      cos.writeTag(2, 2);
      cos.writeUInt64NoTag(value);
      cos.writeTag(8, 2);
      cos.writeUInt64NoTag(tensor);
      head.writeTo(cos);
      cos.writeTag(4, 2);
      cos.writeUInt64NoTag(content);
      cos.flush();
      constElements = content;
      Path p = tmp.resolve(name);
      try (var f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
        f.write(bytes.toByteArray());
        f.setLength(size);
      }
      return p;
    }
    throw new IllegalStateException("no Const fills " + size + " bytes");
  }

  @Test
  void aGraphAtTheSizeBoundIsInspectedInASmallHeap() throws Exception {
    // the largest GraphDef jfreeze writes (GraphFile.MAX_SIZE): before, inspect needed -Xmx8g
    // (the file's bytes, then a copy of the Const's content, then another for a wrong guess of kind)
    long size = io.github.jfreeze.codec.GraphFile.MAX_SIZE;
    Path g = constGraphOfSize("max.pb", size);
    assertEquals(size, Files.size(g));
    Launcher.Run r = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx256m"), "inspect", g.toString(), "--json");
    assertEquals(0, r.code(), r.toString());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("graph_def", json.path("kind").asText(), r.out());
    assertEquals(1, json.path("node_count").asInt(), r.out());
    assertEquals(constElements, json.path("const_parameters").asLong(), r.out());
  }

  @Test
  void outOfMemoryNamesTheInput() throws Exception {
    Path g = chain("chain.pb", 300_000);
    Launcher.Run r = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx24m"), "freeze", g.toString(), "--outputs", "chain/299999", "-o",
        tmp.resolve("out.pb").toString()).badInput();
    assertEquals("jfreeze: error: " + g + ": out of memory; give Java more heap, e.g. JFREEZE_JAVA_OPTS=-Xmx8g\n", r.err());
  }

  @Test
  void aNonAsciiPathUnderLangC() throws Exception {
    Path dir = copyOfSeed("ünïcödé");
    Launcher.Run r = run(Map.of("LANG", "C", "LC_ALL", "C"), "inspect", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("ünïcödé"), r.out());
  }

  @Test
  void aNameThatIsNotUtf8IsSaidSo() throws Exception {
    Launcher.Run r = shell("d=\"$(printf 'bad\\377')\"; mkdir \"$d\" && cp -r '" + seed + "' \"$d/seed\" && exec \"$J\" inspect \"$d/seed\"",
        Map.of()).badInput();
    assertEquals("jfreeze: error: $'bad\\377/seed': this name is not valid UTF-8, and Java can only open UTF-8 file names; "
        + "rename it, or give a symbolic link with a UTF-8 name\n", r.err());
  }

  @Test
  void tooFewFileDescriptors() throws Exception {
    // Where Java itself runs out depends on the machine, the Java and the classpath (CI failed at 18,
    // which the launcher's fixed minimum then let through, on a message without advice; here Java
    // failed at 18 with a VerifyError): the launcher asks for the jars plus a margin, refuses below
    // it in one line, and at what it asks for the command runs
    Launcher.Run refused = freezeWithLimit("ulimit -n 8", "x8.pb").badInput();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("needs at least (\\d+); raise it").matcher(refused.err());
    assertTrue(m.find() && refused.err().contains("ulimit -n"), refused.toString());
    int need = Integer.parseInt(m.group(1));
    Launcher.Run below = freezeWithLimit("ulimit -n " + (need - 1), "below.pb").badInput();
    assertTrue(below.err().contains("needs at least " + need), below.toString());
    for (int n : new int[] {need, need + 1, need + 4}) {
      Launcher.Run r = freezeWithLimit("ulimit -n " + n, "x" + n + ".pb");
      assertEquals(0, r.code(), "at ulimit -n " + n + ": " + r);
      assertTrue(Files.size(tmp.resolve("x" + n + ".pb")) > 0, r.toString());
    }
    // a soft limit under a hard one that allows enough is raised, as Java would raise it
    Launcher.Run soft = freezeWithLimit("ulimit -S -n 8", "soft.pb");
    assertEquals(0, soft.code(), soft.toString());
  }

  private Launcher.Run freezeWithLimit(String ulimit, String out) throws Exception {
    return shell(ulimit + "; exec \"$J\" freeze '" + seed + "' --outputs predictions -o " + out, Map.of());
  }

  /** A GraphDef holding one float Const {@code c} of {@code shape}, stored as the single value 1.5 (TF's compact form). */
  private Path broadcastConst(String name, long... shape) throws IOException {
    var dims = io.github.jfreeze.proto.TensorShapeProto.newBuilder();
    for (long d : shape) {
      dims.addDim(io.github.jfreeze.proto.TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    var tensor = io.github.jfreeze.proto.TensorProto.newBuilder().setDtype(io.github.jfreeze.proto.DataType.DT_FLOAT)
        .setTensorShape(dims).addFloatVal(1.5f);
    var node = io.github.jfreeze.proto.NodeDef.newBuilder().setName("c").setOp("Const")
        .putAttr("dtype", io.github.jfreeze.proto.AttrValue.newBuilder().setType(io.github.jfreeze.proto.DataType.DT_FLOAT).build())
        .putAttr("value", io.github.jfreeze.proto.AttrValue.newBuilder().setTensor(tensor).build());
    Path p = tmp.resolve(name);
    Files.write(p, io.github.jfreeze.proto.GraphDef.newBuilder().addNode(node).build().toByteArray());
    return p;
  }

  /** Issue 10: a 2^26-element Const stored as one value ran inspect --values out of memory at 256 MiB. */
  @Test
  void aBroadcastConstPrintsInSmallMemory() throws Exception {
    Path g = broadcastConst("broadcast.pb", 1L << 26);
    assertTrue(Files.size(g) < 100);
    Launcher.Run r = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx64m"), "inspect", "--values", g.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("float32 [67108864]\n[1.5 1.5 1.5 ... 1.5 1.5 1.5]"), r.out());
    Launcher.Run json = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx64m"), "inspect", "--values", "--json", "--max-values", "4", g.toString());
    assertEquals(0, json.code(), json.toString());
    var values = Cli.JSON.readTree(json.out()).get("constants").get(0).get("values");
    assertEquals("[1.5,1.5,1.5,1.5]", values.toString());
  }

  /** At [2^40], --json --values printed truncated, invalid JSON; now: one line, nothing on stdout. */
  @Test
  void aTerabyteConstIsRefusedForJsonAndVerifiesWithoutDecoding() throws Exception {
    Path g = broadcastConst("huge.pb", 1L << 40);
    Launcher.Run r = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx64m"), "inspect", "--values", "--json", g.toString()).badInput();
    assertEquals("", r.out());
    assertTrue(r.err().contains("stands for 1099511627776 values"), r.err());
    Launcher.Run text = run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx64m"), "inspect", "--values", g.toString());
    assertEquals(0, text.code(), text.toString());
    assertEquals(0, run(Map.of("JFREEZE_JAVA_OPTS", "-Xmx64m"), "inspect", "--verify", g.toString()).code());
  }
}
