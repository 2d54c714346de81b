package io.github.jfreeze.freezer.internal;

import io.github.jfreeze.codec.DType;
import io.github.jfreeze.freezer.FreezeException;
import io.github.jfreeze.proto.DataType;
import io.github.jfreeze.proto.TensorProto;
import io.github.jfreeze.proto.TensorShapeProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys and values TF's {@code InitializeTableFromTextFileV2} would put into a table, read in
 * pure Java with TF 2.18's rules ({@code lookup_util.cc}'s {@code TextFileLineIterator} over
 * {@code io::InputBuffer::ReadLine}):
 *
 * <ul>
 *   <li>a line ends at {@code '\n'}, one {@code '\r'} just before its end dropped ({@code
 *       '\r'} elsewhere stays); a last line without {@code '\n'} counts when it is not empty
 *       then; an empty line is an error;
 *   <li>index {@code -2} is the whole line, {@code -1} the line number (int64, plus {@code
 *       offset}), {@code n >= 0} the n-th field split at the one-character delimiter (empty
 *       fields kept; fewer fields than needed is an error);
 *   <li>{@code vocab_size} {@code -1} reads every line; otherwise the first {@code vocab_size}
 *       lines, and a file with fewer lines is an error;
 *   <li>a field becomes the column's dtype: string as is; int32 and int64 as {@code safe_strto32}/
 *       {@code safe_strto64} read them (spaces around, an optional {@code -}, decimal digits, no
 *       overflow), int32 plus {@code offset} as TF adds it; float and double only in plain
 *       decimal form (digits, point, exponent; spaces around; under 32 bytes, as {@code
 *       safe_strtof} demands), which Java rounds as TF's double-conversion does. Other spellings TF might accept (hex, inf, nan) are refused rather
 *       than guessed;
 *   <li>a key given twice with another value is an error ({@code HashTable}'s insert), with the
 *       same value it is kept, as TF keeps it.
 * </ul>
 *
 * Every error names the file and the line, as TF's would, and refuses the freeze.
 */
final class TextFileTable {
  /** TF's {@code kWholeLine}. */
  static final long WHOLE_LINE = -2;
  /** TF's {@code kLineNumber}. */
  static final long LINE_NUMBER = -1;

  private static final Pattern DECIMAL = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?[ \\t\\n\\x0B\\f\\r]*");

  /** What to read, as the initializer's attributes and the table's dtypes say. */
  record Form(long keyIndex, long valueIndex, long vocabSize, String delimiter, long offset, DataType keyType,
      DataType valueType) {
    /** TF's name of the form, for reports: {@code key=whole line, value=line number}. */
    String describe() {
      return "key=" + column(keyIndex) + ", value=" + column(valueIndex)
          + (keyIndex >= 0 || valueIndex >= 0 ? ", delimiter=" + printable(delimiter) : "")
          + (vocabSize >= 0 ? ", vocab_size=" + vocabSize : "") + (offset != 0 ? ", offset=" + offset : "");
    }

    private static String column(long index) {
      return index == WHOLE_LINE ? "whole line" : index == LINE_NUMBER ? "line number" : "field " + index;
    }

    private static String printable(String d) {
      return d.equals("\t") ? "\\t" : "'" + d + "'";
    }
  }

  /** The table's contents: keys and values as Const tensors, in file order. */
  record Contents(TensorProto keys, TensorProto values, int entries) {}

  private TextFileTable() {}

  /**
   * Reads {@code file} as TF would fill a table of {@code form} from it.
   *
   * @param what the initializer, for messages
   * @throws FreezeException when TF would fail to initialize the table, or the form is one this
   *     reader refuses
   */
  static Contents read(Path file, Form form, String what) throws IOException {
    check(form, what);
    byte[] bytes = Files.readAllBytes(file);
    Column keys = new Column(form.keyType());
    Column values = new Column(form.valueType());
    Map<Object, Object> seen = new HashMap<>();
    byte delimiter = form.delimiter().getBytes(StandardCharsets.ISO_8859_1)[0];
    boolean splits = Math.max(form.keyIndex(), form.valueIndex()) >= 0;
    long lineNumber = 0;
    int pos = 0;
    while (true) {
      int end = pos;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      boolean ended = end < bytes.length;
      int stop = end > pos && bytes[end - 1] == '\r' ? end - 1 : end; // one '\r' before the line's end goes
      byte[] text = java.util.Arrays.copyOfRange(bytes, pos, stop);
      pos = ended ? end + 1 : end;
      if (!ended && text.length == 0) {
        if (form.vocabSize() != -1 && lineNumber != form.vocabSize()) {
          throw refuse(file, what, "expected vocab_size " + form.vocabSize() + " lines but the file has " + lineNumber
              + " (TF: Invalid vocab_size)");
        }
        break;
      }
      if (form.vocabSize() != -1 && lineNumber >= form.vocabSize()) {
        break; // TF stops at vocab_size lines
      }
      if (text.length == 0) {
        throw refuse(file, what, "line " + (lineNumber + 1) + " is empty (TF: Invalid content ... empty line found)");
      }
      List<byte[]> fields = splits ? split(text, delimiter) : List.of();
      long needed = Math.max(form.keyIndex(), form.valueIndex()) + 1;
      if (fields.size() < needed) {
        throw refuse(file, what, "line " + (lineNumber + 1) + " has " + fields.size() + " field(s); the table needs at least "
            + needed + " (TF: Invalid number of columns)");
      }
      Object key = keys.add(text, fields, form.keyIndex(), lineNumber, form.offset(), file, what);
      Object value = values.add(text, fields, form.valueIndex(), lineNumber, form.offset(), file, what);
      Object before = seen.putIfAbsent(key, value);
      if (before != null && !before.equals(value)) {
        throw refuse(file, what, "line " + (lineNumber + 1) + " gives key " + keyText(key) + " a second, different value "
            + "(TF: HashTable has different value for same key)");
      }
      lineNumber++;
    }
    return new Contents(keys.proto(), values.proto(), keys.size());
  }

  private static String keyText(Object key) {
    return key instanceof ByteString b ? "'" + b.toStringUtf8() + "'" : String.valueOf(key);
  }

  private static void check(Form form, String what) throws FreezeException {
    if (form.delimiter().length() != 1 || form.delimiter().charAt(0) > 0xff) {
      throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, what + ": delimiter '" + form.delimiter()
          + "' is not one character (TF: delimiter should be only 1 char)");
    }
    checkColumn(form.keyIndex(), form.keyType(), "key", what);
    checkColumn(form.valueIndex(), form.valueType(), "value", what);
  }

  private static void checkColumn(long index, DataType type, String which, String what) throws FreezeException {
    String name = DType.of(type).pythonName();
    if (index == LINE_NUMBER && type != DataType.DT_INT64) {
      throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, what + ": the " + which
          + " is the line number, which needs an int64 table " + which + ", not " + name);
    }
    if (index < WHOLE_LINE) {
      throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, what + ": " + which + "_index " + index
          + " is below -2");
    }
    switch (type) {
      case DT_STRING, DT_INT32, DT_INT64 -> { }
      case DT_FLOAT, DT_DOUBLE -> {
        if (index == WHOLE_LINE) {
          throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, what + ": the " + which
              + " is the whole line, which needs a string or integer table " + which + ", not " + name);
        }
      }
      default -> throw new FreezeException(FreezeException.Reason.UNSUPPORTED, null, what + ": table " + which
          + " dtype " + name + " cannot be read from a text file (TF: Data type not supported)");
    }
  }

  /** absl::StrSplit on one character: every field, empty ones too. */
  private static List<byte[]> split(byte[] line, byte delimiter) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length; i++) {
      if (i == line.length || line[i] == delimiter) {
        byte[] f = new byte[i - start];
        System.arraycopy(line, start, f, 0, f.length);
        out.add(f);
        start = i + 1;
      }
    }
    return out;
  }

  private static FreezeException refuse(Path file, String what, String problem) {
    return new FreezeException(FreezeException.Reason.UNSUPPORTED, file, what + " cannot be made constant: " + problem);
  }

  /** One column of the table (keys or values) as it is read. */
  private static final class Column {
    private final DataType type;
    private final TensorProto.Builder proto;
    private int size;

    Column(DataType type) {
      this.type = type;
      this.proto = TensorProto.newBuilder().setDtype(type);
    }

    int size() {
      return size;
    }

    Object add(byte[] line, List<byte[]> fields, long index, long lineNumber, long offset, Path file, String what)
        throws FreezeException {
      size++;
      if (index == LINE_NUMBER) {
        long v = lineNumber + offset;
        proto.addInt64Val(v);
        return v;
      }
      byte[] token = index == WHOLE_LINE ? line : fields.get((int) index);
      String where = "line " + (lineNumber + 1);
      switch (type) {
        case DT_STRING -> {
          ByteString s = ByteString.copyFrom(token);
          proto.addStringVal(s);
          return s;
        }
        case DT_INT32 -> {
          long v = integer(token, Integer.MIN_VALUE, Integer.MAX_VALUE, file, what, where, "int32");
          int shifted = (int) (v + offset); // TF adds the offset to an int32 field, in int32
          proto.addIntVal(shifted);
          return shifted;
        }
        case DT_INT64 -> {
          long v = integer(token, Long.MIN_VALUE, Long.MAX_VALUE, file, what, where, "int64");
          proto.addInt64Val(v);
          return v;
        }
        case DT_FLOAT -> {
          float v = Float.parseFloat(decimal(token, file, what, where, "float"));
          proto.addFloatVal(v);
          return Float.floatToRawIntBits(v);
        }
        case DT_DOUBLE -> {
          double v = Double.parseDouble(decimal(token, file, what, where, "double"));
          proto.addDoubleVal(v);
          return Double.doubleToRawLongBits(v);
        }
        default -> throw new IllegalStateException("checked before: " + type);
      }
    }

    TensorProto proto() {
      return proto.setTensorShape(TensorShapeProto.newBuilder()
          .addDim(TensorShapeProto.Dim.newBuilder().setSize(size))).build();
    }
  }

  /** {@code strings::safe_strto32/64}: spaces, an optional '-', digits, spaces; no overflow. */
  private static long integer(byte[] token, long min, long max, Path file, String what, String where, String type)
      throws FreezeException {
    int i = 0;
    int n = token.length;
    while (i < n && isSpace(token[i])) {
      i++;
    }
    boolean negative = i < n && token[i] == '-';
    if (negative) {
      i++;
    }
    if (i >= n || !isDigit(token[i])) {
      throw notA(token, file, what, where, type);
    }
    long v = 0;
    try {
      while (i < n && isDigit(token[i])) {
        int d = token[i++] - '0';
        v = negative ? Math.subtractExact(Math.multiplyExact(v, 10), d) : Math.addExact(Math.multiplyExact(v, 10), d);
        if (v < min || v > max) {
          throw notA(token, file, what, where, type);
        }
      }
    } catch (ArithmeticException e) {
      throw notA(token, file, what, where, type);
    }
    while (i < n && isSpace(token[i])) {
      i++;
    }
    if (i != n) {
      throw notA(token, file, what, where, type);
    }
    return v;
  }

  private static String decimal(byte[] token, Path file, String what, String where, String type) throws FreezeException {
    String s = new String(token, StandardCharsets.ISO_8859_1);
    if (token.length >= 32) { // safe_strtof/safe_strtod refuse kFastToBufferSize bytes and more
      throw notA(token, file, what, where, type);
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw new FreezeException(FreezeException.Reason.UNSUPPORTED, file, what + " cannot be made constant: " + where
          + " field '" + new String(token, StandardCharsets.UTF_8) + "' is not a plain decimal " + type
          + " (jfreeze reads digits, a point and an exponent; it refuses other spellings rather than guess TF's)");
    }
    return s.strip();
  }

  private static FreezeException notA(byte[] token, Path file, String what, String where, String type) {
    return new FreezeException(FreezeException.Reason.UNSUPPORTED, file, what + " cannot be made constant: " + where
        + " field '" + new String(token, StandardCharsets.UTF_8) + "' is not a valid " + type + " (TF: Field ... is not a valid "
        + type + ")");
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
  }
}
