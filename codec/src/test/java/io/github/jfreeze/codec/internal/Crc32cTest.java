package io.github.jfreeze.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CRC-32C against RFC 3720 (iSCSI) B.4 vectors, and LevelDB's masking. */
class Crc32cTest {
  private static int crc(byte[] b) {
    return Crc32c.of(b, 0, b.length);
  }

  @Test
  void rfc3720Vectors() {
    assertEquals(0x8a9136aa, crc(new byte[32]));
    byte[] ones = new byte[32];
    Arrays.fill(ones, (byte) 0xff);
    assertEquals(0x62a8ab43, crc(ones));
    byte[] inc = new byte[32];
    byte[] dec = new byte[32];
    for (int i = 0; i < 32; i++) {
      inc[i] = (byte) i;
      dec[i] = (byte) (31 - i);
    }
    assertEquals(0x46dd794e, crc(inc));
    assertEquals(0x113fdb5c, crc(dec));
    assertEquals(0xe3069283, crc("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void maskRoundTripsAndDiffersFromTheCrc() {
    for (int v : new int[] {0, 1, 0xe3069283, 0xffffffff, 0x12345678}) {
      assertEquals(v, Crc32c.unmask(Crc32c.mask(v)));
      assertEquals(v != Crc32c.mask(v), true);
    }
    // Mask(0) = kMaskDelta: the stored CRC of a zero-byte tensor whose raw crc is 0
    assertEquals(0xa282ead8, Crc32c.mask(0));
  }
}
