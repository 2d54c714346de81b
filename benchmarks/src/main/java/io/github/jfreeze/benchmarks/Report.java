package io.github.jfreeze.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The second half of {@code benchmarks/run.sh}: runs the JMH suite (unless {@code --jmh} is
 * empty) and prints one Markdown table of everything: the machine, the whole-process timings the
 * script measured (median, min and max of the runs, peak RSS), the targets with what was
 * measured against each, and the JMH results beside their baselines.
 *
 * <pre>
 * Report --results DIR --models DIR [--jmh REGEX]
 * </pre>
 *
 * {@code DIR} holds {@code machine.txt} ({@code key: value} lines), {@code commands.tsv} ({@code
 * id, label, command}) and {@code process.tsv} ({@code run, id, wall seconds, peak RSS KiB, exit
 * status}); the table is printed and written to {@code DIR/table.md}.
 */
public final class Report {
  /** Benchmark method to its baseline in the same class. */
  private static final Map<String, String> BASELINES = Map.of(
      "IndexParseBenchmark.openIndex", "readIndexBytes",
      "IndexParseBenchmark.scanMetaGraph", "parseMetaGraph",
      "TensorReadBenchmark.copyRaw", "bufferedCopy",
      "TensorReadBenchmark.read", "rawRead",
      "SnappyBenchmark.jfreeze", "snappyJava",
      "Crc32cBenchmark.crc32c", "tableCrc32c",
      "FreezeBenchmark.pureJava", "nativeAssisted",
      "CompiledFreezeBenchmark.fullyCompiled", "launcherCompiler");

  private Report() {}

  /** Median, min and max of a sample. */
  record Stats(double median, double min, double max, int n) {
    static Stats of(List<Double> values) {
      List<Double> v = new ArrayList<>(values);
      v.sort(null);
      int n = v.size();
      double median = n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
      return new Stats(median, n == 0 ? Double.NaN : v.get(0), n == 0 ? Double.NaN : v.get(n - 1), n);
    }
  }

  /** One JMH benchmark with parameters: time per operation and bytes per second, per iteration. */
  record Jmh(String name, String params, Stats msPerOp, Stats bytesPerSec) {}

  public static void main(String[] args) throws IOException, RunnerException {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path results = Path.of(opts.getOrDefault("--results", "benchmarks/target/results"));
    Path models = Path.of(opts.getOrDefault("--models", "benchmarks/target/models"));
    String include = opts.getOrDefault("--jmh", "");
    List<Jmh> jmh = include.isEmpty() ? List.of() : runJmh(include, models, results.resolve("jmh.log"));
    String table = table(results, jmh);
    System.out.print(table);
    Files.writeString(results.resolve("table.md"), table, StandardCharsets.UTF_8);
  }

  private static List<Jmh> runJmh(String include, Path models, Path log) throws RunnerException {
    ChainedOptionsBuilder b = new OptionsBuilder().include(include).forks(1).output(log.toString())
        .jvmArgsAppend("-Djfreeze.models=" + models.toAbsolutePath(), "-Xmx4g");
    Collection<RunResult> runs = new Runner(b.build()).run();
    List<Jmh> out = new ArrayList<>();
    for (RunResult r : runs) {
      String label = r.getParams().getBenchmark();
      label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
      StringBuilder params = new StringBuilder();
      for (String k : new TreeMap<>(paramMap(r)).keySet()) {
        params.append(params.length() == 0 ? "" : " ").append(paramMap(r).get(k));
      }
      List<Double> ms = new ArrayList<>();
      List<Double> bytes = new ArrayList<>();
      for (BenchmarkResult br : r.getBenchmarkResults()) {
        for (IterationResult it : br.getIterationResults()) {
          ms.add(1000.0 / it.getPrimaryResult().getScore());
          Result<?> by = it.getSecondaryResults().get("bytes");
          if (by != null) {
            bytes.add(by.getScore());
          }
        }
      }
      out.add(new Jmh(label, params.toString(), Stats.of(ms), Stats.of(bytes)));
    }
    return out;
  }

  private static Map<String, String> paramMap(RunResult r) {
    Map<String, String> m = new TreeMap<>();
    for (String k : r.getParams().getParamsKeys()) {
      m.put(k, r.getParams().getParam(k));
    }
    return m;
  }

  // --- the table ----------------------------------------------------------------------------

