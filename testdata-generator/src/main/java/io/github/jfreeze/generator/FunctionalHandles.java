package io.github.jfreeze.generator;

import static io.github.jfreeze.generator.Spec.shape;

import io.github.jfreeze.generator.ZooModel.Input;
import io.github.jfreeze.generator.ZooModels.FnBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The zoo model {@code functional_handles}: functional control flow and a call that take a
 * variable's resource handle and a variable's value, and return the handle, with the shape
 * attributes Python's {@code tf.function} and {@code as_graph_def(add_shapes=True)} write:
 * {@code _output_shapes} on every node of the graph and of the function bodies (TF's own shape
 * inference), {@code _output_shapes} of the resource arguments ({@code arg_attr}, a scalar),
 * {@code output_shapes} on the functional ops and {@code _read_only_resource_inputs} on them.
 * Freezing turns the handle into the value, so each of these records a shape or a type that
 * must change with it.
 */
final class FunctionalHandles {
  private FunctionalHandles() {}

  private static final long[] SCALAR = {};
  private static final DataType F32 = DataType.DT_FLOAT;
  private static final DataType RES = DataType.DT_RESOURCE;

  /**
   * {@code w} [2,2] and {@code b} [2] are resource variables; every function takes {@code x}, the
   * handle of {@code w} and the value of {@code b} ({@code b/Read/ReadVariableOp}), reads {@code w}
   * with ReadVariableOp and returns the handle as its last output: {@code handle_then} = (x @ w + b,
   * w), {@code handle_else} = (x - b, w). {@code cond} = If(pred) and {@code cond_1} =
   * StatelessIf(sum(x) &lt; 0) of the two, {@code switch_case/indexed_case} = Case over them;
   * {@code while} = While and {@code while_1} = StatelessWhile over (i, acc, w, b) running {@code
   * acc = concat(acc, acc @ w + b)} three times (acc is shape-changing: [1,2] in, {@code
   * output_shapes} [-1,2], [8,2] out); {@code StatefulPartitionedCall} of {@code handle_affine} =
   * (x @ w + b, w). The handles the ops return are read again in the graph ({@code
   * if_returned_w}, {@code while_returned_w}, {@code call_returned_w}).
   */
  static ZooModel write(Path dir) throws Exception {
    Map<String, Map<String, List<TensorShapeProto>>> bodyShapes = new HashMap<>();
    Function<FnBuilder, Signature.Builder> affineBody = fn -> {
      Output<?> x = fn.arg("x", F32, 1, 2);
      Output<?> w = fn.arg("w", RES);
      Output<?> b = fn.arg("b", F32, 2);
      Output<?> y = fn.node("AddV2", "add", fn.node("MatMul", "matmul", x, fn.read(w)), b);
      return fn.signature().input("x", x).input("w", w).input("b", b).output("output", y);
    };
    FunctionDef then = function("handle_then", bodyShapes, affineBody);
    FunctionDef otherwise = function("handle_else", bodyShapes, fn -> {
      Output<?> x = fn.arg("x", F32, 1, 2);
      Output<?> w = fn.arg("w", RES);
      Output<?> b = fn.arg("b", F32, 2);
      return fn.signature().input("x", x).input("w", w).input("b", b).output("output", fn.node("Sub", "sub", x, b));
    });
    FunctionDef cond = function("handle_while_cond", bodyShapes, fn -> {
      Output<?>[] v = loopVariables(fn);
      Output<?> less = fn.node("Less", "less", v[0], fn.constant("limit", Spec.ints("n", SCALAR, 3)));
      return loopSignature(fn, v).output("output", less);
    });
    FunctionDef body = function("handle_while_body", bodyShapes, fn -> {
      Output<?>[] v = loopVariables(fn);
      Output<?> next = fn.node("AddV2", "add", v[0], fn.constant("one", Spec.ints("one", SCALAR, 1)));
      Output<?> grown = fn.node("AddV2", "add_1", fn.node("MatMul", "matmul", v[1], fn.read(v[2])), v[3]);
      Output<?> concat = fn.op("ConcatV2", "concat").addInputList(new Output<?>[] {v[1], grown})
          .addInput(fn.constant("concat/axis", Spec.ints("axis", SCALAR, 0))).build().output(0);
      return loopSignature(fn, v).output("i_next", next).output("acc_next", concat);
    });
    FunctionDef affine = function("handle_affine", bodyShapes, affineBody);
    // TF Java cannot declare a resource-typed function output (nor one that is an argument as
    // it is): the pass-through outputs are added to TF's FunctionDefs here, as Python writes them
    then = returning(then, "w_out", RES, "w");
    otherwise = returning(otherwise, "w_out", RES, "w");
    body = returning(returning(body, "w_next", RES, "w"), "b_next", F32, "b");
    affine = returning(affine, "w_out", RES, "w");
    List<FunctionDef> library = List.of(then, otherwise, cond, body, affine);
    try (Tf1Graph g = new Tf1Graph()) {
      g.reimport(GraphDef.newBuilder().setLibrary(FunctionDefLibrary.newBuilder().addAllFunction(library)).build());
      Output<?> x = g.placeholder("x", F32, 1, 2);
      Output<?> pred = g.placeholder("pred", DataType.DT_BOOL);
      Output<?> index = g.placeholder("branch_index", DataType.DT_INT32);
      Output<?> w = g.resourceVariable("w", Spec.floats("w", shape(2, 2), 0.5f, -1f, 2f, 0.25f), true, null);
      g.resourceVariable("b", Spec.floats("b", shape(2), 0.1f, -0.2f), true, null);
      Output<?> b = g.read("b");
      Output<?>[] passed = {x, w, b};
      DataType[] branchIn = {F32, RES, F32};
      DataType[] branchOut = {F32, RES};
      Shape[] branchShapes = {Shape.of(1, 2), Shape.scalar()};
      GraphOperationBuilder ifOp = g.op("If", "cond").addInput(pred).addInputList(passed).setAttr("Tin", branchIn)
          .setAttr("Tout", branchOut).setAttr("output_shapes", branchShapes).setAttr("_read_only_resource_inputs", new long[] {2});
      ifOp.setAttr("then_branch", ZooModels.func(then));
      ifOp.setAttr("else_branch", ZooModels.func(otherwise));
      GraphOperation ifNode = ifOp.build();
      g.node("Identity", "if_output", ifNode.output(0));
      g.readVariable("if_returned_w", ifNode.output(1), F32);
      Output<?> negative = g.node("Less", "Less",
          g.op("Sum", "Sum").addInput(x).addInput(g.constant("Const", Spec.ints("a", shape(2), 0, 1))).build().output(0),
          g.scalar("Less/y", 0f));
      GraphOperationBuilder statelessIf = g.op("StatelessIf", "cond_1").addInput(negative).addInputList(passed)
          .setAttr("Tin", branchIn).setAttr("Tout", branchOut).setAttr("output_shapes", branchShapes)
          .setAttr("_read_only_resource_inputs", new long[] {2});
      statelessIf.setAttr("then_branch", ZooModels.func(then));
      statelessIf.setAttr("else_branch", ZooModels.func(otherwise));
      g.node("Identity", "stateless_if_output", statelessIf.build().output(0));
      GraphOperationBuilder caseOp = g.op("Case", "switch_case/indexed_case").addInput(index).addInputList(passed)
          .setAttr("Tin", branchIn).setAttr("Tout", branchOut).setAttr("output_shapes", branchShapes)
          .setAttr("_read_only_resource_inputs", new long[] {2});
      caseOp.setAttr("branches", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
          .addFunc(ZooModels.func(then).getFunc()).addFunc(ZooModels.func(otherwise).getFunc())).build());
      g.node("Identity", "case_output", caseOp.build().output(0));
      Output<?> zero = g.constant("while/loop_counter", Spec.ints("i", SCALAR, 0));
      DataType[] loopTypes = {DataType.DT_INT32, F32, RES, F32};
      Shape[] loopShapes = {Shape.scalar(), Shape.of(-1, 2), Shape.scalar(), Shape.of(2)};
      for (String type : List.of("While", "StatelessWhile")) {
        boolean stateless = type.equals("StatelessWhile");
        GraphOperationBuilder loop = g.op(type, stateless ? "while_1" : "while").addInputList(new Output<?>[] {zero, x, w, b})
            .setAttr("T", loopTypes).setAttr("output_shapes", loopShapes).setAttr("parallel_iterations", 10L)
            .setAttr("_read_only_resource_inputs", new long[] {2});
        loop.setAttr("cond", ZooModels.func(cond));
        loop.setAttr("body", ZooModels.func(body));
        GraphOperation l = loop.build();
        g.node("Identity", stateless ? "stateless_while_output" : "while_output", l.output(1));
        if (!stateless) {
          g.readVariable("while_returned_w", l.output(2), F32);
        }
      }
      GraphOperationBuilder spc = g.op("StatefulPartitionedCall", "StatefulPartitionedCall").addInputList(passed)
          .setAttr("Tin", branchIn).setAttr("Tout", branchOut).setAttr("_read_only_resource_inputs", new long[] {1});
      spc.setAttr("f", ZooModels.func(affine));
      GraphOperation call = spc.build();
      g.node("Identity", "call_output", call.output(0));
      g.readVariable("call_returned_w", call.output(1), F32);
      g.init();
      SaverDef saver = g.saver(false);
      g.w.run("init");
      Map<String, List<TensorShapeProto>> mainShapes = shapes(g.w.graph);
      return ZooModels.finish(g, dir, "model.ckpt-1", saver, Map.of(),
          List.of(Input.floats("x", shape(1, 2), shape(1, 2), 1.5f, -0.5f), Input.bool("pred", true),
              Input.ints("branch_index", SCALAR, SCALAR, 1)),
          List.of("if_output", "if_returned_w", "stateless_if_output", "case_output", "while_output", "while_returned_w",
              "stateless_while_output", "call_output", "call_returned_w"),
          graph -> withShapes(graph, mainShapes, bodyShapes))
          .painPoint("A resource handle passed to If/StatelessIf/Case/While/StatelessWhile/StatefulPartitionedCall becomes "
              + "the variable's value when frozen: every attribute that records it as a scalar resource (Tin/Tout/T, "
              + "output_shapes, _output_shapes of the op and of the function bodies' arguments, _read_only_resource_inputs, "
              + "the functions' output types) must change with it, or TF refuses to import the graph ('has an "
              + "_output_shapes attribute inconsistent with the GraphDef').");
    }
  }

  /** The loop's arguments: counter {@code i}, {@code acc} [-1,2], the handle {@code w}, the value {@code b} [2]. */
  private static Output<?>[] loopVariables(FnBuilder fn) {
    return new Output<?>[] {fn.arg("i", DataType.DT_INT32), fn.arg("acc", F32, -1, 2), fn.arg("w", RES), fn.arg("b", F32, 2)};
  }

  private static Signature.Builder loopSignature(FnBuilder fn, Output<?>[] v) {
    return fn.signature().input("i", v[0]).input("acc", v[1]).input("w", v[2]).input("b", v[3]);
  }

  /** A function made by TF (as {@link ZooModels#function}), its nodes' inferred shapes kept in {@code shapes}. */
  private static FunctionDef function(String key, Map<String, Map<String, List<TensorShapeProto>>> shapes,
      Function<FnBuilder, Signature.Builder> body) {
    Map<String, List<TensorShapeProto>> own = new HashMap<>();
    FunctionDef f = ZooModels.function(key, fn -> {
      Signature.Builder s = body.apply(fn);
      own.putAll(shapes(fn.graph()));
      return s;
    });
    shapes.put(f.getSignature().getName(), own);
    return f;
  }

  /** {@code f} with one more output, {@code name} of type {@code type}, returning {@code arg} as it is. */
  private static FunctionDef returning(FunctionDef f, String name, DataType type, String arg) {
    return f.toBuilder()
        .setSignature(f.getSignature().toBuilder().addOutputArg(OpDef.ArgDef.newBuilder().setName(name).setType(type)))
        .putRet(name, arg)
        .build();
  }

  /** Each operation's output shapes as TF's shape inference has them. */
  private static Map<String, List<TensorShapeProto>> shapes(Graph graph) {
    Map<String, List<TensorShapeProto>> out = new HashMap<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      List<TensorShapeProto> list = new java.util.ArrayList<>();
      for (int i = 0; i < op.numOutputs(); i++) {
        list.add(proto(op.output(i).shape()));
      }
      out.put(op.name(), list);
    }
    return out;
  }

  private static TensorShapeProto proto(Shape s) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    if (s.isUnknown()) {
      return b.setUnknownRank(true).build();
    }
    for (long d : s.asArray()) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }

  /**
   * What {@code as_graph_def(add_shapes=True)} adds: {@code _output_shapes} on every node with
   * outputs, in the graph and in the function bodies, and for each resource argument of a function
   * a scalar {@code _output_shapes} in its {@code arg_attr}.
   */
  private static GraphDef withShapes(GraphDef graph, Map<String, List<TensorShapeProto>> main,
      Map<String, Map<String, List<TensorShapeProto>>> bodies) {
    GraphDef.Builder g = graph.toBuilder();
    for (NodeDef.Builder n : g.getNodeBuilderList()) {
      annotate(n, main.get(n.getName()));
    }
    for (FunctionDef.Builder f : g.getLibraryBuilder().getFunctionBuilderList()) {
      Map<String, List<TensorShapeProto>> own = bodies.getOrDefault(f.getSignature().getName(), Map.of());
      for (NodeDef.Builder n : f.getNodeDefBuilderList()) {
        annotate(n, own.get(n.getName()));
      }
      List<OpDef.ArgDef> args = f.getSignature().getInputArgList();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).getType() == RES) {
          f.putArgAttr(i, FunctionDef.ArgAttrs.newBuilder().putAttr("_output_shapes",
              shapeList(List.of(TensorShapeProto.getDefaultInstance()))).build());
        }
      }
    }
    return g.build();
  }

  private static void annotate(NodeDef.Builder n, List<TensorShapeProto> shapes) {
    if (shapes != null && !shapes.isEmpty()) {
      n.putAttr("_output_shapes", shapeList(shapes));
    }
  }

  private static AttrValue shapeList(List<TensorShapeProto> shapes) {
    return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addAllShape(shapes)).build();
  }
}
