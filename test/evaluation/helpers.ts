/**
 * Shared fixtures for the evaluation tests: compact tree building, a seeded PRNG (tests must be
 * reproducible) and random trees with random ratings.
 */
import { buildTree, type Tree, type TreeNode } from '../../src/model/tree.js';
import type { RatingValue } from '../../src/model/types.js';
import type { RatingInput } from '../../src/evaluation/index.js';

/** [id, parentId, relation] rows; siblings keep the order they are listed in. */
export type Row = [string, string | null, 's' | 'o' | null];

/** A tree from rows; 's' supports, 'o' opposes. */
export function treeOf(rows: Row[]): Tree<TreeNode> {
  return buildTree(
    rows.map(([id, parentId, rel], i): TreeNode => ({
      id,
      parentId,
      relation: rel === 's' ? 'supports' : rel === 'o' ? 'opposes' : null,
      order: String(i).padStart(6, '0'),
    })),
  );
}

/** A tau function from a record; nodes not listed are neutral (0.5). */
export function taus(values: Record<string, number>): (id: string) => number {
  return (id) => values[id] ?? 0.5;
}

/** A seeded PRNG (mulberry32, shared by every test): tests must be reproducible. */
export { prng as seeded } from '../helpers/fixtures.js';

/** An integer in [0, n). */
export function pick(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** A random tree of `size` nodes (ids n0 ... ; n0 the thesis) mixing bushy parts and long chains. */
export function randomTree(random: () => number, size: number): Tree<TreeNode> {
  const rows: Row[] = [['n0', null, null]];
  for (let i = 1; i < size; i++) {
    // Half the time the previous node: long chains; otherwise any earlier node: bushy levels.
    const parent = random() < 0.5 ? i - 1 : pick(random, i);
    rows.push([`n${i}`, `n${parent}`, random() < 0.35 ? 'o' : 's']);
  }
  return treeOf(rows);
}

/** Random ratings for a tree's nodes: about a fifth unrated, up to three raters per node. */
export function randomRatings(random: () => number, tree: Tree<TreeNode>): RatingInput[] {
  const ratings: RatingInput[] = [];
  for (const id of tree.byId.keys()) {
    if (random() < 0.2) continue;
    const raters = 1 + pick(random, 3);
    for (let r = 0; r < raters; r++) {
      ratings.push({ nodeId: id, rater: `r${r}`, value: pick(random, 5) as RatingValue });
    }
  }
  return ratings;
}
