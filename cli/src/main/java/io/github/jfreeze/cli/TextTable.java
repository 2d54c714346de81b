package io.github.jfreeze.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns padded to their widest cell; columns marked numeric are right-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] numeric;
  private final String indent;

  /** Headers ending in {@code '>'} are right-aligned (the marker is dropped). */
  TextTable(String indent, String... headers) {
    this.indent = indent;
    this.numeric = new boolean[headers.length];
    String[] h = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      numeric[i] = headers[i].endsWith(">");
      h[i] = numeric[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
    }
    if (headers.length > 0 && !String.join("", h).isEmpty()) {
      rows.add(h);
    }
  }

  TextTable row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null ? "" : cells[i].toString();
    }
    rows.add(r);
    return this;
  }

  void print(PrintWriter out) {
    int cols = numeric.length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols && i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    // one builder and one char array for every row (a table of 20,000 variables is printed by inspect)
    StringBuilder sb = new StringBuilder();
    char[] line = new char[64];
    for (String[] r : rows) {
      sb.setLength(0);
      sb.append(indent);
      for (int i = 0; i < cols && i < r.length; i++) {
        String c = r[i];
        boolean last = i == cols - 1 || i == r.length - 1;
        if (numeric[i]) {
          pad(sb, width[i] - c.length()).append(c);
        } else {
          sb.append(c);
          if (!last) {
            pad(sb, width[i] - c.length());
          }
        }
        if (!last) {
          sb.append("  ");
        }
      }
      // without trailing whitespace, as String.stripTrailing leaves it
      int end = sb.length();
      while (end > 0) {
        int cp = Character.codePointBefore(sb, end);
        if (!Character.isWhitespace(cp)) {
          break;
        }
        end -= Character.charCount(cp);
      }
      if (line.length < end) {
        line = new char[Math.max(end, line.length * 2)];
      }
      sb.getChars(0, end, line, 0);
      out.write(line, 0, end);
      out.println();
    }
  }

  private static StringBuilder pad(StringBuilder sb, int n) {
    for (int k = 0; k < n; k++) {
      sb.append(' ');
    }
    return sb;
  }
}
