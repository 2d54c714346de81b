package io.github.jfreeze.freezer.internal;

import java.util.Arrays;

/** A first-in first-out queue of ints (no boxing), for breadth-first walks over millions of nodes. */
final class IntQueue {
  private int[] items = new int[64];
  private int head;
  private int tail;

  void add(int v) {
    if (tail == items.length) {
      if (head > items.length / 2) {
        System.arraycopy(items, head, items, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        items = Arrays.copyOf(items, items.length * 2);
      }
    }
    items[tail++] = v;
  }

  int poll() {
    return items[head++];
  }

  boolean isEmpty() {
    return head == tail;
  }
}
