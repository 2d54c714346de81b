package io.github.jfreeze.generator;

import static io.github.jfreeze.generator.Spec.shape;

import io.github.jfreeze.generator.ZooModel.Input;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;

/**
 * {@code models/train_step_function}: a SavedModel as {@code tf.saved_model.save} writes a
 * {@code tf.Module} whose {@code train} signature takes one SGD step inside a function: {@code
 * __inference_train_step_30}(x, y, handle of {@code w}, handle of {@code step}) reads {@code w},
 * computes {@code loss} = mean((sum(x * w, 1) - y)^2) and its gradient, applies it with {@code
 * ResourceApplyGradientDescent} (learning rate 0.1) and counts the step with {@code
 * AssignAddVariableOp}; the returned {@code loss} depends on both through control inputs, as TF2's
 * automatic control dependencies order them. The main graph calls it with {@code
 * StatefulPartitionedCall} and names the result {@code loss}. What native TF computes on the first
 * run (before the step changes {@code w}) is {@code expected}; the loader's run must agree.
 */
final class TrainStepFunction {
  private TrainStepFunction() {}

  static ZooModel write(Path dir) throws Exception {
    DataType f32 = DataType.DT_FLOAT;
    DataType res = DataType.DT_RESOURCE;
    FunctionDef step = ZooModels.function("__inference_train_step_30", fn -> {
      Output<?> x = fn.arg("x", f32, -1, 2);
      Output<?> y = fn.arg("y", f32, -1);
      Output<?> w = fn.arg("w", res);
      Output<?> count = fn.arg("step", res);
      Output<?> wv = fn.read(w);
      Output<?> axis1 = fn.constant("axis_1", Spec.ints("a", Tf1Graph.SCALAR, 1));
      Output<?> axis0 = fn.constant("axis_0", Spec.ints("a", Tf1Graph.SCALAR, 0));
      Output<?> pred = fn.op("Sum", "pred").addInput(fn.node("Mul", "xw", x, wv)).addInput(axis1).build().output(0);
      Output<?> err = fn.node("Sub", "err", pred, y);
      Output<?> loss = fn.op("Mean", "loss").addInput(fn.node("Square", "sq", err)).addInput(axis0).build().output(0);
      Output<?> scaled = fn.node("Mul", "err2", err, fn.constant("two", Spec.floats("t", Tf1Graph.SCALAR, 2f)));
      Output<?> grad = fn.op("Mean", "grad").addInput(fn.node("Mul", "grad_x", x, fn.node("ExpandDims", "err_col", scaled, axis1)))
          .addInput(axis0).build().output(0);
      GraphOperation update = fn.op("ResourceApplyGradientDescent", "SGD/update").addInput(w)
          .addInput(fn.constant("SGD/learning_rate", Spec.floats("lr", Tf1Graph.SCALAR, 0.1f))).addInput(grad).build();
      GraphOperation counted = fn.op("AssignAddVariableOp", "SGD/AssignAddVariableOp").addInput(count)
          .addInput(fn.constant("SGD/one", Spec.longs("one", Tf1Graph.SCALAR, 1L))).setAttr("dtype", DataType.DT_INT64).build();
      Output<?> out = fn.op("Identity", "Identity").addInput(loss).addControlInput(update).addControlInput(counted).build().output(0);
      return fn.signature().input("x", x).input("y", y).input("w", w).input("step", count).output("loss", out);
    });
    try (Tf1Graph g = new Tf1Graph()) {
      g.reimport(GraphDef.newBuilder().setLibrary(FunctionDefLibrary.newBuilder().addFunction(step)).build());
      Output<?> x = g.placeholder("x", f32, -1, 2);
      Output<?> y = g.placeholder("y", f32, -1);
      Output<?> w = g.resourceVariable("w", Spec.floats("w", shape(2), 0.5f, -0.25f), true, null);
      Output<?> count = g.resourceVariable("step", Spec.longs("step", Tf1Graph.SCALAR, 3L), false, null);
      GraphOperationBuilder call = g.op("StatefulPartitionedCall", "StatefulPartitionedCall")
          .addInputList(new Output<?>[] {x, y, w, count}).setAttr("Tin", new DataType[] {f32, f32, res, res})
          .setAttr("Tout", new DataType[] {f32});
      call.setAttr("f", ZooModels.func(step));
      g.node("Identity", "loss", call.build().output(0));
      g.init();
      SaverDef saver = g.saver(false);
      g.w.run("init");
      LookupTables.writeSavedModel(g, saver, Map.of(), Map.of(), dir, SignatureDef.newBuilder()
          .setMethodName("tensorflow/serving/predict").putInputs("x", LookupTables.info("x:0", f32))
          .putInputs("y", LookupTables.info("y:0", f32)).putOutputs("loss", LookupTables.info("loss:0", f32)).build(), null);
    }
    List<Input> feeds = List.of(Input.floats("x", shape(-1, 2), shape(3, 2), 1f, 2f, -1f, 0.5f, 3f, -2f),
        Input.floats("y", shape(-1), shape(3), 0.25f, -1f, 2f));
    ZooModel model = new ZooModel(ZooModel.SAVED_MODEL, "variables/variables", "saved_model.pb", feeds, List.of("loss"),
        "a train signature whose function takes an SGD step (ResourceApplyGradientDescent, AssignAddVariableOp): "
            + "frozen, the update was left on the frozen value and native TF refused the graph", null,
        new LinkedHashMap<>()).withExtra("tags", List.of("serve"));
    LookupTables.sameAsTheLoader(dir, feeds, List.of("loss"), model.runNatively(dir));
    return model;
  }
}
