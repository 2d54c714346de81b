package io.github.jfreeze.cli;

import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.freezer.ExportOptions;
import io.github.jfreeze.freezer.ExportOptions.Format;
import io.github.jfreeze.freezer.ExportReport;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.Freezer;
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

/** {@code jfreeze export CKPT --to safetensors|npz -o OUT}: a checkpoint's weights as one file. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Writes a checkpoint's weights as one safetensors or NumPy .npz file, without TensorFlow.",
        "Every variable is written under its variable name (a TF2 key such as model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE as dense/kernel), partitioned variables whole. Optimizer slots and bookkeeping (Adam slots, global_step, save_counter, the object graph) are left out unless --all. safetensors holds floats (float8 to float64, bfloat16), integers and bool; npz holds floats, integers, bool, complex and strings."},
    footer = {"", "Exit status: 0 success, 1 bad input or a dtype the format cannot hold, 2 usage error."})
final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CKPT", description = "A checkpoint (directory, prefix or any of its files) or a SavedModel directory.")
  Path input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "safetensors or npz.")
  String to;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file to create.")
  Path output;

  @Option(names = "--include", paramLabel = "NAME|REGEX", split = ",",
      description = "Write only these tensors (names or regular expressions, matched whole against name or key).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "NAME|REGEX", split = ",", description = "Leave these tensors out.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--keep-keys", description = "Name tensors by their checkpoint keys, not their variable names.")
  boolean keepKeys;

  @Option(names = "--all", description = "Write optimizer slots and bookkeeping tensors too.")
  boolean all;

  @Option(names = "--force", description = "Replace FILE if it exists (a regular file, never an input).")
  boolean force;

  @Option(names = "--json", description = "Print the summary as one JSON document.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Format format = switch (to) {
      case "safetensors" -> Format.SAFETENSORS;
      case "npz" -> Format.NPZ;
      default -> throw new ParameterException(spec.commandLine(), "--to must be safetensors or npz, not '" + to + "'");
    };
    ExportReport r;
    try {
      r = Freezer.export(new ExportOptions(input, format, output, include, exclude, keepKeys, all, force));
    } catch (FreezeException e) {
      throw LibraryWording.asFlags(e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--include/--exclude: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonWriter w = new JsonWriter(out);
      w.beginObject().name("schema_version").value(1).name("kind").value("export").name("input").value(input.toString())
          .name("output").value(r.output().toString()).name("format").value(to).name("bytes").value(r.outputBytes())
          .name("tensors").beginArray();
      for (ExportReport.Exported t : r.tensors()) {
        w.beginCompactObject().name("name").value(t.name()).name("key").value(t.key()).name("dtype").value(t.dtype())
            .name("shape").beginCompactArray();
        t.shape().forEach(w::value);
        w.endArray().name("bytes").value(t.bytes()).endObject();
      }
      w.endArray().name("skipped").beginArray();
      r.skipped().forEach(w::value);
      w.endArray().endObject();
      w.finish();
    } else {
      out.println("exported " + input + " -> " + r.output() + " (" + to + ", " + r.tensors().size() + " tensors, "
          + r.outputBytes() + " bytes)");
      TextTable table = new TextTable("  ", "name", "dtype", "shape", "key");
      for (ExportReport.Exported t : r.tensors()) {
        table.row(t.name(), t.dtype(), t.shape().toString().replace(" ", ""), t.name().equals(t.key()) ? "" : t.key());
      }
      table.print(out);
      if (!r.skipped().isEmpty()) {
        out.println("  left out (optimizer slots, bookkeeping; --all writes them): " + r.skipped().size());
      }
    }
    out.flush();
    return Main.OK;
  }
}
