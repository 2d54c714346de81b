package io.github.jfreeze.cli;

import io.github.jfreeze.bridge.NativeVerifier;
import io.github.jfreeze.codec.ModelLocation;
import io.github.jfreeze.codec.ModelLocator;
import io.github.jfreeze.codec.internal.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfreeze verify FROZEN.pb --against ORIGINAL}: the frozen graph computes what the original does. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Runs a frozen graph and the original model in native TensorFlow and compares their outputs.",
        "The original is the graph with the checkpoint restored, or a SavedModel. Both get the same inputs; integers, strings and booleans must be identical, floats equal within --atol + --rtol * max(|a|,|b|). Placeholders without --feed get seeded random values (unknown dimensions 1, or --shape)."},
    footer = {"", "Exit status: 0 outputs match, 1 they differ or the input is bad (or natives unavailable), 2 usage error."})
final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FROZEN.pb", description = "The frozen GraphDef.")
  Path frozen;

  @Option(names = "--against", required = true, paramLabel = "ORIGINAL",
      description = "The original: a checkpoint (directory, prefix or any of its files, with its .meta) or a SavedModel directory.")
  Path original;

  @Option(names = "--feed", paramLabel = "NAME=VALUE", description = "A placeholder value (repeatable); others get random values.")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--fetch", paramLabel = "NAMES", split = ",",
      description = "Outputs to compare (default: the frozen graph's likely outputs).")
  List<String> fetches = new ArrayList<>();

  @Option(names = "--shape", paramLabel = "NAME=D0,D1,...",
      description = "Shape of a randomly fed placeholder with unknown dimensions (repeatable).")
  List<String> shapes = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rtol", defaultValue = "1e-6", description = "Relative tolerance for floats (default: ${DEFAULT-VALUE}).")
  double rtol;

  @Option(names = "--atol", paramLabel = "ATOL", description = "Absolute tolerance for floats (default: per dtype, "
      + "1e-8 for float32, 1e-12 float64, 1e-4 float16, 1e-3 bfloat16), so tiny outputs against 0 match.")
  Double atol;

  @Option(names = "--tags", paramLabel = "TAGS", split = ",", defaultValue = "serve",
      description = TagSet.HELP)
  List<String> tags;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Give up after this many "
      + "seconds (default: ${DEFAULT-VALUE}): a graph waiting on a queue or a reader nothing fills never returns.")
  long timeout;

  @Option(names = "--init", paramLabel = "NODE", description = "The frozen graph's node to run once before the "
      + "outputs (it fills lookup tables). Default: init_all_tables where the graph has it; --init= runs none.")
  String init;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress line on a terminal.")
  boolean quiet;

  /**
   * Runs {@code work} (the verification) on a daemon thread and gives up after {@link #timeout}
   * seconds: a native session blocked in a queue cannot be interrupted, so the process ends (the
   * command's one error line, exit 1) and takes the thread with it.
   *
   * <p>No method of this class, lambdas included, has a type of the runtime bridge in its
   * signature: picocli reads them all when it builds the command line (for {@code --help} and
   * {@code --version} too), and the pure-Java download has no bridge ({@code CommandSignaturesTest}).
   */
  private <T> T withTimeout(Callable<T> work) throws IOException {
    java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
    Thread t = new Thread(task, "jfreeze-verify");
    t.setDaemon(true);
    t.start();
    try {
      return task.get(timeout, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new CommandFailure(frozen, "verify did not finish in " + timeout + " s (--timeout): the graphs still run, "
          + "e.g. waiting on a queue or a reader nothing fills");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("verify interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  @Override
  public Integer call() throws IOException {
    NativeVerifier.Options.Builder b = NativeVerifier.Options.builder(frozen, original).feeds(NamedValues.of(spec, "--feed", feeds)).fetches(fetches)
        .seed(seed).tolerance(rtol).tags(TagSet.of(tags)).device(Devices.parse(spec, device)).init(init);
    if (atol != null) {
      if (!(atol >= 0)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--atol must be >= 0: " + atol);
      }
      b.atol(atol);
    }
    for (var e : NamedValues.of(spec, "--shape", shapes).entrySet()) {
      try {
        String spec = e.getValue().strip();
        long[] dims = spec.isEmpty() ? new long[0]
            : java.util.Arrays.stream(spec.replace("[", "").replace("]", "").split(",")).map(String::strip)
                .mapToLong(Long::parseLong).toArray();
        b.shape(e.getKey(), dims);
      } catch (NumberFormatException ex) {
        throw new ParameterException(this.spec.commandLine(), "--shape " + e.getKey() + "=" + e.getValue()
            + ": dimensions must be whole numbers, e.g. --shape x=2,4");
      }
    }
    // locate the original as every other command does; the bridge gets explicit files
    ModelLocation loc = ModelLocator.locate(original);
    if (loc.kind() == ModelLocation.Kind.CHECKPOINT) {
      if (loc.graphFile() == null) {
        throw new CommandFailure(original, "checkpoint " + loc.checkpoint() + " has no .meta beside it; verify needs the "
            + "original graph (a checkpoint with its .meta, or a SavedModel)");
      }
      b.metaGraph(loc.graphFile()).checkpoint(loc.checkpoint().toString());
    }
    loc.warnings().forEach(w -> spec.commandLine().getErr().println("jfreeze: warning: " + Main.oneLine(w)));
    NativeVerifier.Result r;
    ProgressLine line = ProgressLine.forWork(spec.commandLine().getErr(), "verifying " + frozen + ": read", quiet, json);
    if (timeout <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds: " + timeout);
    }
    try (ReadProgress p = ReadProgress.start(line, ReadProgress.filesOf(frozen, loc))) {
      NativeVerifier.Options options = b.build();
      r = withTimeout(new Callable<NativeVerifier.Result>() { // (a class of its own, not a lambda: see withTimeout)
        @Override
        public NativeVerifier.Result call() throws IOException {
          return NativeVerifier.verify(options);
        }
      });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().name("schema_version").value(1).name("kind").value("verify").name("frozen").value(frozen.toString())
          .name("original").value(r.original()).name("init_node").value(r.initNode())
          .name("device").value(r.device().name().toLowerCase(Locale.ROOT))
          .name("seed").value(r.seed()).name("rtol").value(r.tolerance()).name("atol");
      if (atol == null) {
        w.value("per dtype");
      } else {
        w.value(atol);
      }
      w.name("match").value(r.match());
      w.name("feeds").beginObject();
      for (var f : r.feedText().entrySet()) {
        w.name(f.getKey()).value(f.getValue());
      }
      w.endObject().name("random_feeds").beginArray();
      r.randomFeeds().forEach(w::value);
      w.endArray().name("outputs").beginArray();
      for (NativeVerifier.Output o : r.outputs()) {
        w.beginCompactObject().name("name").value(o.name()).name("dtype").value(o.dtype()).name("shape").beginCompactArray();
        for (long d : o.shape()) {
          w.value(d);
        }
        w.endArray().name("max_abs_diff").value(o.maxAbsDiff()).name("max_rel_diff").value(o.maxRelDiff())
            .name("mismatched").value(o.mismatched()).name("match").value(o.match());
        if (o.note() != null && !o.note().isEmpty()) {
          w.name("note").value(o.note());
        }
        w.endObject();
      }
      w.endArray().endObject();
      w.finish();
      Main.documentComplete(); // a verdict of "differs" is a whole document too
    } else {
      out.println("frozen   " + frozen);
      out.println("original " + original + " (device " + r.device().name().toLowerCase(Locale.ROOT) + ", seed " + r.seed()
          + (r.randomFeeds().isEmpty() ? "" : ", random feeds: " + String.join(", ", r.randomFeeds())) + ")");
      if (r.initNode() != null) {
        out.println("init     " + r.initNode() + " (run once in the frozen graph before the outputs)");
      }
      TextTable t = new TextTable("", "output", "dtype", "shape", "max abs diff", "max rel diff", "result");
      for (NativeVerifier.Output o : r.outputs()) {
        t.row(o.name(), o.dtype(), java.util.Arrays.toString(o.shape()), String.format(Locale.ROOT, "%.3g", o.maxAbsDiff()),
            String.format(Locale.ROOT, "%.3g", o.maxRelDiff()), o.match() ? "match" : "DIFFERS (" + o.mismatched() + " elements)"
                + (o.note() == null || o.note().isEmpty() ? "" : ": " + o.note()));
      }
      t.print(out);
    }
    out.flush();
    if (!r.match()) {
      long bad = 0;
      for (NativeVerifier.Output o : r.outputs()) { // (a loop, not a lambda: see withTimeout)
        bad += o.match() ? 0 : 1;
      }
      throw new CommandFailure(frozen, bad + " of " + r.outputs().size() + " output(s) differ from " + r.original()
          + " (rtol " + r.tolerance() + ", atol " + (atol == null ? "per dtype" : atol) + ")");
    }
    return Main.OK;
  }
}
