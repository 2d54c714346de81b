package io.github.jfreeze.freezer.internal;

/**
 * A NodeDef input string, parsed. Main graph: {@code node}, {@code node:1}, {@code ^node}.
 * Function bodies: {@code node:output_name:index}, {@code arg}, {@code ^node}.
 *
 * @param node the producing node (or function argument) name
 * @param output the output arg name inside function bodies, else empty
 * @param index the output index ({@code 0} when absent)
 * @param control whether this is a control input
 */
public record TensorRef(String node, String output, int index, boolean control) {

  public static TensorRef parse(String input) {
    boolean control = input.startsWith("^");
    String s = control ? input.substring(1) : input;
    String[] parts = s.split(":", -1);
    if (parts.length == 1) {
      return new TensorRef(s, "", 0, control);
    }
    String last = parts[parts.length - 1];
    int index = isNumber(last) ? Integer.parseInt(last) : 0;
    if (parts.length == 2) {
      return isNumber(last) ? new TensorRef(parts[0], "", index, control) : new TensorRef(parts[0], last, 0, control);
    }
    return new TensorRef(parts[0], parts[1], index, control);
  }

  /**
   * {@link #parse} of the ASCII input {@code b[from, to)}, without making Strings: the node name is
   * {@code b[from + (control ? 1 : 0), nameEnd)}.
   *
   * @return {@code nameEnd << 32 | index << 1 | (control ? 1 : 0)}
   */
  static long parseAscii(byte[] b, int from, int to) {
    boolean control = from < to && b[from] == '^';
    int start = control ? from + 1 : from;
    int end = start;
    while (end < to && b[end] != ':') {
      end++;
    }
    int index = 0;
    if (end < to) { // the index is the last part when it is a number (isNumber)
      int last = to;
      while (b[last - 1] != ':') {
        last--;
      }
      boolean number = to - last > 0 && to - last <= 9;
      for (int d = last; number && d < to; d++) {
        number = b[d] >= '0' && b[d] <= '9';
      }
      for (int d = last; number && d < to; d++) {
        index = index * 10 + (b[d] - '0');
      }
    }
    return (long) end << 32 | (long) index << 1 | (control ? 1 : 0);
  }

  /** Node name of an input or tensor name: strips {@code ^} and {@code :N}. */
  public static String nodeName(String input) {
    return parse(input).node();
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
