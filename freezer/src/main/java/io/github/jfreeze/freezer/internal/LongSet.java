package io.github.jfreeze.freezer.internal;

/** A set of longs (open addressing, no boxing), for the visits of a walk over millions of nodes. */
final class LongSet {
  private long[] keys = new long[64];
  private boolean[] used = new boolean[64];
  private int size;

  boolean add(long k) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int s = mix(k) & mask; ; s = (s + 1) & mask) {
      if (!used[s]) {
        used[s] = true;
        keys[s] = k;
        size++;
        return true;
      }
      if (keys[s] == k) {
        return false;
      }
    }
  }

  void clear() {
    if (size > 0) {
      // a set cleared once per converted variable: the small table is reused, not made again
      if (used.length == 64) {
        java.util.Arrays.fill(used, false);
      } else {
        keys = new long[64];
        used = new boolean[64];
      }
      size = 0;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        add(oldKeys[i]);
      }
    }
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
