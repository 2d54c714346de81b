package io.github.jfreeze.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static String write(Consumer<JsonWriter> body) {
    StringWriter s = new StringWriter();
    JsonWriter w = new JsonWriter(new PrintWriter(s));
    body.accept(w);
    w.finish();
    return s.toString();
  }

  private static JsonNode parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void escapesEverythingJsonRequires() throws Exception {
    String nasty = "q\" b\\ nl\n cr\r tab\t nul\u0000 bel\u0007 del\u007f ls\u2028 emoji\uD83D\uDE00 é";
    String json = write(w -> w.beginObject().name(nasty).value(nasty).endObject());
    JsonNode n = parse(json);
    assertEquals(nasty, n.get(nasty).asText());
    assertEquals(-1, json.indexOf('\u0000'));
    assertEquals(-1, json.indexOf('\u2028'));
  }

  @Test
  void loneSurrogatesAreEscaped() throws Exception {
    String lone = "a\uD800b\uDC00c";
    String json = write(w -> w.beginCompactArray().value(lone).endArray());
    assertEquals("[\"a\\ud800b\\udc00c\"]\n", json);
  }

  @Test
  void numbersAndNonFiniteValues() throws Exception {
    String json = write(w -> w.beginCompactArray().value(1.5f).value(0.1f).value(Float.NaN)
        .value(Double.POSITIVE_INFINITY).value(Double.NEGATIVE_INFINITY).value(-0.0).value(1e-30)
        .unsignedValue(-1L).value(Long.MIN_VALUE).value(true).nullValue().endArray());
    assertEquals("[1.5, 0.1, \"NaN\", \"Infinity\", \"-Infinity\", -0.0, 1.0E-30, 18446744073709551615, "
        + "-9223372036854775808, true, null]\n", json);
    JsonNode n = parse(json);
    assertEquals("18446744073709551615", n.get(7).bigIntegerValue().toString());
    assertEquals(0.1f, n.get(1).floatValue());
  }

  @Test
  void nestingAndLayout() throws Exception {
    String json = write(w -> {
      w.beginObject();
      w.name("a").beginArray().beginCompactObject().name("x").value(1).endObject().endArray();
      w.name("empty").beginArray().endArray();
      w.name("o").beginObject().endObject();
      w.name("shape").beginCompactArray().value(2).value(3).endArray();
      w.name("nested").beginCompactArray().beginCompactArray().value(1).value(2).endArray()
          .beginObject().name("base64").value("AA==").endObject().endArray();
      w.endObject();
    });
    assertEquals("""
        {
          "a": [
            {"x": 1}
          ],
          "empty": [],
          "o": {},
          "shape": [2, 3],
          "nested": [[1, 2], {"base64": "AA=="}]
        }
        """, json);
    parse(json);
  }

  @Test
  void misuseIsAnError() {
    JsonWriter w = new JsonWriter(new PrintWriter(new StringWriter()));
    w.beginObject();
    assertThrows(IllegalStateException.class, () -> w.value(1));
    w.name("k");
    assertThrows(IllegalStateException.class, () -> w.name("again"));
    assertThrows(IllegalStateException.class, w::endObject);
    w.value("v");
    assertThrows(IllegalStateException.class, w::endArray);
    assertThrows(IllegalStateException.class, w::finish);
  }
}
