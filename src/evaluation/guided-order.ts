/**
 * The order "Rate next" walks a student through a map (Kialo's guided voting): top-down, level by
 * level, so the claims under the thesis come first (each one rated moves the thesis at once), then
 * what supports or opposes them, and so on; within a level, in the tree's order. The thesis comes
 * last: its own evidence is what its points show, so it is the least useful thing to rate first.
 */
import { childrenOf, type Tree, type TreeNode } from '../model/tree.js';
import type { Rating } from '../model/types.js';

/**
 * Ids of the nodes `rater` has not rated the evidence of, in the order to rate them. A node with
 * only a relevance rating from them is still to rate.
 */
export function guidedOrder<N extends TreeNode>(
  tree: Tree<N>,
  ratings: readonly Pick<Rating, 'nodeId' | 'rater' | 'value'>[],
  rater: string,
): string[] {
  const done = new Set<string>();
  for (const r of ratings) if (r.rater === rater && r.value !== undefined) done.add(r.nodeId);
  const order: string[] = [];
  let level: readonly N[] = childrenOf(tree, tree.root.id);
  while (level.length) {
    const next: N[] = [];
    for (const n of level) {
      if (!done.has(n.id)) order.push(n.id);
      next.push(...childrenOf(tree, n.id));
    }
    level = next;
  }
  if (!done.has(tree.root.id)) order.push(tree.root.id);
  return order;
}
