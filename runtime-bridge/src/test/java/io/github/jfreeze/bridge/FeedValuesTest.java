package io.github.jfreeze.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Feeds as the bridge takes them (pure Java, no natives): codec's literals keyed by the feed, bad
 * ones a BAD_FEED naming it. The syntax itself is codec's {@code TensorLiteralTest}.
 */
class FeedValuesTest {
  private static NativeRunException bad(String literal, String dtype, long[] placeholder) {
    NativeRunException e = assertThrows(NativeRunException.class, () -> FeedValues.parse("x", literal, dtype, placeholder));
    assertEquals(NativeRunException.Reason.BAD_FEED, e.reason());
    assertTrue(e.getMessage().startsWith("feed x: "), e.getMessage());
    return e;
  }

  @Test
  void feedsAreKeyedAndReadBack() throws NativeRunException {
    NativeTensor t = FeedValues.parse("x", "10.0", "float32", new long[] {1});
    assertEquals("x", t.key());
    assertEquals("float32", t.dtype());
    assertArrayEquals(new long[] {1}, t.shape());
    assertEquals("00002041", t.dataHex());
    assertEquals("[10.0]", FeedValues.format(t));
    NativeTensor s = FeedValues.parse("s", "[\"a\", b]", "string", null);
    assertEquals(2, s.strings().size());
    assertEquals("[\"a\", \"b\"]", FeedValues.format(s));
  }

  @Test
  void badValuesAreBadFeedsNamingTheFeed() {
    assertTrue(bad("[1,2,3]", "float32", new long[] {2}).getMessage()
        .contains("the value has shape [3] but the placeholder is float32[2]"));
    assertTrue(bad("1", "float32_ref", null).getMessage().contains("cannot feed dtype float32_ref"));
    assertTrue(bad("1", "resource", null).getMessage().contains("cannot feed dtype resource"));
    assertTrue(bad("[1 2]", "float32", null).getMessage().contains("expected ',' or ']'"));
  }

  @Test
  void randomFeedsAreSeededAndKeyed() throws NativeRunException {
    NativeTensor a = FeedValues.random("x", "float32", new long[] {3, 2}, 7);
    assertEquals(a, FeedValues.random("x", "float32", new long[] {3, 2}, 7));
    assertEquals("x", a.key());
    assertEquals(NativeRunException.Reason.BAD_FEED,
        assertThrows(NativeRunException.class, () -> FeedValues.random("v", "variant", new long[0], 1)).reason());
  }
}
