package io.github.jfreeze.cli;

import io.github.jfreeze.codec.internal.JsonWriter;
import io.github.jfreeze.freezer.FreezeReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Text and JSON summaries of what {@code freeze} did. */
final class Reports {
  private Reports() {}

  static void freezeText(PrintWriter out, Path input, Path output, FreezeReport r) {
    out.println("froze " + input + " -> " + output + " (" + r.outputBytes() + " bytes)");
    out.println("  outputs:   " + String.join(", ", r.outputs()));
    out.println("  inputs:    " + (r.inputs().isEmpty() ? "(none)" : String.join(", ", r.inputs())));
    out.println("  nodes:     " + r.nodesBefore() + " -> " + r.nodesAfter());
    out.println("  variables: " + r.variables().size() + " converted to constants, " + r.variableBytes() + " bytes"
        + (r.keptVariables().isEmpty() ? "" : "; " + r.keptVariables().size() + " kept as variables"));
    if (!r.functions().isEmpty()) {
      out.println("  functions: " + r.functions().size() + " kept (" + String.join(", ", abbreviate(r.functions(), 6)) + ")");
    }
    if (r.initNode() != null) {
      out.println("  init:      " + r.initNode() + " (run it once before the outputs: it fills " + r.tables().size()
          + " table(s); jfreeze run and verify do)");
    }
    if (!r.tables().isEmpty()) {
      out.println("tables the outputs use:");
      r.tables().forEach(t -> out.println("  " + t.table() + " (" + t.op() + "): " + t.initializer() + ", " + t.how()
          + (t.entries() >= 0 ? ", " + t.entries() + " entries" : "")));
    }
    if (!r.removed().isEmpty()) {
      out.println("removed " + r.removed().size() + " training op(s) the outputs reached:");
      r.removed().forEach(c -> out.println("  " + c.node() + " (" + c.op() + "): " + c.detail()));
    }
    if (!r.rewritten().isEmpty()) {
      out.println("rewrote " + r.rewritten().size() + " node(s):");
      r.rewritten().forEach(c -> out.println("  " + c.node() + " (" + c.op() + "): " + c.detail()));
    }
  }

  private static List<String> abbreviate(List<String> names, int max) {
    if (names.size() <= max) {
      return names;
    }
    List<String> head = new java.util.ArrayList<>(names.subList(0, max));
    head.add("...");
    return head;
  }

  static void freezeJson(JsonWriter w, Path input, FreezeReport r) {
    w.beginObject().name("schema_version").value(1).name("kind").value("freeze").name("input").value(input.toString())
        .name("output").value(String.valueOf(r.output())).name("output_bytes").value(r.outputBytes());
    stringArray(w, "outputs", r.outputs());
    stringArray(w, "inputs", r.inputs());
    w.name("nodes_before").value(r.nodesBefore()).name("nodes_after").value(r.nodesAfter());
    w.name("variables").beginArray();
    for (FreezeReport.ConvertedVariable v : r.variables()) {
      w.beginCompactObject().name("node").value(v.node()).name("key").value(v.key());
      if (!v.slice().isEmpty()) {
        w.name("slice").value(v.slice());
      }
      w.name("dtype").value(v.dtype()).name("shape").beginCompactArray();
      v.shape().forEach(w::value);
      w.endArray().name("bytes").value(v.bytes()).endObject();
    }
    w.endArray().name("variable_bytes").value(r.variableBytes());
    stringArray(w, "kept_variables", r.keptVariables());
    changes(w, "removed", r.removed());
    changes(w, "rewritten", r.rewritten());
    stringArray(w, "functions", r.functions());
    w.name("init_node");
    if (r.initNode() == null) {
      w.nullValue();
    } else {
      w.value(r.initNode());
    }
    w.name("tables").beginArray();
    for (FreezeReport.TableInit t : r.tables()) {
      w.beginCompactObject().name("table").value(t.table()).name("op").value(t.op()).name("initializer")
          .value(t.initializer()).name("how").value(t.how());
      if (t.entries() >= 0) {
        w.name("entries").value(t.entries());
      }
      w.endObject();
    }
    w.endArray();
    stringArray(w, "warnings", r.warnings());
    w.endObject();
    w.finish();
  }

  private static void stringArray(JsonWriter w, String name, List<String> values) {
    w.name(name).beginArray();
    values.forEach(w::value);
    w.endArray();
  }

  private static void changes(JsonWriter w, String name, List<FreezeReport.Change> changes) {
    w.name(name).beginArray();
    for (FreezeReport.Change c : changes) {
      w.beginCompactObject().name("node").value(c.node()).name("op").value(c.op()).name("detail").value(c.detail()).endObject();
    }
    w.endArray();
  }
}
