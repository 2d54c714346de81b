package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.jfreeze.codec.testing.Fixture;
import io.github.jfreeze.codec.testing.TableRepair;
import io.github.jfreeze.codec.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages every fixture checkpoint ({@code testdata/checkpoints/*}) and every checkpoint in the
 * shared corpus in many ways and reads each damaged copy as {@code inspect --verify} would: open it
 * and read every tensor. Each copy must either read back exactly what the undamaged checkpoint
 * holds (the damage hit padding or bytes nothing reads) or fail with {@link CorruptFileException}
 * ({@link ModelNotFoundException} only when a file was deleted), within a few seconds, in the
 * 128 MiB heap the codec tests run in. Never any other exception, never a hang.
 *
 * <p>Damage, per file of a checkpoint, all from seeded {@link Random}s (deterministic):
 *
 * <ul>
 *   <li>truncation: every length for files up to {@value #EVERY_LENGTH_UP_TO} bytes, else about a
 *       hundred lengths spread over the file plus the footer's;
 *   <li>{@value #BIT_FLIPS} single-bit flips and {@value #OVERWRITES} byte overwrites;
 *   <li>for tables ({@code .index} and V1 files), {@value #REPAIRED} overwrites of one to three
 *       bytes whose block checksums are then recomputed, so the damage reaches the parsers behind
 *       the CRC check; these may also read back different values (a V1 value has no checksum of
 *       its own);
 *   <li>deleting the file.
 * </ul>
 *
 * <p>{@code -Djfreeze.sweep.scale=N} multiplies the random damage by N for a longer run.
 */
class CorruptionSweepTest {
  static final int EVERY_LENGTH_UP_TO = 1024;
  static final int SPREAD_LENGTHS = 100;
  static final int BIT_FLIPS = 120;
  static final int OVERWRITES = 60;
  static final int REPAIRED = 80;
  static final Duration PER_INPUT = Duration.ofSeconds(5);
  /** Multiplies the random damage per file for longer local runs: {@code -Djfreeze.sweep.scale=20}. */
  static final int SCALE = Integer.getInteger("jfreeze.sweep.scale", 1);

  enum Outcome { IDENTICAL, DIFFERENT_VALUES, CORRUPT_FILE, MODEL_NOT_FOUND }

  enum Damage { TRUNCATED, BIT_FLIP, OVERWRITE, REPAIRED_OVERWRITE, DELETED }

  private static final Map<Damage, Map<Outcome, AtomicLong>> TALLY = new EnumMap<>(Damage.class);

  static {
    for (Damage d : Damage.values()) {
      Map<Outcome, AtomicLong> m = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) {
        m.put(o, new AtomicLong());
      }
      TALLY.put(d, m);
    }
  }

  @TempDir static Path tmp;

  /**
   * A checkpoint to damage: the files that make it up, and the path to open (relative to the
   * directory they are copied to).
   */
  record Subject(String label, Path sourceDir, String open, List<String> files, List<String> companions) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Subject> subjects() throws IOException {
    List<Subject> out = new ArrayList<>();
    for (Fixture f : Fixture.all()) {
      if (f.format().equals("v1")) {
        out.add(v1(f.dir(), "testdata/" + f, f.checkpoint()));
      } else {
        for (String prefix : prefixes(f.dir())) {
          out.add(v2(f.dir(), "testdata/" + f + "/" + prefix, prefix));
        }
      }
    }
    Path corpus = TestPaths.corpus();
    for (Path p : CorpusConformanceTest.checkpoints()) {
      String label = "corpus/" + corpus.relativize(p);
      String name = p.getFileName().toString();
      if (Files.isRegularFile(p.resolveSibling(name + ".index"))) {
        out.add(v2(p.getParent(), label, name));
      } else if (name.equals("export")) {
        // named only by the state file beside it (with an absolute path from another machine)
        out.add(new Subject(label, p.getParent(), ".", List.of(name), List.of("checkpoint")));
      } else {
        out.add(v1(p.getParent(), label, name));
      }
    }
    return out;
  }

  private static List<String> prefixes(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".index"))
          .map(n -> n.substring(0, n.length() - ".index".length())).sorted().toList();
    }
  }

  private static Subject v2(Path dir, String label, String prefix) throws IOException {
    List<String> files = new ArrayList<>();
    files.add(prefix + ".index");
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.matches(java.util.regex.Pattern.quote(prefix) + "\\.data-\\d{5}-of-\\d{5}"))
          .sorted().forEach(files::add);
    }
    return new Subject(label, dir, prefix, files, List.of());
  }

  private static Subject v1(Path dir, String label, String fileOrPattern) throws IOException {
    var matcher = dir.getFileSystem().getPathMatcher("glob:" + fileOrPattern);
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(Path::getFileName).filter(matcher::matches).map(Path::toString).sorted().toList();
    }
    return new Subject(label, dir, fileOrPattern, files, List.of());
  }

  /** What a reader returned: the variable list and every tensor's values. */
  private static Map<String, Object> readAll(Path path) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (CheckpointReader r = CheckpointReader.open(path)) {
      for (VariableInfo v : r.variables()) {
        Tensor t = r.read(v.key());
        Object values = t.hasElements() ? t.elements().stream().map(e -> ByteBuffer.wrap(e.clone())).toList()
            : ByteBuffer.wrap(t.toByteArray());
        out.put(v.key(), List.of(v.dtype(), v.shape(), v.name(), v.slices(), t.dtype(), t.shape(), values));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyDamagedCopyReadsTheSameOrFailsCleanly() throws IOException {
    List<Subject> subjects = subjects();
    assertTrue(subjects.size() >= 30, "fixtures and corpus checkpoints: " + subjects);
    return subjects.stream().map(s -> DynamicTest.dynamicTest(s.label(), () -> sweep(s)));
  }

  private void sweep(Subject s) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "sweep");
    Map<String, byte[]> originals = new LinkedHashMap<>();
    for (String f : concat(s.files(), s.companions())) {
      byte[] b = Files.readAllBytes(s.sourceDir().resolve(f));
      Files.write(dir.resolve(f), b);
      originals.put(f, b);
    }
    Path open = dir.resolve(s.open()).normalize();
    Map<String, Object> expected = readAll(open);
    assertTrue(!expected.isEmpty(), s + " has tensors");
    for (String f : s.files()) {
      byte[] original = originals.get(f);
      Random random = new Random(s.label().hashCode() * 31L + f.hashCode());
      for (long len : truncations(original.length)) {
        check(s, f, Damage.TRUNCATED, "length " + len, Arrays.copyOf(original, (int) len), dir, open, expected, original);
      }
      for (int i = 0; i < BIT_FLIPS * SCALE && original.length > 0; i++) {
        byte[] b = original.clone();
        int at = random.nextInt(b.length);
        int bit = random.nextInt(8);
        b[at] ^= (byte) (1 << bit);
        check(s, f, Damage.BIT_FLIP, "bit " + bit + " of byte " + at, b, dir, open, expected, original);
      }
      for (int i = 0; i < OVERWRITES * SCALE && original.length > 0; i++) {
        byte[] b = original.clone();
        int at = random.nextInt(b.length);
        b[at] = (byte) (b[at] + 1 + random.nextInt(255));
        check(s, f, Damage.OVERWRITE, "byte " + at + " = " + (b[at] & 0xff), b, dir, open, expected, original);
      }
      if (isTable(original)) {
        for (int i = 0; i < REPAIRED * SCALE; i++) {
          byte[] b = original.clone();
          StringBuilder how = new StringBuilder();
          for (int k = 1 + (i % 3 == 2 ? random.nextInt(3) : 0); k > 0; k--) { // every third: 1 to 3 bytes
            int at = random.nextInt(b.length - 48); // inside the blocks, not the footer
            b[at] = (byte) (b[at] + 1 + random.nextInt(255));
            how.append("byte ").append(at).append(" = ").append(b[at] & 0xff).append(", ");
          }
          TableRepair.repairChecksums(b);
          check(s, f, Damage.REPAIRED_OVERWRITE, how + "checksums recomputed", b, dir, open, expected, original);
        }
      }
      check(s, f, Damage.DELETED, "deleted", null, dir, open, expected, original);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static boolean isTable(byte[] b) {
    return b.length >= 48 && ByteBuffer.wrap(b, b.length - 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong()
        == io.github.jfreeze.codec.table.Footer.MAGIC;
  }

  /** Every length of a small file; about a hundred spread over a large one, and its last 48 bytes' worth. */
  static TreeSet<Long> truncations(long size) {
    TreeSet<Long> out = new TreeSet<>();
    if (size <= EVERY_LENGTH_UP_TO) {
      for (long i = 0; i < size; i++) {
        out.add(i);
      }
      return out;
    }
    for (int i = 0; i < SPREAD_LENGTHS - 16; i++) {
      out.add(size * i / (SPREAD_LENGTHS - 16));
    }
    for (long i = size - 48; i < size; i += 3) {
      out.add(i);
    }
    out.add(size - 1);
    return out;
  }

  /** Writes the damaged file (or deletes it), reads everything, restores the file. */
  private static void check(Subject s, String file, Damage damage, String how, byte[] damaged, Path dir, Path open,
      Map<String, Object> expected, byte[] original) throws IOException {
    Path target = dir.resolve(file);
    if (damaged == null) {
      Files.delete(target);
    } else {
      Files.write(target, damaged);
    }
    String what = s + ": " + file + " " + how;
    Outcome outcome;
    try {
      outcome = assertTimeoutPreemptively(PER_INPUT, () -> {
        try {
          return readAll(open).equals(expected) ? Outcome.IDENTICAL : Outcome.DIFFERENT_VALUES;
        } catch (CorruptFileException e) {
          if (e.problem() == null || e.offset() < -1 || e.getMessage().lines().count() != 1) {
            fail(what + ": malformed error: " + e.getMessage());
          }
          return Outcome.CORRUPT_FILE;
        } catch (ModelNotFoundException e) {
          return Outcome.MODEL_NOT_FOUND;
        }
      }, () -> what + ": took longer than " + PER_INPUT.toSeconds() + " s");
    } catch (AssertionError e) {
      throw e; // a timeout or a malformed error, already described
    } catch (Throwable t) {
      throw new AssertionError(what + ": threw " + t, t);
    } finally {
      Files.write(target, original);
    }
    if (outcome == Outcome.DIFFERENT_VALUES && damage != Damage.REPAIRED_OVERWRITE) {
      fail(what + ": read back different values without an error");
    }
    if (outcome == Outcome.MODEL_NOT_FOUND && damage != Damage.DELETED) {
      fail(what + ": reported as not a model, but the damaged file is there");
    }
    TALLY.get(damage).get(outcome).incrementAndGet();
  }

  @AfterAll
  static void report() {
    long total = 0;
    StringBuilder sb = new StringBuilder("corruption sweep: damaged inputs by damage and outcome\n");
    sb.append(String.format(Locale.ROOT, "  %-20s %10s %10s %10s %10s %10s%n", "", "identical", "different", "corrupt",
        "not found", "total"));
    for (Damage d : Damage.values()) {
      Map<Outcome, AtomicLong> m = TALLY.get(d);
      long sum = m.values().stream().mapToLong(AtomicLong::get).sum();
      total += sum;
      sb.append(String.format(Locale.ROOT, "  %-20s %10d %10d %10d %10d %10d%n", d.name().toLowerCase(Locale.ROOT),
          m.get(Outcome.IDENTICAL).get(), m.get(Outcome.DIFFERENT_VALUES).get(), m.get(Outcome.CORRUPT_FILE).get(),
          m.get(Outcome.MODEL_NOT_FOUND).get(), sum));
    }
    sb.append("  total damaged inputs: ").append(total);
    System.out.println(sb);
    try {
      Files.writeString(Path.of("target", "corruption-sweep.txt"), sb + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
