package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The dtype table's integer ranges. */
class DTypeTest {
  @Test
  void integerRanges() {
    assertEquals(BigInteger.valueOf(-128), DType.INT8.minValue());
    assertEquals(BigInteger.valueOf(127), DType.QINT8.maxValue());
    assertEquals(BigInteger.valueOf(255), DType.QUINT8.maxValue());
    assertEquals(BigInteger.valueOf(-8), DType.INT4.minValue());
    assertEquals(BigInteger.valueOf(15), DType.UINT4.maxValue());
    assertEquals(BigInteger.ZERO, DType.UINT64.minValue());
    assertEquals(new BigInteger("18446744073709551615"), DType.UINT64.maxValue());
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE), DType.INT64.minValue());
    assertEquals(BigInteger.valueOf(Integer.MAX_VALUE), DType.QINT32.maxValue());
    assertEquals(BigInteger.valueOf(65535), DType.QUINT16.maxValue());
  }

  @Test
  void onlyIntegerTypesHaveARange() {
    assertTrue(DType.QINT16.isInteger());
    assertFalse(DType.BOOL.isInteger());
    assertFalse(DType.FLOAT32.isInteger());
    assertThrows(IllegalStateException.class, DType.FLOAT32::minValue);
    assertThrows(IllegalStateException.class, DType.STRING::maxValue);
  }
}
