package io.github.jfreeze.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for a name that is not there. */
final class Names {
  private Names() {}

  /** Up to {@code max} of {@code candidates} closest to {@code wanted}: containment first, then edit distance. */
  static List<String> closest(String wanted, Collection<String> candidates, int max) {
    String w = wanted.toLowerCase(Locale.ROOT);
    record Scored(String name, int contains, int distance) {}
    return new LinkedHashSet<>(candidates).stream()
        .map(c -> {
          String l = c.toLowerCase(Locale.ROOT);
          int contains = (l.contains(w) || w.contains(l)) && !l.isEmpty() ? 0 : 1;
          return new Scored(c, contains, distance(w, l));
        })
        .sorted(Comparator.comparingInt(Scored::contains).thenComparingInt(Scored::distance)
            .thenComparing(Scored::name))
        .limit(max).map(Scored::name).toList();
  }

  /** Levenshtein distance, two rows; long names are cut to keep it cheap. */
  static int distance(String a, String b) {
    a = a.length() > 200 ? a.substring(0, 200) : a;
    b = b.length() > 200 ? b.substring(0, 200) : b;
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
