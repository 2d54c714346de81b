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
   * The facts as protobuf parses them (for bytes the plain reader left to it).
   *
   * @return its name and trainable flag, or null when protobuf cannot parse it
   */
  static Facts parsed(ByteString bytes) {
    try {
      VariableDef d = VariableDef.parseFrom(bytes);
      return new Facts(d.getVariableName(), d.getTrainable());
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  /**
   * Reads VariableDefs laid out the plain way, one after another, through one reused array: the
   * name is left in {@link #bytes} (ASCII) for a lookup by bytes, made a String only on request.
   */
  static final class Reader {
    /** The VariableDef last read; its {@code variable_name} is {@code bytes[nameFrom, nameTo)}. */
    byte[] bytes = new byte[256];
    int nameFrom;
    int nameTo;
    boolean trainable;
    private final long[] value = new long[1];

    /** The variable name as written (with its {@code :0}). */
    String variableName() {
      return new String(bytes, nameFrom, nameTo - nameFrom, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Reads {@code s}: true when its layout is the plain one (the fields are set), false when protobuf must decide. */
    boolean read(ByteString s) {
      int n = s.size();
      if (bytes.length < n) {
        bytes = new byte[Math.max(n, bytes.length * 2)];
      }
      s.copyTo(bytes, 0);
      byte[] b = bytes;
      int at = 0;
      int last = 0;
      nameFrom = 0;
      nameTo = 0;
      trainable = false;
      while (at < n) {
        int tag = b[at++];
        if (tag <= 0) {
          return false; // a tag of more than one byte (no field of VariableDef needs one), or zero
        }
        int field = tag >>> 3;
        if (field <= last) {
          return false;
        }
        last = field;
        switch (field) {
          case 1, 2, 3, 6 -> { // variable_name, initializer_name, snapshot_name, initial_value_name
            if ((tag & 7) != 2) {
              return false;
            }
            at = varint(b, at, n, value);
            if (at < 0 || value[0] < 0 || value[0] > n - at) {
              return false; // (a negative length, ten bytes long, is protobuf's to refuse)
            }
            int end = at + (int) value[0];
            for (int k = at; k < end; k++) {
              if (b[k] < 0) {
                return false; // not ASCII: protobuf checks the UTF-8
              }
            }
            if (field == 1) {
              nameFrom = at;
              nameTo = end;
            }
            at = end;
          }
          case 5, 7, 8, 9 -> { // is_resource, trainable, synchronization, aggregation
            if ((tag & 7) != 0) {
              return false;
            }
            at = varint(b, at, n, value);
            if (at < 0) {
              return false;
            }
            if (field == 7) {
              trainable = value[0] != 0;
            }
          }
          default -> {
            return false; // the slice info (4), or a field this reader does not know
          }
        }
      }
      return true;
    }
  }

  /** Reads a varint at {@code at} into {@code value[0]}; returns where it ends, or -1 (a tenth byte other than 1 is left to protobuf). */
  private static int varint(byte[] b, int at, int n, long[] value) {
    long v = 0;
    for (int i = 0; i < 10 && at + i < n; i++) {
      int x = b[at + i];
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
