package io.github.jfreeze.codec;

/** Conversions from TensorFlow's small float formats to float. */
final class Floats {
  private Floats() {}

  /** IEEE 754 binary16 bits to float (exact). */
  static float halfToFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign == 0 ? v : -v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** float8 e4m3fn (bias 7, no infinities, S.1111.111 = NaN) to float (exact). */
  static float e4m3fnToFloat(byte b) {
    int v = b & 0xff;
    boolean negative = (v & 0x80) != 0;
    int exp = (v >>> 3) & 0xf;
    int mant = v & 7;
    float f;
    if (exp == 0xf && mant == 7) {
      f = Float.NaN;
    } else if (exp == 0) {
      f = mant * 0x1p-9f;
    } else {
      f = (1 + mant / 8f) * (float) Math.scalb(1.0, exp - 7);
    }
    return negative ? -f : f;
  }
}
