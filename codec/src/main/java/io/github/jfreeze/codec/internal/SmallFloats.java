package io.github.jfreeze.codec.internal;

/**
 * Conversions between {@code double} and TensorFlow's narrow float formats, bit for bit.
 *
 * <table>
 *   <caption>formats</caption>
 *   <tr><th>dtype</th><th>exponent bits</th><th>mantissa bits</th><th>infinity</th></tr>
 *   <tr><td>float16 (IEEE binary16)</td><td>5</td><td>10</td><td>yes</td></tr>
 *   <tr><td>bfloat16</td><td>8</td><td>7</td><td>yes</td></tr>
 *   <tr><td>float8_e5m2</td><td>5</td><td>2</td><td>yes</td></tr>
 *   <tr><td>float8_e4m3fn</td><td>4</td><td>3</td><td>no; S.1111.111 is NaN, 0x7e = 448 is the largest</td></tr>
 * </table>
 *
 * <p>The one implementation of these formats in jfreeze: codec's {@code Tensor} decodes with it,
 * the runtime bridge encodes feeds and compares outputs with it.
 *
 * <p>Encoding rounds to nearest, ties to even, straight from the double (one rounding), keeps
 * subnormals, turns overflow into infinity and NaN into a quiet NaN with the sign kept.
 */
public final class SmallFloats {
  private SmallFloats() {}

  /** {@code value} as an IEEE-like float with {@code e} exponent and {@code m} mantissa bits. */
  public static int encode(double value, int e, int m) {
    int signBit = 1 << (e + m);
    int expMask = (1 << e) - 1;
    long bits = Double.doubleToRawLongBits(value);
    int sign = bits < 0 ? signBit : 0;
    if (Double.isNaN(value)) {
      return sign | (expMask << m) | (1 << (m - 1));
    }
    double a = Math.abs(value);
    if (Double.isInfinite(a)) {
      return sign | (expMask << m);
    }
    if (a == 0) {
      return sign;
    }
    int bias = (1 << (e - 1)) - 1;
    int minExp = 1 - bias;
    int exp = Math.getExponent(a);
    int quantum = (exp < minExp ? minExp : exp) - m;
    // a / 2^quantum is exact (a power-of-two scaling); rint rounds half to even
    long n = (long) Math.rint(Math.scalb(a, -quantum));
    long encoded;
    if (exp < minExp) {
      encoded = n; // subnormal; n == 2^m carries into the smallest normal
    } else {
      encoded = ((long) (exp + bias) << m) + (n - (1L << m)); // n == 2^(m+1) carries into the exponent
    }
    if (encoded >= ((long) expMask << m)) {
      return sign | (expMask << m);
    }
    return sign | (int) encoded;
  }

  /** The value of an IEEE-like float with {@code e} exponent and {@code m} mantissa bits. */
  public static double decode(int bits, int e, int m) {
    int expMask = (1 << e) - 1;
    int exp = (bits >>> m) & expMask;
    int mant = bits & ((1 << m) - 1);
    boolean negative = ((bits >>> (e + m)) & 1) != 0;
    int bias = (1 << (e - 1)) - 1;
    double v;
    if (exp == expMask) {
      v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (exp == 0) {
      v = Math.scalb((double) mant, 1 - bias - m);
    } else {
      v = Math.scalb((double) ((1 << m) | mant), exp - bias - m);
    }
    return negative ? -v : v;
  }

  /** {@code v} rounded to IEEE binary16 bits. */
  public static int toFloat16(double v) {
    return encode(v, 5, 10);
  }

  /** The value of IEEE binary16 bits (the low 16 of {@code bits}). */
  public static double fromFloat16(int bits) {
    return decode(bits & 0xffff, 5, 10);
  }

  /** {@code v} rounded to bfloat16 bits. */
  public static int toBfloat16(double v) {
    return encode(v, 8, 7);
  }

  /** The value of bfloat16 bits (the low 16 of {@code bits}). */
  public static double fromBfloat16(int bits) {
    return decode(bits & 0xffff, 8, 7);
  }

  /** The value of float8_e5m2 bits (the low 8 of {@code bits}). */
  public static double fromFloat8E5m2(int bits) {
    return decode(bits & 0xff, 5, 2);
  }

  /** float8_e4m3fn: no infinities, {@code S.1111.111} is NaN, the rest is IEEE-like with bias 7. */
  public static double fromFloat8E4m3fn(int bits) {
    int b = bits & 0xff;
    if ((b & 0x7f) == 0x7f) {
      return Double.NaN;
    }
    int exp = (b >>> 3) & 0xf;
    int mant = b & 7;
    double v = exp == 0 ? Math.scalb((double) mant, 1 - 7 - 3) : Math.scalb((double) (8 | mant), exp - 7 - 3);
    return (b & 0x80) != 0 ? -v : v;
  }
}
