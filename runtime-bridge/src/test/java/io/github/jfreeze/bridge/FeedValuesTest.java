package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.internal.SmallFloats;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Feed value text to tensors and back (pure Java, no natives). */
class FeedValuesTest {
  /** Parses against a placeholder of the given shape; no dimensions means unknown rank. */
  private static NativeTensor parse(String literal, String dtype, long... placeholder) throws NativeRunException {
    return FeedValues.parse("x", literal, dtype, placeholder.length == 0 ? null : placeholder);
  }

  private static String hex(NativeTensor t) {
    return HexFormat.of().formatHex(t.data());
  }

  private static NativeRunException bad(String literal, String dtype, long[] placeholder) {
    NativeRunException e = assertThrows(NativeRunException.class, () -> FeedValues.parse("x", literal, dtype, placeholder));
    assertEquals(NativeRunException.Reason.BAD_FEED, e.reason());
    assertTrue(e.getMessage().startsWith("feed x: "), e.getMessage());
    return e;
  }

  @Test
  void scalarForAShapeOnePlaceholderBecomesShapeOne() throws NativeRunException {
    NativeTensor t = parse("10.0", "float32", 1);
    assertArrayEquals(new long[] {1}, t.shape());
    assertEquals("00002041", hex(t));
    assertArrayEquals(new long[] {1}, parse("10", "float32", -1).shape());
    assertArrayEquals(new long[] {1, 1}, parse("10", "float32", 1, -1).shape());
    assertArrayEquals(new long[0], FeedValues.parse("x", "10", "float32", null).shape());
    assertArrayEquals(new long[0], FeedValues.parse("x", "10", "float32", new long[0]).shape());
    bad("[10]", "float32", new long[0]);
  }

  @Test
  void nestedListsGiveTheShape() throws NativeRunException {
    NativeTensor t = parse("[[1,2],[3,4]]", "int32", -1, 2);
    assertArrayEquals(new long[] {2, 2}, t.shape());
    assertEquals("01000000020000000300000004000000", hex(t));
    assertArrayEquals(new long[] {0}, parse("[]", "float32", -1).shape());
    assertArrayEquals(new long[] {2, 0}, parse(" [ [ ] , [ ] ] ", "float32", 2, 0).shape());
    assertArrayEquals(new long[] {3}, parse("[1, 2, 3]", "float64", 3).shape());
  }

  @Test
  void shapesMustFitThePlaceholder() {
    assertTrue(bad("[1,2,3]", "float32", new long[] {2}).getMessage()
        .contains("the value has shape [3] but the placeholder is float32[2]"));
    bad("[[1,2]]", "float32", new long[] {-1});
    bad("5", "float32", new long[] {2});
    bad("5", "float32", new long[] {1, 3});
  }

  @Test
  void aFiniteLiteralBeyondTheDtypesRangeIsRefusedNotStoredAsInfinity() throws NativeRunException {
    String m = bad("1e999", "float32", null).getMessage();
    assertTrue(m.contains("'1e999' is beyond float32's range (largest finite 3.4028235E38); write inf for infinity"), m);
    bad("-1e39", "float32", null);
    bad("1e309", "float64", null);
    bad("[1, 1e999]", "float64", new long[] {2});
    assertTrue(bad("[1, 1e999]", "float64", new long[] {2}).getMessage().contains("(element 1)"));
    // float16's largest finite value is 65504; 65519 still rounds down to it, 65520 rounds to infinity
    assertEquals("ff7b", hex(parse("65519", "float16")));
    assertTrue(bad("65520", "float16", null).getMessage().contains("largest finite 65504.0"));
    bad("1e39", "bfloat16", null);
    bad("1e39+1j", "complex64", null);
    bad("1-1e39j", "complex64", null);
    bad("1e999j", "complex128", null);
    // infinity written as such, the largest finite values and underflow to zero are accepted
    assertEquals("0000807f", hex(parse("inf", "float32")));
    assertEquals("ffff7f7f", hex(parse("3.4028235e38", "float32")));
    assertEquals("00000000", hex(parse("1e-50", "float32")));
    assertEquals("ffffffffffffef7f", hex(parse("1.7976931348623157e308", "float64")));
  }

