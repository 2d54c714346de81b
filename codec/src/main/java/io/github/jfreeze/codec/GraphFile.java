package io.github.jfreeze.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnsafeByteOperations;
import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.NodeDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A graph file read and identified by its content: a GraphDef ({@code .pb}, {@code .pbtxt}), a
 * MetaGraphDef ({@code .meta}, binary or text) or a SavedModel ({@code saved_model.pb(txt)}). The
 * file name only decides which reading is tried first.
 *
 * @param file where it was read from
 * @param kind what the content is
 * @param text whether it was protobuf text format
 * @param message the parsed {@link GraphDef}, {@link MetaGraphDef} or {@link SavedModel}: the
 *     advanced entry point, handing out the generated protobuf messages of module {@code
 *     io.github.jfreeze.proto}; everything else here is plain Java
 */
public record GraphFile(Path file, Kind kind, boolean text, Message message) {

  /** What a graph file holds. */
  public enum Kind {
    /** A GraphDef: nodes and a function library. */
    GRAPH_DEF("GraphDef"),
    /** A MetaGraphDef: a GraphDef with its saver, collections and signatures. */
    META_GRAPH("MetaGraphDef"),
    /** A SavedModel: one MetaGraphDef per tag set. */
    SAVED_MODEL("SavedModel");

    private final String protoName;

    Kind(String protoName) {
      this.protoName = protoName;
    }

    /**
     * The protobuf message's name.
     *
     * @return {@code GraphDef}, {@code MetaGraphDef} or {@code SavedModel}
     */
    public String protoName() {
      return protoName;
    }
  }

