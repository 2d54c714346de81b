package io.github.jfreeze.generator.tools;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetAllOpList;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.OpList;

/**
 * Writes the signatures of every op registered in native TensorFlow 2.18 ({@code TF_GetAllOpList}),
 * stripped to what a graph's structure depends on: each op's name, its input and output arguments
 * (name, how many tensors: {@code number_attr}, {@code type_list_attr}; their type: {@code type},
 * {@code type_attr}), the defaults of its type attributes and whether it is stateful. The freezer's
 * graph validation reads it to know how many outputs a node has, and its check of rewritten calls
 * ({@code RewriteCheck}) the types their inputs and outputs have.
 *
 * <pre>mvn -q -pl testdata-generator -am -DskipTests package exec:java@export-ops</pre>
 */
public final class OpListExporter {
  private OpListExporter() {}

  /** The stripped op list, sorted by name, as native TF registers it. */
  public static OpList strippedOps() throws IOException {
    TensorFlow.version(); // loads the natives
    TF_Buffer buf = TF_GetAllOpList();
    try {
      byte[] bytes = new byte[(int) buf.length()];
      buf.data().capacity(buf.length()).asByteBuffer().get(bytes);
      OpList all = OpList.parseFrom(bytes);
      OpList.Builder out = OpList.newBuilder();
      all.getOpList().stream().sorted(Comparator.comparing(OpDef::getName)).forEach(op -> {
        OpDef.Builder b = OpDef.newBuilder().setName(op.getName()).setIsStateful(op.getIsStateful());
        op.getInputArgList().forEach(a -> b.addInputArg(strip(a)));
        op.getOutputArgList().forEach(a -> b.addOutputArg(strip(a)));
        op.getAttrList().stream().filter(a -> a.getType().equals("type") && a.hasDefaultValue())
            .forEach(a -> b.addAttr(OpDef.AttrDef.newBuilder().setName(a.getName()).setType("type").setDefaultValue(a.getDefaultValue())));
        out.addOp(b);
      });
      return out.build();
    } finally {
      TF_DeleteBuffer(buf);
    }
  }

  private static OpDef.ArgDef strip(OpDef.ArgDef a) {
    return OpDef.ArgDef.newBuilder().setName(a.getName()).setNumberAttr(a.getNumberAttr())
        .setTypeListAttr(a.getTypeListAttr()).setType(a.getType()).setTypeAttr(a.getTypeAttr()).setIsRef(a.getIsRef()).build();
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    try (OutputStream os = Files.newOutputStream(out)) {
      strippedOps().writeTo(os);
    }
    System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
  }
}
