package io.github.jfreeze.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The narrow float formats, bit for bit. */
class SmallFloatsTest {
  @Test
  void smallFloatsRoundTripEveryFloat16() {
    for (int bits = 0; bits < 0x10000; bits++) {
      double v = SmallFloats.fromFloat16(bits);
      int back = SmallFloats.toFloat16(v);
      if (Double.isNaN(v)) {
        assertTrue(Double.isNaN(SmallFloats.fromFloat16(back)));
      } else {
        assertEquals(bits, back, Integer.toHexString(bits));
      }
    }
    for (int bits = 0; bits < 0x10000; bits++) {
      double v = SmallFloats.fromBfloat16(bits);
      if (!Double.isNaN(v)) {
        assertEquals(bits, SmallFloats.toBfloat16(v), Integer.toHexString(bits));
      }
    }
  }

  @Test
  void float16RoundsHalfToEven() {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to the even mantissa (1.0)
    assertEquals(0x3c00, SmallFloats.toFloat16(1 + Math.scalb(1.0, -11)));
    // 1 + 3 * 2^-11 is halfway between 1 + 2^-10 and 1 + 2^-9: ties to 1 + 2^-9
    assertEquals(0x3c02, SmallFloats.toFloat16(1 + 3 * Math.scalb(1.0, -11)));
    assertEquals(448.0, SmallFloats.fromFloat8E4m3fn(0x7e));
    assertTrue(Double.isNaN(SmallFloats.fromFloat8E4m3fn(0xff)));
    assertEquals(57344.0, SmallFloats.fromFloat8E5m2(0x7b));
  }
}
