package example;

import io.github.jfreeze.codec.CheckpointReader;
import io.github.jfreeze.codec.VariableInfo;
import io.github.jfreeze.freezer.FreezeOptions;
import io.github.jfreeze.freezer.FreezeReport;
import io.github.jfreeze.freezer.Freezer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

public class Example {
  public static void main(String[] args) throws IOException {
    Path checkpoint = Path.of(args[0]); // a checkpoint directory, prefix or file, e.g. testdata/models/seed

    // list a checkpoint's variables and read one
    try (CheckpointReader ckpt = CheckpointReader.open(checkpoint)) {
      for (VariableInfo v : ckpt.variables()) {
        System.out.println(v.name() + " " + v.dtype() + v.shape());
      }
      float[] w1 = ckpt.read("W1").toFloatArray();
      System.out.println("W1 = " + Arrays.toString(w1));
    }

    // freeze it: the graph that computes "predictions", every variable it reads as a constant
    FreezeReport report = Freezer.freeze(FreezeOptions.builder(checkpoint)
        .outputs("predictions")
        .output(Path.of(args[1]))
        .build());
    report.variables().forEach(v -> System.out.println(v.node() + " <- " + v.key()));
  }
}
