package io.github.jfreeze.cli;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorProtos;
import io.github.jfreeze.codec.internal.JsonWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Tensor values as text (numpy-like) and as JSON. */
final class Values {
  /** numpy's {@code edgeitems}: values kept at each end of a summarized dimension. */
  static final int EDGE_ITEMS = 3;
  /** numpy's default {@code threshold}: larger tensors are summarized in text. */
  static final long DEFAULT_TEXT_THRESHOLD = 1000;
  /** numpy's {@code linewidth}. */
  private static final int LINE_WIDTH = 75;
  /** String elements longer than this are cut in text output. */
  private static final int MAX_TEXT_BYTES = 64;

  private Values() {}

  // ---------------------------------------------------------------------------------- text

  /**
   * The tensor as numpy prints an array: nested brackets, space-separated, rows on their own lines;
   * when it has more than {@code threshold} elements, only the first and last {@value #EDGE_ITEMS}
   * of each dimension, with {@code ...} between.
   */
  static String toText(Tensor t, long threshold) {
    return toText(new TensorProtos.Stored(t, t.shape()), threshold);
  }

  /**
   * As {@link #toText(Tensor, long)} for values as a proto stores them: only the shown elements are
   * looked up, so a constant that repeats one value over a huge shape prints in small memory.
   */
  static String toText(TensorProtos.Stored stored, long threshold) {
    Tensor t = stored.values();
    long[] dims = stored.shape().dims();
    if (dims.length == 0) {
      return element(t, 0);
    }
    boolean summarize = stored.numElements() > threshold;
    long[] strides = new long[dims.length];
    long s = 1;
    for (int d = dims.length - 1; d >= 0; d--) {
      strides[d] = s;
      s *= dims[d];
    }
    // format the shown elements first so they can be padded to one width, as numpy does
    List<Long> at = new ArrayList<>();
    collect(dims, strides, 0, 0, summarize, at);
    at.replaceAll(stored::at);
    List<String> cells = cells(t, at);
    int width = cells.stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    int[] next = {0};
    layout(sb, dims, 0, summarize, cells, next, width);
    return sb.toString();
  }

  private static List<Long> shown(long n, boolean summarize) {
    List<Long> idx = new ArrayList<>();
    if (summarize && n > 2L * EDGE_ITEMS) {
      for (long i = 0; i < EDGE_ITEMS; i++) {
        idx.add(i);
      }
      idx.add(-1L);
      for (long i = n - EDGE_ITEMS; i < n; i++) {
        idx.add(i);
      }
    } else {
      for (long i = 0; i < n; i++) {
        idx.add(i);
      }
    }
    return idx;
  }

  private static void collect(long[] dims, long[] strides, int depth, long base, boolean summarize, List<Long> at) {
    for (long i : shown(dims[depth], summarize)) {
      if (i < 0) {
        continue;
      }
      long index = base + i * strides[depth];
      if (depth == dims.length - 1) {
        at.add(index);
      } else {
        collect(dims, strides, depth + 1, index, summarize, at);
      }
    }
  }

  /**
   * The shown elements as text. Floats follow numpy's array defaults: at most {@value #PRECISION}
   * fractional digits, and scientific notation for the whole array when a value is 1e8 or more or
   * a non-zero value is below 1e-4.
   */
  private static List<String> cells(Tensor t, List<Long> at) {
    List<String> out = new ArrayList<>(at.size());
    DType d = t.dtype();
    if (!d.isFloating()) {
      at.forEach(i -> out.add(element(t, i)));
      return out;
    }
    boolean single = d != DType.FLOAT64;
    double max = 0;
    double min = Double.MAX_VALUE;
    for (long i : at) {
      double a = Math.abs(t.doubleAt(i));
      if (Double.isFinite(a)) {
        max = Math.max(max, a);
        if (a > 0) {
          min = Math.min(min, a);
        }
      }
    }
    boolean sci = max >= 1e8 || min < 1e-4;
    at.forEach(i -> out.add(arrayFloat(t.doubleAt(i), single, sci)));
    return out;
  }

  /** numpy's {@code precision}: fractional digits of floats in arrays. */
  private static final int PRECISION = 8;