  @Test
  void raggedAndMalformedValuesAreRefused() {
    assertTrue(bad("[[1,2],[3]]", "float32", null).getMessage().contains("ragged"));
    assertTrue(bad("[[1,2],3]", "float32", null).getMessage().contains("ragged"));
    assertTrue(bad("[1,[2]]", "float32", null).getMessage().contains("ragged"));
    assertTrue(bad("[1,2", "float32", null).getMessage().contains("unclosed '['"));
    assertTrue(bad("[1 2]", "float32", null).getMessage().contains("expected ',' or ']'"));
    assertTrue(bad("[1,]", "float32", null).getMessage().contains("missing value"));
    assertTrue(bad("1]", "float32", null).getMessage().contains("after the value"));
    assertTrue(bad("", "float32", null).getMessage().contains("missing value"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "float32 | -3       | 000040c0",
      "float32 | 1e-3     | 6f12833a",
      "float32 | .5       | 0000003f",
      "float32 | nan      | 0000c07f",
      "float32 | -Infinity| 000080ff",
      "float32 | inf      | 0000807f",
      "float64 | 0.1      | 9a9999999999b93f",
      "float16 | 1        | 003c",
      "float16 | 65504    | ff7b",
      "float16 | inf      | 007c",
      "float16 | -0.0     | 0080",
      "float16 | 5.960464477539063e-8 | 0100",
      "float16 | 2.980232238769531e-8 | 0000",
      "float16 | 0.1      | 662e",
      "bfloat16| 1        | 803f",
      "bfloat16| 3.14159  | 4940",
      "int8     | -128    | 80",
      "uint8    | 255     | ff",
      "qint8    | 127     | 7f",
      "quint8   | 200     | c8",
      "int16    | -2      | feff",
      "uint16   | 65535   | ffff",
      "int32    | -3      | fdffffff",
      "uint32   | 4294967295 | ffffffff",
      "int64    | -9223372036854775808 | 0000000000000080",
      "uint64   | 18446744073709551615 | ffffffffffffffff",
      "int4     | -1      | 0f",
      "int4     | -8      | 08",
      "uint4    | 15      | 0f",
      "bool     | true    | 01",
      "bool     | FALSE   | 00",
      "complex64 | 1+2j   | 0000803f00000040",
      "complex64 | -0.5j  | 00000000000000bf",
      "complex64 | 3      | 0000404000000000",
      "complex128 | 1-1j  | 000000000000f03f000000000000f0bf",
  })
  void everyDtype(String dtype, String literal, String expectedHex) throws NativeRunException {
    assertEquals(expectedHex, hex(parse(literal, dtype)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "int8   | 128     | out of range for int8 [-128, 127]",
      "uint8  | -1      | out of range",
      "int4   | 8       | out of range for int4 [-8, 7]",
      "uint64 | 18446744073709551616 | out of range",
      "int32  | 3.0     | is not an integer",
      "float32| 1.0f    | is not a number",
      "float32| abc     | is not a number",
      "bool   | 1       | is not a bool",
      "complex64 | 1+    | is not a complex number",
      "float32 | '\"1\"' | a quoted string",
      "float8_e5m2 | 1  | cannot feed dtype float8_e5m2",
      "resource | 1     | cannot feed dtype resource",
  })
  void badElements(String dtype, String literal, String message) {
    String m = bad(literal.replace("'", ""), dtype, null).getMessage();
    assertTrue(m.contains(message), m);
  }

  @Test
  void elementErrorsNameTheElement() {
    assertTrue(bad("[1, 2, x]", "float32", null).getMessage().contains("'x' (element 2) is not a number"));
  }

  @Test
  void strings() throws NativeRunException {
    NativeTensor t = parse("[\"a b\", \"\\u00e9\\n\", \"\\x00\\xff\", word]", "string", -1);
    assertArrayEquals(new long[] {4}, t.shape());
    List<byte[]> s = t.strings();
    assertArrayEquals("a b".getBytes(StandardCharsets.UTF_8), s.get(0));
    assertArrayEquals("é\n".getBytes(StandardCharsets.UTF_8), s.get(1));
    assertArrayEquals(new byte[] {0, (byte) 0xff}, s.get(2));
    assertArrayEquals("word".getBytes(StandardCharsets.UTF_8), s.get(3));
    // a value that is neither a list nor quoted is one string, verbatim
    NativeTensor verbatim = parse("hello, [world] é", "string");
    assertArrayEquals("hello, [world] é".getBytes(StandardCharsets.UTF_8), verbatim.strings().get(0));
    assertArrayEquals(new long[] {1}, parse("text", "string", 1).shape());
    assertEquals("", new String(parse("\"\"", "string").strings().get(0), StandardCharsets.UTF_8));
    assertTrue(bad("\"abc", "string", null).getMessage().contains("unclosed string"));
    assertTrue(bad("\"\\q\"", "string", null).getMessage().contains("unknown escape \\q"));
  }

  @Test
  void formatReadsBackToTheSameBytes() throws NativeRunException {
    String[][] cases = {
        {"float32", "[[1.5, -0.0, nan], [inf, -inf, 1.0E-30]]"},
        {"float64", "[0.1, 1.0E300]"},
        {"float16", "[0.1, 65504.0, 6.0E-8]"},
        {"bfloat16", "[3.140625, -2.0]"},
        {"int8", "[-128, 127]"},
        {"uint64", "18446744073709551615"},
        {"int4", "[-8, 7, -1]"},
        {"bool", "[true, false]"},
        {"complex64", "[1.0+2.0j, -1.0-0.5j]"},
        {"string", "[\"a\\\"b\\\\c\", \"\\xff\\x00\", \"é\\n\"]"},
    };
    for (String[] c : cases) {
      NativeTensor t = parse(c[1], c[0]);
      String text = FeedValues.format(t);
      NativeTensor again = parse(text, c[0]);
      assertEquals(t, again, c[0] + ": " + c[1] + " -> " + text);
    }
    assertEquals("[[1, 2], [3, 4]]", FeedValues.format(parse("[[1,2],[3,4]]", "int32")));
    assertEquals("[\"a\\\"b\"]", FeedValues.format(parse("[\"a\\\"b\"]", "string")));
    assertEquals("1.0+2.0j", FeedValues.format(parse("1+2j", "complex64")));
  }

  @Test
  void randomValuesAreSeededAndInRange() throws NativeRunException {
    NativeTensor a = FeedValues.random("x", "float32", new long[] {3, 2}, 7);
    assertEquals(a, FeedValues.random("x", "float32", new long[] {3, 2}, 7));
    assertNotEquals(a, FeedValues.random("x", "float32", new long[] {3, 2}, 8));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(a.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 6; i++) {
      float f = b.getFloat();
      assertTrue(f >= -1 && f < 1, Float.toString(f));
    }
    for (byte v : FeedValues.random("i", "int8", new long[] {100}, 1).data()) {
      assertTrue(v >= 0 && v < 5);
    }
    NativeTensor s = FeedValues.random("s", "string", new long[] {4}, 1);
    assertEquals(4, s.strings().size());
    assertEquals(NativeRunException.Reason.BAD_FEED,
        assertThrows(NativeRunException.class, () -> FeedValues.random("v", "variant", new long[0], 1)).reason());
  }

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