  private static String table(Path results, List<Jmh> jmh) throws IOException {
    StringBuilder sb = new StringBuilder();
    Map<String, String> machine = keyValues(results.resolve("machine.txt"));
    Map<String, String[]> commands = new LinkedHashMap<>();
    for (String line : lines(results.resolve("commands.tsv"))) {
      String[] f = line.split("\t", 3);
      commands.put(f[0], f);
    }
    Map<String, Map<Integer, double[]>> process = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (String line : lines(results.resolve("process.tsv"))) {
      String[] f = line.split("\t");
      int run = Integer.parseInt(f[0]);
      process.computeIfAbsent(f[1], k -> new TreeMap<>()).put(run, new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
      if (!f[4].equals("0")) {
        failures.add(f[1] + " (run " + run + ") exited " + f[4]);
      }
    }

    sb.append("jfreeze benchmarks, ").append(machine.getOrDefault("date", "?")).append('\n');
    sb.append('\n');
    machine.forEach((k, v) -> {
      if (!k.equals("date") && !k.equals("freeze big output")) {
        sb.append("- ").append(k).append(": ").append(v).append('\n');
      }
    });
    sb.append('\n');

    sb.append("Whole process, wall seconds over ").append(runs(process)).append(" runs (alternating, warm page cache, outputs "
        + "deleted and `sync` before each), peak RSS from `/usr/bin/time -v`:\n\n");
    sb.append("| what | median s | min s | max s | peak RSS MiB (max) | command |\n|---|---:|---:|---:|---:|---|\n");
    for (var e : process.entrySet()) {
      String[] c = commands.getOrDefault(e.getKey(), new String[] {e.getKey(), e.getKey(), ""});
      Stats wall = Stats.of(e.getValue().values().stream().map(v -> v[0]).toList());
      double rss = e.getValue().values().stream().mapToDouble(v -> v[1]).max().orElse(Double.NaN) / 1024;
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f | `%s` |%n", c[1], wall.median(), wall.min(),
          wall.max(), rss, c[2]));
    }
    failures.forEach(f -> sb.append("\nFAILED: ").append(f).append('\n'));
    sb.append('\n');

    sb.append("Targets (ratios taken run by run, then median, min and max):\n\n");
    sb.append("| target | median | min | max | limit | result |\n|---|---:|---:|---:|---|---|\n");
    ratio(sb, process, "freeze_big", "native_big", "`freeze` / native-assisted, big", 0.25);
    ratio(sb, process, "freeze_mid", "native_mid", "`freeze` / native-assisted, mid", 0.25);
    ratio(sb, process, "freeze_big", "cp_big", "`freeze` / `cp` of the data file, big", 1.5);
    ratio(sb, process, "freeze_big", "cpsync_big", "`freeze` / (`cp` + `sync` of the copy), big (for reference: freeze fsyncs)", 1.5);
    ratio(sb, process, "export_big_256m", "cpsync_big", "`export --to safetensors` / (`cp` + `sync` of the copy), big, -Xmx256m", 1.5);
    ratio(sb, process, "rewrite_big_256m", "cpsync_big", "`rewrite` / (`cp` + `sync` of the copy), big, -Xmx256m", 1.5);
    ratio(sb, process, "freeze_sharded", "cp_sharded", "`freeze` / `cp` of both data files, big_sharded", 1.5);
    Map<Integer, double[]> small = process.get("freeze_big_256m");
    if (small != null) {
      Stats rss = Stats.of(small.values().stream().map(v -> v[1] / 1024).toList());
      boolean ok = small.values().stream().allMatch(v -> v[1] / 1024 < 400);
      sb.append(String.format(Locale.ROOT, "| peak RSS MiB, `freeze` big with `-Xmx256m` | %.0f | %.0f | %.0f | < 400 | %s |%n",
          rss.median(), rss.min(), rss.max(), ok && failures.stream().noneMatch(f -> f.startsWith("freeze_big_256m")) ? "holds" : "MISSED"));
    }
    Map<Integer, double[]> inspect = process.get("inspect_many");
    if (inspect != null) {
      Stats s = Stats.of(inspect.values().stream().map(v -> v[0]).toList());
      sb.append(String.format(Locale.ROOT, "| `inspect` many, wall s | %.2f | %.2f | %.2f | < 1 | %s |%n", s.median(), s.min(),
          s.max(), verdict(s.median(), 1.0)));
    }
    manyVariables(sb, process, failures);
    compiledFloor(sb, process, jmh);
    for (Jmh j : jmh) {
      if (j.name().equals("IndexParseBenchmark.openIndex") && j.params().equals("many")) {
        sb.append(String.format(Locale.ROOT, "| index parse, many (JMH `openIndex`), ms | %.1f | %.1f | %.1f | < 100 | %s |%n",
            j.msPerOp().median(), j.msPerOp().min(), j.msPerOp().max(), verdict(j.msPerOp().median(), 100)));
      }
    }
    ratio(sb, process, "cold_sharded", "cold_sharded_noahead",
        "cold cache: `freeze` big_sharded with / without reading ahead (shards in parallel)", Double.NaN);
    ratio(sb, process, "cold_big", "cold_big_noahead", "cold cache: `freeze` big with / without reading ahead", Double.NaN);
    String identical = machine.get("freeze big output");
    if (identical != null) {
      sb.append("\n`freeze` big output (streamed): ").append(identical).append(".\n");
    }
    sb.append('\n');

