package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.freezer.internal.ConstantConverter.RetypedCall;
import io.github.jfreeze.freezer.internal.ConstantConverter.ReturnedValue;
import io.github.jfreeze.freezer.internal.ConstantConverter.Use;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.FunctionDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.OpDef;
import io.github.jfreeze.proto.TensorShapeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that what the conversion rewrote still describes itself, so that a graph TF would refuse
 * is refused here, naming the node, instead of written. The conversion turns a resource handle
 * into a value; every record of the handle's type or shape must change with it:
 *
 * <ul>
 *   <li>each call it retyped ({@code If}, {@code Case}, {@code While}, {@code PartitionedCall} and
 *       their stateless forms, in the graph or in a function copy) passes and returns the types
 *       its callees take and return ({@code Tin}/{@code T} against the arguments, {@code Tout}/
 *       {@code T} against the results); its {@code output_shapes} has one entry per output and
 *       {@code _output_shapes} at least one (TF's importer refuses fewer); an output returning a
 *       frozen value has the value's type, a recorded shape the value's shape fits, and readers
 *       that take that type;
 *   <li>in each converted function copy, every node is passed the types its op takes and every
 *       result is of its declared type.
 * </ul>
 *
 * Types come from the op's signature in TF 2.18's registry ({@code ops.pb}, through {@link
 * GraphValidator}) or from a library function's; where neither gives one, nothing is compared.
 * Main-graph nodes other than calls are not parsed again: the conversion writes them whole
 * (constants, reads become {@code Identity}, gathers) or retypes their {@code T} and drops their
 * {@code _output_shapes} (pass-through ops), so no record of the handle is left on them.
 */
final class RewriteCheck {
  private RewriteCheck() {}

  /**
   * @param main the converted main graph
   * @param calls the calls the conversion retyped
   * @param library the output library: originals and converted copies, by name
   * @param renames original function names to their converted copies' names
   */
  static void check(NodeTable main, List<RetypedCall> calls, Map<String, FunctionDef> library, Map<String, String> renames) {
    for (String original : renames.keySet()) {
      checkBody(library.get(renames.get(original)), library);
    }
    for (RetypedCall c : calls) {
      Map<String, NodeDef> graph = c.function() == null ? null : body(library.get(renames.get(c.function())));
      NodeDef n = c.function() == null ? main.node(main.index(c.node())) : graph.get(c.node());
      String where = c.function() == null ? "" : "in function " + renames.get(c.function()) + ", ";
      checkCall(where + n.getOp() + " node '" + n.getName() + "'", n, library, renames);
      List<DataType> outs = types(n, false, library);
      for (ReturnedValue r : c.returned()) {
        DataType frozen = r.value().dtype().proto();
        if (outs != null && (outs.size() <= r.index() || base(outs.get(r.index())) != frozen)) {
          throw new GraphProblem(where + n.getOp() + " node '" + n.getName() + "' declares output " + r.index() + " as "
              + (outs.size() <= r.index() ? "missing" : name(outs.get(r.index()))) + ", but it returns a frozen "
              + name(frozen) + " value there");
        }
        if (r.exact()) {
          for (String attr : List.of("output_shapes", "_output_shapes")) {
            AttrValue v = n.getAttrOrDefault(attr, null);
            if (v != null && v.getList().getShapeCount() > r.index() && !fits(v.getList().getShape(r.index()), r.value().shape().toProto())) {
              throw new GraphProblem(where + n.getOp() + " node '" + n.getName() + "' records shape "
                  + shape(v.getList().getShape(r.index())) + " for output " + r.index() + " in " + attr + ", but it returns a "
                  + "frozen value of shape " + shape(r.value().shape().toProto()) + " there");
            }
          }
        }
        for (Use u : r.uses()) {
          NodeDef reader = c.function() == null ? main.node(main.index(u.node())) : graph.get(u.node());
          List<DataType> ins = reader == null ? null : types(reader, true, library);
          if (ins != null && ins.size() > u.input() && base(ins.get(u.input())) != frozen) {
            throw new GraphProblem(where + reader.getOp() + " node '" + reader.getName() + "' takes " + name(ins.get(u.input()))
                + " as input " + u.input() + ", but output " + r.index() + " of '" + n.getName() + "' now returns a frozen "
                + name(frozen) + " value; the freezer does not rewrite " + reader.getOp() + " for it");
          }
        }
      }
    }
  }

  /** Types and shape records of a call against its callees. */
  private static void checkCall(String what, NodeDef n, Map<String, FunctionDef> library, Map<String, String> renames) {
    List<DataType> ins = types(n, true, library);
    List<DataType> outs = types(n, false, library);
    if (ins == null || outs == null) {
      return;
    }
    int first = ConstantConverter.firstFunctionInput(n.getOp());
    List<DataType> passed = ins.subList(Math.min(first, ins.size()), ins.size());
    boolean loop = n.getOp().equals("While") || n.getOp().equals("StatelessWhile");
    String cond = loop ? n.getAttrOrDefault("cond", AttrValue.getDefaultInstance()).getFunc().getName() : "";
    for (String called : ConstantConverter.calledFunctions(n)) {
      String name = renames.getOrDefault(called, called);
      FunctionDef f = library.get(name);
      if (f == null) {
        continue;
      }
      List<DataType> takes = f.getSignature().getInputArgList().stream().map(OpDef.ArgDef::getType).toList();
      if (!baseTypes(passed).equals(takes)) {
        throw new GraphProblem(what + " passes " + names(passed) + " to function '" + name + "', which takes " + names(takes));
      }
      List<DataType> gives = f.getSignature().getOutputArgList().stream().map(OpDef.ArgDef::getType).toList();
      if (!called.equals(cond) && !baseTypes(outs).equals(gives)) {
        throw new GraphProblem(what + " declares outputs " + names(outs) + ", but function '" + name + "' returns " + names(gives));
      }
    }
    AttrValue declared = n.getAttrOrDefault("output_shapes", null);
    if (declared != null && declared.getList().getShapeCount() > 0 && declared.getList().getShapeCount() != outs.size()) {
      throw new GraphProblem(what + " has " + outs.size() + " outputs but " + declared.getList().getShapeCount() + " output_shapes");
    }
    AttrValue recorded = n.getAttrOrDefault("_output_shapes", null);
    if (recorded != null && recorded.getList().getShapeCount() < outs.size()) {
      throw new GraphProblem(what + " has " + outs.size() + " outputs but records the shapes of "
          + recorded.getList().getShapeCount() + " in _output_shapes");
    }
  }

  /** Every node of a converted function copy is passed the types it takes; every result is of its declared type. */
  private static void checkBody(FunctionDef f, Map<String, FunctionDef> library) {
    String where = "in function " + f.getSignature().getName() + ", ";
    Map<String, NodeDef> body = body(f);
    for (NodeDef n : f.getNodeDefList()) {
      List<DataType> takes = types(n, true, library);
      if (takes == null) {
        continue;
      }
      int k = 0;
      for (String input : n.getInputList()) {
        if (input.startsWith("^")) {
          continue;
        }
        DataType given = type(f, body, input, library);
        if (given != null && k < takes.size() && base(given) != base(takes.get(k))) {
          throw new GraphProblem(where + n.getOp() + " node '" + n.getName() + "' takes " + name(takes.get(k)) + " as input " + k
              + " but is passed " + name(given) + " ('" + input + "')");
        }
        k++;
      }
    }
    for (OpDef.ArgDef out : f.getSignature().getOutputArgList()) {
      String tensor = f.getRetMap().get(out.getName());
      DataType given = tensor == null ? null : type(f, body, tensor, library);
      if (given != null && out.getType() != DataType.DT_INVALID && base(given) != out.getType()) {
        throw new GraphProblem(where + "result '" + out.getName() + "' is declared " + name(out.getType()) + " but returns "
            + name(given) + " ('" + tensor + "')");
      }
    }
  }

  private static Map<String, NodeDef> body(FunctionDef f) {
    Map<String, NodeDef> body = new HashMap<>();
    f.getNodeDefList().forEach(n -> body.put(n.getName(), n));
    return body;
  }

  /** The type of a tensor in a function body ({@code arg}, {@code node}, {@code node:output:i}), or null when not known. */
  private static DataType type(FunctionDef f, Map<String, NodeDef> body, String tensor, Map<String, FunctionDef> library) {
    TensorRef ref = TensorRef.parse(tensor);
    NodeDef n = body.get(ref.node());
    if (n == null) {
      return f.getSignature().getInputArgList().stream().filter(a -> a.getName().equals(ref.node())).map(OpDef.ArgDef::getType)
          .findFirst().orElse(null);
    }
    OpDef op = signature(n, library);
    if (op == null) {
      return null;
    }
    List<DataType> all = new ArrayList<>();
    for (OpDef.ArgDef a : op.getOutputArgList()) {
      List<DataType> own = argTypes(n, op, a);
      if (own == null) {
        return null;
      }
      if (a.getName().equals(ref.output())) {
        return ref.index() < own.size() ? own.get(ref.index()) : null;
      }
      all.addAll(own);
    }
    return ref.output().isEmpty() && ref.index() < all.size() ? all.get(ref.index()) : null;
  }

  /** The types of a node's data inputs or outputs by its op's signature, or null where they cannot be told. */
  static List<DataType> types(NodeDef n, boolean inputs, Map<String, FunctionDef> library) {
    OpDef op = signature(n, library);
    if (op == null) {
      return null;
    }
    List<DataType> out = new ArrayList<>();
    for (OpDef.ArgDef a : inputs ? op.getInputArgList() : op.getOutputArgList()) {
      List<DataType> own = argTypes(n, op, a);
      if (own == null) {
        return null;
      }
      out.addAll(own);
    }
    return out;
  }

  /** The signature of a node's op: a library function's, or the registry's; null when neither has it. */
  private static OpDef signature(NodeDef n, Map<String, FunctionDef> library) {
    FunctionDef f = library.get(n.getOp());
    return f != null ? f.getSignature() : GraphValidator.opDef(n.getOp());
  }

  /**
   * The types one argument of {@code op} stands for on {@code n}: one, {@code number_attr} of one,
   * or a type list; a type attribute the node leaves out has the op's default (graphs written with
   * default attributes stripped).
   */
  private static List<DataType> argTypes(NodeDef n, OpDef op, OpDef.ArgDef a) {
    if (!a.getTypeListAttr().isEmpty()) {
      AttrValue v = n.getAttrOrDefault(a.getTypeListAttr(), null);
      return v == null ? null : v.getList().getTypeList();
    }
    DataType t = a.getType();
    if (t == DataType.DT_INVALID) {
      AttrValue v = n.getAttrOrDefault(a.getTypeAttr(), null);
      if (v == null) {
        v = op.getAttrList().stream().filter(x -> x.getName().equals(a.getTypeAttr())).map(OpDef.AttrDef::getDefaultValue)
            .findFirst().orElse(null);
      }
      if (v == null || v.getValueCase() != AttrValue.ValueCase.TYPE) {
        return null;
      }
      t = v.getType();
    }
    int count = 1;
    if (!a.getNumberAttr().isEmpty()) {
      AttrValue v = n.getAttrOrDefault(a.getNumberAttr(), null);
      if (v == null || v.getI() < 0 || v.getI() > 1 << 16) {
        return null;
      }
      count = (int) v.getI();
    }
    return java.util.Collections.nCopies(count, t);
  }

  /** A reference type's value type ({@code DT_FLOAT_REF} is read as {@code DT_FLOAT}). */
  private static DataType base(DataType t) {
    return t.getNumber() > 100 && DataType.forNumber(t.getNumber() - 100) != null ? DataType.forNumber(t.getNumber() - 100) : t;
  }

  private static List<DataType> baseTypes(List<DataType> types) {
    return types.stream().map(RewriteCheck::base).toList();
  }

  /** Whether a recorded shape admits {@code actual}: unknown rank, or the same rank with each known size equal. */
  static boolean fits(TensorShapeProto recorded, TensorShapeProto actual) {
    if (recorded.getUnknownRank() || actual.getUnknownRank()) {
      return true;
    }
    if (recorded.getDimCount() != actual.getDimCount()) {
      return false;
    }
    for (int i = 0; i < recorded.getDimCount(); i++) {
      long r = recorded.getDim(i).getSize();
      long a = actual.getDim(i).getSize();
      if (r >= 0 && a >= 0 && r != a) {
        return false;
      }
    }
    return true;
  }

  private static String shape(TensorShapeProto s) {
    return SavedModelWriter.shape(s);
  }

  /** Python's name of a dtype ({@code float}, {@code resource}), as messages name them. */
  private static String name(DataType t) {
    DType d = DType.find(t.getNumber());
    return d != null ? d.pythonName() : t.name();
  }

  private static String names(List<DataType> types) {
    return "(" + String.join(", ", types.stream().map(RewriteCheck::name).toList()) + ")";
  }
}
