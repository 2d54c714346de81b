package io.github.jfreeze.codec.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tensor literal text to tensors and back; random tensors. */
class TensorLiteralTest {
  /** Parses against a placeholder of the given shape; no dimensions means unknown rank. */
  private static Tensor parse(String literal, String dtype, long... placeholder) throws BadValueException {
    return TensorLiteral.parse(literal, dtype, placeholder.length == 0 ? null : placeholder);
  }

  private static String hex(Tensor t) {
    return HexFormat.of().formatHex(t.toByteArray());
  }

  private static BadValueException bad(String literal, String dtype, long[] placeholder) {
    return assertThrows(BadValueException.class, () -> TensorLiteral.parse(literal, dtype, placeholder));
  }

  /** Same dtype, shape and bytes (or string elements). */
  static void assertSame(Tensor expected, Tensor actual, String message) {
    assertEquals(expected.dtype(), actual.dtype(), message);
    assertEquals(expected.shape(), actual.shape(), message);
    if (expected.hasElements()) {
      assertEquals(expected.elements().size(), actual.elements().size(), message);
      IntStream.range(0, expected.elements().size())
          .forEach(i -> assertArrayEquals(expected.elements().get(i), actual.elements().get(i), message));
    } else {
      assertEquals(hex(expected), hex(actual), message);
    }
  }

  @Test
  void scalarForAShapeOnePlaceholderBecomesShapeOne() throws BadValueException {
    Tensor t = parse("10.0", "float32", 1);
    assertArrayEquals(new long[] {1}, t.shape().dims());
    assertEquals("00002041", hex(t));
    assertArrayEquals(new long[] {1}, parse("10", "float32", -1).shape().dims());
    assertArrayEquals(new long[] {1, 1}, parse("10", "float32", 1, -1).shape().dims());
    assertArrayEquals(new long[0], TensorLiteral.parse("10", "float32", null).shape().dims());
    assertArrayEquals(new long[0], TensorLiteral.parse("10", "float32", new long[0]).shape().dims());
    bad("[10]", "float32", new long[0]);
  }

  @Test
  void nestedListsGiveTheShape() throws BadValueException {
    Tensor t = parse("[[1,2],[3,4]]", "int32", -1, 2);
    assertArrayEquals(new long[] {2, 2}, t.shape().dims());
    assertEquals("01000000020000000300000004000000", hex(t));
    assertArrayEquals(new long[] {0}, parse("[]", "float32", -1).shape().dims());
    assertArrayEquals(new long[] {2, 0}, parse(" [ [ ] , [ ] ] ", "float32", 2, 0).shape().dims());
    assertArrayEquals(new long[] {3}, parse("[1, 2, 3]", "float64", 3).shape().dims());
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
  void aFiniteLiteralBeyondTheDtypesRangeIsRefusedNotStoredAsInfinity() throws BadValueException {
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
  void everyDtype(String dtype, String literal, String expectedHex) throws BadValueException {
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
  void strings() throws BadValueException {
    Tensor t = parse("[\"a b\", \"\\u00e9\\n\", \"\\x00\\xff\", word]", "string", -1);
    assertArrayEquals(new long[] {4}, t.shape().dims());
    List<byte[]> s = t.elements();
    assertArrayEquals("a b".getBytes(StandardCharsets.UTF_8), s.get(0));
    assertArrayEquals("é\n".getBytes(StandardCharsets.UTF_8), s.get(1));
    assertArrayEquals(new byte[] {0, (byte) 0xff}, s.get(2));
    assertArrayEquals("word".getBytes(StandardCharsets.UTF_8), s.get(3));
    // a value that is neither a list nor quoted is one string, verbatim
    Tensor verbatim = parse("hello, [world] é", "string");
    assertArrayEquals("hello, [world] é".getBytes(StandardCharsets.UTF_8), verbatim.elements().get(0));
    assertArrayEquals(new long[] {1}, parse("text", "string", 1).shape().dims());
    assertEquals("", new String(parse("\"\"", "string").elements().get(0), StandardCharsets.UTF_8));
    assertTrue(bad("\"abc", "string", null).getMessage().contains("unclosed string"));
    assertTrue(bad("\"\\q\"", "string", null).getMessage().contains("unknown escape \\q"));
  }

  @Test
  void formatReadsBackToTheSameBytes() throws BadValueException {
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
      Tensor t = parse(c[1], c[0]);
      String text = TensorLiteral.format(t);
      Tensor again = parse(text, c[0]);
      assertSame(t, again, c[0] + ": " + c[1] + " -> " + text);
    }
    assertEquals("[[1, 2], [3, 4]]", TensorLiteral.format(parse("[[1,2],[3,4]]", "int32")));
    assertEquals("[\"a\\\"b\"]", TensorLiteral.format(parse("[\"a\\\"b\"]", "string")));
    assertEquals("1.0+2.0j", TensorLiteral.format(parse("1+2j", "complex64")));
  }

  @Test
  void randomValuesAreSeededAndInRange() throws BadValueException {
    Tensor a = RandomTensors.of("float32", new long[] {3, 2}, 7);
    assertSame(a, RandomTensors.of("float32", new long[] {3, 2}, 7), "same seed");
    assertNotEquals(hex(a), hex(RandomTensors.of("float32", new long[] {3, 2}, 8)));
    assertArrayEquals(new long[] {3, 2}, a.shape().dims());
    java.nio.ByteBuffer b = a.data();
    for (int i = 0; i < 6; i++) {
      float f = b.getFloat();
      assertTrue(f >= -1 && f < 1, Float.toString(f));
    }
    for (byte v : RandomTensors.of("int8", new long[] {100}, 1).toByteArray()) {
      assertTrue(v >= 0 && v < 5);
    }
    Tensor s = RandomTensors.of("string", new long[] {4}, 1);
    assertEquals(4, s.elements().size());
    assertTrue(assertThrows(BadValueException.class, () -> RandomTensors.of("variant", new long[0], 1)).getMessage()
        .contains("cannot make random values of dtype variant"));
  }
}
