package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.jfreeze.bridge.internal.DataTypeNames;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/** The Python dtype names against TF Java 1.1.0's DataType enum (pure Java, no natives). */
class DataTypeNamesTest {
  @Test
  void everyTf218DataTypeHasAPythonName() {
    for (DataType dt : DataType.values()) {
      if (dt == DataType.UNRECOGNIZED || dt == DataType.DT_INVALID) {
        continue;
      }
      String name = DataTypeNames.name(dt.getNumber());
      assertFalse(name.startsWith("dtype_"), dt + " has no name");
      if (dt.getNumber() < 100) {
        assertEquals(dt.getNumber(), DataTypeNames.number(name), name);
        String expected = dt.name().substring(3).toLowerCase(java.util.Locale.ROOT);
        expected = switch (expected) {
          case "float" -> "float32";
          case "double" -> "float64";
          case "half" -> "float16";
          default -> expected;
        };
        assertEquals(expected, name, dt.toString());
      } else {
        assertEquals(DataTypeNames.name(dt.getNumber() - 100) + "_ref", name);
      }
    }
  }

  @Test
  void elementSizes() {
    assertEquals(4, DataTypeNames.elementSize(DataType.DT_FLOAT.getNumber()));
    assertEquals(16, DataTypeNames.elementSize(DataType.DT_COMPLEX128.getNumber()));
    assertEquals(1, DataTypeNames.elementSize(DataType.DT_INT4.getNumber()));
    assertEquals(0, DataTypeNames.elementSize(DataType.DT_STRING.getNumber()));
    assertEquals("dtype_99", DataTypeNames.name(99));
    assertEquals(-1, DataTypeNames.number("float128"));
  }
}
