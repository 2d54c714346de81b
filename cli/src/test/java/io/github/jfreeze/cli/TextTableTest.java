package io.github.jfreeze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Columns padded to their widest cell, numeric ones right-aligned, no trailing whitespace on a line. */
class TextTableTest {

  private static String print(TextTable t) {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    t.print(out);
    out.flush();
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void padsAlignsAndLeavesNoTrailingWhitespace() {
    TextTable t = new TextTable("  ", "key", "dtype", "params>");
    t.row("expert_0/bias", "float32", 8);
    t.row("w", "", 1234);
    t.row("empty dtype and params", "", "");
    t.row("a key ending in spaces  ", null, "");
    t.row("short row");
    assertEquals(String.join("\n",
        "  key                       dtype    params",
        "  expert_0/bias             float32       8",
        "  w                                    1234",
        "  empty dtype and params",
        "  a key ending in spaces",
        "  short row", ""), print(t));
  }

  @Test
  void headersAllEmptyPrintNoHeaderLine() {
    TextTable t = new TextTable("", "", ">");
    t.row("x", 1).row("yy", 22);
    assertEquals("x    1\nyy  22\n", print(t));
  }
}
