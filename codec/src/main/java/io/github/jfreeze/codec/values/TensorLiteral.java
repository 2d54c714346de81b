package io.github.jfreeze.codec.values;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.internal.SmallFloats;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tensor values written as text, the way {@code jfreeze run --feed name=VALUE} takes them, turned
 * into tensors of a placeholder's dtype and shape, and back.
 *
 * <h2>Syntax</h2>
 *
 * <pre>
 * value  := list | scalar
 * list   := '[' [ value { ',' value } ] ']'          all items of one list have the same shape
 * scalar := '"' JSON string '"' | word
 * word   := any run of characters other than whitespace , [ ] "
 * </pre>
 *
 * <ul>
 *   <li>Floats ({@code float16}, {@code bfloat16}, {@code float32}, {@code float64}): decimal
 *       numbers ({@code 10}, {@code -3.5}, {@code 1e-3}), {@code nan}, {@code inf}, {@code -inf}
 *       (any case; {@code Infinity} too). float32/float64 are parsed correctly rounded;
 *       float16/bfloat16 are rounded once from the nearest double.
 *   <li>Integers ({@code int4/8/16/32/64}, {@code uint4/8/16/32/64}, {@code qint8/16/32},
 *       {@code quint8/16}): decimal integers in the dtype's range ({@link DType#minValue()} to
 *       {@link DType#maxValue()}; {@code 3.0} is refused).
 *   <li>{@code bool}: {@code true} or {@code false} (any case).
 *   <li>{@code complex64}/{@code complex128}: Python literals {@code 1+2j}, {@code -0.5j},
 *       {@code 3}.
 *   <li>{@code string}: {@code "text"} with JSON escapes plus {@code \xHH} for any byte; bare words
 *       inside lists; a whole value that does not start with {@code [} or {@code "} is taken
 *       verbatim as one scalar string.
 * </ul>
 *
 * <p>The literal's nesting gives its shape ({@code [[1,2],[3,4]]} is [2,2], {@code []} is [0]),
 * which must fit the placeholder's shape where that is known. One convenience: a scalar fed to a
 * placeholder whose every dimension is 1 or unknown ({@code [1]}, {@code [-1]}, {@code [1,1]})
 * becomes a tensor of that rank with one element, so {@code input_holder=10.0} feeds a float [1]
 * placeholder. Nothing else is broadcast. float8 values are not supported.
 *
 * <p>Over 400 lines: the literal grammar ({@code Parser}), encoding with range checks for every
 * dtype it supports, and the inverse formatter, which must agree with the grammar byte for byte.
 */
public final class TensorLiteral {
  private TensorLiteral() {}

  private static final String NUM = "(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)";
  private static final Pattern FLOAT = Pattern.compile("[+-]?" + NUM);
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern COMPLEX =
      Pattern.compile("\\(?(?:(?<re>[+-]?" + NUM + ")(?<im>[+-]" + NUM + "?[jJ])?|(?<imOnly>[+-]?" + NUM + "?[jJ]))\\)?");

  /**
   * The dtype named {@code name} (TF's Python name, as {@link DType#pythonName()} spells it) if
   * values of it have a text and a random form: every dtype but float8, resource and variant.
   * Reference types ({@code float32_ref}) and names TF does not define give null.
   */
  static DType supported(String name) {
    for (DType d : DType.values()) {
      if (d.pythonName().equals(name)) {
        return switch (d) {
          case FLOAT8_E5M2, FLOAT8_E4M3FN, RESOURCE, VARIANT -> null;
          default -> d;
        };
      }
    }
    return null;
  }

  /**
   * Parses {@code literal} as a tensor of {@code dtype}.
   *
   * @param literal the text
   * @param dtype TF's Python name of the placeholder's dtype: {@code float32}, {@code int64},
   *     {@code string} ... (a reference type such as {@code float32_ref} is refused)
   * @param placeholderShape the placeholder's dimensions (-1 = unknown), or null when its rank is
   *     unknown
   * @return the tensor
   * @throws BadValueException when the literal does not parse or does not fit, or the dtype has no
   *     text form
   */
  public static Tensor parse(String literal, String dtype, long[] placeholderShape) throws BadValueException {
    Objects.requireNonNull(literal, "literal is null");
    Objects.requireNonNull(dtype, "dtype is null");
    DType kind = supported(dtype);
    if (kind == null) {
      throw new BadValueException("cannot feed dtype " + dtype + " from text (supported: floats except "
          + "float8, integers, quantized integers, bool, complex, string)");
    }
    Node root;
    String trimmed = literal.strip();
    if (kind == DType.STRING && !trimmed.startsWith("[") && !trimmed.startsWith("\"")) {
      root = new Node(literal, false, null);
    } else {
      try {
        Parser p = new Parser(literal);
        root = p.value();
        p.skipSpace();
        if (p.pos < literal.length()) {
          throw p.error("unexpected '" + literal.charAt(p.pos) + "' after the value");
        }
      } catch (IllegalArgumentException e) {
        throw new BadValueException(e.getMessage() + " in " + abbreviate(literal));
      }
    }
    long[] shape = shapeOf(root);
    List<Node> leaves = new ArrayList<>();
    flatten(root, leaves);
    if (placeholderShape != null) {
      shape = fit(shape, placeholderShape, dtype);
    }
    return encode(kind, TensorShape.of(shape), leaves);
  }

  /**
   * Writes a tensor in the syntax {@link #parse} reads, so that parsing the text again gives the
   * same bytes (floats are written with the shortest decimal that reads back exactly).
   *
   * @param t the tensor
   * @return the text
   * @throws IllegalArgumentException for dtypes without a text form (float8, resource, variant)
   */
  public static String format(Tensor t) {
    if (supported(t.dtype().pythonName()) == null) {
      throw new IllegalArgumentException("cannot write dtype " + t.dtype() + " as a feed value");
    }
    StringBuilder sb = new StringBuilder();
    formatLevel(sb, t, t.shape().dims(), 0, new long[] {0});
    return sb.toString();
  }

  /**
   * A shape as the messages about values write it: {@code [2,-1]}, {@code [unknown rank]} for null.
   *
   * @param shape dimensions (-1 = unknown), or null
   * @return the text
   */
  public static String shapeText(long[] shape) {
    return shape == null ? "[unknown rank]" : Arrays.toString(shape).replace(" ", "");
  }

  private static void formatLevel(StringBuilder sb, Tensor t, long[] shape, int level, long[] index) {
    if (level == shape.length) {
      formatElement(sb, t, index[0]++);
      return;
    }
    sb.append('[');
    for (long i = 0; i < shape[level]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      formatLevel(sb, t, shape, level + 1, index);
    }
    sb.append(']');
  }

  private static void formatElement(StringBuilder sb, Tensor t, long i) {
    switch (t.dtype()) {
      case FLOAT32, FLOAT16, BFLOAT16 -> sb.append(floatText((float) t.doubleAt(i)));
      case FLOAT64 -> sb.append(doubleText(t.doubleAt(i)));
      case COMPLEX64 -> sb.append(complexText(floatText((float) t.doubleAt(i)), floatText((float) t.imagAt(i))));
      case COMPLEX128 -> sb.append(complexText(doubleText(t.doubleAt(i)), doubleText(t.imagAt(i))));
      case BOOL -> sb.append(t.boolAt(i) ? "true" : "false");
      case STRING -> quote(sb, t.elements().get(Math.toIntExact(i)));
      case UINT64 -> sb.append(Long.toUnsignedString(t.longAt(i)));
      default -> sb.append(t.longAt(i));
    }
  }

  private static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return Float.toString(f);
  }

  private static String doubleText(double f) {
    if (Double.isNaN(f)) {
      return "nan";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return Double.toString(f);
  }

  private static String complexText(String re, String im) {
    return re + (im.startsWith("-") ? "" : "+") + im + "j";
  }

  private static void quote(StringBuilder sb, byte[] s) {
    String text = null;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
    } catch (CharacterCodingException e) {
      // invalid UTF-8: every byte outside printable ASCII is written as \xHH below
    }
    sb.append('"');
    if (text != null) {
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
    } else {
      for (byte b : s) {
        int c = b & 0xff;
        if (c == '"' || c == '\\') {
          sb.append('\\').append((char) c);
        } else if (c >= 0x20 && c < 0x7f) {
          sb.append((char) c);
        } else {
          sb.append(String.format(Locale.ROOT, "\\x%02x", c));
        }
      }
    }
    sb.append('"');
  }

  // ---------------------------------------------------------------- parsing

  /** A parsed literal: a leaf (text) or a list (items). */
  private record Node(String text, boolean quoted, List<Node> items) {
    boolean isList() {
      return items != null;
    }
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(message + " at offset " + pos);
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    Node value() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("missing value");
      }
      char c = s.charAt(pos);
      if (c == '[') {
        pos++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return new Node(null, false, items);
        }
        while (true) {
          items.add(value());
          skipSpace();
          if (pos >= s.length()) {
            throw error("unclosed '['");
          }
          char d = s.charAt(pos++);
          if (d == ']') {
            return new Node(null, false, items);
          }
          if (d != ',') {
            pos--;
            throw error("expected ',' or ']' but found '" + d + "'");
          }
        }
      }
      if (c == '"') {
        return new Node(quoted(), true, null);
      }
      if (c == ']' || c == ',') {
        throw error("missing value before '" + c + "'");
      }
      int start = pos;
      while (pos < s.length()) {
        char d = s.charAt(pos);
        if (Character.isWhitespace(d) || d == ',' || d == '[' || d == ']' || d == '"') {
          break;
        }
        pos++;
      }
      return new Node(s.substring(start, pos), false, null);
    }

    /** A JSON string, plus {@code \xHH}; returns its bytes as ISO-8859-1 text (one char per byte). */
    String quoted() {
      pos++; // opening quote
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder run = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unclosed string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          break;
        }
        if (c != '\\') {
          run.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unfinished escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> run.append(e);
          case 'b' -> run.append('\b');
          case 'f' -> run.append('\f');
          case 'n' -> run.append('\n');
          case 'r' -> run.append('\r');
          case 't' -> run.append('\t');
          case 'u' -> run.append((char) hex(4));
          case 'x' -> {
            flush(run, out);
            out.write(hex(2));
          }
          default -> {
            pos--;
            throw error("unknown escape \\" + e);
          }
        }
      }
      flush(run, out);
      return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private int hex(int digits) {
      if (pos + digits > s.length()) {
        throw error("short hex escape");
      }
      try {
        int v = Integer.parseInt(s.substring(pos, pos + digits), 16);
        pos += digits;
        return v;
      } catch (NumberFormatException ex) {
        throw error("bad hex escape");
      }
    }

    private static void flush(StringBuilder run, ByteArrayOutputStream out) {
      if (run.length() > 0) {
        byte[] b = run.toString().getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        run.setLength(0);
      }
    }
  }

  /** The shape along the first items; every other item must match it. */
  private static long[] shapeOf(Node root) throws BadValueException {
    List<Long> dims = new ArrayList<>();
    for (Node n = root; n.isList(); n = n.items().get(0)) {
      dims.add((long) n.items().size());
      if (n.items().isEmpty()) {
        break;
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    check(root, shape, 0);
    return shape;
  }

  private static void check(Node n, long[] shape, int level) throws BadValueException {
    if (level == shape.length) {
      if (n.isList()) {
        throw new BadValueException("ragged value: a list where a scalar was expected at depth " + (level + 1));
      }
      return;
    }
    if (!n.isList()) {
      throw new BadValueException("ragged value: a scalar where a list of " + shape[level]
          + " was expected at depth " + (level + 1));
    }
    if (n.items().size() != shape[level]) {
      throw new BadValueException("ragged value: lists of " + shape[level] + " and " + n.items().size()
          + " items at depth " + (level + 1));
    }
    for (Node item : n.items()) {
      check(item, shape, level + 1);
    }
  }

  private static void flatten(Node n, List<Node> out) {
    if (n.isList()) {
      n.items().forEach(i -> flatten(i, out));
    } else {
      out.add(n);
    }
  }

  private static long[] fit(long[] shape, long[] placeholder, String dtype) throws BadValueException {
    if (shape.length == 0 && placeholder.length > 0 && Arrays.stream(placeholder).allMatch(d -> d == 1 || d < 0)) {
      long[] ones = new long[placeholder.length];
      Arrays.fill(ones, 1);
      return ones;
    }
    boolean ok = shape.length == placeholder.length;
    for (int i = 0; ok && i < shape.length; i++) {
      ok = placeholder[i] < 0 || placeholder[i] == shape[i];
    }
    if (!ok) {
      throw new BadValueException("the value has shape " + shapeText(shape) + " but the placeholder is "
          + dtype + shapeText(placeholder) + " (-1: any size)");
    }
    return shape;
  }

  private static Tensor encode(DType kind, TensorShape shape, List<Node> leaves) throws BadValueException {
    if (kind == DType.STRING) {
      List<byte[]> strings = new ArrayList<>(leaves.size());
      for (Node leaf : leaves) {
        // quoted strings hold their bytes one char per byte (see Parser.quoted); words are text
        strings.add(leaf.text().getBytes(leaf.quoted() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
      }
      return Tensor.ofElements(kind, shape, strings);
    }
    ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(leaves.size(), kind.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < leaves.size(); i++) {
      Node leaf = leaves.get(i);
      String text = leaf.text().strip();
      String where = leaves.size() == 1 ? "" : " (element " + i + ")";
      if (leaf.quoted()) {
        throw new BadValueException("a quoted string" + where + " for a " + kind + " placeholder");
      }
      switch (kind) {
        case FLOAT32 -> out.putFloat((float) floatValue(text, kind, where));
        case FLOAT64 -> out.putDouble(floatValue(text, kind, where));
        case FLOAT16 -> out.putShort((short) SmallFloats.toFloat16(floatValue(text, kind, where)));
        case BFLOAT16 -> out.putShort((short) SmallFloats.toBfloat16(floatValue(text, kind, where)));
        case COMPLEX64, COMPLEX128 -> {
          double[] c = complexValue(text, kind, where);
          if (kind == DType.COMPLEX64) {
            out.putFloat((float) c[0]).putFloat((float) c[1]);
          } else {
            out.putDouble(c[0]).putDouble(c[1]);
          }
        }
        case BOOL -> {
          if (text.equalsIgnoreCase("true")) {
            out.put((byte) 1);
          } else if (text.equalsIgnoreCase("false")) {
            out.put((byte) 0);
          } else {
            throw new BadValueException("'" + text + "'" + where + " is not a bool (true or false)");
          }
        }
        default -> {
          if (!INTEGER.matcher(text).matches()) {
            throw new BadValueException("'" + text + "'" + where + " is not an integer (dtype " + kind + ")");
          }
          BigInteger v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
          if (v.compareTo(kind.minValue()) < 0 || v.compareTo(kind.maxValue()) > 0) {
            throw new BadValueException(text + where + " is out of range for " + kind + " [" + kind.minValue() + ", "
                + kind.maxValue() + "]");
          }
          putInteger(out, kind, v);
        }
      }
    }
    return Tensor.of(kind, shape, out.flip());
  }

  /** An integer in range for {@code kind}, stored in its in-memory size (int4 and uint4: the low nibble). */
  static void putInteger(ByteBuffer out, DType kind, BigInteger v) {
    switch (kind.byteSize()) {
      case 1 -> out.put((byte) (kind == DType.INT4 || kind == DType.UINT4 ? v.intValue() & 0x0f : v.intValue()));
      case 2 -> out.putShort((short) v.intValue());
      case 4 -> out.putInt(v.intValue());
      default -> out.putLong(v.longValue());
    }
  }

  private static double floatValue(String text, DType kind, String where) throws BadValueException {
    String t = text.toLowerCase(Locale.ROOT);
    switch (t) {
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        // handled below
      }
    }
    if (!FLOAT.matcher(text).matches()) {
      throw new BadValueException("'" + text + "'" + where + " is not a number (dtype " + kind + ")");
    }
    return finite(text, kind, where, parseFor(kind, text));
  }

  /**
   * {@code parsed} rounded to {@code kind}; a finite literal that rounds to infinity is refused
   * (Python and NumPy would store inf and only warn; a feed is checked instead).
   */
  private static double finite(String text, DType kind, String where, double parsed) throws BadValueException {
    double stored = switch (kind) {
      case FLOAT32, COMPLEX64 -> (float) parsed;
      case FLOAT16 -> SmallFloats.fromFloat16(SmallFloats.toFloat16(parsed));
      case BFLOAT16 -> SmallFloats.fromBfloat16(SmallFloats.toBfloat16(parsed));
      default -> parsed;
    };
    if (Double.isInfinite(stored)) {
      double largest = switch (kind) {
        case FLOAT32, COMPLEX64 -> Float.MAX_VALUE;
        case FLOAT16 -> SmallFloats.fromFloat16(0x7bff);
        case BFLOAT16 -> SmallFloats.fromBfloat16(0x7f7f);
        default -> Double.MAX_VALUE;
      };
      throw new BadValueException("'" + text + "'" + where + " is beyond " + kind + "'s range (largest finite "
          + (kind == DType.FLOAT64 || kind == DType.COMPLEX128 ? Double.toString(largest) : Float.toString((float) largest))
          + "); write inf for infinity");
    }
    return stored;
  }

  private static double[] complexValue(String text, DType kind, String where) throws BadValueException {
    Matcher m = COMPLEX.matcher(text);
    if (!m.matches()) {
      throw new BadValueException("'" + text + "'" + where + " is not a complex number like 1+2j (dtype " + kind + ")");
    }
    double re = 0;
    double im = 0;
    if (m.group("re") != null) {
      re = parseFor(kind, m.group("re"));
      if (m.group("im") != null) {
        im = imaginary(kind, m.group("im"));
      }
    } else {
      im = imaginary(kind, m.group("imOnly"));
    }
    return new double[] {finite(text, kind, where, re), finite(text, kind, where, im)};
  }

  private static double imaginary(DType kind, String s) {
    String digits = s.substring(0, s.length() - 1);
    if (digits.isEmpty() || digits.equals("+")) {
      return 1;
    }
    if (digits.equals("-")) {
      return -1;
    }
    return parseFor(kind, digits);
  }

  /** float32 parts are parsed correctly rounded to float, not rounded twice through double. */
  private static double parseFor(DType kind, String s) {
    return kind == DType.FLOAT32 || kind == DType.COMPLEX64 ? Float.parseFloat(s) : Double.parseDouble(s);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
  }
}
