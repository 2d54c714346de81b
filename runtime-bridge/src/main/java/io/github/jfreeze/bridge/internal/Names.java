package io.github.jfreeze.bridge.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggestions for names a user got slightly wrong. */
public final class Names {
  private Names() {}

  /**
   * Up to {@code n} candidates closest to {@code name}: those sharing a prefix with it or containing
   * it first, then by edit distance (case-insensitive).
   */
  public static List<String> closest(String name, Collection<String> candidates, int n) {
    String target = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .distinct()
        .sorted(Comparator.<String>comparingInt(c -> related(target, c.toLowerCase(Locale.ROOT)) ? 0 : 1)
            .thenComparingInt(c -> distance(target, c.toLowerCase(Locale.ROOT)))
            .thenComparing(c -> c))
        .limit(n)
        .toList();
  }

  private static boolean related(String a, String b) {
    return a.startsWith(b) || b.startsWith(a) || (a.length() > 2 && b.contains(a)) || (b.length() > 2 && a.contains(b));
  }

  /** Levenshtein distance; long strings are compared by length only. */
  static int distance(String a, String b) {
    if (a.length() > 512 || b.length() > 512) {
      return Math.abs(a.length() - b.length()) + (a.equals(b) ? 0 : 1);
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
