package io.github.jfreeze.freezer.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.freezer.ProgressSampler;
import io.github.jfreeze.freezer.internal.ConstantValue.RawSource;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.TensorProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a frozen GraphDef without holding its weights in memory: a Const whose value comes
 * straight from a checkpoint is written as its protobuf header followed by the tensor bytes copied
 * from the data file through a small buffer (CRC32C verified on the way). The bytes are identical
 * to protobuf's deterministic serialization of the same graph with the values filled in: field
 * order puts {@code tensor_content} last in the TensorProto, the {@code value} entry last among
 * the attributes (sorted keys), and attributes last in the NodeDef.
 */
public final class StreamingGraphWriter {
  private static final int NODE_FIELD = GraphDef.NODE_FIELD_NUMBER;
  private static final int ATTR_FIELD = NodeDef.ATTR_FIELD_NUMBER;
  private static final int TENSOR_FIELD = AttrValue.TENSOR_FIELD_NUMBER;
  private static final int CONTENT_FIELD = TensorProto.TENSOR_CONTENT_FIELD_NUMBER;
  private static final Set<String> STREAMABLE_ATTRS = Set.of("_class", "dtype", "value");
  private static final int BUFFER = 1 << 20;
  /** Streamed values up to this size go through the output stream's buffer, not straight to the file. */
  private static final long SMALL = 64 << 10;

  private StreamingGraphWriter() {}

  /** How one streamed node is laid out (and the node, without its value; null: the stored node, as it is). */
  private record Header(byte[] head, RawSource raw, long size, NodeDef node) {}

  /**
   * The header of streamed node {@code i} from its stored bytes, which are canonical and what the
   * node is written as: the {@code value} entry, sorted last, is cut off after the tensor's fields
   * (dtype, shape, version: all before {@code tensor_content}). Null when the bytes are laid out
   * otherwise; {@link #header(NodeDef, Map)} decides then.
   */
  private static Header header(NodeTable nodes, int i, RawSource src) {
    if (!nodes.op(i).equals("Const")) {
      return null;
    }
    byte[] s = nodes.storedBytes(i);
    int[] split = CanonicalEdit.streamedValue(s, STREAMABLE_ATTRS);
    return split == null ? null : header(Arrays.copyOf(s, split[0]), Arrays.copyOfRange(s, split[1], s.length), src, null);
  }

  /** The node's header and streamed tail, or null when it must be written from memory. */
  private static Header header(NodeDef n, Map<String, RawSource> raw) {
    RawSource src = raw.get(n.getName());
    if (src == null || !n.getOp().equals("Const") || !STREAMABLE_ATTRS.containsAll(n.getAttrMap().keySet())
        || n.hasExperimentalDebugInfo() || n.hasExperimentalType() || !n.containsAttr("value")
        || !n.getAttrOrThrow("value").getTensor().getTensorContent().isEmpty()) {
      return null;
    }
    TensorProto tensor = n.getAttrOrThrow("value").getTensor();
    return header(serialize(n.toBuilder().removeAttr("value").build()), serialize(tensor), src, n);
  }

