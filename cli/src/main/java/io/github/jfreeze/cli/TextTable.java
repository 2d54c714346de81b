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
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder(indent);
      for (int i = 0; i < cols && i < r.length; i++) {
        String c = r[i];
        boolean last = i == cols - 1 || i == r.length - 1;
        if (numeric[i]) {
          sb.append(" ".repeat(width[i] - c.length())).append(c);
        } else {
          sb.append(c);
          if (!last) {
            sb.append(" ".repeat(width[i] - c.length()));
          }
        }
        if (!last) {
          sb.append("  ");
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
