package io.github.jfreeze.codec.internal;

import io.github.jfreeze.codec.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Element-wise comparison of two tensors given as dtype, shape and raw bytes (or string elements):
 * how {@code verify} judges a frozen graph's outputs against the original's. Pure Java, so it lives
 * here rather than in the native bridge, which hands it the bytes TensorFlow returned.
 *
 * <ul>
 *   <li>Floating dtypes (float16, bfloat16, float32, float64, float8_e5m2, float8_e4m3fn, and both
 *       parts of complex64/complex128): elements match when {@code |a-b| <= atol + rtol *
 *       max(|a|,|b|)}; equal values (including equal infinities and 0 vs -0) and NaN vs NaN match.
 *   <li>Everything else (integers, quantized, int4, bool, string, other float8 kinds): elements
 *       match when their bytes are identical.
 * </ul>
 *
 * <p>Differences are reported for numeric dtypes: the largest {@code |a-b|} and the largest
 * {@code |a-b| / max(|a|,|b|)} (0 for equal elements). A NaN against a number makes both NaN; an
 * infinity against anything else makes them infinite. For strings and bitwise-only kinds the
 * differences are 0 when everything matches and NaN otherwise.
 */
public final class TensorDiff {
  private TensorDiff() {}

  /** The comparison's outcome; {@code note} explains a dtype or shape mismatch, else empty. */
  public record Outcome(double maxAbsDiff, double maxRelDiff, long mismatched, boolean match, String note) {}

  /** As {@link #compare(String, long[], byte[], List, String, long[], byte[], List, double, double)} with no absolute tolerance. */
  public static Outcome compare(String dtype, long[] shapeA, byte[] dataA, List<byte[]> stringsA, String dtypeB,
      long[] shapeB, byte[] dataB, List<byte[]> stringsB, double tolerance) {
    return compare(dtype, shapeA, dataA, stringsA, dtypeB, shapeB, dataB, stringsB, tolerance, 0);
  }

  /**
   * The absolute tolerance used for a floating dtype when none is given: about what rounding in a
   * different order of the same ops leaves near zero (numpy's 1e-8 for float32; scaled by each
   * format's precision for the others), so that outputs of 1e-9 and 1e-36 against 0 match.
   *
   * @param dtype a dtype name ({@code float32}, {@code complex64}, ...)
   * @return the default absolute tolerance; 0 for non-floating dtypes
   */
  public static double defaultAtol(String dtype) {
    return switch (dtype) {
      case "float64", "complex128" -> 1e-12;
      case "float32", "complex64" -> 1e-8;
      case "float16" -> 1e-4;
      case "bfloat16" -> 1e-3;
      case "float8_e5m2", "float8_e4m3fn" -> 1e-2;
      default -> 0;
    };
  }

