package io.github.jfreeze.codec.graph;

import io.github.jfreeze.codec.internal.AsciiBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A serialized {@code NodeDef} read without building it: its name, op, inputs, the attribute facts
 * the freezer's node table keeps and where the attributes {@link GraphScan}'s summary reads are, and
 * whether the bytes are exactly those protobuf's deterministic writer makes of the node they parse
 * to ({@link #canonical}). The freezer writes a node that nothing edits and that is canonical by
 * copying its bytes, never parsing it (a training graph's kept nodes are mostly such).
 *
 * <p>It knows the schema of node_def.proto, attr_value.proto, tensor.proto and
 * tensor_shape.proto (TF 2.18) and checks the wire format as protobuf's parser does, more
 * strictly: {@link #scan} answers false ("parse it with protobuf") for anything it does not check
 * in full (a field out of its schema or of field order, a field set twice, a wire type other than
 * the schema's, a string that is not ASCII, a number not written in its shortest form, repeated
 * numbers not packed, an explicitly written default, nesting deeper than {@link #MAX_DEPTH},
 * debug info, full types, resource and variant tensors, a node over {@link #MAX_LENGTH} that is a
 * {@code Const} or does not start with its name and op, any node over {@link #MAX_FAN_IN_LENGTH},
 * a name over {@link #MAX_NAME_LENGTH}). So where
 * it answers true the node parses, without unknown fields, to exactly the facts read here; {@code
 * NodeBytesTest} checks that against protobuf on every node of the fixtures and on corrupted ones.
 * Attributes out of key order (TF's C++ writer does not sort them) parse fine but are not
 * canonical.
 *
 * <p>One instance scans one node at a time and is reused; nesting is bounded, so the Java stack
 * used does not depend on the input.
 */
public final class NodeBytes {
  /** Deepest nesting of messages read (NodeDef is 0); deeper nodes are left to protobuf. */
  public static final int MAX_DEPTH = 8;
  /** Longer {@code Const} nodes (a large value) are left to protobuf, which keeps their bytes as views. */
  public static final int MAX_LENGTH = 1 << 16;
  /**
   * Longer nodes of other ops are left to protobuf too. Below it a node over {@link #MAX_LENGTH}
   * (the {@code init} or {@code save/SaveV2} of a model with 20,000 variables: 40,000 inputs) is
   * read from an array of its own, not kept past the next scan.
   */
  public static final int MAX_FAN_IN_LENGTH = 1 << 26;
  /** Nodes with longer names are left to protobuf (so a name's length fits in 17 bits). */
  public static final int MAX_NAME_LENGTH = 1 << 16;

  /** The array nodes up to {@link #MAX_LENGTH} are copied into, grown as needed. */
  private byte[] reused = new byte[512];
  /**
   * The bytes of the node last scanned: {@link #reused}, or an array of its own for a node over
   * {@link #MAX_LENGTH} (let go at the next scan).
   */
  private byte[] b = reused;
  private int pos;

  /** The node's name ({@code ""} when absent); null when not {@link #readName}. */
  public String name;
  /** Where the name is in {@link #bytes}: {@code [nameFrom, nameTo)}, empty when absent. */
  public int nameFrom;
  public int nameTo;
  /**
   * Whether scans make {@link #name} a String (a table of a million nodes keeps the names where
   * they are, in the file, and makes Strings of the few it is asked for).
   */
  public boolean readName = true;
  /** Its op ({@code ""} when absent). */
  public String op;
  /** Whether it names a device. */
  public boolean device;
  /** Whether an attribute holds a function or a list of functions. */
  public boolean functionAttr;
  /** The entries of its {@code _class} attribute, {@code loc:@} taken off; null when it has none. */
  public List<String> colocation;
  /** Whether it has a {@code _class} attribute (its entries are read into {@link #colocation} only when {@link #readColocation}). */
  public boolean colocated;
  /** Whether scans read the {@code _class} entries (a table of 100,000 nodes wants them of the few it keeps only). */
  public boolean readColocation = true;
  /** Whether the bytes are what protobuf's deterministic writer writes for the node they parse to. */
  public boolean canonical;
  /** How many inputs it has; input {@code k} is bytes {@code [inputFrom[k], inputTo[k])} of {@link #bytes}. */
  public int inputCount;
  public int[] inputFrom = new int[8];
  public int[] inputTo = new int[8];
  /**
   * Where the values (AttrValue messages) of the attributes {@code dtype}, {@code shape} and {@code
   * value} are in {@link #bytes}: {@code [from, to)}, from -1 when the node has none.
   */
  public int dtypeFrom;
  public int dtypeTo;
  public int shapeFrom;
  public int shapeTo;
  public int valueFrom;
  public int valueTo;
  /** Key of the attribute being read, and of the one before it (for the order check). */
  private int keyFrom;
  private int keyTo;

  /** Thrown inside a scan when the bytes are not ones it checks in full; never leaves {@link #scan}. */
  private static final class Unsure extends Exception {
    Unsure() {
      super(null, null, false, false);
    }
  }

  private static final Unsure UNSURE = new Unsure();

  /** The bytes of the node last scanned (the inputs' offsets index into them). */
  public byte[] bytes() {
    return b;
  }

  /**
   * Reads the node at {@code [at, at + length)} of {@code source}.
   *
   * @return true when it was read in full (the fields above describe it); false when protobuf must
   *     parse it (the fields are then undefined)
   */
  public boolean scan(ByteBuffer source, int at, int length) {
    if (length > MAX_LENGTH) {
      if (length > MAX_FAN_IN_LENGTH || !opOtherThanConst(source, at, length)) {
        return false;
      }
      b = new byte[length];
    } else {
      if (reused.length < length) {
        reused = new byte[Math.max(length, reused.length * 2)];
      }
      b = reused;
    }
    source.get(at, b, 0, length);
    name = readName ? "" : null;
    nameFrom = 0;
    nameTo = 0;
    op = "";
    device = false;
    functionAttr = false;
    colocation = null;
    colocated = false;
    canonical = true;
    inputCount = 0;
    dtypeFrom = -1;
    shapeFrom = -1;
    valueFrom = -1;
    keyFrom = -1;
    pos = 0;
    try {
      node(length);
      return true;
    } catch (Unsure e) {
      return false;
    }
  }

  /**
   * Whether the node at {@code [at, at + length)} of {@code source} starts with its name and an op
   * other than {@code Const}, as TF writes nodes, read in place.
   */
  private static final ByteBuffer CONST_OP = ByteBuffer.wrap("Const".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

  private static boolean opOtherThanConst(ByteBuffer source, int at, int length) {
    int end = at + length;
    int p = at;
    for (int field = 1; field <= 2; field++) {
      if (p >= end || source.get(p++) != (field << 3 | 2)) {
        return false;
      }
      long n = 0;
      for (int shift = 0; ; shift += 7) {
        if (p >= end || shift > 28) {
          return false;
        }
        byte x = source.get(p++);
        n |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          break;
        }
      }
      if (n > end - p) {
        return false;
      }
      if (field == 2) {
        return !source.slice(p, (int) n).equals(CONST_OP);
      }
      p += (int) n;
    }
    return false;
  }

  // ---- NodeDef

  private void node(int end) throws Unsure {
    int last = 0;
    while (pos < end) {
      int tag = nextTag(end, last, 1L << 3 | 1L << 5);
      last = tag >>> 3;
      switch (tag) {
        case 1 << 3 | 2 -> name(end);
        case 2 << 3 | 2 -> op = op(end);
        case 3 << 3 | 2 -> input(end);
        case 4 << 3 | 2 -> {
          pos = asciiEnd(end, false);
          device = true;
        }
        case 5 << 3 | 2 -> attr(end);
        default -> throw UNSURE; // debug info, full type, unknown fields, other wire types
      }
    }
  }

  private void name(int end) throws Unsure {
    nameTo = asciiEnd(end, false);
    nameFrom = pos;
    if (nameTo - nameFrom > MAX_NAME_LENGTH) {
      throw UNSURE;
    }
    if (readName) {
      @SuppressWarnings("deprecation") // ASCII: one char per byte, no decoding
      String s = new String(b, 0, nameFrom, nameTo - nameFrom);
      name = s;
    }
    pos = nameTo;
  }

  private void input(int end) throws Unsure {
    int to = lengthEnd(end);
    for (int i = pos; i < to; i++) {
      if (b[i] < 0) {
        throw UNSURE;
      }
    }
    if (inputCount == inputFrom.length) {
      inputFrom = Arrays.copyOf(inputFrom, inputCount * 2);
      inputTo = Arrays.copyOf(inputTo, inputCount * 2);
    }
    inputFrom[inputCount] = pos;
    inputTo[inputCount++] = to;
    pos = to;
  }

  /** One entry of the attr map: key (1) then value (2), both written, as protobuf writes entries. */
  private void attr(int end) throws Unsure {
    int to = lengthEnd(end);
    int kFrom = mapKey(to, keyFrom, keyTo);
    int kTo = pos;
    keyFrom = kFrom;
    keyTo = kTo;
    if (tag(to) != (2 << 3 | 2)) {
      throw UNSURE;
    }
    int vTo = lengthEnd(to);
    int vFrom = pos;
    if (is(kFrom, kTo, "dtype")) {
      dtypeFrom = vFrom;
      dtypeTo = vTo;
    } else if (is(kFrom, kTo, "shape")) {
      shapeFrom = vFrom;
      shapeTo = vTo;
    } else if (is(kFrom, kTo, "value")) {
      valueFrom = vFrom;
      valueTo = vTo;
    }
    boolean klass = is(kFrom, kTo, "_class");
    if (klass) {
      colocated = true;
      colocation = readColocation ? new ArrayList<>(2) : null;
    }
    attrValue(vTo, 1, klass, true);
    if (pos != to) {
      throw UNSURE;
    }
  }

  /**
   * A string map entry's key (field 1, ASCII), read before {@code to} and checked against the
   * previous entry's key {@code [prevFrom, prevTo)} (prevFrom -1: none). Returns where the key
   * starts; it ends where the scan now is.
   */
  private int mapKey(int to, int prevFrom, int prevTo) throws Unsure {
    if (tag(to) != (1 << 3 | 2)) {
      throw UNSURE;
    }
    int kTo = lengthEnd(to);
    int kFrom = pos;
    for (int i = kFrom; i < kTo; i++) {
      if (b[i] < 0) {
        throw UNSURE;
      }
    }
    pos = kTo;
    if (prevFrom >= 0) {
      int c = Arrays.compare(b, prevFrom, prevTo, b, kFrom, kTo);
      if (c == 0) {
        throw UNSURE; // a key twice: the last wins
      }
      if (c > 0) {
        canonical = false; // written in another order than sorted keys
      }
    }
    return kFrom;
  }

  /** Whether bytes {@code [from, to)} are the ASCII string {@code s}. */
  private boolean is(int from, int to, String s) {
    return AsciiBytes.equals(s, b, from, to);
  }

  // ---- AttrValue and what it holds

  /** An AttrValue: one field of its oneof, written even when it holds the default. */
  private void attrValue(int end, int depth, boolean klass, boolean top) throws Unsure {
    if (depth > MAX_DEPTH) {
      throw UNSURE;
    }
    if (pos == end) {
      return;
    }
    int tag = tag(end);
    switch (tag) {
      case 1 << 3 | 2 -> list(lengthEnd(end), depth + 1, klass, top);
      case 2 << 3 | 2 -> pos = lengthEnd(end); // s: bytes
      case 3 << 3 -> varint(end);
      case 4 << 3 | 5 -> fixed(end, 4);
      case 5 << 3 -> bool(end);
      case 6 << 3 -> enumValue(end);
      case 7 << 3 | 2 -> shape(lengthEnd(end), depth + 1);
      case 8 << 3 | 2 -> tensor(lengthEnd(end), depth + 1);
      case 9 << 3 | 2 -> pos = asciiEnd(end, true); // placeholder
      case 10 << 3 | 2 -> {
        nameAttrList(lengthEnd(end), depth + 1);
        functionAttr |= top;
      }
      default -> throw UNSURE;
    }
    if (pos != end) {
      throw UNSURE; // a second field of the oneof (the last would win), or garbage
    }
  }

  private void list(int end, int depth, boolean klass, boolean top) throws Unsure {
    if (depth > MAX_DEPTH) {
      throw UNSURE;
    }
    int last = 0;
    while (pos < end) {
      int tag = nextTag(end, last, 1L << 2 | 1L << 7 | 1L << 8 | 1L << 9);
      last = tag >>> 3;
      switch (tag) {
        case 2 << 3 | 2 -> {
          int to = lengthEnd(end);
          if (klass && colocation != null) {
            String c = new String(b, pos, to - pos, StandardCharsets.UTF_8);
            colocation.add(c.startsWith("loc:@") ? c.substring(5) : c);
          }
          pos = to;
        }
        case 3 << 3 | 2 -> packedVarints(lengthEnd(end), Long.MIN_VALUE, Long.MAX_VALUE);
        case 4 << 3 | 2 -> packedFixed(lengthEnd(end), 4);
        case 5 << 3 | 2 -> packedVarints(lengthEnd(end), 0, 1);
        case 6 << 3 | 2 -> packedVarints(lengthEnd(end), 0, 127);
        case 7 << 3 | 2 -> shape(lengthEnd(end), depth + 1);
        case 8 << 3 | 2 -> tensor(lengthEnd(end), depth + 1);
        case 9 << 3 | 2 -> {
          nameAttrList(lengthEnd(end), depth + 1);
          functionAttr |= top;
        }
        default -> throw UNSURE;
      }
    }
  }

  private void nameAttrList(int end, int depth) throws Unsure {
    if (depth > MAX_DEPTH) {
      throw UNSURE;
    }
    int last = 0;
    int prevFrom = -1;
    int prevTo = -1;
    while (pos < end) {
      int tag = nextTag(end, last, 1L << 2);
      last = tag >>> 3;
      if (tag == (1 << 3 | 2)) {
        pos = asciiEnd(end, false);
      } else if (tag == (2 << 3 | 2)) {
        int to = lengthEnd(end);
        prevFrom = mapKey(to, prevFrom, prevTo);
        prevTo = pos;
        if (tag(to) != (2 << 3 | 2)) {
          throw UNSURE;
        }
        attrValue(lengthEnd(to), depth + 1, false, false);
        if (pos != to) {
          throw UNSURE;
        }
      } else {
        throw UNSURE;
      }
    }
  }

  private void shape(int end, int depth) throws Unsure {
    if (depth > MAX_DEPTH) {
      throw UNSURE;
    }
    int last = 0;
    while (pos < end) {
      int tag = nextTag(end, last, 1L << 2);
      last = tag >>> 3;
      if (tag == (2 << 3 | 2)) { // dim
        int to = lengthEnd(end);
        int dimLast = 0;
        while (pos < to) {
          int t = tag(to);
          if ((t >>> 3) <= dimLast) {
            throw UNSURE;
          }
          dimLast = t >>> 3;
          if (t == (1 << 3)) {
            if (varint(to) == 0) {
              throw UNSURE; // a default written out
            }
          } else if (t == (2 << 3 | 2)) {
            pos = asciiEnd(to, false);
          } else {
            throw UNSURE;
          }
        }
      } else if (tag == (3 << 3)) { // unknown_rank: written only when true
        if (bool(end) != 1) {
          throw UNSURE;
        }
      } else {
        throw UNSURE;
      }
    }
  }

  private void tensor(int end, int depth) throws Unsure {
    if (depth > MAX_DEPTH) {
      throw UNSURE;
    }
    int last = 0;
    while (pos < end) {
      int tag = nextTag(end, last, 1L << 8);
      last = tag >>> 3;
      switch (tag) {
        case 1 << 3 -> {
          if (enumValue(end) == 0) {
            throw UNSURE;
          }
        }
        case 2 << 3 | 2 -> shape(lengthEnd(end), depth + 1);
        case 3 << 3 -> {
          long v = varint(end);
          if (v == 0 || v != (int) v) {
            throw UNSURE;
          }
        }
        case 4 << 3 | 2 -> {
          int to = lengthEnd(end);
          if (to == pos) {
            throw UNSURE; // empty bytes are not written
          }
          pos = to;
        }
        case 5 << 3 | 2, 9 << 3 | 2 -> packedFixed(lengthEnd(end), 4); // float_val, scomplex_val
        case 6 << 3 | 2, 12 << 3 | 2 -> packedFixed(lengthEnd(end), 8); // double_val, dcomplex_val
        case 7 << 3 | 2, 13 << 3 | 2 -> packedVarints(lengthEnd(end), Integer.MIN_VALUE, Integer.MAX_VALUE); // int_val, half_val
        case 8 << 3 | 2 -> pos = lengthEnd(end); // string_val
        case 10 << 3 | 2 -> packedVarints(lengthEnd(end), Long.MIN_VALUE, Long.MAX_VALUE);
        case 11 << 3 | 2 -> packedVarints(lengthEnd(end), 0, 1);
        case 16 << 3 | 2 -> packedVarints(lengthEnd(end), 0, 0xffffffffL); // uint32_val
        case 17 << 3 | 2 -> packedUint64(lengthEnd(end));
        default -> throw UNSURE; // resource handles, variants, unknown fields
      }
    }
  }

  // ---- wire format

  /**
   * The next field's tag, in field order as protobuf writes it: not before field {@code last}, and
   * field {@code last} again only when it is one of the {@code repeatable} (a bit per field number;
   * packed fields are written once).
   */
  private int nextTag(int end, int last, long repeatable) throws Unsure {
    int tag = tag(end);
    int field = tag >>> 3;
    if (field < last || (field == last && (field >= 64 || (repeatable >>> field & 1) == 0))) {
      throw UNSURE; // out of order, or a singular (or packed) field given twice: the last would win
    }
    return tag;
  }

  /** A tag in its shortest form (tags here are one or two bytes). */
  private int tag(int end) throws Unsure {
    long t = varint(end);
    if (t <= 0 || t > Integer.MAX_VALUE) {
      throw UNSURE;
    }
    return (int) t;
  }

  /** A length prefix; returns where the delimited bytes end (at most {@code end}). */
  private int lengthEnd(int end) throws Unsure {
    long n = varint(end);
    if (n < 0 || n > end - pos) {
      throw UNSURE;
    }
    return pos + (int) n;
  }

  /** A string field that must be ASCII (and, unless {@code emptyOk}, not empty: the writer leaves those out). */
  private String ascii(int end, boolean emptyOk) throws Unsure {
    int to = asciiEnd(end, emptyOk);
    @SuppressWarnings("deprecation") // ASCII: one char per byte, no decoding
    String s = new String(b, 0, pos, to - pos);
    pos = to;
    return s;
  }

  /**
   * Ops made so far, by a hash of their bytes (a slot holds the last one hashed there): a graph has
   * a few dozen distinct ops, so a scan makes one String per op rather than one per node.
   */
  private final String[] ops = new String[256];

  /** The op field, as {@link #ascii} reads it, the same String as the last node's with this op. */
  private String op(int end) throws Unsure {
    int to = asciiEnd(end, false);
    int h = AsciiBytes.hash(b, pos, to);
    int slot = (h ^ h >>> 8) & (ops.length - 1);
    String s = ops[slot];
    if (s == null || !is(pos, to, s)) {
      @SuppressWarnings("deprecation") // ASCII: one char per byte, no decoding
      String made = new String(b, 0, pos, to - pos);
      s = made;
      ops[slot] = s;
    }
    pos = to;
    return s;
  }

  /** Checks a string field as {@link #ascii} does, without making it; returns where it ends ({@code pos} stays at its start). */
  private int asciiEnd(int end, boolean emptyOk) throws Unsure {
    int to = lengthEnd(end);
    if (to == pos && !emptyOk) {
      throw UNSURE;
    }
    for (int i = pos; i < to; i++) {
      if (b[i] < 0) {
        throw UNSURE;
      }
    }
    return to;
  }

  private int bool(int end) throws Unsure {
    long v = varint(end);
    if (v != 0 && v != 1) {
      throw UNSURE;
    }
    return (int) v;
  }

  /** An enum (dtype): one byte, 0 to 127, as every DataType is. */
  private int enumValue(int end) throws Unsure {
    long v = varint(end);
    if (v < 0 || v > 127) {
      throw UNSURE;
    }
    return (int) v;
  }

  private void fixed(int end, int width) throws Unsure {
    if (end - pos < width) {
      throw UNSURE;
    }
    pos += width;
  }

  private void packedFixed(int end, int width) throws Unsure {
    if (end == pos || (end - pos) % width != 0) {
      throw UNSURE; // an empty packed field is not written
    }
    pos = end;
  }

  private void packedVarints(int end, long min, long max) throws Unsure {
    if (end == pos) {
      throw UNSURE;
    }
    while (pos < end) {
      long v = varint(end);
      if (v < min || v > max) {
        throw UNSURE;
      }
    }
  }

  private void packedUint64(int end) throws Unsure {
    if (end == pos) {
      throw UNSURE;
    }
    while (pos < end) {
      varint(end);
    }
  }

  /**
   * A varint in its shortest form, read before {@code end}: a longer encoding parses to the same
   * value but is written shorter, and past ten bytes protobuf refuses it.
   */
  private long varint(int end) throws Unsure {
    long v = 0;
    for (int shift = 0, i = 0; i < 10; i++, shift += 7) {
      if (pos >= end) {
        throw UNSURE;
      }
      int x = b[pos++];
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        if (i > 0 && x == 0) {
          throw UNSURE; // a trailing zero group: not the shortest form
        }
        if (i == 9 && x != 1) {
          throw UNSURE; // bits past the 64th
        }
        return v;
      }
    }
    throw UNSURE;
  }
}