    if (!jmh.isEmpty()) {
      sb.append("JMH (in process, one fork, median [min-max] of the measured iterations; MB/s = 10^6 bytes/s; "
          + "time ratio = baseline time / jfreeze time, above 1 when jfreeze is faster; readIndexBytes and rawRead are "
          + "floors, not rivals; CompiledFreezeBenchmark is jfreeze on both sides: above 1 when C2's code is faster than "
          + "the launcher's C1):\n\n");
      sb.append("| benchmark | param | ms/op | MB/s | baseline | baseline ms/op | baseline MB/s | time ratio |\n");
      sb.append("|---|---|---:|---:|---|---:|---:|---:|\n");
      for (Jmh j : jmh) {
        String base = BASELINES.get(j.name());
        if (base == null) {
          continue;
        }
        String cls = j.name().substring(0, j.name().indexOf('.'));
        Jmh b = jmh.stream().filter(x -> x.name().equals(cls + "." + base) && x.params().equals(j.params())).findFirst().orElse(null);
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", j.name(), j.params(), ms(j.msPerOp()),
            mbs(j.bytesPerSec()), base, b == null ? "" : ms(b.msPerOp()), b == null ? "" : mbs(b.bytesPerSec()),
            b == null ? "" : String.format(Locale.ROOT, "%.2fx", b.msPerOp().median() / j.msPerOp().median())));
      }
      for (Jmh j : jmh) {
        if (j.name().equals("Crc32cBenchmark.crc32")) {
          sb.append(String.format(Locale.ROOT, "| %s (reference) | %s | %s | %s | | | | |%n", j.name(), j.params(),
              ms(j.msPerOp()), mbs(j.bytesPerSec())));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Issue 14's targets for models of many variables: freeze of many within 1 s, 256 MiB peak RSS
   * and 1/30 of native-assisted; inspect within 0.5 s; the cost per variable flat from 2,000 to
   * 200,000 variables; 200,000 under -Xmx256m.
   */
  private static void manyVariables(StringBuilder sb, Map<String, Map<Integer, double[]>> process, List<String> failures) {
    Map<Integer, double[]> freeze = process.get("freeze_many");
    if (freeze != null) {
      Stats s = Stats.of(freeze.values().stream().map(v -> v[0]).toList());
      sb.append(String.format(Locale.ROOT, "| `freeze` many, wall s | %.2f | %.2f | %.2f | <= 1.0 | %s |%n", s.median(), s.min(),
          s.max(), verdict(s.median(), 1.0)));
      Stats rss = Stats.of(freeze.values().stream().map(v -> v[1] / 1024).toList());
      sb.append(String.format(Locale.ROOT, "| peak RSS MiB, `freeze` many | %.0f | %.0f | %.0f | <= 256 | %s |%n", rss.median(),
          rss.min(), rss.max(), verdict(rss.max(), 256)));
    }
    ratio(sb, process, "freeze_many", "native_many", "`freeze` / native-assisted, many", 1.0 / 30);
    Map<Integer, double[]> inspect = process.get("inspect_many");
    if (inspect != null) {
      Stats s = Stats.of(inspect.values().stream().map(v -> v[0]).toList());
      sb.append(String.format(Locale.ROOT, "| `inspect` many, wall s (issue 14) | %.2f | %.2f | %.2f | <= 0.5 | %s |%n", s.median(),
          s.min(), s.max(), verdict(s.median(), 0.5)));
    }
    for (String what : List.of("freeze", "inspect")) {
      StringBuilder cells = new StringBuilder();
      boolean any = false;
      for (String[] size : new String[][] {{"_2k", "2000"}, {"", "20000"}, {"_200k", "200000"}}) {
        Map<Integer, double[]> runs = process.get(what + "_many" + size[0]);
        cells.append(size[0].equals("_2k") ? "" : " / ");
        if (runs == null) {
          cells.append('-'); // a row --only left out: the cell stays in its place
        } else {
          double median = Stats.of(runs.values().stream().map(v -> v[0]).toList()).median();
          cells.append(String.format(Locale.ROOT, "%.1f", median * 1e6 / Double.parseDouble(size[1])));
          any = true;
        }
      }
      if (any) {
        sb.append("| `").append(what).append("` µs per variable (median wall / variables), 2k / 20k / 200k | ").append(cells)
            .append(" | | | flat | (read the trend) |\n");
      }
    }
    Map<Integer, double[]> small = process.get("freeze_many_200k_256m");
    if (small != null) {
      boolean ok = failures.stream().noneMatch(f -> f.startsWith("freeze_many_200k_256m "));
      Stats s = Stats.of(small.values().stream().map(v -> v[0]).toList());
      sb.append(String.format(Locale.ROOT, "| `freeze` many_200k with `-Xmx256m`, wall s | %.2f | %.2f | %.2f | exits 0 | %s |%n",
          s.median(), s.min(), s.max(), ok ? "holds" : "MISSED"));
    }
  }

  /**
   * What issue 14's 1/30 of native-assisted leaves for the whole `freeze` of many (the median
   * native-assisted time over 30), against the work alone once compiled: the same freeze in a JVM
   * whose code is compiled already (JMH {@link CompiledFreezeBenchmark}), C2 and the launcher's C1.
   * A measurement, not a target: the row says how much of the budget the work leaves for the rest of
   * a cold run (the JVM's start, class loading, picocli, code run before it is compiled), or by how
   * much the work alone is over it, and beside it the median of {@code jfreeze --version}, the JVM's
   * start and picocli alone. The same freeze
   * as a whole command with C2 on is a row of its own, against the launcher's run by run.
   */
  private static void compiledFloor(StringBuilder sb, Map<String, Map<Integer, double[]>> process, List<Jmh> jmh) {
    ratio(sb, process, "freeze_many_c2", "freeze_many", "`freeze` many with C2 on (`-XX:TieredStopAtLevel=4`) / as launched (C1 only)",
        Double.NaN);
    Map<Integer, double[]> nativeRuns = process.get("native_many");
    Map<Integer, double[]> version = process.get("version");
    String start = version == null ? ""
        : String.format(Locale.ROOT, " (`--version`, the JVM's start and picocli: %.2f s)",
            Stats.of(version.values().stream().map(v -> v[0]).toList()).median());
    for (Jmh j : jmh) {
      if (!j.name().startsWith("CompiledFreezeBenchmark.") || !j.params().equals("many")) {
        continue;
      }
      String budget = "";
      if (nativeRuns != null) {
        double b = Stats.of(nativeRuns.values().stream().map(v -> v[0]).toList()).median() / 30;
        double left = b - j.msPerOp().median() / 1000;
        budget = String.format(Locale.ROOT, "1/30 of native-assisted: %.2f s for the whole command; %s %.2f s%s", b,
            left < 0 ? "this alone is over it by" : "this leaves", Math.abs(left), start);
      }
      sb.append(String.format(Locale.ROOT, "| `freeze` many in process, code compiled (JMH `%s`), s | %.3f | %.3f | %.3f | | %s |%n",
          j.name().substring(j.name().indexOf('.') + 1), j.msPerOp().median() / 1000, j.msPerOp().min() / 1000,
          j.msPerOp().max() / 1000, budget.isEmpty() ? "(measured, no target)" : budget));
    }
  }

  private static int runs(Map<String, Map<Integer, double[]>> process) {
    return process.values().stream().mapToInt(Map::size).max().orElse(0);
  }

  private static void ratio(StringBuilder sb, Map<String, Map<Integer, double[]>> process, String a, String b, String label,
      double limit) {
    Map<Integer, double[]> x = process.get(a);
    Map<Integer, double[]> y = process.get(b);
    if (x == null || y == null) {
      return;
    }
    List<Double> r = new ArrayList<>();
    x.forEach((run, v) -> {
      double[] w = y.get(run);
      if (w != null) {
        r.add(v[0] / w[0]);
      }
    });
    Stats s = Stats.of(r);
    if (Double.isNaN(limit)) {
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | | (measured, no target) |%n", label, s.median(), s.min(),
          s.max()));
      return;
    }
    sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | <= %s | %s |%n", label, s.median(), s.min(), s.max(),
        trim(limit), verdict(s.median(), limit)));
  }

  private static String verdict(double value, double limit) {
    return value <= limit ? "holds" : String.format(Locale.ROOT, "MISSED by %.0f%%", (value / limit - 1) * 100);
  }

  private static String trim(double d) {
    if (d > 0 && d < 0.1 && Math.abs(1 / d - Math.rint(1 / d)) < 1e-9) {
      return "1/" + (long) Math.rint(1 / d);
    }
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String ms(Stats s) {
    return String.format(Locale.ROOT, "%s [%s-%s]", num(s.median()), num(s.min()), num(s.max()));
  }

  private static String mbs(Stats s) {
    return s.n() == 0 ? "" : num(s.median() / 1e6);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }

  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : lines(file)) {
      int i = line.indexOf(": ");
      if (i > 0) {
        m.put(line.substring(0, i), line.substring(i + 2));
      }
    }
    return m;
  }

  private static List<String> lines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }
}
