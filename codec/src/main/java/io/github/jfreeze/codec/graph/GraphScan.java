package io.github.jfreeze.codec.graph;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.GraphFile;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.FullTypeDef;
import io.github.jfreeze.proto.FunctionDefLibrary;
import io.github.jfreeze.proto.GraphDebugInfo;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.VersionDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarizes a binary MetaGraphDef without building its GraphDef: the nodes are read straight from
 * the wire into the few fields {@link GraphSummary} looks at, so a {@code .meta} of 100,000 nodes
 * is summarized in a fraction of the time (and memory) protobuf needs to build them. Everything
 * but the graph is parsed by protobuf as usual.
 *
 * <p>The result is exactly what {@code MetaGraphSummary.of(GraphFile.read(file))} gives, or {@code
 * null}: every field the full parse would check is checked the same way (strings are valid UTF-8,
 * attribute values, functions, versions and debug info are parsed by protobuf, with the recursion
 * limit they would have inside the whole message), and anything out of the ordinary (text format,
 * an unknown or mistyped field, a field given twice, a graph {@code GraphFile} would not call a
 * MetaGraphDef) gives up and returns {@code null}, leaving the file to {@code GraphFile}. A node
 * {@link NodeBytes} reads in full (it checks more strictly than protobuf, and answers only where
 * protobuf would read the same) is taken from it, only its dtype, shape and value attributes parsed.
 * Benchmark: {@code IndexParseBenchmark.scanMetaGraph} against {@code parseMetaGraph}, and the
 * whole-process {@code inspect} of {@code many} in {@code benchmarks/run.sh}.
 *
 * <p>Over 400 lines because one scanner serves two readers that must give up on exactly the same
 * files: the summary for {@code inspect} and the node locations for the freezer's node table
 * ({@link #locateNodes}); split, each would repeat the wire checks that make them agree with the
 * whole-file parse.
 */
public final class GraphScan {
  /** protobuf-java's default recursion limit, which the whole-file parse runs under. */
  private static final int RECURSION_LIMIT = 100;
  /** Messages a GraphDef's fields are read inside of in the whole file (the graph_def). */
  private static final int GRAPH_FIELD_DEPTH = 1;
  /** ... a NodeDef's fields (graph_def, node). */
  private static final int NODE_FIELD_DEPTH = 2;
  /** ... an attr map entry's fields (graph_def, node, entry). */
  private static final int ATTR_DEPTH = 3;

  private GraphScan() {}

  /** A MetaGraphDef read for its summary: the MetaGraphDef without its {@code graph_def}, and the summary. */
  public record ScannedMeta(MetaGraphDef withoutGraph, MetaGraphSummary summary) {}

  /**
   * A MetaGraphDef read for freezing: everything but its graph's nodes parsed, and where each node's
   * bytes are, so that a node is parsed only when it is needed (and never all at once).
   *
   * @param withoutGraph the MetaGraphDef without its {@code graph_def}
   * @param shell the {@code graph_def} without its nodes (library, versions, debug info)
   * @param bytes the file's content (mapped); node {@code i} is {@code bytes[starts[i], starts[i] + lengths[i])}
   * @param starts where each node's message starts, in file order
   * @param lengths each node's message length
   */
  public record ScannedGraph(MetaGraphDef withoutGraph, GraphDef shell, ByteBuffer bytes, int[] starts, int[] lengths) {}

  /** Not the clean binary MetaGraphDef this reader handles: use the full parse. */
  private static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /**
   * Summarizes a {@code .meta} file holding a binary MetaGraphDef, or returns {@code null} when
   * it is anything else (then read it with {@code GraphFile.read}, which also explains what is
   * wrong with it).
   *
   * @param file the file; only a name ending in {@code .meta} is tried
   * @return the MetaGraphDef without its graph and its summary, or {@code null}
   * @throws IOException if the file cannot be opened, sized or mapped
   */
  public static ScannedMeta readMetaGraph(Path file) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    // GraphFile tries a MetaGraphDef first only for .meta files
    if (!name.endsWith(".meta")) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0 || size > GraphFile.MAX_SIZE) {
        return null;
      }
      // mapped, not read into the heap: a 25 MB .meta would be copied once more by every young
      // collection (benchmark: IndexParseBenchmark.scanMetaGraph, inspect of many)
      return metaGraph(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
    }
  }

  /**
   * Reads a {@code .meta} file holding a binary MetaGraphDef for freezing: its nodes are located,
   * not parsed (see {@link ScannedGraph}). Returns {@code null} when it is anything else, exactly
   * when {@link #readMetaGraph} does; then read it with {@code GraphFile.read}. The caller parses
   * each node and must also give up on a node protobuf would not call plausible (an empty name or
   * op among the first 64, unknown fields).
   *
   * @param file the file; only a name ending in {@code .meta} is tried
   * @return the MetaGraphDef in parts, or {@code null}
   * @throws IOException if the file cannot be opened, sized or mapped
   */
  public static ScannedGraph locateNodes(Path file) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (!name.endsWith(".meta") || !java.nio.file.Files.isRegularFile(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0 || size > GraphFile.MAX_SIZE) {
        return null;
      }
      ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      if (!hasControlByte(bytes)) {
        return null;
      }
      try {
        return new Scanner(bytes, true).located();
      } catch (GiveUp | IOException | StackOverflowError e) {
        return null;
      }
    }
  }

  /**
   * Summarizes the bytes of a binary MetaGraphDef file named {@code *.meta}, or returns {@code
   * null} when they are anything else.
   */
  static ScannedMeta metaGraph(byte[] bytes) {
    return metaGraph(ByteBuffer.wrap(bytes));
  }

  private static ScannedMeta metaGraph(ByteBuffer bytes) {
    if (!hasControlByte(bytes)) {
      return null; // could be text format: GraphFile decides
    }
    try {
      return new GraphScan.Scanner(bytes, false).meta();
    } catch (GiveUp | IOException | StackOverflowError e) {
      return null;
    }
  }

  /** GraphFile reads content without control bytes (other than tab, CR, LF) as text. */
  private static boolean hasControlByte(ByteBuffer bytes) {
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      byte b = bytes.get(i);
      if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static final class Scanner {
    private final ByteBuffer bytes;
    private final CodedInputStream in;
    private final SummaryNodes nodes = new SummaryNodes();
    private final AttrValue.Builder scratch = AttrValue.newBuilder();
    private final NodeBytes scan = new NodeBytes();
    private final AttrFacts facts = new AttrFacts();
    private int functions;
    private boolean hasLibrary;
    private boolean hasVersions;
    /** The graph's versions, merged as protobuf merges repeated occurrences (the producer reads legacy placeholders). */
    private final VersionDef.Builder versions = VersionDef.newBuilder();
    /** Locating nodes for the freezer ({@link #locateNodes}) rather than summarizing them. */
    private final boolean locate;
    private final GraphDef.Builder shell = GraphDef.newBuilder();
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int located;

    Scanner(ByteBuffer bytes, boolean locate) {
      this.bytes = bytes;
      this.locate = locate;
      scan.readColocation = false; // the summary has no use for them
      scan.readName = false; // (read as bytes)
      // over an immutable ByteString: protobuf aliases (does not copy) tensor_content of Const values
      // only in input it may assume unchanging
      this.in = com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
      in.enableAliasing(true);
      in.setSizeLimit(Integer.MAX_VALUE);
    }

    ScannedGraph located() throws IOException {
      MetaGraphDef meta = rest();
      if (meta == null) {
        return null;
      }
      return new ScannedGraph(meta, shell.build(), bytes, java.util.Arrays.copyOf(starts, located),
          java.util.Arrays.copyOf(lengths, located));
    }

    ScannedMeta meta() throws IOException {
      MetaGraphDef meta = rest();
      if (meta == null) {
        return null;
      }
      if (hasGraph) {
        for (int i = 0; i < Math.min(nodes.size, 64); i++) {
          if (nodes.opName(i).isEmpty() || nodes.nameIsEmpty(i)) {
            return null;
          }
        }
      }
      GraphSummary graph = new GraphSummary(nodes, functions, meta, versions.getProducer());
      return new ScannedMeta(meta, new MetaGraphSummary(meta, graph));
    }

    private boolean hasGraph;

    /** Reads the whole file: the MetaGraphDef without its graph, or null when it is not a plausible one. */
    private MetaGraphDef rest() throws IOException {
      // every field but graph_def, merged one by one: the same as parsing them together
      MetaGraphDef.Builder rest = MetaGraphDef.newBuilder();
      while (!in.isAtEnd()) {
        int start = in.getTotalBytesRead();
        int tag = in.readTag();
        int field = WireFormat.getTagFieldNumber(tag);
        if (field == MetaGraphDef.GRAPH_DEF_FIELD_NUMBER) {
          int old = enter(tag);
          if (locate) {
            locateGraph();
          } else {
            graph();
          }
          in.popLimit(old);
          hasGraph = true;
          continue;
        }
        if (field < 1 || field > 7 || !in.skipField(tag)) {
          throw GIVE_UP;
        }
        rest.mergeFrom(CodedInputStream.newInstance(bytes.duplicate().position(start).limit(in.getTotalBytesRead()).slice()));
      }
      MetaGraphDef meta = rest.build();
      if (!meta.getUnknownFields().asMap().isEmpty() || !meta.getMetaInfoDef().getUnknownFields().asMap().isEmpty()
          || !(hasGraph || meta.hasMetaInfoDef() || meta.getSignatureDefCount() > 0)) {
        return null;
      }
      if (hasGraph && nodes.size == 0 && located == 0 && !hasLibrary && !hasVersions) {
        return null;
      }
      if (!shell.getUnknownFields().asMap().isEmpty()) {
        return null;
      }
      return meta;
    }

    /**
     * A GraphDef for the freezer: where each node is, and every other field merged into {@link
     * #shell} as protobuf would parse it at that depth of the file.
     */
    private void locateGraph() throws IOException {
      while (!in.isAtEnd()) {
        int start = in.getTotalBytesRead();
        int tag = in.readTag();
        int field = WireFormat.getTagFieldNumber(tag);
        if (field == GraphDef.NODE_FIELD_NUMBER) {
          expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          int length = in.readRawVarint32();
          if (length < 0) {
            throw GIVE_UP;
          }
          if (located == starts.length) {
            starts = java.util.Arrays.copyOf(starts, located * 2);
            lengths = java.util.Arrays.copyOf(lengths, located * 2);
          }
          starts[located] = in.getTotalBytesRead();
          lengths[located++] = length;
          in.skipRawBytes(length);
          continue;
        }
        if (field < GraphDef.LIBRARY_FIELD_NUMBER || field > GraphDef.DEBUG_INFO_FIELD_NUMBER || !in.skipField(tag)) {
          throw GIVE_UP;
        }
        hasLibrary |= field == GraphDef.LIBRARY_FIELD_NUMBER;
        hasVersions |= field == GraphDef.VERSIONS_FIELD_NUMBER;
        CodedInputStream part = CodedInputStream.newInstance(bytes.duplicate().position(start).limit(in.getTotalBytesRead()).slice());
        part.setRecursionLimit(RECURSION_LIMIT - GRAPH_FIELD_DEPTH);
        shell.mergeFrom(part, ExtensionRegistryLite.getEmptyRegistry());
      }
    }

    /** A GraphDef (one occurrence of graph_def: repeated occurrences merge, as in protobuf). */
    private void graph() throws IOException {
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        switch (WireFormat.getTagFieldNumber(tag)) {
          case GraphDef.NODE_FIELD_NUMBER -> {
            int old = enter(tag);
            int start = in.getTotalBytesRead();
            int length = in.getBytesUntilLimit();
            if (scan.scan(bytes, start, length)) {
              scanned();
              in.skipRawBytes(length);
            } else {
              node();
            }
            in.popLimit(old);
          }
          case GraphDef.LIBRARY_FIELD_NUMBER -> {
            FunctionDefLibrary.Builder lib = FunctionDefLibrary.newBuilder();
            message(tag, lib, GRAPH_FIELD_DEPTH);
            functions += lib.getFunctionCount();
            hasLibrary = true;
          }
          case GraphDef.VERSION_FIELD_NUMBER -> {
            expect(tag, WireFormat.WIRETYPE_VARINT);
            in.readInt32();
          }
          case GraphDef.VERSIONS_FIELD_NUMBER -> {
            message(tag, versions, GRAPH_FIELD_DEPTH);
            hasVersions = true;
          }
          case GraphDef.DEBUG_INFO_FIELD_NUMBER -> message(tag, GraphDebugInfo.newBuilder(), GRAPH_FIELD_DEPTH);
          default -> throw GIVE_UP;
        }
      }
    }

    /** Adds the node {@link #scan} read (without protobuf: it vouches that protobuf reads the same). */
    private void scanned() throws IOException {
      byte[] b = scan.bytes();
      String op = scan.op;
      long constElements = 0;
      if (op.equals("Const")) {
        constElements = scan.valueFrom < 0 ? 1 : facts.tensorElements(b, scan.valueFrom, scan.valueTo);
        if (constElements == AttrFacts.UNSURE) {
          constElements = PartialShape.fromProto(attrValue(b, scan.valueFrom, scan.valueTo).getTensor().getTensorShape())
              .numElements();
        }
      }
      DType dtype = null;
      if (scan.dtypeFrom >= 0) {
        long type = facts.type(b, scan.dtypeFrom, scan.dtypeTo);
        dtype = type != AttrFacts.UNSURE ? DType.find((int) type)
            : GraphSummary.dtypeAttr(attrValue(b, scan.dtypeFrom, scan.dtypeTo));
      }
      PartialShape shape = PartialShape.UNKNOWN;
      if (scan.shapeFrom >= 0) {
        shape = facts.shape(b, scan.shapeFrom, scan.shapeTo);
        if (shape == null) {
          shape = GraphSummary.shapeAttr(attrValue(b, scan.shapeFrom, scan.shapeTo));
        }
      }
      nodes.node(b, scan.nameFrom, scan.nameTo, op, dtype, shape, constElements);
      for (int k = 0; k < scan.inputCount; k++) {
        nodes.input(b, scan.inputFrom[k], scan.inputTo[k]);
      }
    }

    private static AttrValue attrValue(byte[] b, int from, int to) throws IOException {
      return AttrValue.parseFrom(CodedInputStream.newInstance(b, from, to - from), ExtensionRegistryLite.getEmptyRegistry());
    }

    /** Adds a node NodeBytes did not read, read field by field (checked as protobuf checks them). */
    private void node() throws IOException {
      String name = null;
      String op = null;
      List<String> inputs = new ArrayList<>();
      Attrs attrs = new Attrs();
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        switch (WireFormat.getTagFieldNumber(tag)) {
          case NodeDef.NAME_FIELD_NUMBER -> name = once(tag, name);
          case NodeDef.OP_FIELD_NUMBER -> op = once(tag, op);
          case NodeDef.INPUT_FIELD_NUMBER -> {
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            inputs.add(in.readStringRequireUtf8());
          }
          case NodeDef.DEVICE_FIELD_NUMBER -> {
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            in.readStringRequireUtf8();
          }
          case NodeDef.ATTR_FIELD_NUMBER -> {
            int old = enter(tag);
            attr(attrs);
            in.popLimit(old);
          }
          case NodeDef.EXPERIMENTAL_DEBUG_INFO_FIELD_NUMBER ->
              message(tag, NodeDef.ExperimentalDebugInfo.newBuilder(), NODE_FIELD_DEPTH);
          case NodeDef.EXPERIMENTAL_TYPE_FIELD_NUMBER -> message(tag, FullTypeDef.newBuilder(), NODE_FIELD_DEPTH);
          default -> throw GIVE_UP;
        }
      }
      name = name == null ? "" : name;
      op = op == null ? "" : op;
      long constElements = 0;
      if (op.equals("Const")) {
        AttrValue value = attrs.value != null ? attrs.value : AttrValue.getDefaultInstance();
        constElements = PartialShape.fromProto(value.getTensor().getTensorShape()).numElements();
      }
      nodes.node(name, op, GraphSummary.dtypeAttr(attrs.dtype), GraphSummary.shapeAttr(attrs.shape), constElements);
      for (String input : inputs) {
        nodes.input(input);
      }
    }

    private static final ByteString DTYPE = ByteString.copyFromUtf8("dtype");
    private static final ByteString SHAPE = ByteString.copyFromUtf8("shape");
    private static final ByteString VALUE = ByteString.copyFromUtf8("value");

    /** The attributes the summary reads; a later entry for a key replaces an earlier one, as in the map. */
    private static final class Attrs {
      AttrValue dtype;
      AttrValue shape;
      AttrValue value;
    }

    /**
     * One {@code attr} map entry: key (1) and value (2), each at most once. Values the summary reads
     * are kept; the others are parsed (into a reused builder) only to fail where the full parse
     * fails.
     */
    private void attr(Attrs attrs) throws IOException {
      ByteString key = null;
      int valueStart = -1;
      int valueTag = 0;
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        switch (WireFormat.getTagFieldNumber(tag)) {
          case 1 -> {
            // compared as bytes (no String per attribute); checked as the map's string key is
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            if (key != null) {
              throw GIVE_UP;
            }
            key = in.readBytes();
            if (!key.isValidUtf8()) {
              throw new InvalidProtocolBufferException("invalid UTF-8");
            }
          }
          case 2 -> {
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            if (valueStart >= 0) {
              throw GIVE_UP;
            }
            valueStart = in.getTotalBytesRead();
            valueTag = tag;
            scratch.clear();
            message(tag, scratch, ATTR_DEPTH);
          }
          default -> throw GIVE_UP;
        }
      }
      if (DTYPE.equals(key)) {
        attrs.dtype = kept(valueStart);
      } else if (SHAPE.equals(key)) {
        attrs.shape = kept(valueStart);
      } else if (VALUE.equals(key)) {
        attrs.value = kept(valueStart);
      }
    }

    /** The value just parsed into {@link #scratch} as a message (none: the default, as in a map entry without one). */
    private AttrValue kept(int valueStart) {
      return valueStart < 0 ? AttrValue.getDefaultInstance() : scratch.build();
    }

    /** Parses a length-delimited field into {@code builder} as protobuf would at that depth of the file. */
    private void message(int tag, MessageLite.Builder builder, int depth) throws IOException {
      expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      in.setRecursionLimit(RECURSION_LIMIT - depth);
      in.readMessage(builder, ExtensionRegistryLite.getEmptyRegistry());
    }

    /** Enters a length-delimited field; returns the limit to restore. */
    private int enter(int tag) throws IOException {
      expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      int length = in.readRawVarint32();
      if (length < 0) {
        throw GIVE_UP;
      }
      return in.pushLimit(length);
    }

    /** A singular string field: given twice, protobuf keeps the last; leave such files to it. */
    private String once(int tag, String seen) throws IOException {
      expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      if (seen != null) {
        throw GIVE_UP;
      }
      return in.readStringRequireUtf8();
    }

    /** A field of the wrong wire type is an unknown field to protobuf: leave such files to it. */
    private static void expect(int tag, int wireType) {
      if (WireFormat.getTagWireType(tag) != wireType) {
        throw GIVE_UP;
      }
    }
  }
}