  /**
   * Compares two tensors element by element. Floats match when {@code |a-b| <= atol + rtol *
   * max(|a|,|b|)} (numpy's {@code isclose}, made symmetric so the verdict does not depend on which
   * side is which), NaN matching NaN; everything else must be bit-identical.
   */
  public static Outcome compare(String dtype, long[] shapeA, byte[] dataA, List<byte[]> stringsA, String dtypeB,
      long[] shapeB, byte[] dataB, List<byte[]> stringsB, double tolerance, double atol) {
    if (!dtype.equals(dtypeB)) {
      return new Outcome(Double.NaN, Double.NaN, count(shapeA), false, "dtype " + dtype + " vs " + dtypeB);
    }
    if (!Arrays.equals(shapeA, shapeB)) {
      return new Outcome(Double.NaN, Double.NaN, Math.max(count(shapeA), count(shapeB)), false,
          "shape " + Arrays.toString(shapeA) + " vs " + Arrays.toString(shapeB));
    }
    long n = count(shapeA);
    if (dtype.equals("string")) {
      long bad = 0;
      for (int i = 0; i < n; i++) {
        if (!Arrays.equals(stringsA.get(i), stringsB.get(i))) {
          bad++;
        }
      }
      return bad == 0 ? new Outcome(0, 0, 0, true, "") : new Outcome(Double.NaN, Double.NaN, bad, false, "");
    }
    Decoder decoder = decoder(dtype);
    if (decoder == null) {
      int size = dataA.length / (int) Math.max(1, n);
      long bad = 0;
      for (int i = 0; i < n; i++) {
        if (!Arrays.equals(dataA, i * size, (i + 1) * size, dataB, i * size, (i + 1) * size)) {
          bad++;
        }
      }
      return bad == 0 ? new Outcome(0, 0, 0, true, "") : new Outcome(Double.NaN, Double.NaN, bad, false, "");
    }
    ByteBuffer a = ByteBuffer.wrap(dataA).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer b = ByteBuffer.wrap(dataB).order(ByteOrder.LITTLE_ENDIAN);
    int parts = decoder.parts;
    int size = decoder.size;
    double maxAbs = 0;
    double maxRel = 0;
    long bad = 0;
    for (int i = 0; i < n; i++) {
      boolean elementOk = true;
      for (int p = 0; p < parts; p++) {
        int at = (i * parts + p) * size;
        double x = decoder.decode(a, at);
        double y = decoder.decode(b, at);
        double abs;
        double rel;
        boolean ok;
        if (decoder.floating) {
          if (x == y || (Double.isNaN(x) && Double.isNaN(y))) {
            abs = 0;
            rel = 0;
            ok = true;
          } else if (Double.isNaN(x) || Double.isNaN(y)) {
            abs = Double.NaN;
            rel = Double.NaN;
            ok = false;
          } else if (Double.isInfinite(x) || Double.isInfinite(y)) {
            abs = Double.POSITIVE_INFINITY;
            rel = Double.POSITIVE_INFINITY;
            ok = false;
          } else {
            abs = Math.abs(x - y);
            double scale = Math.max(Math.abs(x), Math.abs(y));
            rel = abs / scale;
            ok = abs <= atol + tolerance * scale;
          }
        } else {
          ok = Arrays.equals(dataA, at, at + size, dataB, at, at + size);
          abs = Math.abs(x - y);
          double scale = Math.max(Math.abs(x), Math.abs(y));
          rel = abs == 0 ? 0 : abs / scale;
        }
        maxAbs = max(maxAbs, abs);
        maxRel = max(maxRel, rel);
        elementOk &= ok;
      }
      if (!elementOk) {
        bad++;
      }
    }
    return new Outcome(maxAbs, maxRel, bad, bad == 0, "");
  }

  /** NaN is sticky: once a NaN difference is seen, the maximum stays NaN. */
  private static double max(double m, double v) {
    if (Double.isNaN(m) || Double.isNaN(v)) {
      return Double.NaN;
    }
    return Math.max(m, v);
  }

  private static long count(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  @FunctionalInterface
  private interface Reader {
    double read(ByteBuffer b, int at);
  }

  private record Decoder(int size, int parts, boolean floating, Reader reader) {
    double decode(ByteBuffer b, int at) {
      return reader.read(b, at);
    }
  }

  /** How elements of {@code dtype} are read, sized by codec's {@link DType} (the one dtype table); null for strings and unknown names. */
  private static Decoder decoder(String dtype) {
    DType d;
    try {
      d = DType.parse(dtype);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!d.isFixedSize()) {
      return null;
    }
    int parts = d.isComplex() ? 2 : 1;
    int size = d.byteSize() / parts;
    Reader reader = switch (d.storage()) {
      case FLOAT32, COMPLEX64 -> ByteBuffer::getFloat;
      case FLOAT64, COMPLEX128 -> ByteBuffer::getDouble;
      case FLOAT16 -> (b, at) -> SmallFloats.fromFloat16(b.getShort(at));
      case BFLOAT16 -> (b, at) -> SmallFloats.fromBfloat16(b.getShort(at));
      case FLOAT8_E5M2 -> (b, at) -> SmallFloats.fromFloat8E5m2(b.get(at));
      case FLOAT8_E4M3FN -> (b, at) -> SmallFloats.fromFloat8E4m3fn(b.get(at));
      case INT8 -> ByteBuffer::get;
      case UINT8, BOOL, UINT4 -> (b, at) -> b.get(at) & 0xff;
      case INT4 -> (b, at) -> (byte) (b.get(at) << 4) >> 4;
      case INT16 -> ByteBuffer::getShort;
      case UINT16 -> (b, at) -> b.getShort(at) & 0xffff;
      case INT32 -> ByteBuffer::getInt;
      case UINT32 -> (b, at) -> Integer.toUnsignedLong(b.getInt(at));
      case INT64 -> ByteBuffer::getLong;
      case UINT64 -> (b, at) -> unsigned(b.getLong(at));
      default -> null;
    };
    return reader == null ? null : new Decoder(size, parts, d.isFloating() || d.isComplex(), reader);
  }

  private static double unsigned(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }
}
