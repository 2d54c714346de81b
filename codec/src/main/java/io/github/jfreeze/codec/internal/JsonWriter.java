package io.github.jfreeze.codec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one JSON document writer of jfreeze (the CLI's {@code --json}, the fixture generator's
 * records): Jackson's streaming generator, laid out by {@link Layout} and with strings escaped by
 * {@link JsonStrings} (the safetensors header, which the library writes without Jackson, uses the
 * same escaping).
 *
 * <p>Objects and arrays are indented two spaces per level, except those opened with {@link
 * #beginCompactArray()} (shapes, values) or {@link #beginCompactObject()}, which are written on one
 * line with everything inside them. Commas are placed by Jackson; misuse (a value where a name is
 * due) throws {@link IllegalStateException}. Jackson is an optional dependency of codec: only the
 * CLI and the generator, which declare it, call this class.
 *
 * <p>Over 400 lines: it implements two of Jackson's callback interfaces in full, {@link
 * PrettyPrinter} (the layout) and {@link SerializableString} (strings already escaped), nested here
 * because nothing else uses them.
 */
public final class JsonWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final Writer out;
  private final JsonGenerator gen;
  private final Layout layout = new Layout();
  private final boolean asciiOnly;
  private boolean nameWritten;

  /**
   * A writer that keeps Unicode as it is (escaping control characters, U+2028/U+2029 and lone
   * surrogates).
   *
   * @param out where the document goes
   */
  public JsonWriter(Writer out) {
    this(out, false);
  }

  /**
   * A writer.
   *
   * @param out where the document goes
   * @param asciiOnly true to escape every character outside printable ASCII (stable, plain-ASCII
   *     files)
   */
  public JsonWriter(Writer out, boolean asciiOnly) {
    this.out = out;
    this.asciiOnly = asciiOnly;
    try {
      this.gen = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.setPrettyPrinter(layout);
  }

  /** Opens an object (on one line inside a compact array or object). */
  public JsonWriter beginObject() {
    return start(false, () -> gen.writeStartObject());
  }

  /** Opens an object written on one line, with everything nested in it. */
  public JsonWriter beginCompactObject() {
    return start(true, () -> gen.writeStartObject());
  }

  /** Closes the innermost object. */
  public JsonWriter endObject() {
    if (nameWritten) {
      throw new IllegalStateException("cannot close an object here: a name waits for its value");
    }
    return call(() -> gen.writeEndObject());
  }

  /** Opens an array whose elements go on their own lines (unless inside a compact array). */
  public JsonWriter beginArray() {
    return start(false, () -> gen.writeStartArray());
  }

  /** Opens an array written on one line, with everything nested in it. */
  public JsonWriter beginCompactArray() {
    return start(true, () -> gen.writeStartArray());
  }

  /** Closes the innermost array. */
  public JsonWriter endArray() {
    return call(() -> gen.writeEndArray());
  }

  /** The name of the next value in an object. */
  public JsonWriter name(String name) {
    call(() -> gen.writeFieldName(new Quoted(name, asciiOnly)));
    nameWritten = true;
    return this;
  }

  /** A string, or null. */
  public JsonWriter value(String s) {
    if (s == null) {
      return nullValue();
    }
    return value(() -> gen.writeString(new Quoted(s, asciiOnly)));
  }

  /** A whole number. */
  public JsonWriter value(long v) {
    return value(() -> gen.writeNumber(v));
  }

  /** {@code true} or {@code false}. */
  public JsonWriter value(boolean v) {
    return value(() -> gen.writeBoolean(v));
  }

  /** A double; NaN and infinities (not JSON numbers) become the strings "NaN", "Infinity", "-Infinity". */
  public JsonWriter value(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return value(Double.toString(v));
    }
    return value(() -> gen.writeNumber(v));
  }

  /** A float written with float precision (shortest digits that read back as the same float). */
  public JsonWriter value(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return value(Float.toString(v));
    }
    return value(() -> gen.writeNumber(v));
  }

  /** The bits of a uint64 as the unsigned number they are. */
  public JsonWriter unsignedValue(long v) {
    return rawNumber(Long.toUnsignedString(v));
  }

  /** {@code null}. */
  public JsonWriter nullValue() {
    return value(() -> gen.writeNull());
  }

  /** Writes literal JSON text (a number, {@code true}, ...); the caller vouches for its syntax. */
  public JsonWriter rawNumber(String literal) {
    return value(() -> gen.writeRawValue(literal));
  }

  /** Ends the document with a newline and flushes. */
  public void finish() {
    if (!gen.getOutputContext().inRoot()) {
      throw new IllegalStateException("unclosed " + (gen.getOutputContext().inObject() ? "object" : "array"));
    }
    try {
      gen.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  private JsonWriter start(boolean compact, Step open) {
    layout.nextCompact = compact;
    return value(open);
  }

  private JsonWriter value(Step step) {
    call(step);
    nameWritten = false;
    return this;
  }

  private JsonWriter call(Step step) {
    try {
      step.run();
    } catch (JsonGenerationException e) {
      throw new IllegalStateException(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      layout.nextCompact = false;
    }
    return this;
  }

  /**
   * Where Jackson's callbacks put line breaks: after the opening bracket and between the entries of
   * an expanded container, indented two spaces per open container; {@code ", "} and {@code ": "}
   * on one line inside a compact one, and everything nested in a compact container is compact.
   */
  private static final class Layout implements PrettyPrinter {
    private final Deque<Boolean> compact = new ArrayDeque<>();
    boolean nextCompact;

    private void open(JsonGenerator g, char bracket) throws IOException {
      compact.push(nextCompact || (!compact.isEmpty() && compact.peek()));
      g.writeRaw(bracket);
    }

    private void close(JsonGenerator g, int entries, char bracket) throws IOException {
      boolean c = compact.pop();
      if (entries > 0 && !c) {
        newline(g);
      }
      g.writeRaw(bracket);
    }

    private void first(JsonGenerator g) throws IOException {
      if (!compact.peek()) {
        newline(g);
      }
    }

    private void next(JsonGenerator g) throws IOException {
      if (compact.peek()) {
        g.writeRaw(", ");
      } else {
        g.writeRaw(',');
        newline(g);
      }
    }

    private void newline(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
      for (int i = 0; i < compact.size(); i++) {
        g.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      open(g, '{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      close(g, entries, '}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      next(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      open(g, '[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      close(g, values, ']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      next(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      first(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      first(g);
    }
  }

  /** A string with {@link JsonStrings}' escaping, which Jackson writes between quotes as it is. */
  private static final class Quoted implements SerializableString {
    private final String value;
    private final String escaped;

    Quoted(String value, boolean asciiOnly) {
      this.value = value;
      String q = JsonStrings.quote(value, asciiOnly);
      this.escaped = q.substring(1, q.length() - 1);
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public int charLength() {
      return value.length();
    }

    @Override
    public char[] asQuotedChars() {
      return escaped.toCharArray();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] asQuotedUTF8() {
      return escaped.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return copy(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return copy(escaped, buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      return copy(asUnquotedUTF8(), buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      return copy(value, buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      byte[] b = asQuotedUTF8();
      out.write(b);
      return b.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      byte[] b = asUnquotedUTF8();
      out.write(b);
      return b.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      return put(asQuotedUTF8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      return put(asUnquotedUTF8(), buffer);
    }

    private static int copy(String s, char[] buffer, int offset) {
      if (offset + s.length() > buffer.length) {
        return -1;
      }
      s.getChars(0, s.length(), buffer, offset);
      return s.length();
    }

    private static int copy(byte[] b, byte[] buffer, int offset) {
      if (offset + b.length > buffer.length) {
        return -1;
      }
      System.arraycopy(b, 0, buffer, offset, b.length);
      return b.length;
    }

    private static int put(byte[] b, ByteBuffer buffer) {
      if (b.length > buffer.remaining()) {
        return -1;
      }
      buffer.put(b);
      return b.length;
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
