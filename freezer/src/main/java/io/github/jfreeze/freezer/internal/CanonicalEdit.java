package io.github.jfreeze.freezer.internal;

import com.google.protobuf.CodedOutputStream;
import io.github.jfreeze.codec.internal.Varints;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The two edits the conversion makes to nearly every node it touches, made on a node's canonical
 * bytes ({@link NodeTable#canonical}) without parsing it, giving the canonical bytes of the edited
 * node: exactly what protobuf's deterministic writer gives for the same edit made through a
 * builder ({@code CanonicalEditTest}). A variable becomes a Const; a pass-through op gets its
 * {@code T} retyped and its {@code _output_shapes} dropped.
 *
 * <p>Canonical bytes are in field order: name (1), op (2), inputs (3), device (4), the attribute
 * entries (5) sorted by key, each key (1) then value (2), then debug info (6) and full type (7).
 * Both edits answer null for any other layout, or a value they do not rewrite in place, and the
 * caller edits through protobuf then.
 */
final class CanonicalEdit {
  private CanonicalEdit() {}

  /** The top-level fields of a canonical node, by where they are. */
  private static final class Layout {
    final byte[] b;
    int nameFrom = -1;
    int nameTo;
    int deviceFrom = -1;
    int deviceTo;
    /** Attribute entries: [from, to) of the whole field (tag included), and of the key. */
    int[] entryFrom = new int[8];
    int[] entryTo = new int[8];
    int[] keyFrom = new int[8];
    int[] keyTo = new int[8];
    int entries;
    /** Where fields after the attributes (6, 7) start (their end is the node's). */
    int tailFrom;

    Layout(byte[] b) {
      this.b = b;
    }

    /** The index of the entry keyed {@code key}, or -1. */
    int find(String key) {
      for (int e = 0; e < entries; e++) {
        if (keyTo[e] - keyFrom[e] == key.length() && matches(keyFrom[e], key)) {
          return e;
        }
      }
      return -1;
    }

    private boolean matches(int from, String key) {
      for (int i = 0; i < key.length(); i++) {
        if (b[from + i] != key.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Reads the layout of canonical bytes, or null when they are not laid out as such. */
  private static Layout layout(byte[] b) {
    Layout l = new Layout(b);
    int[] at = {0};
    l.tailFrom = b.length;
    while (at[0] < b.length) {
      int fieldFrom = at[0];
      long tag = varint(b, at);
      long length = varint(b, at);
      if ((tag & 7) != 2 || length < 0 || length > b.length - at[0]) {
        return null;
      }
      int from = at[0];
      int to = from + (int) length;
      switch ((int) (tag >>> 3)) {
        case 1 -> {
          l.nameFrom = from;
          l.nameTo = to;
        }
        case 2, 3 -> { }
        case 4 -> {
          l.deviceFrom = from;
          l.deviceTo = to;
        }
        case 5 -> {
          at[0] = from;
          if (varint(b, at) != (1 << 3 | 2)) {
            return null;
          }
          long keyLength = varint(b, at);
          if (keyLength < 0 || keyLength > to - at[0]) {
            return null;
          }
          if (l.entries == l.entryFrom.length) {
            int n = l.entries * 2;
            l.entryFrom = Arrays.copyOf(l.entryFrom, n);
            l.entryTo = Arrays.copyOf(l.entryTo, n);
            l.keyFrom = Arrays.copyOf(l.keyFrom, n);
            l.keyTo = Arrays.copyOf(l.keyTo, n);
          }
          l.entryFrom[l.entries] = fieldFrom;
          l.entryTo[l.entries] = to;
          l.keyFrom[l.entries] = at[0];
          l.keyTo[l.entries++] = at[0] + (int) keyLength;
        }
        case 6, 7 -> {
          l.tailFrom = Math.min(l.tailFrom, fieldFrom);
        }
        default -> {
          return null;
        }
      }
      at[0] = to;
    }
    return l;
  }

  /**
   * Where a streamed Const's canonical bytes split around its value: {@code [0, entry)} is the node
   * without its {@code value} attribute, {@code [tensor, end)} the value's TensorProto without its
   * content. Null unless {@code value} is the node's last field, holds a tensor only, whose fields
   * all come before {@code tensor_content} (dtype, shape, version), and every attribute key is one
   * of {@code keys}.
   *
   * @return {@code {entry, tensor}}, or null
   */
  static int[] streamedValue(byte[] node, java.util.Set<String> keys) {
    Layout l = layout(node);
    if (l == null || l.entries == 0 || l.tailFrom != node.length) {
      return null;
    }
    for (int e = 0; e < l.entries; e++) {
      String key = new String(node, l.keyFrom[e], l.keyTo[e] - l.keyFrom[e], java.nio.charset.StandardCharsets.US_ASCII);
      if (!keys.contains(key)) {
        return null;
      }
    }
    int value = l.find("value");
    if (value != l.entries - 1 || l.entryTo[value] != node.length) {
      return null;
    }
    // after the key: the value's tag and length, then {tensor: ...}: its tag and length, its fields
    int[] at = {l.keyTo[value]};
    int end = node.length;
    if (at[0] >= end || node[at[0]++] != (2 << 3 | 2) || varint(node, at) != end - at[0]
        || at[0] >= end || node[at[0]++] != (8 << 3 | 2) || varint(node, at) != end - at[0]) {
      return null;
    }
    int tensor = at[0];
    while (at[0] < end) {
      long t = varint(node, at);
      if (t == (1 << 3) || t == (3 << 3)) {
        varint(node, at);
      } else if (t == (2 << 3 | 2)) {
        long n = varint(node, at);
        if (n < 0 || n > end - at[0]) {
          return null;
        }
        at[0] += (int) n;
      } else {
        return null;
      }
    }
    return at[0] == end ? new int[] {l.entryFrom[value], tensor} : null;
  }

  /**
   * A variable's bytes become a Const's: its name, op {@code Const}, its device, and the attributes
   * {@code _class} (kept as it is), {@code dtype} and {@code value}; its inputs, other attributes
   * and debug info dropped (the conversion builds the Const so).
   *
   * @param node the variable's canonical bytes
   * @param dtype the value's DataType number
   * @param tensor the value's TensorProto, serialized (it has no maps: its bytes are canonical)
   * @return the Const's canonical bytes, or null
   */
  static byte[] toConst(byte[] node, int dtype, byte[] tensor) {
    Layout l = layout(node);
    if (l == null || dtype < 0 || dtype > 127) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(node.length + tensor.length + 32);
    if (l.nameFrom >= 0 && l.nameTo > l.nameFrom) {
      field(out, 1, node, l.nameFrom, l.nameTo);
    }
    out.write(2 << 3 | 2);
    out.write(5);
    out.writeBytes(new byte[] {'C', 'o', 'n', 's', 't'});
    if (l.deviceFrom >= 0 && l.deviceTo > l.deviceFrom) {
      field(out, 4, node, l.deviceFrom, l.deviceTo);
    }
    int klass = l.find("_class");
    if (klass >= 0) {
      out.write(node, l.entryFrom[klass], l.entryTo[klass] - l.entryFrom[klass]);
    }
    // dtype: {type: dtype}
    byte[] dtypeValue = {6 << 3, (byte) dtype};
    entry(out, "dtype", dtypeValue);
    // value: {tensor: ...}
    ByteArrayOutputStream value = new ByteArrayOutputStream(tensor.length + 8);
    value.write(8 << 3 | 2);
    Varints.writeVarint64(value, tensor.length);
    value.writeBytes(tensor);
    entry(out, "value", value.toByteArray());
    return out.toByteArray();
  }

  /**
   * A pass-through op's bytes with attribute {@code T} (when it is one type) set to {@code dtype} if
   * the value comes in through input {@code index} 0, and {@code _output_shapes} dropped.
   *
   * @param node the node's canonical bytes
   * @param dtype the DataType number {@code T} becomes
   * @param index the data input the value comes in through ({@code T} describes input 0)
   * @return the edited canonical bytes, or null (a list of types in {@code T}, a type over one byte)
   */
  static byte[] retype(byte[] node, int dtype, int index) {
    Layout l = layout(node);
    if (l == null || dtype < 0 || dtype > 127) {
      return null;
    }
    int t = l.find("T");
    int shapes = l.find("_output_shapes");
    byte[] out = node.clone();
    if (t >= 0) {
      // the entry is tag, length, key "T" (3 bytes), then the value's tag, length (2) and {type: x}
      int v = l.keyTo[t];
      int end = l.entryTo[t];
      if (end - v != 4 || node[v] != (2 << 3 | 2) || node[v + 1] != 2 || node[v + 2] != 6 << 3 || node[v + 3] < 0) {
        return null;
      }
      if (index == 0) {
        out[v + 3] = (byte) dtype;
      }
    }
    if (shapes < 0) {
      return out;
    }
    byte[] cut = new byte[out.length - (l.entryTo[shapes] - l.entryFrom[shapes])];
    System.arraycopy(out, 0, cut, 0, l.entryFrom[shapes]);
    System.arraycopy(out, l.entryTo[shapes], cut, l.entryFrom[shapes], out.length - l.entryTo[shapes]);
    return cut;
  }

  private static void entry(ByteArrayOutputStream out, String key, byte[] value) {
    int inner = 2 + key.length() + 1 + CodedOutputStream.computeUInt32SizeNoTag(value.length) + value.length;
    out.write(5 << 3 | 2);
    Varints.writeVarint64(out, inner);
    out.write(1 << 3 | 2);
    out.write(key.length());
    for (int i = 0; i < key.length(); i++) {
      out.write(key.charAt(i));
    }
    out.write(2 << 3 | 2);
    Varints.writeVarint64(out, value.length);
    out.writeBytes(value);
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] b, int from, int to) {
    out.write(number << 3 | 2);
    Varints.writeVarint64(out, to - from);
    out.write(b, from, to - from);
  }

  private static long varint(byte[] b, int[] at) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= b.length) {
        return -1;
      }
      byte x = b[at[0]++];
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
    return -1;
  }
}
