package io.github.jfreeze.generator.tools;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code .proto} sources under {@code proto/src/main/proto} from the file descriptors
 * that TensorFlow Java 1.1.0 (TF 2.18) embeds in its generated classes.
 *
 * <p>This is how the vendored schemas were derived (see {@code proto/VENDORED.md}): the
 * descriptors are the reference, the printer below turns each {@link FileDescriptorProto} back into
 * proto3 source, rewriting only the Java options so our classes live in
 * {@code io.github.jfreeze.proto}. Comments are not kept (descriptors carry none).
 *
 * <pre>mvn -q -pl testdata-generator -am -DskipTests package exec:java@export-schema</pre>
 */
public final class ProtoSchemaExporter {
  /** The schema roots jfreeze needs; their import closure is exported. */
  public static final List<FileDescriptor> ROOTS =
      List.of(
          org.tensorflow.proto.SavedModelProtos.getDescriptor(),
          org.tensorflow.proto.MetaGraphProtos.getDescriptor(),
          org.tensorflow.proto.GraphProtos.getDescriptor(),
          org.tensorflow.proto.TensorBundleProtos.getDescriptor(),
          org.tensorflow.proto.SavedTensorSliceProtos.getDescriptor(),
          org.tensorflow.proto.TrackableObjectGraphOuterClass.getDescriptor(),
          org.tensorflow.proto.SavedObjectGraphOuterClass.getDescriptor(),
          org.tensorflow.proto.FingerprintProtos.getDescriptor(),
          org.tensorflow.proto.VariableProtos.getDescriptor(),
          org.tensorflow.proto.SaverProtos.getDescriptor());

  /** Our Java package for every vendored file. */
  public static final String JAVA_PACKAGE = "io.github.jfreeze.proto";

  private ProtoSchemaExporter() {}

  /** Returns the import closure of {@link #ROOTS}, dependencies first, without google/protobuf. */
  public static Map<String, FileDescriptor> closure() {
    Map<String, FileDescriptor> out = new LinkedHashMap<>();
    for (FileDescriptor root : ROOTS) {
      visit(root, out);
    }
    return out;
  }

  private static void visit(FileDescriptor file, Map<String, FileDescriptor> out) {
    if (out.containsKey(file.getName()) || file.getName().startsWith("google/protobuf/")) {
      return;
    }
    for (FileDescriptor dep : file.getDependencies()) {
      visit(dep, out);
    }
    out.put(file.getName(), file);
  }

  public static void main(String[] args) throws IOException {
    Path outDir = Path.of(args.length > 0 ? args[0] : "proto/src/main/proto");
    for (FileDescriptor file : closure().values()) {
      Path target = outDir.resolve(file.getName());
      Files.createDirectories(target.getParent());
      Files.writeString(target, print(file.toProto()));
      System.out.println(target);
    }
  }

  /** Prints one file descriptor as proto source. */
  public static String print(FileDescriptorProto file) {
    StringBuilder sb = new StringBuilder();
    sb.append("// Derived from the descriptor of ").append(file.getName())
        .append(" embedded in org.tensorflow:tensorflow-core-native:1.1.0 (TensorFlow 2.18).\n");
    sb.append("// Regenerate with io.github.jfreeze.generator.tools.ProtoSchemaExporter; see proto/VENDORED.md.\n\n");
    sb.append("syntax = \"").append(file.hasSyntax() ? file.getSyntax() : "proto2").append("\";\n\n");
    sb.append("package ").append(file.getPackage()).append(";\n\n");
    for (String dep : file.getDependencyList()) {
      sb.append("import \"").append(dep).append("\";\n");
    }
    if (file.getDependencyCount() > 0) {
      sb.append('\n');
    }
    var opts = file.getOptions();
    if (opts.hasCcEnableArenas()) {
      sb.append("option cc_enable_arenas = ").append(opts.getCcEnableArenas()).append(";\n");
    }
    if (opts.hasJavaOuterClassname()) {
      sb.append("option java_outer_classname = \"").append(opts.getJavaOuterClassname()).append("\";\n");
    }
    sb.append("option java_multiple_files = true;\n");
    sb.append("option java_package = \"").append(JAVA_PACKAGE).append("\";\n\n");
    for (EnumDescriptorProto e : file.getEnumTypeList()) {
      printEnum(e, "", sb);
    }
    boolean proto2 = !"proto3".equals(file.getSyntax());
    for (DescriptorProto m : file.getMessageTypeList()) {
      printMessage(m, "", sb, proto2);
    }
    return sb.toString().replaceAll("\n\n+$", "\n");
  }

  private static void printEnum(EnumDescriptorProto e, String indent, StringBuilder sb) {
    sb.append(indent).append("enum ").append(e.getName()).append(" {\n");
    if (e.getOptions().getAllowAlias()) {
      sb.append(indent).append("  option allow_alias = true;\n");
    }
    for (EnumValueDescriptorProto v : e.getValueList()) {
      sb.append(indent).append("  ").append(v.getName()).append(" = ").append(v.getNumber());
      if (v.getOptions().getDeprecated()) {
        sb.append(" [deprecated = true]");
      }
      sb.append(";\n");
    }
    printReserved(e.getReservedRangeList().stream().map(r -> new int[] {r.getStart(), r.getEnd() + 1}).toList(),
        e.getReservedNameList(), indent, sb);
    sb.append(indent).append("}\n\n");
  }

