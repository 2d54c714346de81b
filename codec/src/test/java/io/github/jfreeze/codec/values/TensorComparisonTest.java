package io.github.jfreeze.codec.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.values.TensorComparison.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's element comparison. */
class TensorComparisonTest {
  private static Outcome compare(String dtype, String a, String b) throws BadValueException {
    Tensor x = TensorLiteral.parse(a, dtype, null);
    Tensor y = TensorLiteral.parse(b, dtype, null);
    return TensorComparison.compare(x, y, 1e-6);
  }

  /**
   * Issue 11: verify compared with a relative tolerance only, so outputs of 1e-9 and 1e-36 against
   * 0 differed. With the absolute tolerance of the dtype they match, either way round; a real
   * difference near zero still does not.
   */
  @Test
  void tinyOutputsAgainstZeroMatchWithinTheDtypesAbsoluteTolerance() throws BadValueException {
    double atol = TensorComparison.defaultAtol(io.github.jfreeze.codec.DType.FLOAT32);
    for (String[] pair : new String[][] {{"[0]", "[1e-9]"}, {"[1e-36]", "[0]"}, {"[0, 5]", "[-3e-9, 5.000001]"}}) {
      Tensor x = TensorLiteral.parse(pair[0], "float32", null);
      Tensor y = TensorLiteral.parse(pair[1], "float32", null);
      assertTrue(TensorComparison.compare(x, y, 1e-6, atol).match(), pair[0] + " vs " + pair[1]);
      assertTrue(TensorComparison.compare(y, x, 1e-6, atol).match());
      assertFalse(TensorComparison.compare(x, y, 1e-6, 0).match());
    }
    Tensor zero = TensorLiteral.parse("[0]", "float32", null);
    Tensor small = TensorLiteral.parse("[1e-4]", "float32", null);
    assertFalse(TensorComparison.compare(zero, small, 1e-6, atol).match());
    assertEquals(0, TensorComparison.defaultAtol(io.github.jfreeze.codec.DType.INT32));
    assertEquals(1e-12, TensorComparison.defaultAtol(io.github.jfreeze.codec.DType.FLOAT64));
  }

  @Test
  void floatsMatchWithinRelativeTolerance() throws BadValueException {
    Outcome same = compare("float64", "[1, -2, 0]", "[1, -2, -0.0]");
    assertTrue(same.match());
    assertEquals(0, same.maxAbsDiff());
    assertEquals(0, same.maxRelDiff());

    Outcome close = compare("float64", "[1000000, 1]", "[1000000.9, 1]");
    assertTrue(close.match(), close.toString());
    assertEquals(0.9, close.maxAbsDiff(), 1e-9);

    Outcome far = compare("float64", "[1000000, 1, 5]", "[1000001.5, 1.5, 5]");
    assertFalse(far.match());
    assertEquals(2, far.mismatched());
    assertEquals(1.5, far.maxAbsDiff(), 1e-9);
    assertEquals(0.5 / 1.5, far.maxRelDiff(), 1e-12);

    // relative means relative: a tiny number against zero does not match
    assertFalse(compare("float32", "[0]", "[1e-30]").match());
  }

  @Test
  void nanMatchesNanOnly() throws BadValueException {
    assertTrue(compare("float32", "[nan, inf, -inf]", "[nan, inf, -inf]").match());
    Outcome nan = compare("float32", "[nan, 1]", "[1, 1]");
    assertFalse(nan.match());
    assertTrue(Double.isNaN(nan.maxAbsDiff()));
    Outcome inf = compare("float32", "[inf]", "[1]");
    assertFalse(inf.match());
    assertEquals(Double.POSITIVE_INFINITY, inf.maxAbsDiff());
  }

  @Test
  void halfFloatsAndComplexAreCompared() throws BadValueException {
    Outcome h = compare("float16", "[1, 2]", "[1, 2.001953125]");
    assertFalse(h.match());
    assertEquals(0.001953125, h.maxAbsDiff());
    Outcome c = compare("complex64", "[1+2j]", "[1+2.5j]");
    assertFalse(c.match());
    assertEquals(0.5, c.maxAbsDiff());
    assertEquals(1, c.mismatched());
  }

  @Test
  void integersAndBoolsMustBeIdentical() throws BadValueException {
    assertTrue(compare("int64", "[1, -5]", "[1, -5]").match());
    Outcome i = compare("int32", "[100000000, 7]", "[100000001, 7]");
    assertFalse(i.match());
    assertEquals(1, i.maxAbsDiff());
    assertEquals(1, i.mismatched());
    assertFalse(compare("bool", "[true]", "[false]").match());
    Outcome u = compare("uint64", "[18446744073709551615]", "[0]");
    assertEquals(1.8446744073709552e19, u.maxAbsDiff());
  }

  @Test
  void stringsMustBeIdentical() {
    List<byte[]> a = List.of("x".getBytes(StandardCharsets.UTF_8), "y".getBytes(StandardCharsets.UTF_8));
    List<byte[]> b = List.of("x".getBytes(StandardCharsets.UTF_8), "z".getBytes(StandardCharsets.UTF_8));
    TensorShape shape = TensorShape.of(2);
    Tensor x = Tensor.ofElements(DType.STRING, shape, a);
    assertTrue(TensorComparison.compare(x, x, 1e-6).match());
    Outcome o = TensorComparison.compare(x, Tensor.ofElements(DType.STRING, shape, b), 1e-6);
    assertFalse(o.match());
    assertEquals(1, o.mismatched());
    assertTrue(Double.isNaN(o.maxAbsDiff()));
  }

  @Test
  void shapeAndDtypeMismatchesAreExplained() throws BadValueException {
    Outcome s = compare("float32", "[1, 2]", "[[1, 2]]");
    assertFalse(s.match());
    assertEquals("shape [2] vs [1, 2]", s.note());
    Tensor x = TensorLiteral.parse("[1]", "float32", null);
    Tensor y = TensorLiteral.parse("[1]", "float64", null);
    Outcome d = TensorComparison.compare(x, y, 1e-6);
    assertFalse(d.match());
    assertEquals("dtype float32 vs float64", d.note());
  }
}
