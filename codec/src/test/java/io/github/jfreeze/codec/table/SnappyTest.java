package io.github.jfreeze.codec.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.CorruptFileException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our raw Snappy decoder against snappy-java's (native, reference) compressor. */
class SnappyTest {
  private static final Path FILE = Path.of("test.index");

  private static byte[] roundTrip(byte[] input) throws Exception {
    byte[] compressed = org.xerial.snappy.Snappy.compress(input);
    return Snappy.decompress(ByteBuffer.wrap(compressed), FILE, 0);
  }

  @Test
  void decodesWhatTheReferenceCompressorWrites() throws Exception {
    Random r = new Random(42);
    for (int size : new int[] {0, 1, 7, 60, 61, 255, 256, 4096, 65536, 65537, 300_000}) {
      byte[] random = new byte[size];
      r.nextBytes(random);
      assertArrayEquals(random, roundTrip(random), "random " + size);
      byte[] repetitive = new byte[size];
      for (int i = 0; i < size; i++) {
        repetitive[i] = (byte) "tensorflow/checkpoint/".charAt(i % 22);
      }
      assertArrayEquals(repetitive, roundTrip(repetitive), "repetitive " + size);
      byte[] runs = new byte[size];
      for (int i = 0; i < size; i++) {
        runs[i] = (byte) (i / 1000);
      }
      assertArrayEquals(runs, roundTrip(runs), "runs " + size);
    }
  }

  @Test
  void rejectsALengthTheInputCannotProduce() {
    // varint 0x7fffffff then one literal byte: would allocate 2 GiB if believed
    byte[] evil = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x00, 0x41};
    CorruptFileException e = assertThrows(CorruptFileException.class,
        () -> Snappy.decompress(ByteBuffer.wrap(evil), FILE, 100));
    assertTrue(e.getMessage().contains("corrupted compressed block contents"), e.getMessage());
    assertTrue(e.offset() == 100);
  }

  @Test
  void rejectsCopiesBeforeTheStartAndTruncation() throws Exception {
    byte[] good = org.xerial.snappy.Snappy.compress("abcabcabcabcabcabcabcabc".getBytes(StandardCharsets.US_ASCII));
    for (int cut = 1; cut < good.length; cut++) {
      byte[] shortened = Arrays.copyOf(good, cut);
      assertThrows(CorruptFileException.class, () -> Snappy.decompress(ByteBuffer.wrap(shortened), FILE, 0), "cut " + cut);
    }
    // length 4, then a copy-1 of 4 bytes at offset 1 with nothing written yet
    byte[] badCopy = {0x04, 0x01, 0x01};
    assertThrows(CorruptFileException.class, () -> Snappy.decompress(ByteBuffer.wrap(badCopy), FILE, 0));
  }

  @Test
  void randomBytesNeverEscapeAsAnotherException() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] junk = new byte[r.nextInt(40)];
      r.nextBytes(junk);
      try {
        Snappy.decompress(ByteBuffer.wrap(junk), FILE, 0);
      } catch (CorruptFileException expected) {
        // fine
      }
    }
  }
}