  /**
   * The header of a streamed Const: {@code prefix} (the node without its value attribute), the
   * value entry's and tensor's tags and sizes, {@code tensorHead} (the tensor without its content),
   * then the content's tag and size.
   */
  private static Header header(byte[] prefix, byte[] tensorHead, RawSource src, NodeDef n) {
    long l = src.length();
    long tpSize = tensorHead.length + CodedOutputStream.computeTagSize(CONTENT_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(l) + l;
    long avSize = CodedOutputStream.computeTagSize(TENSOR_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(tpSize) + tpSize;
    long entrySize = CodedOutputStream.computeStringSize(1, "value") + CodedOutputStream.computeTagSize(2)
        + CodedOutputStream.computeUInt64SizeNoTag(avSize) + avSize;
    long nodeSize = prefix.length + CodedOutputStream.computeTagSize(ATTR_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(entrySize)
        + entrySize;
    int headSize = CodedOutputStream.computeTagSize(NODE_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(nodeSize)
        + prefix.length + CodedOutputStream.computeTagSize(ATTR_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(entrySize)
        + CodedOutputStream.computeStringSize(1, "value") + CodedOutputStream.computeTagSize(2)
        + CodedOutputStream.computeUInt64SizeNoTag(avSize) + CodedOutputStream.computeTagSize(TENSOR_FIELD)
        + CodedOutputStream.computeUInt64SizeNoTag(tpSize) + tensorHead.length + CodedOutputStream.computeTagSize(CONTENT_FIELD)
        + CodedOutputStream.computeUInt64SizeNoTag(l);
    // sized exactly: a CodedOutputStream over a stream would allocate its own 4 KiB buffer per node
    byte[] h = new byte[headSize];
    try {
      CodedOutputStream cos = CodedOutputStream.newInstance(h);
      cos.writeTag(NODE_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(nodeSize);
      cos.writeRawBytes(prefix);
      cos.writeTag(ATTR_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(entrySize);
      cos.writeString(1, "value");
      cos.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(avSize);
      cos.writeTag(TENSOR_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(tpSize);
      cos.writeRawBytes(tensorHead);
      cos.writeTag(CONTENT_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt64NoTag(l);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Header(h, src, h.length + l, n);
  }

  /** Deterministic bytes of {@code m}, into an array of exactly its size. */
  private static byte[] serialize(com.google.protobuf.MessageLite m) {
    try {
      byte[] out = new byte[m.getSerializedSize()];
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      cos.useDeterministicSerialization();
      m.writeTo(cos);
      cos.checkNoSpaceLeft();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A graph ready to write: every node finished and sized once (for the size in the report and
   * again for writing it would be serialized twice). A node whose final bytes are those it was
   * read with is copied from there; only the others are held.
   */
  public static final class Plan {
    private final NodeTable nodes;
    private final int[] order;
    private final GraphDef tail;
    private final Header[] headers;
    private final byte[][] finals;
    /** Nodes too large to hold as bytes ({@link NodeTable#HOLD}), finished, written as messages. */
    private final Map<Integer, NodeDef> large;
    private final long size;

    private Plan(NodeTable nodes, int[] order, GraphDef tail, Header[] headers, byte[][] finals, Map<Integer, NodeDef> large,
        long size) {
      this.nodes = nodes;
      this.order = order;
      this.tail = tail;
      this.headers = headers;
      this.finals = finals;
      this.large = large;
      this.size = size;
    }

    /** The serialized size of the graph with its streamed values. */
    public long size() {
      return size;
    }

    /** The node at {@code j}, as written (streamed values left out). */
    private NodeDef node(int j) throws IOException {
      if (large.containsKey(j)) {
        return large.get(j);
      }
      return finals[j] != null ? NodeDef.parseFrom(finals[j]) : nodes.node(order[j]);
    }

    /** The graph in memory, streamed values left out. */
    public GraphDef graph() throws IOException {
      GraphDef.Builder g = GraphDef.newBuilder();
      for (int j = 0; j < order.length; j++) {
        g.addNode(headers[j] != null && headers[j].node() != null ? headers[j].node() : node(j));
      }
      return g.mergeFrom(tail).build();
    }
  }

  /** Works out how {@code g} is written, with the values in {@code raw} streamed. */
  public static Plan plan(GraphDef g, Map<String, RawSource> raw) {
    NodeTable nodes = NodeTable.of(g.getNodeList());
    int[] order = new int[nodes.size()];
    java.util.Arrays.setAll(order, i -> i);
    return plan(nodes, order, g.toBuilder().clearNode().build(), raw, n -> n, i -> true);
  }

  /**
   * Works out how the nodes {@code order} lists are written, each finished by {@code finish}, then
   * {@code tail}, with the values in {@code raw} streamed. A node {@code untouched} accepts (or
   * null: none) that is {@linkplain NodeTable#canonical canonical} and not streamed is written as
   * stored, without parsing it.
   */
  public static Plan plan(NodeTable nodes, int[] order, GraphDef tail, Map<String, RawSource> raw,
      java.util.function.UnaryOperator<NodeDef> finish, java.util.function.IntPredicate untouched) {
    Header[] headers = new Header[order.length];
    byte[][] finals = new byte[order.length][];
    Map<Integer, NodeDef> large = new java.util.HashMap<>();
    // the streamed values by node: one lookup per value, not a name made for each kept node
    RawSource[] rawAt = raw.isEmpty() ? null : new RawSource[nodes.size()];
    if (rawAt != null) {
      for (var e : raw.entrySet()) {
        int i = nodes.index(e.getKey());
        if (i >= 0) {
          rawAt[i] = e.getValue();
        }
      }
    }
    long size = 0;
    for (int j = 0; j < order.length; j++) {
      int i = order[j];
      if (untouched != null && nodes.canonical(i) && untouched.test(i)) {
        RawSource src = rawAt == null ? null : rawAt[i];
        if (src == null) {
          int length = nodes.storedLength(i);
          size += CodedOutputStream.computeTagSize(NODE_FIELD) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
          continue;
        }
        Header h = header(nodes, i, src);
        if (h != null) {
          headers[j] = h;
          size += h.size();
          continue;
        }
      }
      NodeDef n = finish.apply(nodes.node(order[j]));
      Header h = raw.isEmpty() ? null : header(n, raw);
      if (h != null) {
        headers[j] = h;
        size += h.size();
        continue;
      }
      if (n.getSerializedSize() > NodeTable.HOLD) {
        large.put(j, n);
        size += CodedOutputStream.computeMessageSize(NODE_FIELD, n);
        continue;
      }
      byte[] bytes = NodeTable.deterministic(n);
      if (bytes.length != nodes.storedLength(order[j]) || !nodes.bytes(order[j]).equals(ByteBuffer.wrap(bytes))) {
        finals[j] = bytes;
      }
      size += CodedOutputStream.computeTagSize(NODE_FIELD) + CodedOutputStream.computeUInt32SizeNoTag(bytes.length) + bytes.length;
    }
    size += tail.getSerializedSize();
    return new Plan(nodes, order, tail, headers, finals, large, size);
  }

  /**
   * Refuses a graph over {@link io.github.jfreeze.codec.GraphFile#MAX_SIZE}, the one bound jfreeze
   * writes and reads, with advice that fits the input: a checkpoint can become a SavedModel; a
   * SavedModel already keeps its weights apart, so freeze fewer outputs or keep it.
   */
  static void checkSize(long size, Path out, boolean savedModelInput) throws FreezeException {
    if (size > io.github.jfreeze.codec.GraphFile.MAX_SIZE) {
      throw new FreezeException(FreezeException.Reason.TOO_LARGE, out, "the frozen graph would be " + size
          + " bytes, over the " + io.github.jfreeze.codec.GraphFile.MAX_SIZE + " bytes a GraphDef can have (protobuf's 2 GiB "
          + "limit); " + (savedModelInput
              ? "the input is a SavedModel, which keeps its weights in variables/: serve it as it is, or freeze fewer outputs"
              : "convert the checkpoint to a SavedModel instead (Freezer.convertToSavedModel), which keeps the weights in "
                  + "variables/"));
    }
  }

  /** Writes a planned graph atomically to {@code out}; returns its size ({@code savedModelInput}: for the advice). */
  public static long write(Plan plan, Path out, boolean force, boolean savedModelInput) throws IOException {
    return write(plan, out, force, savedModelInput, null);
  }

  /** As {@link #write(Plan, Path, boolean, boolean)}, telling {@code progress} (or null) how far it got. */
  public static long write(Plan plan, Path out, boolean force, boolean savedModelInput,
      io.github.jfreeze.freezer.Progress progress) throws IOException {
    long size = plan.size();
    checkSize(size, out, savedModelInput);
    List<RawSource> streamed = new ArrayList<>();
    for (Header h : plan.headers) {
      if (h != null) {
        streamed.add(h.raw());
      }
    }
    return AtomicOutput.writeFile(out, force, (stream, channel) -> {
      try (ProgressSampler sampler = ProgressSampler.start(progress, size, channel::size)) {
        writeBody(plan, streamed, stream, channel);
        sampler.finish();
      }
    });
  }

  private static void writeBody(Plan plan, List<RawSource> streamed, java.io.OutputStream stream,
      java.nio.channels.FileChannel channel) throws IOException {
    CodedOutputStream cos = CodedOutputStream.newInstance(stream, 1 << 16);
    cos.useDeterministicSerialization();
    // (cos.write, not writeRawBytes(ByteBuffer): that writes the whole buffer, whatever its position)
    java.nio.channels.WritableByteChannel intoStream = io.github.jfreeze.codec.internal.ByteSink.channel(cos::write);
    ByteBuffer buffer = null;
    try (ShardReadahead ahead = ShardReadahead.start(streamed)) {
      for (int j = 0; j < plan.order.length; j++) {
        Header h = plan.headers[j];
        if (h == null && plan.large.containsKey(j)) {
          cos.writeMessage(NODE_FIELD, plan.large.get(j));
          continue;
        }
        if (h == null) {
          cos.writeTag(NODE_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          if (plan.finals[j] != null) {
            cos.writeUInt32NoTag(plan.finals[j].length);
            cos.writeRawBytes(plan.finals[j]);
          } else {
            ByteBuffer bytes = plan.nodes.bytes(plan.order[j]);
            cos.writeUInt32NoTag(bytes.remaining());
            cos.writeRawBytes(bytes);
          }
          continue;
        }
        cos.writeRawBytes(h.head());
        if (buffer == null) {
          buffer = ByteBuffer.allocateDirect(BUFFER);
        }
        if (h.raw().length() <= SMALL) {
          // through the stream's buffer: a flush and a write of its own for each of 20,000 small
          // variables cost more than the copy (benchmarks/run.sh, freeze_many)
          ahead.advance(h.raw().reader().copyRaw(h.raw().key(), intoStream, buffer));
        } else {
          cos.flush();
          ahead.advance(h.raw().reader().copyRaw(h.raw().key(), channel, buffer));
        }
      }
    }
    plan.tail.writeTo(cos);
    cos.flush();
  }

  /** The planned graph with every streamed value read into its Const (the in-memory result). */
  public static GraphDef materialize(Plan plan, Map<String, RawSource> raw) throws IOException {
    return materialize(plan.graph(), raw);
  }

  /** The graph with every streamed value read into its Const (the in-memory result). */
  public static GraphDef materialize(GraphDef g, Map<String, RawSource> raw) throws IOException {
    if (raw.isEmpty()) {
      return g;
    }
    GraphDef.Builder b = g.toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      RawSource src = raw.get(n.getName());
      if (src == null || !n.getOp().equals("Const")) {
        continue;
      }
      AttrValue value = n.getAttrOrThrow("value");
      ByteString content = UnsafeByteOperations.unsafeWrap(src.reader().read(src.key()).data());
      n.putAttr("value", value.toBuilder().setTensor(value.getTensor().toBuilder().setTensorContent(content)).build());
    }
    return b.build();
  }
}
