package io.github.jfreeze.codec.graph;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.internal.AsciiBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link GraphSummary} reads of each node, column by column: names and inputs as UTF-8 bytes
 * back to back, ops as indices into a table of the graph's few dozen ops, and the dtype and shape
 * attributes. A training graph of 120,000 nodes is then a few dozen arrays rather than a record, a
 * name String and an input list per node (inspect of {@code many} made and copied about 800,000
 * such objects), and names and inputs are hashed once, as they are added, while their bytes are
 * at hand. Filled by {@link GraphScan} from the wire or from parsed {@link
 * io.github.jfreeze.proto.NodeDef}s.
 */
final class SummaryNodes {
  /** Nodes added. */
  int size;
  /** Node names, UTF-8, back to back: node {@code i}'s is {@code names[nameEnd[i - 1], nameEnd[i])} (from 0 for node 0). */
  byte[] names = new byte[4096];
  int[] nameEnd = new int[256];
  /** {@link #hash} of each node's name. */
  int[] nameHash = new int[256];
  /** Each node's op, an index into {@link #opNames}. */
  int[] op = new int[256];
  final List<String> opNames = new ArrayList<>();
  private final Map<String, Integer> opIndex = new HashMap<>();
  /** The {@code dtype} attributes, null where absent or not a known type. */
  DType[] dtype = new DType[256];
  /** The {@code shape} attributes, null where absent ({@link PartialShape#UNKNOWN}). */
  PartialShape[] shape = new PartialShape[256];
  /** Node {@code i}'s inputs are inputs {@code [firstInput[i], firstInput[i + 1])}. */
  int[] firstInput = new int[257];
  /** Inputs added. */
  int inputCount;
  /** Inputs, UTF-8, back to back: input {@code k} is {@code inputs[inputEnd[k - 1], inputEnd[k])}. */
  byte[] inputs = new byte[4096];
  int[] inputEnd = new int[512];
  /** {@link #hash} of the node name each input refers to ({@code ^a} and {@code a:1} refer to {@code a}). */
  int[] inputHash = new int[512];
  /** Elements of all {@code Const} values. */
  long constParameters;

  /** The hash of a name's UTF-8 bytes {@code b[from, to)} (for an ASCII name, its {@link String#hashCode}). */
  static int hash(byte[] b, int from, int to) {
    return AsciiBytes.hash(b, from, to);
  }

  /**
   * Where the node name of an input ends, the name starting at {@code b[start]} and the input ending
   * at {@code to}: before the {@code :} of an output index, as {@link GraphSummary#nodeName} cuts it
   * (in UTF-8 a {@code :} byte is always the character).
   */
  static int nodeNameEnd(byte[] b, int start, int to) {
    int end = start;
    while (end < to && b[end] != ':') {
      end++;
    }
    return end;
  }

  /** Where the node name of input {@code b[from, to)} starts: after a {@code ^}. */
  static int nodeNameStart(byte[] b, int from, int to) {
    return from < to && b[from] == '^' ? from + 1 : from;
  }

  /**
   * Adds a node named by the UTF-8 bytes {@code b[from, to)}; its inputs follow by {@link #input}.
   *
   * @param constElements elements of a {@code Const} node's value (negative when unknown), else 0
   */
  void node(byte[] b, int from, int to, String opName, DType type, PartialShape attrShape, long constElements) {
    if (size + 1 == nameEnd.length) {
      int n = nameEnd.length * 2;
      nameEnd = Arrays.copyOf(nameEnd, n);
      nameHash = Arrays.copyOf(nameHash, n);
      op = Arrays.copyOf(op, n);
      dtype = Arrays.copyOf(dtype, n);
      shape = Arrays.copyOf(shape, n);
      firstInput = Arrays.copyOf(firstInput, n + 1);
    }
    int at = nameFrom(size);
    names = room(names, at, to - from);
    System.arraycopy(b, from, names, at, to - from);
    nameEnd[size] = at + to - from;
    nameHash[size] = hash(b, from, to);
    Integer o = opIndex.get(opName);
    if (o == null) {
      o = opNames.size();
      opNames.add(opName);
      opIndex.put(opName, o);
    }
    op[size] = o;
    dtype[size] = type;
    shape[size] = attrShape == PartialShape.UNKNOWN ? null : attrShape;
    constParameters += Math.max(constElements, 0);
    size++;
    firstInput[size] = inputCount;
  }

  void node(String name, String opName, DType type, PartialShape attrShape, long constElements) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    node(b, 0, b.length, opName, type, attrShape, constElements);
  }

  /** Adds an input, the UTF-8 bytes {@code b[from, to)}, to the node added last. */
  void input(byte[] b, int from, int to) {
    if (inputCount == inputEnd.length) {
      inputEnd = Arrays.copyOf(inputEnd, inputCount * 2);
      inputHash = Arrays.copyOf(inputHash, inputCount * 2);
    }
    int at = inputFrom(inputCount);
    inputs = room(inputs, at, to - from);
    System.arraycopy(b, from, inputs, at, to - from);
    inputEnd[inputCount] = at + to - from;
    int start = nodeNameStart(inputs, at, at + to - from);
    inputHash[inputCount] = hash(inputs, start, nodeNameEnd(inputs, start, at + to - from));
    inputCount++;
    firstInput[size] = inputCount;
  }

  void input(String in) {
    byte[] b = in.getBytes(StandardCharsets.UTF_8);
    input(b, 0, b.length);
  }

  /** {@code a} with room for {@code n} more bytes after {@code at}. */
  private static byte[] room(byte[] a, int at, int n) {
    if (a.length - at >= n) {
      return a;
    }
    long want = Math.max((long) at + n, Math.min(2L * a.length, Integer.MAX_VALUE - 8));
    if (want > Integer.MAX_VALUE - 8) {
      throw new OutOfMemoryError("names of a graph over 2 GiB");
    }
    return Arrays.copyOf(a, (int) want);
  }

  int nameFrom(int i) {
    return i == 0 ? 0 : nameEnd[i - 1];
  }

  int inputFrom(int k) {
    return k == 0 ? 0 : inputEnd[k - 1];
  }

  String name(int i) {
    return new String(names, nameFrom(i), nameEnd[i] - nameFrom(i), StandardCharsets.UTF_8);
  }

  boolean nameIsEmpty(int i) {
    return nameEnd[i] == nameFrom(i);
  }

  String opName(int i) {
    return opNames.get(op[i]);
  }

  PartialShape shape(int i) {
    return shape[i] == null ? PartialShape.UNKNOWN : shape[i];
  }

  String input(int k) {
    return new String(inputs, inputFrom(k), inputEnd[k] - inputFrom(k), StandardCharsets.UTF_8);
  }

  boolean isControl(int k) {
    int from = inputFrom(k);
    return from < inputEnd[k] && inputs[from] == '^';
  }
}
