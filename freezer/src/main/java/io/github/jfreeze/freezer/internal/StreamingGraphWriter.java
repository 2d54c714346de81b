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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private StreamingGraphWriter() {}

  /** How one streamed node is laid out. */
  private record Header(byte[] head, RawSource raw, long size) {}

  /** The node's header and streamed tail, or null when it must be written from memory. */
  private static Header header(NodeDef n, Map<String, RawSource> raw) {
    RawSource src = raw.get(n.getName());
    if (src == null || !n.getOp().equals("Const") || !STREAMABLE_ATTRS.containsAll(n.getAttrMap().keySet())
        || n.hasExperimentalDebugInfo() || n.hasExperimentalType() || !n.containsAttr("value")
        || !n.getAttrOrThrow("value").getTensor().getTensorContent().isEmpty()) {
      return null;
    }
    TensorProto tensor = n.getAttrOrThrow("value").getTensor();
    byte[] prefix = serialize(n.toBuilder().removeAttr("value").build());
    byte[] tensorHead = serialize(tensor);
    long l = src.length();
    long tpSize = tensorHead.length + CodedOutputStream.computeTagSize(CONTENT_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(l) + l;
    long avSize = CodedOutputStream.computeTagSize(TENSOR_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(tpSize) + tpSize;
    long entrySize = CodedOutputStream.computeStringSize(1, "value") + CodedOutputStream.computeTagSize(2)
        + CodedOutputStream.computeUInt64SizeNoTag(avSize) + avSize;
    long nodeSize = prefix.length + CodedOutputStream.computeTagSize(ATTR_FIELD) + CodedOutputStream.computeUInt64SizeNoTag(entrySize)
        + entrySize;
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      CodedOutputStream cos = CodedOutputStream.newInstance(head);
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
      cos.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] h = head.toByteArray();
    return new Header(h, src, h.length + l);
  }

  private static byte[] serialize(com.google.protobuf.MessageLite m) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(m.getSerializedSize());
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      cos.useDeterministicSerialization();
      m.writeTo(cos);
      cos.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A graph ready to write: the header of every streamed node worked out once (for the size in
   * the report and again for writing they would be serialized twice).
   */
  public static final class Plan {
    private final GraphDef graph;
    private final Header[] headers;
    private final long size;

    private Plan(GraphDef graph, Header[] headers, long size) {
      this.graph = graph;
      this.headers = headers;
      this.size = size;
    }

    /** The serialized size of the graph with its streamed values. */
    public long size() {
      return size;
    }
  }

  /** Works out how {@code g} is written, with the values in {@code raw} streamed. */
  public static Plan plan(GraphDef g, Map<String, RawSource> raw) {
    Header[] headers = new Header[g.getNodeCount()];
    long size = 0;
    for (int i = 0; i < headers.length; i++) {
      NodeDef n = g.getNode(i);
      Header h = raw.isEmpty() ? null : header(n, raw);
      headers[i] = h;
      size += h != null ? h.size() : CodedOutputStream.computeMessageSize(NODE_FIELD, n);
    }
    size += g.toBuilder().clearNode().build().getSerializedSize();
    return new Plan(g, headers, size);
  }

  /** The serialized size of the graph with its streamed values, as a long. */
  public static long size(GraphDef g, Map<String, RawSource> raw) {
    return plan(g, raw).size();
  }

  /** Writes the graph atomically to {@code out}; returns its size. */
  public static long write(GraphDef g, Map<String, RawSource> raw, Path out, boolean force) throws IOException {
    return write(plan(g, raw), out, force, false);
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
    GraphDef g = plan.graph;
    CodedOutputStream cos = CodedOutputStream.newInstance(stream, 1 << 16);
    cos.useDeterministicSerialization();
    ByteBuffer buffer = null;
    try (ShardReadahead ahead = ShardReadahead.start(streamed)) {
      for (int i = 0; i < plan.headers.length; i++) {
        Header h = plan.headers[i];
        if (h == null) {
          cos.writeMessage(NODE_FIELD, g.getNode(i));
          continue;
        }
        cos.writeRawBytes(h.head());
        cos.flush();
        if (buffer == null) {
          buffer = ByteBuffer.allocateDirect(BUFFER);
        }
        ahead.advance(h.raw().reader().copyRaw(h.raw().key(), channel, buffer));
      }
    }
    g.toBuilder().clearNode().build().writeTo(cos);
    cos.flush();
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
