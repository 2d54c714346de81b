package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import io.github.jfreeze.codec.internal.JsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Tensor floats(TensorShape shape, float... v) {
    ByteBuffer b = le(v.length * 4);
    for (float f : v) {
      b.putFloat(f);
    }
    return Tensor.of(DType.FLOAT32, shape, b.flip());
  }

  private static String json(Tensor t, long limit) {
    StringWriter s = new StringWriter();
    JsonWriter w = new JsonWriter(new PrintWriter(s));
    Values.writeJson(w, t, limit);
    w.finish();
    return s.toString().strip();
  }

  @Test
  void pythonFloatRepr() {
    assertEquals("0.5", Values.pyFloat(0.5, true));
    assertEquals("2.0", Values.pyFloat(2, true));
    assertEquals("0.1", Values.pyFloat(0.1f, true));
    assertEquals("0.1", Values.pyFloat(0.1, false));
    assertEquals("1e-05", Values.pyFloat(1e-5, false));
    assertEquals("0.0001", Values.pyFloat(1e-4, false));
    assertEquals("1e+16", Values.pyFloat(1e16, false));
    assertEquals("1234567.0", Values.pyFloat(1234567, false));
    assertEquals("-2.5e-07", Values.pyFloat(-2.5e-7, false));
    assertEquals("-0.0", Values.pyFloat(-0.0, true));
    assertEquals("nan", Values.pyFloat(Double.NaN, true));
    assertEquals("-inf", Values.pyFloat(Double.NEGATIVE_INFINITY, false));
  }

  @Test
  void scalarAndMatrixText() {
    assertEquals("0.5", Values.toText(floats(TensorShape.SCALAR, 0.5f), 1000));
    assertEquals("[[ 1.0 -2.5]\n [ 3.0  4.0]]", Values.toText(floats(TensorShape.of(2, 2), 1, -2.5f, 3, 4), 1000));
    assertEquals("[]", Values.toText(floats(TensorShape.of(0)), 1000));
  }

  @Test
  void largeTensorsAreSummarizedLikeNumpy() {
    float[] v = new float[20];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    assertEquals("[ 0.0  1.0  2.0 ... 17.0 18.0 19.0]", Values.toText(floats(TensorShape.of(20), v), 10));
    assertEquals(20, Values.toText(floats(TensorShape.of(20), v), 1000).split("\\d+\\.0").length - 1);
    String m = Values.toText(floats(TensorShape.of(10, 2), v), 10);
    assertEquals("[[ 0.0  1.0]\n [ 2.0  3.0]\n [ 4.0  5.0]\n ...\n [14.0 15.0]\n [16.0 17.0]\n [18.0 19.0]]", m);
  }

  @Test
  void smallFloatsSwitchToScientific() {
    assertEquals("[1.0e-05 2.5e+00]", Values.toText(floats(TensorShape.of(2), 1e-5f, 2.5f), 1000));
  }

  @Test
  void otherTypesAsText() {
    ByteBuffer c = le(16).putFloat(1).putFloat(-2).putFloat(0.5f).putFloat(3);
    assertEquals("[(1.0-2.0j) (0.5+3.0j)]", Values.toText(Tensor.of(DType.COMPLEX64, TensorShape.of(2), c.flip()), 9));
    ByteBuffer b = le(2).put((byte) 1).put((byte) 0);
    assertEquals("[ True False]", Values.toText(Tensor.of(DType.BOOL, TensorShape.of(2), b.flip()), 9));
    ByteBuffer u = le(8).putLong(-1);
    assertEquals("18446744073709551615", Values.toText(Tensor.of(DType.UINT64, TensorShape.SCALAR, u.flip()), 9));
    Tensor s = Tensor.ofElements(DType.STRING, TensorShape.of(2),
        List.of("hi".getBytes(StandardCharsets.UTF_8), new byte[] {0, (byte) 0xff, '\''}));
    assertEquals("[        b'hi' b'\\x00\\xff\\'']", Values.toText(s, 9));
  }

  @Test
  void jsonValues() {
    assertEquals("[1.0, -2.5, \"NaN\", \"-Infinity\"]",
        json(floats(TensorShape.of(2, 2), 1, -2.5f, Float.NaN, Float.NEGATIVE_INFINITY), -1));
    assertEquals("[1.0, -2.5]", json(floats(TensorShape.of(4), 1, -2.5f, 3, 4), 2));
    ByteBuffer h = le(4).putShort((short) 0x3c00).putShort((short) 0xc000); // float16 1.0, -2.0
    assertEquals("[1.0, -2.0]", json(Tensor.of(DType.FLOAT16, TensorShape.of(2), h.flip()), -1));
    ByteBuffer bf = le(2).putShort((short) 0x3fc0); // bfloat16 1.5
    assertEquals("[1.5]", json(Tensor.of(DType.BFLOAT16, TensorShape.of(1), bf.flip()), -1));
    ByteBuffer c = le(32).putDouble(1).putDouble(-2).putDouble(0.5).putDouble(3);
    assertEquals("[[1.0, -2.0], [0.5, 3.0]]", json(Tensor.of(DType.COMPLEX128, TensorShape.of(2), c.flip()), -1));
    ByteBuffer u = le(16).putLong(-1).putLong(7);
    assertEquals("[18446744073709551615, 7]", json(Tensor.of(DType.UINT64, TensorShape.of(2), u.flip()), -1));
    ByteBuffer i8 = le(2).put((byte) -128).put((byte) 127);
    assertEquals("[-128, 127]", json(Tensor.of(DType.INT8, TensorShape.of(2), i8.flip()), -1));
    ByteBuffer b = le(2).put((byte) 1).put((byte) 0);
    assertEquals("[true, false]", json(Tensor.of(DType.BOOL, TensorShape.of(2), b.flip()), -1));
    Tensor s = Tensor.ofElements(DType.STRING, TensorShape.of(3), List.of("héllo".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xff, 0}, new byte[0]));
    assertEquals("[\"héllo\", {\"base64\": \"/wA=\"}, \"\"]", json(s, -1));
  }
}
