package io.github.jfreeze.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** DType is the one dtype table: integer ranges and quantized storage (feeds are range-checked by them). */
class DTypeRangesTest {
  @Test
  void integerRangesFollowTheStorage() {
    assertEquals(BigInteger.valueOf(-8), DType.INT4.minValue());
    assertEquals(BigInteger.valueOf(7), DType.INT4.maxValue());
    assertEquals(BigInteger.valueOf(15), DType.UINT4.maxValue());
    assertEquals(BigInteger.valueOf(-128), DType.QINT8.minValue());
    assertEquals(BigInteger.valueOf(255), DType.QUINT8.maxValue());
    assertEquals(BigInteger.valueOf(65535), DType.UINT16.maxValue());
    assertEquals(BigInteger.valueOf(Integer.MAX_VALUE), DType.QINT32.maxValue());
    assertEquals(new BigInteger("4294967295"), DType.UINT32.maxValue());
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE), DType.INT64.minValue());
    assertEquals(new BigInteger("18446744073709551615"), DType.UINT64.maxValue());
    assertNull(DType.FLOAT32.minValue());
    assertNull(DType.BOOL.maxValue());
    assertEquals(DType.INT16, DType.QINT16.storage());
    assertEquals(DType.FLOAT16, DType.FLOAT16.storage());
  }
}
