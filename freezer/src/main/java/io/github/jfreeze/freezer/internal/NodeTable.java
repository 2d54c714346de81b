package io.github.jfreeze.freezer.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import io.github.jfreeze.codec.graph.NodeBytes;
import io.github.jfreeze.codec.internal.AsciiBytes;
import io.github.jfreeze.proto.AttrValue;
import io.github.jfreeze.proto.NodeDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main graph's nodes, held as their serialized bytes plus the few facts every stage walks by
 * (name, op, inputs resolved to node numbers), not as protobuf objects. A node is parsed when a
 * stage needs its attributes, edited through a builder, and stored back as bytes when the edit is
 * {@linkplain #commit committed}; the converter's commonest edits are made on a node's canonical
 * bytes instead ({@link #replaceCanonical}, {@link CanonicalEdit}; a variable whose Const would be over
 * {@link #HOLD} goes through a builder and is held as an object).
 * Located nodes are read by {@link NodeBytes} where it vouches for them, by protobuf elsewhere. A
 * protobuf {@code NodeDef} costs about 500 bytes of heap even for an {@code Identity}; here a node
 * costs under 100 (its name stays in the file until asked for), so a graph of a million nodes
 * freezes in a 256 MiB heap (HostileIT, and a 200,000-variable training checkpoint in the
 * benchmarks) and the nodes a freeze cuts away are never parsed twice.
 *
 * <p>Nodes are numbered in graph order; nodes a stage adds get the next numbers. Input {@code k}
 * of node {@code i} is {@link #producer} (a node number, or -1 when the name names no node), its
 * {@link #outputIndex} and whether it is a {@link #isControl control} input, parsed as {@link
 * TensorRef} does. Edits may change inputs and ops but not names.
 *
 * <p>Over 400 lines because the storage (node bytes in the file or in chunks, an open-addressing
 * name index, inputs packed into one int array) and the consumer index are one structure whose
 * arrays must stay in step; split, each part would reach into the others' arrays.
 *
 * <p>Not thread-safe, even to read: name lookups copy names out of the file into one array.
 */
public final class NodeTable {
  private static final int CHUNK = 1 << 20;
  /**
   * Nodes parsed or edited to larger than this (a Const holding a big value) are held as protobuf
   * objects, not copied into bytes: their bytes fields stay views of the file, or of the value the
   * converter made. A node {@link NodeBytes} reads in place stays in the file whatever its size.
   */
  static final int HOLD = 1 << 20;
  /** {@link #where} of a node held as an object. */
  private static final long HELD = Long.MIN_VALUE;
  /** The bits of {@link #nameAt} that hold a name's length (NodeBytes reads no name over {@link NodeBytes#MAX_NAME_LENGTH}). */
  private static final int NAME_LENGTH = (1 << 17) - 1;
  private final Map<Integer, NodeDef> held = new HashMap<>();
  private static final byte COLOCATED = 1;
  private static final byte FUNCTION_ATTR = 2;
  /** The stored bytes are those protobuf's deterministic writer makes of the node ({@link NodeBytes}). */
  private static final byte CANONICAL = 4;
  private static final byte DEVICE = 8;

  /** The file the nodes were located in (mapped), or null. */
  private final ByteBuffer source;
  private int size;
  private int originalSize;
  /**
   * Node names as Strings, for nodes read from objects; null for nodes located in the file, whose
   * names stay there ({@link #nameAt}): a million names as Strings cost about 80 MiB of heap.
   */
  private String[] names;
  /** For a name held in the file ({@link #names} null): its ASCII bytes' offset in {@link #source} {@code << 17 | } their length. */
  private long[] nameAt;
  /** Where a name held in the file is copied at once ({@link #fileName}), to make its String or to be compared. */
  private byte[] nameBytes = new byte[64];
  /** Every name's {@code String.hashCode}. */
  private int[] hashes;
  private String[] ops;
  /** At or above zero: offset in {@link #source}; below: {@code -1 - address} in {@link #chunks}. */
  private long[] where;
  private int[] lengths;
  private byte[] flags;
  private int[] inputStart;
  private int[] inputCount;
  /** Two ints per input: the producer's number (or -1) and {@code outputIndex << 1 | control}. */
  private int[] inputs = new int[1024];
  private int inputsUsed;
  private final List<byte[]> chunks = new ArrayList<>();
  private int chunkUsed = CHUNK;
  private final Map<Integer, List<String>> colocation = new HashMap<>();
  private final Map<String, String> opNames = new HashMap<>();
  private int[] slots;
  private String duplicate;
  private final Map<Integer, NodeDef.Builder> open = new LinkedHashMap<>();
  /** The node last parsed from its stored bytes, and its number (-1: none): a stage reads a node, then edits it. */
  private NodeDef lastParsed;
  private int lastParsedIndex = -1;
  private Consumers consumers;
  /** Attribute values {@link #dtypeAndShape} parsed, by their bytes. */
  private final Map<ByteBuffer, AttrValue> attrValues = new HashMap<>();
  /** Changes to inputs or colocation so far: a walk made at one version holds until the next. */
  private int version;
  /** The last reachability walk ({@link SubgraphExtractor#reachable}): its roots, the version then, the nodes. */
  private List<String> reachRoots;
  private int reachVersion = -1;
  private int[] reach;
  /** Reads stored nodes again ({@link #scanStored}): colocation of nodes located without it, variables' attributes. */
  private NodeBytes storedScan;

  private NodeTable(ByteBuffer source, int capacity) {
    this.source = source;
    capacity = Math.max(capacity, 16);
    names = new String[capacity];
    nameAt = new long[capacity];
    hashes = new int[capacity];
    ops = new String[capacity];
    where = new long[capacity];
    lengths = new int[capacity];
    flags = new byte[capacity];
    inputStart = new int[capacity];
    inputCount = new int[capacity];
    // at most three quarters full: a million nodes' index is 8 MiB, not the 16 a half-full one takes
    slots = new int[Math.max(16, Integer.highestOneBit(capacity / 3 * 4 + 1) * 2)];
  }

  /** An input naming no node read so far: resolved once every node is in. */
  private record Pending(int node, int input, String name) {}

  /** Thrown by {@link #located} when a node is not one the whole-file parse would accept as is. */
  static final class NotPlausible extends Exception {
    NotPlausible() {
      super(null, null, false, false);
    }
  }

  /**
   * The nodes at {@code starts}/{@code lengths} of {@code bytes}, each read once to learn its name,
   * op and inputs: by {@link NodeBytes} without building it, or parsed by protobuf where that
   * cannot vouch for it.
   *
   * @throws NotPlausible if a node does not parse, has unknown fields, or (among the first 64) no
   *     name or op: the whole-file parse would judge the file differently, so it must decide
   */
  static NodeTable located(ByteBuffer bytes, int[] starts, int[] lengths) throws NotPlausible {
    NodeTable t = new NodeTable(bytes, starts.length);
    List<Pending> pending = new ArrayList<>();
    NodeBytes scan = new NodeBytes();
    scan.readColocation = false; // read for the nodes a stage asks about (colocatedWith)
    scan.readName = false; // names stay in the file until asked for
    for (int i = 0; i < starts.length; i++) {
      if (scan.scan(bytes, starts[i], lengths[i])) {
        if (i < 64 && (scan.nameTo == scan.nameFrom || scan.op.isEmpty())) {
          throw new NotPlausible();
        }
        t.append(scan, starts[i], lengths[i], pending);
        continue;
      }
      NodeDef n;
      try {
        CodedInputStream in = CodedInputStream.newInstance(bytes.duplicate().position(starts[i]).limit(starts[i] + lengths[i]).slice());
        in.setRecursionLimit(100 - 2);
        n = NodeDef.parser().parseFrom(in, ExtensionRegistryLite.getEmptyRegistry());
        // a parse from a stream stops quietly at a stray end-group tag; inside the whole file the
        // same bytes fail (FreezerFuzzTestInputs/rawGraph/stray-end-group-in-a-node)
        in.checkLastTagWas(0);
        if (!in.isAtEnd()) {
          throw new NotPlausible();
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        throw new NotPlausible();
      }
      if (!n.getUnknownFields().asMap().isEmpty() || (i < 64 && (n.getName().isEmpty() || n.getOp().isEmpty()))) {
        throw new NotPlausible();
      }
      int idx = t.append(n, starts[i], lengths[i]);
      t.readInputs(idx, n, pending);
    }
    t.resolve(pending);
    t.originalSize = t.size;
    t.inputs = Arrays.copyOf(t.inputs, Math.max(t.inputsUsed, 16)); // (grown by half again: up to a third unused)
    return t;
  }

  /** The nodes of an in-memory graph (a text file, a GraphDef or a SavedModel's graph). */
  static NodeTable of(List<NodeDef> nodes) {
    NodeTable t = new NodeTable(null, nodes.size());
    List<Pending> pending = new ArrayList<>();
    for (NodeDef n : nodes) {
      int idx = t.append(n);
      t.readInputs(idx, n, pending);
    }
    t.resolve(pending);
    t.originalSize = t.size;
    return t;
  }

  /** Appends an in-memory node: as its deterministic bytes, or held when large. */
  private int append(NodeDef n) {
    int size = n.getSerializedSize();
    if (size > HOLD) {
      int i = append(n, HELD, size);
      held.put(i, n);
      return i;
    }
    byte[] bytes = deterministic(n);
    int i = append(n, store(bytes), bytes.length);
    flags[i] |= CANONICAL;
    return i;
  }

  private int append(NodeDef n, long at, int length) {
    int i = append(n.getName(), 0, 0, at, length);
    describe(i, n);
    return i;
  }

  /** Appends the node {@code scan} read, at {@code at} of the file. */
  private void append(NodeBytes scan, long at, int length, List<Pending> pending) {
    int h = AsciiBytes.hash(scan.bytes(), scan.nameFrom, scan.nameTo);
    int i = append(null, (at + scan.nameFrom) << 17 | (scan.nameTo - scan.nameFrom), h, at, length);
    ops[i] = opNames.computeIfAbsent(scan.op, k -> k);
    byte f = scan.functionAttr ? FUNCTION_ATTR : 0;
    if (scan.colocated) {
      f |= COLOCATED;
      if (scan.colocation != null) {
        colocation.put(i, scan.colocation);
      }
    }
    if (scan.canonical) {
      f |= CANONICAL;
    }
    if (scan.device) {
      f |= DEVICE;
    }
    flags[i] = f;
    readInputs(i, scan, pending);
  }

  /** Appends a node named {@code name}, or when that is null by the name at {@code nameRef} ({@link #nameAt}) whose hash is {@code hash}. */
  private int append(String name, long nameRef, int hash, long at, int length) {
    if (size == names.length) {
      int c = size + (size >> 1) + 16; // (half again: a table of a million located nodes that gains a few does not double)
      names = Arrays.copyOf(names, c);
      nameAt = Arrays.copyOf(nameAt, c);
      hashes = Arrays.copyOf(hashes, c);
      ops = Arrays.copyOf(ops, c);
      where = Arrays.copyOf(where, c);
      lengths = Arrays.copyOf(lengths, c);
      flags = Arrays.copyOf(flags, c);
      inputStart = Arrays.copyOf(inputStart, c);
      inputCount = Arrays.copyOf(inputCount, c);
    }
    int i = size++;
    names[i] = name;
    nameAt[i] = nameRef;
    hashes[i] = name != null ? name.hashCode() : hash;
    where[i] = at;
    lengths[i] = length;
    if (!put(i) && duplicate == null) {
      duplicate = name(i);
    }
    return i;
  }

  /** Records the op and the attributes stages look for without parsing. */
  private void describe(int i, NodeDef n) {
    ops[i] = opNames.computeIfAbsent(n.getOp(), k -> k);
    byte f = n.getDevice().isEmpty() ? 0 : DEVICE;
    if ((flags[i] & COLOCATED) != 0) {
      colocation.remove(i);
    }
    for (var e : n.getAttrMap().entrySet()) {
      AttrValue v = e.getValue();
      if (v.hasFunc() || (v.hasList() && v.getList().getFuncCount() > 0)) {
        f |= FUNCTION_ATTR;
      }
      if (e.getKey().equals("_class")) {
        f |= COLOCATED;
        colocation.put(i, classNames(v));
      }
    }
    flags[i] = f;
  }

  /** The entries of a {@code _class} attribute, {@code loc:@} taken off. */
  private static List<String> classNames(AttrValue v) {
    List<String> names = new ArrayList<>();
    for (var s : v.getList().getSList()) {
      String c = s.toString(StandardCharsets.UTF_8);
      names.add(c.startsWith("loc:@") ? c.substring(5) : c);
    }
    return names;
  }

  /** Reads the inputs of node {@code i} (new, or edited: its old place is reused when they fit). */
  private void readInputs(int i, NodeDef n, List<Pending> pending) {
    int count = n.getInputCount();
    boolean reuse = i < size - 1 && inputCount[i] >= count && inputStart[i] + 2 * inputCount[i] <= inputsUsed;
    int at = reuse ? inputStart[i] : inputsUsed;
    if (!reuse && inputsUsed + 2 * count > inputs.length) {
      inputs = Arrays.copyOf(inputs, Math.max(inputs.length + (inputs.length >> 1), inputsUsed + 2 * count));
    }
    inputStart[i] = at;
    inputCount[i] = count;
    for (int k = 0; k < count; k++) {
      TensorRef ref = TensorRef.parse(n.getInput(k));
      int p = index(ref.node());
      if (p < 0) {
        pending.add(new Pending(i, k, ref.node()));
      }
      inputs[at + 2 * k] = p;
      inputs[at + 2 * k + 1] = ref.index() << 1 | (ref.control() ? 1 : 0);
    }
    if (!reuse) {
      inputsUsed += 2 * count;
    }
  }

  /** Reads the inputs of the new node {@code i} from {@code scan}'s bytes (ASCII; {@link TensorRef#parseAscii}). */
  private void readInputs(int i, NodeBytes scan, List<Pending> pending) {
    int count = scan.inputCount;
    if (inputsUsed + 2 * count > inputs.length) {
      inputs = Arrays.copyOf(inputs, Math.max(inputs.length + (inputs.length >> 1), inputsUsed + 2 * count));
    }
    int at = inputsUsed;
    inputStart[i] = at;
    inputCount[i] = count;
    byte[] b = scan.bytes();
    for (int k = 0; k < count; k++) {
      long ref = TensorRef.parseAscii(b, scan.inputFrom[k], scan.inputTo[k]);
      boolean control = (ref & 1) != 0;
      int from = control ? scan.inputFrom[k] + 1 : scan.inputFrom[k];
      int end = (int) (ref >>> 32);
      int p = index(b, from, end);
      if (p < 0) {
        @SuppressWarnings("deprecation") // ASCII: one char per byte
        String node = new String(b, 0, from, end - from);
        pending.add(new Pending(i, k, node));
      }
      inputs[at + 2 * k] = p;
      inputs[at + 2 * k + 1] = (int) ref; // index << 1 | control, as readInputs(NodeDef) packs it
    }
    inputsUsed += 2 * count;
  }

  /** Inputs naming nodes that come later in the file. */
  private void resolve(List<Pending> pending) {
    for (Pending p : pending) {
      inputs[inputStart[p.node()] + 2 * p.input()] = index(p.name());
    }
  }

  /** Stores {@code bytes} in the chunks; returns its location (below zero). */
  private long store(byte[] bytes) {
    if (bytes.length > CHUNK / 4) {
      chunks.add(bytes);
      chunkUsed = CHUNK;
      return -1 - ((long) (chunks.size() - 1) << 32);
    }
    if (chunkUsed + bytes.length > CHUNK) {
      chunks.add(new byte[CHUNK]);
      chunkUsed = 0;
    }
    System.arraycopy(bytes, 0, chunks.get(chunks.size() - 1), chunkUsed, bytes.length);
    long at = -1 - (((long) (chunks.size() - 1) << 32) | chunkUsed);
    chunkUsed += bytes.length;
    return at;
  }

  // ---- names

  /** Enters node {@code i}'s name in the index; false when another node has it. */
  private boolean put(int i) {
    if ((long) (size + 1) * 4 > (long) slots.length * 3) {
      rehash(slots.length * 2);
    }
    int mask = slots.length - 1;
    int h = hashes[i];
    for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
      int v = slots[s];
      if (v == 0) {
        slots[s] = i + 1;
        return true;
      }
      if (hashes[v - 1] == h && sameName(v - 1, i)) { // most other names cost no byte compare
        return false;
      }
    }
  }

  /** Whether nodes {@code j} and {@code i} have the same name. */
  private boolean sameName(int j, int i) {
    if (names[i] != null) {
      return sameName(j, names[i]);
    }
    int length = (int) nameAt[i] & NAME_LENGTH;
    if (names[j] != null) {
      return AsciiBytes.equals(names[j], fileName(i), 0, length);
    }
    if (((int) nameAt[j] & NAME_LENGTH) != length) {
      return false;
    }
    int other = (int) (nameAt[j] >>> 17);
    return source.slice(other, length).equals(source.slice((int) (nameAt[i] >>> 17), length));
  }

  /** Whether node {@code j} is named {@code name}. */
  private boolean sameName(int j, String name) {
    if (names[j] != null) {
      return names[j].equals(name);
    }
    int length = (int) nameAt[j] & NAME_LENGTH;
    return name.length() == length && AsciiBytes.equals(name, fileName(j), 0, length);
  }

  private void rehash(int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int v : old) {
      if (v != 0) {
        int s = mix(hashes[v - 1]) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = v;
      }
    }
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) * 0x45d9f3b;
  }

  /** The number of the node named {@code name}, or -1. */
  public int index(String name) {
    int mask = slots.length - 1;
    int h = name.hashCode();
    for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
      int v = slots[s];
      if (v == 0) {
        return -1;
      }
      if (hashes[v - 1] == h && sameName(v - 1, name)) {
        return v - 1;
      }
    }
  }

  /** The number of the node named by ASCII bytes {@code [from, to)} of {@code b}, or -1 (no String made). */
  private int index(byte[] b, int from, int to) {
    int h = AsciiBytes.hash(b, from, to);
    int mask = slots.length - 1;
    int length = to - from;
    for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
      int v = slots[s];
      if (v == 0) {
        return -1;
      }
      if (hashes[v - 1] == h && sameAscii(v - 1, b, from, length)) {
        return v - 1;
      }
    }
  }

  /** Whether node {@code j} is named by the ASCII bytes {@code [from, from + length)} of {@code b}. */
  private boolean sameAscii(int j, byte[] b, int from, int length) {
    String k = names[j];
    if (k != null) {
      return AsciiBytes.equals(k, b, from, from + length);
    }
    if (((int) nameAt[j] & NAME_LENGTH) != length) {
      return false;
    }
    return Arrays.equals(fileName(j), 0, length, b, from, from + length);
  }

  /** Whether a node is named {@code name}. */
  public boolean contains(String name) {
    return index(name) >= 0;
  }

  /** A name given to two nodes, or null. */
  String duplicateName() {
    return duplicate;
  }

  // ---- facts

  /** How many nodes there are, added ones included. */
  public int size() {
    return size;
  }

  /** How many nodes the graph had before any was added. */
  public int originalSize() {
    return originalSize;
  }

  /**
   * The node's name. One located in the file is made from its bytes on each call, not kept: a
   * stage that walks every node asks for few names, and kept they would hold the heap a million
   * Strings take.
   */
  public String name(int i) {
    String n = names[i];
    if (n == null) {
      int length = (int) nameAt[i] & NAME_LENGTH;
      @SuppressWarnings("deprecation") // ASCII (NodeBytes checked): one char per byte, no decoding
      String made = new String(fileName(i), 0, 0, length);
      n = made;
    }
    return n;
  }

  /**
   * The bytes of node {@code i}'s name held in the file, copied at once into a reused array (its
   * first bytes; valid until the next call): comparing them there rather than through {@code
   * ByteBuffer.get} per byte took a sixth of freeze of the 20,000-variable model, compiled by C1.
   */
  private byte[] fileName(int i) {
    int length = (int) nameAt[i] & NAME_LENGTH;
    if (nameBytes.length < length) {
      nameBytes = new byte[Math.max(length, nameBytes.length * 2)];
    }
    source.get((int) (nameAt[i] >>> 17), nameBytes, 0, length);
    return nameBytes;
  }

  public String op(int i) {
    // no boxed lookup when nothing is being edited: stages call this for every node of every walk
    if (open.isEmpty()) {
      return ops[i];
    }
    NodeDef.Builder b = open.get(i);
    return b != null ? b.getOp() : ops[i];
  }

  /** Every name, in order (for "closest name" suggestions). */
  public List<String> names() {
    String[] all = new String[size];
    for (int i = 0; i < size; i++) {
      all[i] = name(i);
    }
    return Arrays.asList(all);
  }

  public int inputCount(int i) {
    return inputCount[i];
  }

  /** The node input {@code k} of node {@code i} reads, or -1 when its name names no node. */
  public int producer(int i, int k) {
    return inputs[inputStart[i] + 2 * k];
  }

  public int outputIndex(int i, int k) {
    return inputs[inputStart[i] + 2 * k + 1] >>> 1;
  }

  public boolean isControl(int i, int k) {
    return (inputs[inputStart[i] + 2 * k + 1] & 1) != 0;
  }

  /** The names in the node's {@code _class} colocation attribute (without {@code loc:@}). */
  public List<String> colocatedWith(int i) {
    if ((flags[i] & COLOCATED) == 0) {
      return List.of();
    }
    List<String> with = colocation.get(i);
    if (with == null) {
      // located without reading them: read now, not kept (the reachability walks and the planning
      // of the write ask once per node each, with edits between; kept, the read nodes of 200,000
      // variables held 30 MiB)
      NodeBytes scan = scanStored(i);
      if (scan != null && scan.colocation != null) {
        with = scan.colocation;
      } else {
        with = classNames(node(i).getAttrOrDefault("_class", AttrValue.getDefaultInstance()));
      }
    }
    return with;
  }

  /** Whether the node has a {@code _class} attribute. */
  public boolean colocated(int i) {
    return (flags[i] & COLOCATED) != 0;
  }

  /** Whether an attribute of the node names a function. */
  public boolean hasFunctionAttr(int i) {
    return (flags[i] & FUNCTION_ATTR) != 0;
  }

  /** Whether the node names a device. */
  public boolean hasDevice(int i) {
    return (flags[i] & DEVICE) != 0;
  }

  /**
   * Whether the node's stored bytes are exactly its deterministic serialization (and no edit of it
   * is open): written as it is, they need not be parsed and written again.
   */
  boolean canonical(int i) {
    return (flags[i] & CANONICAL) != 0 && where[i] != HELD && (open.isEmpty() || !open.containsKey(i));
  }

  // ---- nodes

  /** Node {@code i} as it is now (parsed from its bytes; an open edit included). */
  public NodeDef node(int i) {
    NodeDef.Builder b = open.isEmpty() ? null : open.get(i);
    if (b != null) {
      return b.build();
    }
    if (where[i] == HELD) {
      return held.get(i);
    }
    if (i == lastParsedIndex) {
      return lastParsed;
    }
    try {
      // bytes fields become views (stored bytes are never changed: the file is an input, chunks
      // are only appended to), so a node holding a large value is not copied into the heap
      CodedInputStream in = com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes(i)).newCodedInput();
      in.enableAliasing(true);
      in.setRecursionLimit(100 - 2);
      NodeDef n = NodeDef.parser().parseFrom(in, ExtensionRegistryLite.getEmptyRegistry());
      lastParsed = n;
      lastParsedIndex = i;
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // parsed once already when located
    }
  }

  /** The node's bytes as stored (not its edit). */
  ByteBuffer bytes(int i) {
    long at = where[i];
    if (at == HELD) {
      return ByteBuffer.wrap(held.get(i).toByteArray());
    }
    if (at >= 0) {
      return source.slice((int) at, lengths[i]); // (one buffer, not a duplicate and a slice: asked for per node per walk)
    }
    long a = -1 - at;
    return ByteBuffer.wrap(chunks.get((int) (a >>> 32)), (int) a, lengths[i]).slice();
  }

  /** The serialized size of the node as stored. */
  int storedLength(int i) {
    return lengths[i];
  }

  /**
   * A builder for editing node {@code i}; the same one until {@link #commit}. Facts ({@link #op},
   * inputs) of an open node are those of its last commit, except {@link #op}.
   */
  public NodeDef.Builder edit(int i) {
    NodeDef.Builder b = open.get(i);
    if (b == null) {
      b = node(i).toBuilder();
      open.put(i, b);
    }
    return b;
  }

  /** How many edits are open. */
  int openEdits() {
    return open.size();
  }

  /** Adds a node (its name must be new); returns its number. */
  public int add(NodeDef n) {
    if (contains(n.getName())) {
      throw new IllegalArgumentException("node " + n.getName() + " exists");
    }
    int i = append(n);
    List<Pending> pending = new ArrayList<>();
    readInputs(i, n, pending);
    resolve(pending);
    consumers = null;
    version++;
    return i;
  }

  /** Replaces node {@code i} by {@code n}, which has the same name. */
  public void replace(int i, NodeDef n) {
    edit(i).clear().mergeFrom(n);
  }

  /**
   * The node's {@code dtype} and {@code shape} attributes (null where it has none): read from its
   * stored bytes by {@link NodeBytes}, only those two parsed, where it vouches for them; else from
   * the parsed node. (The freezer checks 20,000 variables against the checkpoint so.)
   */
  AttrValue[] dtypeAndShape(int i) {
    NodeBytes scan = where[i] != HELD && (open.isEmpty() || !open.containsKey(i)) ? scanStored(i) : null;
    if (scan != null) {
      try {
        return new AttrValue[] {attr(scan, scan.dtypeFrom, scan.dtypeTo), attr(scan, scan.shapeFrom, scan.shapeTo)};
      } catch (IOException e) {
        throw new UncheckedIOException(e); // NodeBytes vouched that it parses
      }
    }
    NodeDef n = node(i);
    return new AttrValue[] {n.getAttrOrDefault("dtype", null), n.getAttrOrDefault("shape", null)};
  }

  /** Node {@code i}'s stored bytes read by {@link NodeBytes} (one reused scanner), or null where it cannot vouch for them. */
  private NodeBytes scanStored(int i) {
    if (storedScan == null) {
      storedScan = new NodeBytes();
      storedScan.readName = false;
    }
    ByteBuffer stored = bytes(i);
    return storedScan.scan(stored, stored.position(), stored.remaining()) ? storedScan : null;
  }

  private AttrValue attr(NodeBytes scan, int from, int to) throws IOException {
    if (from < 0) {
      return null;
    }
    // parsed once per distinct value: 20,000 variables have a few dtypes and shapes
    AttrValue v = attrValues.get(ByteBuffer.wrap(scan.bytes(), from, to - from));
    if (v == null) {
      v = AttrValue.parseFrom(CodedInputStream.newInstance(scan.bytes(), from, to - from), ExtensionRegistryLite.getEmptyRegistry());
      attrValues.put(ByteBuffer.wrap(Arrays.copyOfRange(scan.bytes(), from, to)), v);
    }
    return v;
  }

  /** The nodes {@code roots} reach as last walked, if nothing changed since; else null. */
  int[] reached(java.util.Collection<String> roots) {
    return reach != null && reachVersion == version && reachRoots.equals(List.copyOf(roots)) ? reach : null;
  }

  /** Records the nodes {@code roots} reach now. */
  void reached(java.util.Collection<String> roots, int[] nodes) {
    reachRoots = List.copyOf(roots);
    reachVersion = version;
    reach = nodes;
  }

  /** A copy of the node's stored bytes. */
  byte[] storedBytes(int i) {
    ByteBuffer stored = bytes(i);
    byte[] out = new byte[stored.remaining()];
    stored.get(out);
    return out;
  }

  /**
   * Replaces the bytes of {@linkplain #canonical canonical} node {@code i} by {@code bytes}, the
   * canonical bytes of the same node edited ({@link CanonicalEdit}): its name, colocation and device
   * unchanged, its op {@code op}, and its inputs dropped when {@code dropInputs} (then it names no
   * function either).
   */
  void replaceCanonical(int i, byte[] bytes, String op, boolean dropInputs) {
    if (!canonical(i)) {
      throw new IllegalStateException("node " + name(i) + " is not stored canonical");
    }
    where[i] = store(bytes);
    lengths[i] = bytes.length;
    ops[i] = opNames.computeIfAbsent(op, k -> k);
    version++;
    if (dropInputs) {
      inputCount[i] = 0;
      flags[i] &= ~FUNCTION_ATTR;
      consumers = null;
    }
    if (i == lastParsedIndex) {
      lastParsedIndex = -1;
    }
  }

  /** Stores every open edit as bytes and updates the facts they change. */
  public void commit() {
    if (open.isEmpty()) {
      return;
    }
    lastParsedIndex = -1;
    version++;
    List<Pending> pending = new ArrayList<>();
    for (var e : open.entrySet()) {
      int i = e.getKey();
      NodeDef n = e.getValue().build();
      if (!sameName(i, n.getName())) {
        throw new IllegalStateException("node " + name(i) + " was renamed to " + n.getName());
      }
      int size = n.getSerializedSize();
      if (size > HOLD) {
        where[i] = HELD;
        lengths[i] = size;
        held.put(i, n);
      } else {
        byte[] bytes = deterministic(n);
        if (where[i] == HELD || !bytes(i).equals(ByteBuffer.wrap(bytes))) {
          where[i] = store(bytes);
          lengths[i] = bytes.length;
        }
        held.remove(i);
      }
      describe(i, n);
      if (where[i] != HELD) {
        flags[i] |= CANONICAL;
      }
      readInputs(i, n, pending);
    }
    open.clear();
    resolve(pending);
    consumers = null;
  }

  // ---- consumers

  /** Who reads each node: for each node, its consumers' numbers and input positions, in graph order. */
  public static final class Consumers {
    private final int[] start;
    private final int[] consumer;
    private final int[] position;

    private Consumers(int[] start, int[] consumer, int[] position) {
      this.start = start;
      this.consumer = consumer;
      this.position = position;
    }

    /** How many inputs read node {@code p}. */
    public int count(int p) {
      return start[p + 1] - start[p];
    }

    /** The {@code j}-th consumer of node {@code p}. */
    public int consumer(int p, int j) {
      return consumer[start[p] + j];
    }

    /** Which input of {@link #consumer} it is. */
    public int position(int p, int j) {
      return position[start[p] + j];
    }
  }

  /**
   * The consumers of every node among the nodes {@code among} selects (null: all), from the
   * committed inputs; computed once per commit for {@code among == null}.
   */
  public Consumers consumers(java.util.BitSet among) {
    if (among == null && consumers != null) {
      return consumers;
    }
    int[] count = new int[size + 1];
    for (int i = 0; i < size; i++) {
      if (among != null && !among.get(i)) {
        continue;
      }
      for (int k = 0; k < inputCount[i]; k++) {
        int p = producer(i, k);
        if (p >= 0) {
          count[p + 1]++;
        }
      }
    }
    for (int i = 0; i < size; i++) {
      count[i + 1] += count[i];
    }
    int[] fill = Arrays.copyOf(count, size);
    int[] consumer = new int[count[size]];
    int[] position = new int[count[size]];
    for (int i = 0; i < size; i++) {
      if (among != null && !among.get(i)) {
        continue;
      }
      for (int k = 0; k < inputCount[i]; k++) {
        int p = producer(i, k);
        if (p >= 0) {
          consumer[fill[p]] = i;
          position[fill[p]++] = k;
        }
      }
    }
    Consumers c = new Consumers(count, consumer, position);
    if (among == null) {
      consumers = c;
    }
    return c;
  }

  /** Serializes {@code n} deterministically (sorted map keys), as the frozen graph is written. */
  static byte[] deterministic(NodeDef n) {
    byte[] out = new byte[n.getSerializedSize()];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    try {
      n.writeTo(cos);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