  /**
   * The largest graph file jfreeze writes and reads: 2,147,483,639 bytes ({@code 2^31 - 9}). Protobuf
   * (TensorFlow's too) cannot hold a message of 2 GiB or more, and Java cannot hold an array quite
   * that large; a file at this bound is one jfreeze and TF can both read back.
   */
  public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  private static final Pattern FIRST_FIELD = Pattern.compile("\\A(?:\\s|#[^\\n]*\\n)*([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * Reads and identifies a graph file.
   *
   * @param file the file
   * @return what it holds
   * @throws CorruptFileException if it is none of the three, or damaged
   * @throws IOException if it cannot be read
   */
  public static GraphFile read(Path file) throws IOException {
    ProtobufRuntime.require();
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw ModelLocator.notRegular(file);
    }
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new CorruptFileException(file, -1, "file of " + size + " bytes is over the " + MAX_SIZE + " bytes a graph file "
          + "can have (protobuf's 2 GiB message limit); graphs this large are stored as chunked SavedModels, which jfreeze "
          + "cannot read yet");
    }
    if (size > MAX_TEXT_SIZE) {
      byte[] head = new byte[64 << 10];
      try (var in = Files.newInputStream(file)) {
        int n = in.readNBytes(head, 0, head.length);
        if (looksLikeText(head, n)) {
          throw new CorruptFileException(file, -1, "looks like a text-format graph of " + size + " bytes, over jfreeze's "
              + (MAX_TEXT_SIZE >> 20) + " MiB limit for text (parsing text needs several times its size in memory); "
              + "write the graph in binary (.pb)");
        }
      }
    }
    if (size >= MAP_SIZE) {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
        // mapped, not read into the heap: the message's bytes fields (tensor contents) become views
        // of the mapping, so a graph at MAX_SIZE is inspected in a small heap
        return parse(file, ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size));
      }
    }
    return parse(file, readAll(file, size));
  }

  /** Graph files this large are mapped rather than read into the heap. */
  private static final long MAP_SIZE = 64L << 20;

  /**
   * The file's {@code size} bytes, read in pieces: one read of the whole file into a heap array
   * goes through a temporary native buffer of the same size (another 2 GiB at {@link #MAX_SIZE}).
   */
  private static byte[] readAll(Path file, long size) throws IOException {
    byte[] bytes = new byte[(int) size];
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      int done = 0;
      while (done < bytes.length) {
        int n = ch.read(java.nio.ByteBuffer.wrap(bytes, done, Math.min(bytes.length - done, 8 << 20)));
        if (n < 0) {
          throw new CorruptFileException(file, done, "changed size while it was read (" + size + " then " + done + " bytes)");
        }
        done += n;
      }
      if (ch.size() != size) {
        throw new CorruptFileException(file, size, "changed size while it was read (" + size + " then " + ch.size() + " bytes)");
      }
    }
    return bytes;
  }

  /**
   * The largest text-format graph jfreeze parses: protobuf's text parser holds the text and its
   * tokens at once, several times the file's size; text graphs of real models are a few MiB.
   */
  public static final long MAX_TEXT_SIZE = 256L << 20;

  /** Whether the first {@code n} bytes contain no control character other than whitespace (UTF-8 text). */
  private static boolean looksLikeText(byte[] bytes, int n) {
    for (int i = 0; i < n; i++) {
      byte b = bytes[i];
      if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) {
        return false;
      }
    }
    return n > 0;
  }

  /**
   * Identifies and parses {@code bytes} read from {@code file}.
   *
   * @param file where the bytes come from (its name decides which reading is tried first), or null
   * @param bytes the file's content
   * @return what it holds
   * @throws CorruptFileException if it is none of the three, or damaged
   */
  public static GraphFile parse(Path file, byte[] bytes) throws CorruptFileException {
    return parse(file, java.nio.ByteBuffer.wrap(bytes));
  }

  private static GraphFile parse(Path file, java.nio.ByteBuffer bytes) throws CorruptFileException {
    ProtobufRuntime.require();
    List<Kind> order = order(file);
    String text = asText(bytes);
    if (text != null && !text.isBlank()) {
      return parseText(file, text, order);
    }
    for (Kind kind : order) {
      Message m = tryBinary(kind, bytes);
      if (m != null && plausible(kind, m)) {
        return new GraphFile(file, kind, false, m);
      }
    }
    long bad = WireScan.firstError(bytes);
    throw new CorruptFileException(file, bad, bytes.remaining() == 0 ? "empty file: not a graph"
        : bad >= 0 ? "not a valid protobuf (GraphDef, MetaGraphDef or SavedModel): broken field structure"
        : "not a GraphDef, MetaGraphDef or SavedModel (the protobuf fields do not fit any of them)");
  }

  private static List<Kind> order(Path file) {
    String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
    List<Kind> order = new ArrayList<>();
    if (name.startsWith("saved_model.")) {
      order.add(Kind.SAVED_MODEL);
    } else if (name.endsWith(".meta") || name.endsWith(".meta.txt")) {
      order.add(Kind.META_GRAPH);
    }
    for (Kind k : List.of(Kind.SAVED_MODEL, Kind.META_GRAPH, Kind.GRAPH_DEF)) {
      if (!order.contains(k)) {
        order.add(k);
      }
    }
    return order;
  }

  /** The content as text if it is UTF-8 without control characters, else {@code null}. */
  private static String asText(java.nio.ByteBuffer bytes) {
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      byte b = bytes.get(i);
      if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(bytes.duplicate()).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static GraphFile parseText(Path file, String text, List<Kind> order) throws CorruptFileException {
    Matcher m = FIRST_FIELD.matcher(text);
    if (m.find()) {
      Kind byField = switch (m.group(1)) {
        case "node", "library", "versions", "versions_def" -> Kind.GRAPH_DEF;
        case "meta_info_def", "graph_def", "saver_def", "collection_def", "signature_def" -> Kind.META_GRAPH;
        case "saved_model_schema_version", "meta_graphs" -> Kind.SAVED_MODEL;
        default -> null;
      };
      if (byField != null) {
        order = new ArrayList<>(order);
        order.remove(byField);
        order.add(0, byField);
      }
    }
    TextFormat.ParseException first = null;
    for (Kind kind : order) {
      Message.Builder b = builder(kind);
      try {
        TextFormat.getParser().merge(text, b);
        return new GraphFile(file, kind, true, b.build());
      } catch (TextFormat.ParseException e) {
        first = first == null ? e : first;
      }
    }
    throw new CorruptFileException(file, offsetOf(text, first.getLine(), first.getColumn()),
        "not a valid text " + order.get(0).protoName() + ": " + first.getMessage());
  }

  private static long offsetOf(String text, int line, int column) {
    if (line <= 0) {
      return -1;
    }
    int pos = 0;
    for (int l = 1; l < line && pos >= 0; l++) {
      pos = text.indexOf('\n', pos) + 1;
      if (pos == 0) {
        return -1;
      }
    }
    return text.substring(0, Math.min(text.length(), pos + Math.max(column - 1, 0))).getBytes(StandardCharsets.UTF_8).length;
  }

  private static Message.Builder builder(Kind kind) {
    return switch (kind) {
      case GRAPH_DEF -> GraphDef.newBuilder();
      case META_GRAPH -> MetaGraphDef.newBuilder();
      case SAVED_MODEL -> SavedModel.newBuilder();
    };
  }

  private static Message tryBinary(Kind kind, java.nio.ByteBuffer bytes) {
    try {
      // a stream over an immutable ByteString: protobuf aliases only input it may assume unchanging
      CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes.duplicate()).newCodedInput();
      in.setSizeLimit(Integer.MAX_VALUE);
      // bytes fields (tensor contents, and unknown fields when the kind is wrong) become views of
      // the file's bytes, not copies: a graph at MAX_SIZE is inspected in a small heap
      // (HostileIT#aGraphAtTheSizeBoundIsInspectedInASmallHeap), where copies needed three times
      // its size; nothing else holds the bytes, so nothing changes them under the views
      in.enableAliasing(true);
      return builder(kind).mergeFrom(in, ExtensionRegistryLite.getEmptyRegistry()).build();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static boolean plausible(Kind kind, Message m) {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      return false;
    }
    return switch (kind) {
      case SAVED_MODEL -> {
        SavedModel sm = (SavedModel) m;
        yield sm.getMetaGraphsCount() > 0 && sm.getMetaGraphsList().stream().allMatch(g -> plausible(Kind.META_GRAPH, g));
      }
      case META_GRAPH -> {
        MetaGraphDef mg = (MetaGraphDef) m;
        yield (mg.hasGraphDef() || mg.hasMetaInfoDef() || mg.getSignatureDefCount() > 0)
            && mg.getMetaInfoDef().getUnknownFields().asMap().isEmpty()
            && (!mg.hasGraphDef() || plausible(Kind.GRAPH_DEF, mg.getGraphDef()));
      }
      case GRAPH_DEF -> {
        GraphDef g = (GraphDef) m;
        boolean ok = g.getNodeCount() > 0 || g.hasLibrary() || g.hasVersions();
        for (int i = 0; ok && i < Math.min(g.getNodeCount(), 64); i++) {
          NodeDef n = g.getNode(i);
          ok = !n.getOp().isEmpty() && !n.getName().isEmpty() && n.getUnknownFields().asMap().isEmpty();
        }
        yield ok;
      }
    };
  }

  /**
   * The graph of a GraphDef or MetaGraphDef file (advanced: a protobuf message, like {@link
   * #message()}).
   *
   * @return the GraphDef
   * @throws IllegalStateException for a SavedModel, which has one graph per MetaGraphDef
   */
  public GraphDef graphDef() {
    return switch (kind) {
      case GRAPH_DEF -> (GraphDef) message;
      case META_GRAPH -> ((MetaGraphDef) message).getGraphDef();
      case SAVED_MODEL -> throw new IllegalStateException("a SavedModel has one graph per MetaGraphDef; pick one");
    };
  }

  /** Where the top-level wire structure of a protobuf first breaks. */
  static final class WireScan {
    private WireScan() {}

    /** Offset of the first malformed top-level field, or -1 if the structure is sound. */
    static long firstError(java.nio.ByteBuffer b) {
      int base = b.position();
      int length = b.remaining();
      int pos = 0;
      while (pos < length) {
        int start = pos;
        long[] r = varint(b, base, length, pos);
        if (r == null) {
          return start;
        }
        pos = (int) r[1];
        long tag = r[0];
        int wire = (int) (tag & 7);
        if ((tag >>> 3) == 0) {
          return start;
        }
        switch (wire) {
          case 0 -> {
            r = varint(b, base, length, pos);
            if (r == null) {
              return start;
            }
            pos = (int) r[1];
          }
          case 1 -> pos += 8;
          case 5 -> pos += 4;
          case 2 -> {
            r = varint(b, base, length, pos);
            if (r == null || r[0] < 0 || r[0] > length - r[1]) {
              return start;
            }
            pos = (int) (r[1] + r[0]);
          }
          default -> {
            return start;
          }
        }
        if (pos > length || pos < 0) {
          return start;
        }
      }
      return -1;
    }

    private static long[] varint(java.nio.ByteBuffer b, int base, int length, int pos) {
      long v = 0;
      for (int i = 0; i < 10; i++) {
        if (pos >= length) {
          return null;
        }
        int c = b.get(base + pos++) & 0xff;
        v |= (long) (c & 0x7f) << (7 * i);
        if (c < 0x80) {
          return new long[] {v, pos};
        }
      }
      return null;
    }
  }
}