  private static void printReserved(List<int[]> ranges, List<String> names, String indent, StringBuilder sb) {
    // ranges are [start, end) exclusive
    if (!ranges.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (int[] r : ranges) {
        parts.add(r[1] - 1 == r[0] ? Integer.toString(r[0])
            : r[0] + " to " + (r[1] - 1 == 536870911 ? "max" : Integer.toString(r[1] - 1)));
      }
      sb.append(indent).append("  reserved ").append(String.join(", ", parts)).append(";\n");
    }
    if (!names.isEmpty()) {
      sb.append(indent).append("  reserved ");
      sb.append(String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList())).append(";\n");
    }
  }

  private static void printMessage(DescriptorProto m, String indent, StringBuilder sb, boolean proto2) {
    sb.append(indent).append("message ").append(m.getName()).append(" {\n");
    String in = indent + "  ";
    Map<String, DescriptorProto> mapEntries = new LinkedHashMap<>();
    for (DescriptorProto nested : m.getNestedTypeList()) {
      if (nested.getOptions().getMapEntry()) {
        mapEntries.put(nested.getName(), nested);
      }
    }
    for (EnumDescriptorProto e : m.getEnumTypeList()) {
      printEnum(e, in, sb);
    }
    // Fields and nested messages are interleaved so that protoc recreates both orders: a map
    // field declares its entry type where the field stands.
    List<FieldDescriptorProto> fields = m.getFieldList();
    List<OneofDescriptorProto> oneofs = m.getOneofDeclList();
    boolean[] oneofPrinted = new boolean[oneofs.size()];
    int next = 0;
    for (DescriptorProto nested : m.getNestedTypeList()) {
      if (!nested.getOptions().getMapEntry()) {
        printMessage(nested, in, sb, proto2);
        continue;
      }
      String entryType = "." + nested.getName();
      while (next < fields.size()) {
        FieldDescriptorProto f = fields.get(next);
        next = printFieldOrOneof(f, fields, oneofs, oneofPrinted, next, in, sb, mapEntries, proto2);
        if (f.getTypeName().endsWith(entryType)) {
          break;
        }
      }
    }
    while (next < fields.size()) {
      next = printFieldOrOneof(fields.get(next), fields, oneofs, oneofPrinted, next, in, sb, mapEntries, proto2);
    }
    printReserved(m.getReservedRangeList().stream().map(r -> new int[] {r.getStart(), r.getEnd()}).toList(),
        m.getReservedNameList(), indent, sb);
    sb.append(indent).append("}\n\n");
  }

  /** Prints field {@code i} (or its whole oneof, once) and returns the next index. */
  private static int printFieldOrOneof(FieldDescriptorProto f, List<FieldDescriptorProto> fields,
      List<OneofDescriptorProto> oneofs, boolean[] oneofPrinted, int i, String in, StringBuilder sb,
      Map<String, DescriptorProto> mapEntries, boolean proto2) {
    if (f.hasOneofIndex() && !f.getProto3Optional()) {
      int idx = f.getOneofIndex();
      if (!oneofPrinted[idx]) {
        oneofPrinted[idx] = true;
        sb.append(in).append("oneof ").append(oneofs.get(idx).getName()).append(" {\n");
        for (FieldDescriptorProto g : fields) {
          if (g.hasOneofIndex() && g.getOneofIndex() == idx) {
            printField(g, in + "  ", sb, mapEntries, proto2, true);
          }
        }
        sb.append(in).append("}\n");
      }
    } else {
      printField(f, in, sb, mapEntries, proto2, false);
    }
    return i + 1;
  }

  private static void printField(FieldDescriptorProto f, String indent, StringBuilder sb,
      Map<String, DescriptorProto> mapEntries, boolean proto2, boolean inOneof) {
    sb.append(indent);
    String entryName = f.getTypeName().isEmpty() ? "" : f.getTypeName().substring(f.getTypeName().lastIndexOf('.') + 1);
    if (f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED
        && f.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE && mapEntries.containsKey(entryName)) {
      DescriptorProto entry = mapEntries.get(entryName);
      sb.append("map<").append(typeName(entry.getField(0))).append(", ").append(typeName(entry.getField(1))).append("> ");
    } else {
      if (f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
        sb.append("repeated ");
      } else if (f.getLabel() == FieldDescriptorProto.Label.LABEL_REQUIRED) {
        sb.append("required ");
      } else if (f.getProto3Optional() || (proto2 && !inOneof)) {
        sb.append("optional ");
      }
      sb.append(typeName(f)).append(' ');
    }
    sb.append(f.getName()).append(" = ").append(f.getNumber());
    List<String> options = new ArrayList<>();
    if (f.hasDefaultValue()) {
      options.add("default = " + (f.getType() == FieldDescriptorProto.Type.TYPE_STRING
          ? "\"" + f.getDefaultValue() + "\"" : f.getDefaultValue()));
    }
    if (f.getOptions().hasPacked()) {
      options.add("packed = " + f.getOptions().getPacked());
    }
    if (f.getOptions().getDeprecated()) {
      options.add("deprecated = true");
    }
    if (!options.isEmpty()) {
      sb.append(" [").append(String.join(", ", options)).append(']');
    }
    sb.append(";\n");
  }

  private static String typeName(FieldDescriptorProto f) {
    return switch (f.getType()) {
      case TYPE_MESSAGE, TYPE_ENUM -> f.getTypeName();
      default -> f.getType().name().substring("TYPE_".length()).toLowerCase();
    };
  }
}
