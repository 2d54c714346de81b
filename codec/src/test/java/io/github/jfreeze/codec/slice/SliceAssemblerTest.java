package io.github.jfreeze.codec.slice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.codec.Tensor;
import io.github.jfreeze.codec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slices by hand: TF's string form parsed and printed, a slice cut out of a tensor and put back,
 * and the checks that say why a slice does not fit.
 */
class SliceAssemblerTest {
  private static Tensor ints(TensorShape shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return Tensor.of(DType.INT32, shape, b.flip());
  }

  @Test
  void parsesTheStringForm() {
    TensorSlice s = TensorSlice.parse("1,2:-");
    assertArrayEquals(new long[] {1, 0}, s.starts());
    assertArrayEquals(new long[] {2, TensorSlice.FULL}, s.lengths());
    assertEquals("1,2:-", s.toString());
    for (String bad : List.of("1,x:-", "-1,2", "1", "1,2,3", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorSlice.parse(bad));
      assertEquals("slice '" + bad + "' is not 'start,length' or '-' in each dimension", e.getMessage());
    }
  }

  @Test
  void extractIsTheInverseOfAssemble() {
    // 3 x 2: rows 0..2, values 10*row + column
    TensorShape full = TensorShape.of(3, 2);
    Tensor whole = ints(full, 0, 1, 10, 11, 20, 21);
    TensorSlice top = TensorSlice.parse("0,1:-");
    TensorSlice rest = TensorSlice.parse("1,2:-");
    Tensor a = SliceAssembler.extract(whole, top);
    Tensor b = SliceAssembler.extract(whole, rest);
    assertArrayEquals(new int[] {0, 1}, a.toIntArray());
    assertArrayEquals(new int[] {10, 11, 20, 21}, b.toIntArray());
    assertEquals(TensorShape.of(2, 2), b.shape());
    Tensor column = SliceAssembler.extract(whole, TensorSlice.parse("-:1,1"));
    assertArrayEquals(new int[] {1, 11, 21}, column.toIntArray());
    Tensor back = SliceAssembler.assemble(DType.INT32, full,
        List.of(new SliceAssembler.Part(rest, b), new SliceAssembler.Part(top, a)));
    assertArrayEquals(whole.toIntArray(), back.toIntArray());
  }

  @Test
  void checksSayWhatDoesNotFit() {
    TensorShape full = TensorShape.of(3, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorSlice.parse("2,2:-").lengthsWithin(full));
    assertEquals("slice 2,2:- does not fit in shape [3, 2]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TensorSlice.parse("0,1").lengthsWithin(full));
    assertEquals("slice 0,1 has rank 1 but the tensor has rank 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SliceAssembler.checkCover(full, List.of(TensorSlice.parse("0,2:-"), TensorSlice.parse("1,2:-"))));
    assertEquals("slices 0,2:- and 1,2:- overlap", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SliceAssembler.checkCover(full, List.of(TensorSlice.parse("0,2:-"))));
    assertEquals("slices cover 4 of 6 elements of shape [3, 2]", e.getMessage());
    SliceAssembler.checkCover(full, List.of(TensorSlice.parse("0,2:-"), TensorSlice.parse("2,1:-")));
  }
}
