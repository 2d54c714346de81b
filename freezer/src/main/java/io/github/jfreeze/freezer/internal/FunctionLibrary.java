package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.FunctionDefLibrary;
import io.github.jfreeze.proto.GradientDef;
import io.github.jfreeze.proto.NodeDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Freezing stage 6, the function library: only the functions the frozen main graph reaches (through
 * function-valued attributes, or by calling one as an op), the converted copies among them, with
 * their gradients.
 *
 * @param names the kept functions, in library order
 * @param library the library to write, or null when no function is kept
 */
record FunctionLibrary(List<String> names, FunctionDefLibrary library) {

  /**
   * The library of a frozen graph.
   *
   * @param main the frozen main graph's nodes, calls already renamed
   * @param functions every function: the original library and the converted copies, in order
   * @param renames original function name to converted copy's name
   * @param gradients the original library's gradients
   * @param clearDevices whether device placements are cleared inside functions too
   * @return the kept functions and their library
   */
  static FunctionLibrary of(List<NodeDef> main, Map<String, FunctionDef> functions, Map<String, String> renames,
      List<GradientDef> gradients, boolean clearDevices) {
    List<String> kept = reachable(main, functions, renames);
    if (kept.isEmpty()) {
      return new FunctionLibrary(kept, null);
    }
    FunctionDefLibrary.Builder lib = FunctionDefLibrary.newBuilder();
    for (String f : kept) {
      FunctionDef.Builder fb = functions.get(f).toBuilder();
      for (NodeDef.Builder n : fb.getNodeDefBuilderList()) {
        ConstantConverter.renameCalls(n, renames);
        if (clearDevices) {
          n.clearDevice();
        }
      }
      lib.addFunction(fb);
    }
    for (GradientDef g : gradients) {
      if (kept.contains(g.getFunctionName())) {
        lib.addGradient(g);
      }
    }
    return new FunctionLibrary(kept, lib.build());
  }

  /** Functions reachable from the main graph through function-valued attributes, in library order. */
  private static List<String> reachable(List<NodeDef> main, Map<String, FunctionDef> library, Map<String, String> renames) {
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    main.forEach(n -> {
      todo.addAll(functionRefs(n, renames));
      if (library.containsKey(n.getOp())) { // a call by op name (a TF1 Defun, a kept _noinline call): its callees too
        todo.add(n.getOp());
      }
    });
    while (!todo.isEmpty()) {
      String f = todo.poll();
      FunctionDef def = library.get(f);
      if (def == null || !seen.add(f)) {
        continue;
      }
      def.getNodeDefList().forEach(n -> todo.addAll(functionRefs(n, renames)));
      // a node can also call a library function by op name
      def.getNodeDefList().forEach(n -> {
        if (library.containsKey(n.getOp())) {
          todo.add(n.getOp());
        }
      });
    }
    List<String> ordered = new ArrayList<>();
    for (String f : library.keySet()) {
      if (seen.contains(f)) {
        ordered.add(f);
      }
    }
    return ordered;
  }

  /** The functions {@code n} names in any function-valued attribute (not the one its op may name). */
  static List<String> functionRefs(NodeDef n) {
    return functionRefs(n, Map.of());
  }

  private static List<String> functionRefs(NodeDef n, Map<String, String> renames) {
    List<String> out = new ArrayList<>();
    for (AttrValue v : n.getAttrMap().values()) {
      if (v.hasFunc()) {
        out.add(renames.getOrDefault(v.getFunc().getName(), v.getFunc().getName()));
      } else if (v.hasList()) {
        v.getList().getFuncList().forEach(f -> out.add(renames.getOrDefault(f.getName(), f.getName())));
      }
    }
    return out;
  }
}
