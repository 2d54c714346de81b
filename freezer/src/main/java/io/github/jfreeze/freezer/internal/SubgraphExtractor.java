package io.github.jfreeze.freezer.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

/**
 * TF's {@code graph_util.extract_sub_graph}: the nodes the roots reach through data inputs,
 * control inputs and {@code _class} colocation ("loc:@name", so colocated nodes are not lost),
 * kept in their original order.
 */
public final class SubgraphExtractor {
  private SubgraphExtractor() {}

  /**
   * Numbers of the nodes reached from {@code roots}, in the order reached (breadth first: inputs in
   * order, then colocated nodes); roots not in the graph are ignored (check first). The walk of the
   * same roots over an unchanged table is not done twice (the training-op cleaner and the extractor
   * both walk; most graphs give the cleaner nothing to change).
   */
  public static int[] reachable(NodeTable nodes, Collection<String> roots) {
    int[] known = nodes.reached(roots);
    if (known != null) {
      return known.clone();
    }
    int[] order = walk(nodes, roots);
    nodes.reached(roots, order);
    return order.clone();
  }

  private static int[] walk(NodeTable nodes, Collection<String> roots) {
    BitSet kept = new BitSet(nodes.size());
    int[] order = new int[16];
    int count = 0;
    IntQueue todo = new IntQueue();
    for (String r : roots) {
      todo.add(nodes.index(r));
    }
    while (!todo.isEmpty()) {
      int i = todo.poll();
      if (i < 0 || kept.get(i)) {
        continue;
      }
      kept.set(i);
      if (count == order.length) {
        order = Arrays.copyOf(order, count * 2);
      }
      order[count++] = i;
      for (int k = 0; k < nodes.inputCount(i); k++) {
        todo.add(nodes.producer(i, k));
      }
      for (String c : nodes.colocatedWith(i)) {
        todo.add(nodes.index(c));
      }
    }
    return Arrays.copyOf(order, count);
  }

  /** The reachable subgraph: the node numbers, whose order is the graph's. */
  public static BitSet extract(NodeTable nodes, Collection<String> roots) {
    BitSet keep = new BitSet(nodes.size());
    for (int i : reachable(nodes, roots)) {
      keep.set(i);
    }
    return keep;
  }
}
