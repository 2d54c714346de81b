package io.github.jfreeze.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.github.jfreeze.generator.tools.ProtoSchemaExporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every message and enum of jfreeze's generated schemas ({@code io.github.jfreeze.proto})
 * with the descriptors TF Java 1.1.0 embeds ({@code org.tensorflow.proto}), field by field:
 * names, numbers, types, labels, referenced type names, oneof membership, packing and enum
 * values. Any drift between the vendored {@code .proto} files and TF 2.18 fails the build.
 * Pure descriptor comparison: needs TF Java's classes, not its natives.
 */
class SchemaDriftTest {
  private static final List<FileDescriptor> OURS =
      List.of(
          io.github.jfreeze.proto.SavedModelProtos.getDescriptor(),
          io.github.jfreeze.proto.MetaGraphProtos.getDescriptor(),
          io.github.jfreeze.proto.GraphProtos.getDescriptor(),
          io.github.jfreeze.proto.TensorBundleProtos.getDescriptor(),
          io.github.jfreeze.proto.SavedTensorSliceProtos.getDescriptor(),
          io.github.jfreeze.proto.TrackableObjectGraphOuterClass.getDescriptor(),
          io.github.jfreeze.proto.SavedObjectGraphOuterClass.getDescriptor(),
          io.github.jfreeze.proto.FingerprintProtos.getDescriptor(),
          io.github.jfreeze.proto.VariableProtos.getDescriptor(),
          io.github.jfreeze.proto.SaverProtos.getDescriptor());

  private static Map<String, FileDescriptor> closure(List<FileDescriptor> roots) {
    Map<String, FileDescriptor> out = new LinkedHashMap<>();
    List<FileDescriptor> todo = new ArrayList<>(roots);
    while (!todo.isEmpty()) {
      FileDescriptor f = todo.remove(todo.size() - 1);
      if (out.putIfAbsent(f.getName(), f) == null) {
        todo.addAll(f.getDependencies());
      }
    }
    out.keySet().removeIf(n -> n.startsWith("google/protobuf/"));
    return out;
  }

  @Test
  void sameFilesInTheImportClosure() {
    assertEquals(
        closure(ProtoSchemaExporter.ROOTS).keySet().stream().sorted().toList(),
        closure(OURS).keySet().stream().sorted().toList());
  }

  @TestFactory
  Stream<DynamicTest> everyFileMatchesTensorFlowJava() {
    Map<String, FileDescriptor> theirs = closure(ProtoSchemaExporter.ROOTS);
    return closure(OURS).values().stream()
        .map(ours -> DynamicTest.dynamicTest(ours.getName(), () -> {
          FileDescriptor tf = theirs.get(ours.getName());
          assertNotNull(tf, "TF Java has no " + ours.getName());
          assertEquals(tf.getPackage(), ours.getPackage(), ours.getName() + ": package");
          assertEquals(tf.getSyntax(), ours.getSyntax(), ours.getName() + ": syntax");
          assertEquals("io.github.jfreeze.proto", ours.getOptions().getJavaPackage());
          compareEnums(tf.getEnumTypes(), ours.getEnumTypes());
          compareMessages(tf.getMessageTypes(), ours.getMessageTypes());
        }));
  }

  @Test
  void theComparisonDetectsDrift() {
    // guard against a comparison that cannot fail: a different message must not compare equal
    Descriptor a = io.github.jfreeze.proto.BundleEntryProto.getDescriptor();
    Descriptor b = org.tensorflow.proto.BundleHeaderProto.getDescriptor();
    assertTrue(describe(a).size() > 0);
    assertTrue(!describe(a).equals(describe(b)));
  }

  private static void compareMessages(List<Descriptor> tf, List<Descriptor> ours) {
    assertEquals(names(tf), names(ours.stream().map(Descriptor::getName).toList()));
    for (int i = 0; i < tf.size(); i++) {
      Descriptor t = tf.get(i);
      Descriptor o = ours.get(i);
      assertEquals(describe(t), describe(o), "message " + t.getFullName());
      compareEnums(t.getEnumTypes(), o.getEnumTypes());
      compareMessages(t.getNestedTypes(), o.getNestedTypes());
    }
  }

  private static List<String> names(List<?> xs) {
    return xs.stream().map(x -> x instanceof Descriptor d ? d.getName() : x.toString()).toList();
  }

  /** Every wire- and API-relevant property of each field, as comparable strings. */
  private static List<String> describe(Descriptor d) {
    List<String> out = new ArrayList<>();
    out.add("map_entry=" + d.getOptions().getMapEntry());
    for (FieldDescriptor f : d.getFields()) {
      String type = switch (f.getJavaType()) {
        case MESSAGE -> f.getMessageType().getFullName();
        case ENUM -> f.getEnumType().getFullName();
        default -> f.getType().name();
      };
      out.add(f.getNumber() + " " + f.getName() + " " + f.getType() + " " + type
          + (f.isRepeated() ? " repeated" : "") + (f.isRequired() ? " required" : "")
          + (f.isPacked() ? " packed" : "") + (f.hasPresence() ? " presence" : "")
          + (f.getContainingOneof() != null && !f.getContainingOneof().isSynthetic()
              ? " oneof=" + f.getContainingOneof().getName() : "")
          + (f.hasDefaultValue() ? " default=" + f.getDefaultValue() : "")
          + (f.getOptions().getDeprecated() ? " deprecated" : ""));
    }
    d.toProto().getReservedRangeList().forEach(r -> out.add("reserved " + r.getStart() + ".." + r.getEnd()));
    d.toProto().getReservedNameList().forEach(n -> out.add("reserved " + n));
    return out;
  }

  private static void compareEnums(List<EnumDescriptor> tf, List<EnumDescriptor> ours) {
    assertEquals(tf.stream().map(EnumDescriptor::getName).toList(),
        ours.stream().map(EnumDescriptor::getName).toList());
    for (int i = 0; i < tf.size(); i++) {
      assertEquals(values(tf.get(i)), values(ours.get(i)), "enum " + tf.get(i).getFullName());
    }
  }

  private static List<String> values(EnumDescriptor e) {
    return e.getValues().stream().map((EnumValueDescriptor v) -> v.getNumber() + " " + v.getName()).toList();
  }
}
