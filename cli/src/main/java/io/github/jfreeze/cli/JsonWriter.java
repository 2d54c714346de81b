package io.github.jfreeze.cli;

import io.github.jfreeze.codec.internal.JsonStrings;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259): objects and arrays are indented two spaces per
 * level, except those opened with {@link #beginCompactArray()} (shapes, values) or {@link
 * #beginCompactObject()}, which are written on one line with everything inside them. Commas are placed automatically; misuse (a value where a name is due)
 * throws {@link IllegalStateException}.
 */
final class JsonWriter {
  /** One open object or array. */
  private static final class Frame {
    final boolean object;
    final boolean compact;
    boolean empty = true;

    Frame(boolean object, boolean compact) {
      this.object = object;
      this.compact = compact;
    }
  }

  private final PrintWriter out;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private boolean nameWritten;

  JsonWriter(PrintWriter out) {
    this.out = out;
  }

  JsonWriter beginObject() {
    beforeValue();
    out.write('{');
    stack.push(new Frame(true, compact()));
    return this;
  }

  JsonWriter endObject() {
    pop(true, '}');
    return this;
  }

  /** An object written on one line, with everything nested in it. */
  JsonWriter beginCompactObject() {
    beforeValue();
    out.write('{');
    stack.push(new Frame(true, true));
    return this;
  }

  /** An array whose elements go on their own lines (unless inside a compact array). */
  JsonWriter beginArray() {
    beforeValue();
    out.write('[');
    stack.push(new Frame(false, compact()));
    return this;
  }

  /** An array written on one line, with everything nested in it. */
  JsonWriter beginCompactArray() {
    beforeValue();
    out.write('[');
    stack.push(new Frame(false, true));
    return this;
  }

  JsonWriter endArray() {
    pop(false, ']');
    return this;
  }

  JsonWriter name(String name) {
    if (stack.isEmpty() || !stack.peek().object || nameWritten) {
      throw new IllegalStateException("a name is not allowed here");
    }
    separator();
    writeString(name);
    out.write(": ");
    nameWritten = true;
    return this;
  }

  JsonWriter value(String s) {
    if (s == null) {
      return nullValue();
    }
    beforeValue();
    writeString(s);
    return this;
  }

  JsonWriter value(long v) {
    return rawNumber(Long.toString(v));
  }

  JsonWriter value(boolean v) {
    return rawNumber(Boolean.toString(v));
  }

  /** A double; NaN and infinities (not JSON numbers) become the strings "NaN", "Infinity", "-Infinity". */
  JsonWriter value(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return value(Double.toString(v));
    }
    return rawNumber(Double.toString(v));
  }

  /** A float written with float precision (shortest digits that read back as the same float). */
  JsonWriter value(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return value(Float.toString(v));
    }
    return rawNumber(Float.toString(v));
  }

  JsonWriter unsignedValue(long v) {
    return rawNumber(Long.toUnsignedString(v));
  }

  JsonWriter nullValue() {
    return rawNumber("null");
  }

  /** Writes literal JSON text (a number, {@code true}, ...); the caller vouches for its syntax. */
  JsonWriter rawNumber(String literal) {
    beforeValue();
    out.write(literal);
    return this;
  }

  /** Ends the document with a newline and flushes. */
  void finish() {
    if (!stack.isEmpty()) {
      throw new IllegalStateException("unclosed " + (stack.peek().object ? "object" : "array"));
    }
    out.write('\n');
    out.flush();
  }

  private boolean compact() {
    return !stack.isEmpty() && stack.peek().compact;
  }

  private void pop(boolean object, char close) {
    Frame top = stack.peek();
    if (top == null || top.object != object || nameWritten) {
      throw new IllegalStateException("cannot close " + (object ? "an object" : "an array") + " here");
    }
    stack.pop();
    if (!top.empty && !top.compact) {
      newline();
    }
    out.write(close);
  }

  private void beforeValue() {
    Frame top = stack.peek();
    if (top != null && top.object) {
      if (!nameWritten) {
        throw new IllegalStateException("a value in an object needs a name first");
      }
      nameWritten = false;
      return;
    }
    if (top != null) {
      separator();
    }
  }

  private void separator() {
    Frame top = stack.peek();
    if (!top.empty) {
      out.write(top.compact ? ", " : ",");
    }
    top.empty = false;
    if (!top.compact) {
      newline();
    }
  }

  private void newline() {
    out.write('\n');
    for (int i = 0; i < stack.size(); i++) {
      out.write("  ");
    }
  }

  private void writeString(String s) {
    out.write(JsonStrings.quote(s, false));
  }
}