  private static String arrayFloat(double v, boolean single, boolean sci) {
    if (!Double.isFinite(v)) {
      return pyFloat(v, single);
    }
    BigDecimal bd = new BigDecimal(single ? Float.toString((float) v) : Double.toString(v));
    if (!sci) {
      String plain = bd.setScale(Math.min(bd.scale(), PRECISION), RoundingMode.HALF_EVEN).stripTrailingZeros()
          .toPlainString();
      if (plain.equals("0") && v != 0) {
        plain = "0";
      }
      return (v < 0 || (v == 0 && 1 / v < 0)) && !plain.startsWith("-") ? "-" + withPoint(plain) : withPoint(plain);
    }
    if (bd.signum() == 0) {
      return (1 / v < 0 ? "-" : "") + "0.0e+00";
    }
    int exp = bd.precision() - bd.scale() - 1;
    BigDecimal mantissa = bd.movePointLeft(exp);
    mantissa = mantissa.setScale(Math.min(Math.max(mantissa.scale(), 0), PRECISION), RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
      mantissa = mantissa.movePointLeft(1);
      exp++;
    }
    return withPoint(mantissa.toPlainString()) + "e" + (exp < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  private static String withPoint(String s) {
    return s.contains(".") ? s : s + ".0";
  }

  private static void layout(StringBuilder sb, long[] dims, int depth, boolean summarize, List<String> cells,
      int[] next, int width) {
    String indent = " ".repeat(depth + 1);
    sb.append('[');
    List<Long> idx = shown(dims[depth], summarize);
    if (depth == dims.length - 1) {
      int lineStart = sb.lastIndexOf("\n") + 1;
      boolean firstOnLine = true;
      for (long i : idx) {
        String cell = i < 0 ? "..." : pad(cells.get(next[0]++), width);
        if (!firstOnLine && sb.length() - lineStart + 1 + cell.length() + 1 > LINE_WIDTH) {
          sb.append('\n').append(indent);
          lineStart = sb.length() - indent.length();
          firstOnLine = true;
        }
        if (!firstOnLine) {
          sb.append(' ');
        }
        sb.append(cell);
        firstOnLine = false;
      }
    } else {
      String separator = "\n".repeat(dims.length - depth - 1) + indent;
      boolean first = true;
      for (long i : idx) {
        if (!first) {
          sb.append(separator);
        }
        first = false;
        if (i < 0) {
          sb.append("...");
        } else {
          layout(sb, dims, depth + 1, summarize, cells, next, width);
        }
      }
    }
    sb.append(']');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** One element as Python would print it. */
  static String element(Tensor t, long i) {
    DType d = t.dtype();
    return switch (d) {
      case FLOAT32, FLOAT16, BFLOAT16, FLOAT8_E5M2, FLOAT8_E4M3FN -> pyFloat(t.doubleAt(i), true);
      case FLOAT64 -> pyFloat(t.doubleAt(i), false);
      case COMPLEX64, COMPLEX128 -> pyComplex(t.doubleAt(i), t.imagAt(i), d == DType.COMPLEX64);
      case BOOL -> t.boolAt(i) ? "True" : "False";
      case UINT64 -> Long.toUnsignedString(t.longAt(i));
      case STRING -> pyBytes(t.elements().get((int) i));
      case VARIANT, RESOURCE -> "<" + d + " " + t.elements().get((int) i).length + " bytes>";
      default -> Long.toString(t.longAt(i));
    };
  }

  /** Python's {@code repr} of a float: shortest digits, {@code 1e-05}, {@code 2.0}, {@code nan}. */
  static String pyFloat(double v, boolean single) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String java = single ? Float.toString((float) v) : Double.toString(v);
    BigDecimal bd = new BigDecimal(java);
    if (bd.signum() == 0) {
      return java.startsWith("-") ? "-0.0" : "0.0";
    }
    bd = bd.stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp >= -4 && exp < 16) {
      String plain = bd.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = bd.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (bd.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  private static String pyComplex(double re, double im, boolean single) {
    String imag = pyFloat(im, single);
    String sign = imag.startsWith("-") ? "" : "+";
    return "(" + pyFloat(re, single) + sign + imag + "j)";
  }

  /** Python's {@code repr} of bytes ({@code b'abc\x00'}), cut after {@value #MAX_TEXT_BYTES} bytes. */
  static String pyBytes(byte[] b) {
    StringBuilder sb = new StringBuilder("b'");
    int n = Math.min(b.length, MAX_TEXT_BYTES);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            sb.append((char) c);
          } else {
            sb.append(String.format(Locale.ROOT, "\\x%02x", c));
          }
        }
      }
    }
    sb.append('\'');
    if (b.length > n) {
      sb.append("...(").append(b.length).append(" bytes)");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------- JSON

  /**
   * Writes the first {@code limit} elements (all when negative) as a flat row-major JSON array.
   */
  static void writeJson(JsonWriter w, Tensor t, long limit) {
    writeJson(w, new TensorProtos.Stored(t, t.shape()), limit);
  }

  /** As {@link #writeJson(JsonWriter, Tensor, long)} for values as a proto stores them. */
  static void writeJson(JsonWriter w, TensorProtos.Stored stored, long limit) {
    long n = limit < 0 ? stored.numElements() : Math.min(limit, stored.numElements());
    w.beginCompactArray();
    for (long i = 0; i < n; i++) {
      writeJsonElement(w, stored.values(), stored.at(i));
    }
    w.endArray();
  }

  private static void writeJsonElement(JsonWriter w, Tensor t, long i) {
    switch (t.dtype()) {
      case FLOAT32, FLOAT16, BFLOAT16, FLOAT8_E5M2, FLOAT8_E4M3FN -> w.value((float) t.doubleAt(i));
      case FLOAT64 -> w.value(t.doubleAt(i));
      case COMPLEX64 -> w.beginCompactArray().value((float) t.doubleAt(i)).value((float) t.imagAt(i)).endArray();
      case COMPLEX128 -> w.beginCompactArray().value(t.doubleAt(i)).value(t.imagAt(i)).endArray();
      case BOOL -> w.value(t.boolAt(i));
      case UINT64 -> w.unsignedValue(t.longAt(i));
      case STRING, VARIANT, RESOURCE -> {
        byte[] b = t.elements().get((int) i);
        String s = t.dtype() == DType.STRING ? utf8(b) : null;
        if (s != null) {
          w.value(s);
        } else {
          w.beginObject().name("base64").value(Base64.getEncoder().encodeToString(b)).endObject();
        }
      }
      default -> w.value(t.longAt(i));
    }
  }

  /** The bytes as a string if they are valid UTF-8, else {@code null}. */
  static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
