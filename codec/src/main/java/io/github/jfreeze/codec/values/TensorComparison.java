package io.github.jfreeze.codec.values;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Element-wise comparison of two tensors, as {@code jfreeze verify} compares a frozen graph's
 * outputs with the original's.
 *
 * <ul>
 *   <li>Floating dtypes (float16, bfloat16, float32, float64, float8_e5m2, float8_e4m3fn, and both
 *       parts of complex64/complex128): elements match when {@code |a-b| <= atol + rtol *
 *       max(|a|,|b|)} (numpy's {@code isclose}, made symmetric); equal values (including equal
 *       infinities and 0 vs -0) and NaN vs NaN match.
 *   <li>Everything else (integers, quantized, int4, bool, string): elements match when their bytes
 *       are identical.
 * </ul>
 *
 * <p>Differences are reported for numeric dtypes: the largest {@code |a-b|} and the largest
 * {@code |a-b| / max(|a|,|b|)} (0 for equal elements). A NaN against a number makes both NaN; an
 * infinity against anything else makes them infinite. For strings the differences are 0 when
 * everything matches and NaN otherwise.
 */
public final class TensorComparison {
  private TensorComparison() {}

  /**
   * The comparison's outcome.
   *
   * @param maxAbsDiff the largest {@code |a-b|} (NaN: see the class comment)
   * @param maxRelDiff the largest {@code |a-b| / max(|a|,|b|)}
   * @param mismatched how many elements do not match
   * @param match whether every element matches (and dtype and shape agree)
   * @param note why dtype or shape differ, else empty
   */
  public record Outcome(double maxAbsDiff, double maxRelDiff, long mismatched, boolean match, String note) {}

  /**
   * Compares {@code a} with {@code b}.
   *
   * @param a one tensor
   * @param b the other
   * @param tolerance the relative tolerance for floating elements
   * @return the outcome
   */
  public static Outcome compare(Tensor a, Tensor b, double tolerance) {
    return compare(a, b, tolerance, 0);
  }

  /**
   * The absolute tolerance used for a floating dtype when none is given: about what rounding in a
   * different order of the same ops leaves near zero (numpy's 1e-8 for float32; scaled by each
   * format's precision for the others), so that outputs of 1e-9 and 1e-36 against 0 match.
   *
   * @param dtype the dtype
   * @return the default absolute tolerance; 0 for non-floating dtypes
   */
  public static double defaultAtol(DType dtype) {
    return switch (dtype) {
      case FLOAT64, COMPLEX128 -> 1e-12;
      case FLOAT32, COMPLEX64 -> 1e-8;
      case FLOAT16 -> 1e-4;
      case BFLOAT16 -> 1e-3;
      case FLOAT8_E5M2, FLOAT8_E4M3FN -> 1e-2;
      default -> 0;
    };
  }

  /**
   * Compares {@code a} with {@code b}, floats within an absolute and a relative tolerance.
   *
   * @param a one tensor
   * @param b the other
   * @param tolerance the relative tolerance for floating elements
   * @param atol the absolute tolerance for floating elements
   * @return the outcome
   */
  public static Outcome compare(Tensor a, Tensor b, double tolerance, double atol) {
    DType dtype = a.dtype();
    if (dtype != b.dtype()) {
      return new Outcome(Double.NaN, Double.NaN, a.numElements(), false, "dtype " + dtype + " vs " + b.dtype());
    }
    if (!a.shape().equals(b.shape())) {
      return new Outcome(Double.NaN, Double.NaN, Math.max(a.numElements(), b.numElements()), false,
          "shape " + Arrays.toString(a.shape().dims()) + " vs " + Arrays.toString(b.shape().dims()));
    }
    long n = a.numElements();
    if (a.hasElements()) {
      List<byte[]> x = a.elements();
      List<byte[]> y = b.elements();
      long bad = 0;
      for (int i = 0; i < n; i++) {
        if (!Arrays.equals(x.get(i), y.get(i))) {
          bad++;
        }
      }
      return bad == 0 ? new Outcome(0, 0, 0, true, "") : new Outcome(Double.NaN, Double.NaN, bad, false, "");
    }
    boolean floating = dtype.isFloating() || dtype.isComplex();
    int parts = dtype.isComplex() ? 2 : 1;
    int size = dtype.byteSize();
    ByteBuffer da = a.data();
    ByteBuffer db = b.data();
    double maxAbs = 0;
    double maxRel = 0;
    long bad = 0;
    for (long i = 0; i < n; i++) {
      boolean elementOk = true;
      for (int p = 0; p < parts; p++) {
        double abs;
        double rel;
        boolean ok;
        if (floating) {
          double x = p == 0 ? a.doubleAt(i) : a.imagAt(i);
          double y = p == 0 ? b.doubleAt(i) : b.imagAt(i);
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
          int at = Math.toIntExact(i * size);
          ok = da.slice(at, size).equals(db.slice(at, size));
          double x = integer(a, i);
          double y = integer(b, i);
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

  /** Element {@code i} of an integer or bool tensor as a double (uint64 unsigned). */
  private static double integer(Tensor t, long i) {
    long v = t.longAt(i);
    if (t.dtype() == DType.UINT64) {
      return (double) (v >>> 1) * 2.0 + (v & 1);
    }
    return v;
  }

  /** NaN is sticky: once a NaN difference is seen, the maximum stays NaN. */
  private static double max(double m, double v) {
    if (Double.isNaN(m) || Double.isNaN(v)) {
      return Double.NaN;
    }
    return Math.max(m, v);
  }
}
