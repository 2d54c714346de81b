package io.github.jfreeze.codec;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" help for names a user got slightly wrong (tensor keys, node names, outputs), used
 * in messages across jfreeze.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Up to {@code max} of {@code candidates} closest to {@code wanted}: names sharing a prefix or
   * containing one another first, then by edit distance, then alphabetically.
   *
   * @param wanted the name that was not found
   * @param candidates the names there are
   * @param max how many to return at most
   * @return the closest names, closest first
   */
  public static List<String> closest(String wanted, Collection<String> candidates, int max) {
    String w = wanted.toLowerCase(Locale.ROOT);
    record Scored(String name, int related, int distance) {}
    return new LinkedHashSet<>(candidates).stream()
        .map(c -> {
          String l = c.toLowerCase(Locale.ROOT);
          return new Scored(c, related(w, l) ? 0 : 1, distance(w, l));
        })
        .sorted(Comparator.comparingInt(Scored::related).thenComparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(max).map(Scored::name).toList();
  }

  private static boolean related(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    return a.startsWith(b) || b.startsWith(a) || (a.length() > 2 && b.contains(a)) || (b.length() > 2 && a.contains(b));
  }

  /** Levenshtein distance over at most the first 200 characters of each name. */
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

  /**
   * {@code a, b, c}, cut after {@code max} names with a count of the rest.
   *
   * @param names the names
   * @param max how many to show
   * @return the names joined with commas
   */
  public static String list(List<String> names, int max) {
    if (names.size() <= max) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, max)) + ", ... (" + (names.size() - max) + " more)";
  }
}
