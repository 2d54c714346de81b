package io.github.jfreeze.codec.graph;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.jfreeze.proto.VariableDef;

/**
 * What {@link GraphSummary} reads of a VariableDef in a MetaGraphDef's collections, its {@code
 * variable_name} and {@code trainable}, without protobuf where the bytes are laid out as TF writes
 * them: a model of 20,000 variables lists 40,000 VariableDefs ({@code variables} and {@code
 * trainable_variables}), which {@code inspect} otherwise parses whole (benchmark: the whole-process
 * {@code inspect} of {@code many}).
 *
 * <p>The reader takes fields in increasing order, each once, strings in ASCII, and no slice info or
 * field it does not know; anything else is parsed by protobuf as before. Either way the answer is
 * what {@code VariableDef.parseFrom} gives, or null where it fails ({@code VariableDefFactsTest}, on
 * every VariableDef of the fixtures and the corpus and on damaged copies).
 */
final class VariableDefFacts {
  private VariableDefFacts() {}

  /** A VariableDef's name (as written, with its {@code :0}) and trainable flag. */
  record Facts(String variableName, boolean trainable) {}

  /**
   * The facts of a serialized VariableDef.
   *
   * @return its name and trainable flag, or null when protobuf cannot parse it
   */
  static Facts of(ByteString bytes) {
    Facts f = scan(bytes);
    if (f != null) {
      return f;
    }
    try {
      VariableDef d = VariableDef.parseFrom(bytes);
      return new Facts(d.getVariableName(), d.getTrainable());
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  /** The facts when the layout is the plain one, else null (then protobuf decides). */
  static Facts scan(ByteString bytes) {
    int n = bytes.size();
    int at = 0;
    int last = 0;
    String name = "";
    boolean trainable = false;
    long[] value = new long[1];
    while (at < n) {
      int tag = bytes.byteAt(at++);
      if (tag <= 0) {
        return null; // a tag of more than one byte (no field of VariableDef needs one), or zero
      }
      int field = tag >>> 3;
      if (field <= last) {
        return null;
      }
      last = field;
      switch (field) {
        case 1, 2, 3, 6 -> { // variable_name, initializer_name, snapshot_name, initial_value_name
          if ((tag & 7) != 2) {
            return null;
          }
          at = varint(bytes, at, n, value);
          if (at < 0 || value[0] < 0 || value[0] > n - at) {
            return null; // (a negative length, ten bytes long, is protobuf's to refuse)
          }
          int end = at + (int) value[0];
          for (int k = at; k < end; k++) {
            if (bytes.byteAt(k) < 0) {
              return null; // not ASCII: protobuf checks the UTF-8
            }
          }
          if (field == 1) {
            name = bytes.substring(at, end).toString(java.nio.charset.StandardCharsets.US_ASCII);
          }
          at = end;
        }
        case 5, 7, 8, 9 -> { // is_resource, trainable, synchronization, aggregation
          if ((tag & 7) != 0) {
            return null;
          }
          at = varint(bytes, at, n, value);
          if (at < 0) {
            return null;
          }
          if (field == 7) {
            trainable = value[0] != 0;
          }
        }
        default -> {
          return null; // the slice info (4), or a field this reader does not know
        }
      }
    }
    return new Facts(name, trainable);
  }

  /** Reads a varint at {@code at} into {@code value[0]}; returns where it ends, or -1 (a tenth byte other than 1 is left to protobuf). */
  private static int varint(ByteString b, int at, int n, long[] value) {
    long v = 0;
    for (int i = 0; i < 10 && at + i < n; i++) {
      int x = b.byteAt(at + i);
      v |= (long) (x & 0x7F) << (7 * i);
      if (x >= 0) {
        if (i == 9 && x != 1) {
          return -1;
        }
        value[0] = v;
        return at + i + 1;
      }
    }
    return -1;
  }
}
