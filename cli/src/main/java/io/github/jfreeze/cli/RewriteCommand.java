package io.github.jfreeze.cli;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.Freezer;
import io.github.jfreeze.freezer.RewriteOptions;
import io.github.jfreeze.freezer.RewriteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfreeze rewrite CKPT -o NEWPREFIX}: a checkpoint written again as V2, with surgery on the way. */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
    description = {
        "Writes a checkpoint (V2, V1, sharded or partitioned) again as a new V2 checkpoint, without TensorFlow: tensors dropped, renamed or cast to float16/bfloat16, optimizer slots left out, in any number of data files. The .meta beside it is rewritten to match (SaveV2/RestoreV2 names, restore assigns), so that the new checkpoint restores and freezes. When NEWPREFIX's directory does not exist it is created with a checkpoint state file naming NEWPREFIX."},
    footer = {"", "Exit status: 0 success, 1 bad input or a rewrite the graph cannot follow, 2 usage error."})
final class RewriteCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CKPT", description = "A checkpoint (directory, prefix or any of its files) or a SavedModel directory.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "NEWPREFIX", description = "The new checkpoint's prefix, e.g. out/model.ckpt.")
  Path output;

  @Option(names = "--drop", paramLabel = "REGEX", description = "Leave out tensors whose key or variable name the expression matches whole (repeatable).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--rename", paramLabel = "OLD=NEW", description = "Rename keys the expression OLD matches whole to NEW ($1... for its groups); repeatable, applied in order.")
  List<String> rename = new ArrayList<>();

  @Option(names = "--cast", paramLabel = "float32:float16|float32:bfloat16", description = "Store float32 tensors as float16 or bfloat16 (rounded to nearest even, as TF's Cast).")
  String cast;

  @Option(names = "--shards", paramLabel = "N", description = "Number of data files (default: as many as the input has).")
  int shards;

  @Option(names = "--inference-only", description = "Leave out optimizer slots and bookkeeping (Adam slots, global_step, save_counter, ...), as export does.")
  boolean inferenceOnly;

  @Option(names = "--force", description = "Replace existing files of NEWPREFIX (never an input).")
  boolean force;

  @Option(names = "--json", description = "Print the summary as one JSON document.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    DType to = null;
    if (cast != null) {
      to = switch (cast) {
        case "float32:float16" -> DType.FLOAT16;
        case "float32:bfloat16" -> DType.BFLOAT16;
        default -> throw new ParameterException(spec.commandLine(), "--cast must be float32:float16 or float32:bfloat16, not '"
            + cast + "'");
      };
    }
    if (shards < 0) {
      throw new ParameterException(spec.commandLine(), "--shards must be at least 1");
    }
    List<RewriteOptions.Rename> renames = new ArrayList<>();
    for (String r : rename) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--rename takes OLD=NEW, not '" + r + "'");
      }
      renames.add(new RewriteOptions.Rename(r.substring(0, eq), r.substring(eq + 1)));
    }
    RewriteReport r;
    try {
      r = Freezer.rewrite(new RewriteOptions(input, output, drop, renames, to, shards, inferenceOnly, force));
    } catch (FreezeException e) {
      throw LibraryWording.asFlags(e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().name("schema_version").value(1).name("kind").value("rewrite").name("input").value(input.toString())
          .name("prefix").value(r.prefix().toString()).name("shards").value(r.shards()).name("bytes").value(r.bytes())
          .name("files").beginArray();
      r.files().forEach(f -> w.value(f.toString()));
      w.endArray().name("meta").value(r.meta() == null ? null : r.meta().toString()).name("tensors").beginArray();
      for (RewriteReport.Rewritten t : r.tensors()) {
        w.beginCompactObject().name("key").value(t.key()).name("new_key").value(t.newKey()).name("dtype").value(t.dtype())
            .name("new_dtype").value(t.newDtype()).name("shape").beginCompactArray();
        t.shape().forEach(w::value);
        w.endArray().name("shard").value(t.shard()).endObject();
      }
      w.endArray().name("dropped").beginArray();
      r.dropped().forEach(w::value);
      w.endArray().name("warnings").beginArray();
      r.warnings().forEach(w::value);
      w.endArray().endObject();
      w.finish();
    } else {
      out.println("rewrote " + input + " -> " + r.prefix() + " (" + r.tensors().size() + " tensors, " + r.shards()
          + " data file(s), " + r.bytes() + " bytes" + (r.meta() != null ? ", .meta rewritten" : "") + ")");
      TextTable table = new TextTable("  ", "key", "dtype", "shape", "was");
      for (RewriteReport.Rewritten t : r.tensors()) {
        String was = (t.key().equals(t.newKey()) ? "" : t.key()) + (t.dtype().equals(t.newDtype()) ? "" : (t.key()
            .equals(t.newKey()) ? "" : " ") + t.dtype());
        table.row(t.newKey(), t.newDtype(), t.shape().toString().replace(" ", ""), was);
      }
      table.print(out);
      if (!r.dropped().isEmpty()) {
        out.println("  dropped: " + r.dropped().size() + " (" + String.join(", ", r.dropped().subList(0,
            Math.min(5, r.dropped().size()))) + (r.dropped().size() > 5 ? ", ..." : "") + ")");
      }
    }
    out.flush();
    return Main.OK;
  }
}
