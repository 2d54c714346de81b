package io.github.jfreeze.bridge.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.github.jfreeze.codec.graph.GraphSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Reading GraphDef and MetaGraphDef files (binary or text format) with TF Java's generated
 * protos, and the graph facts the runner needs: likely outputs, which placeholders a set of
 * fetches depends on.
 */
public final class GraphFiles {
  private GraphFiles() {}

  /** Thrown for a file that is neither a binary nor a text proto of the expected message. */
  public static final class NotAProto extends Exception {
    private static final long serialVersionUID = 1L;

    NotAProto(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads a GraphDef from a binary ({@code .pb}) or text ({@code .pbtxt}) file. */
  public static GraphDef readGraphDef(Path file) throws IOException, NotAProto {
    GraphDef g = (GraphDef) read(file, GraphDef.newBuilder());
    if (g.getNodeCount() == 0) {
      throw new NotAProto(file + " holds no graph nodes: not a GraphDef", null);
    }
    return g;
  }

  /** Reads a MetaGraphDef ({@code .meta}, binary or text). */
  public static MetaGraphDef readMetaGraphDef(Path file) throws IOException, NotAProto {
    MetaGraphDef m = (MetaGraphDef) read(file, MetaGraphDef.newBuilder());
    if (m.getGraphDef().getNodeCount() == 0) {
      throw new NotAProto(file + " holds no graph: not a MetaGraphDef", null);
    }
    return m;
  }

  private static Message read(Path file, Message.Builder builder) throws IOException, NotAProto {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean text = name.endsWith(".pbtxt") || name.endsWith(".txt") || name.endsWith(".prototxt");
    if (!text) {
      try {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setRecursionLimit(1000);
        builder.mergeFrom(in);
        return builder.build();
      } catch (InvalidProtocolBufferException binary) {
        builder.clear();
        try {
          TextFormat.getParser().merge(new String(bytes, StandardCharsets.UTF_8), builder);
          return builder.build();
        } catch (TextFormat.ParseException e) {
          throw new NotAProto(file + " is not a binary " + builder.getDescriptorForType().getName() + " ("
              + binary.getMessage() + ") nor a text one", binary);
        }
      }
    }
    try {
      TextFormat.getParser().merge(new String(bytes, StandardCharsets.UTF_8), builder);
      return builder.build();
    } catch (TextFormat.ParseException e) {
      throw new NotAProto(file + " is not a text " + builder.getDescriptorForType().getName() + ": " + e.getMessage(), e);
    }
  }

  /** The node of an input string: strips {@code ^} and {@code :N}. */
  public static String nodeOf(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    return NativeGraphRunner.opName(s);
  }

  /**
   * Likely outputs, by the one rule {@code jfreeze inspect} and {@code freeze} use (codec's {@link
   * GraphSummary}, after TF's {@code summarize_graph}): nodes nothing consumes that are not
   * constants, placeholders, variables or their reads, assignments, no-ops or part of a saver. Only
   * names, ops and inputs are copied into jfreeze's protos, never the constants' contents.
   */
  public static List<String> likelyOutputs(GraphDef g) {
    io.github.jfreeze.proto.GraphDef.Builder stripped = io.github.jfreeze.proto.GraphDef.newBuilder();
    for (NodeDef n : g.getNodeList()) {
      stripped.addNode(io.github.jfreeze.proto.NodeDef.newBuilder().setName(n.getName()).setOp(n.getOp())
          .addAllInput(n.getInputList()));
    }
    return GraphSummary.of(stripped.build()).outputs().stream().map(GraphSummary.Output::name).toList();
  }

  /**
   * The nodes {@code fetches} depend on (through data and control inputs), not looking past the
   * nodes in {@code cut} (fed tensors' producers), in graph order.
   */
  public static List<NodeDef> dependencies(GraphDef g, List<String> fetches, Set<String> cut) {
    Map<String, NodeDef> byName = new HashMap<>();
    g.getNodeList().forEach(n -> byName.put(n.getName(), n));
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    fetches.forEach(f -> todo.add(nodeOf(f)));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name)) {
        continue;
      }
      NodeDef n = byName.get(name);
      if (n == null || cut.contains(name)) {
        continue;
      }
      n.getInputList().forEach(i -> todo.push(nodeOf(i)));
    }
    List<NodeDef> out = new ArrayList<>();
    for (NodeDef n : g.getNodeList()) {
      if (seen.contains(n.getName())) {
        out.add(n);
      }
    }
    return out;
  }

  /** A copy of {@code g} without device placements (main graph and function bodies). */
  public static GraphDef clearDevices(GraphDef g) {
    GraphDef.Builder b = g.toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      n.clearDevice();
    }
    if (b.hasLibrary()) {
      for (FunctionDef.Builder f : b.getLibraryBuilder().getFunctionBuilderList()) {
        for (NodeDef.Builder n : f.getNodeDefBuilderList()) {
          n.clearDevice();
        }
      }
    }
    return b.build();
  }
}
