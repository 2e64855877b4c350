/**
 * A dense, array-based index of a tree for the evaluation engine. Nodes are numbered breadth-first,
 * which gives two properties the engine relies on:
 * - every child has a larger index than its parent, so walking indices downwards is bottom-up;
 * - the children of each node are consecutive and the ranges come in parent order, so one offsets
 *   array (CSR) gives every child range and no per-node list or Map is read while evaluating.
 */
import { childrenOf, type Tree, type TreeNode } from '../model/tree.js';
import { Relation } from '../model/types.js';

/** The array form of one tree. Read-only; build a new one (via a new Tree) after any change. */
export interface TreeIndex {
  /** Number of nodes. */
  readonly size: number;
  /** Node id at each index, breadth-first; index 0 is the thesis. */
  readonly ids: readonly string[];
  /** Index of each node id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Parent index of each node; -1 for the thesis. */
  readonly parent: Int32Array;
  /**
   * +1 for a supporter, -1 for an opposer, 0 for the thesis and for a neutral child (an option:
   * it takes no part in its parent's support/attack arithmetic). A float, so it multiplies exactly.
   */
  readonly sign: Float64Array;
  /** Children of node i are the indices childStart[i] .. childStart[i+1]-1, in sibling order. */
  readonly childStart: Int32Array;
  /** Number of "opposes" links from each node up to the thesis: even helps the thesis, odd hurts. */
  readonly opposesOnPath: Int32Array;
}

// A Tree is rebuilt (a new object) after every edit, so caching by identity can never go stale;
// `shareIndex` hands the index on only to a tree of the same shape.
const cache = new WeakMap<object, TreeIndex>();

/** The index of `tree`, built once per Tree object and cached. */
export function indexTree<N extends TreeNode>(tree: Tree<N>): TreeIndex {
  const cached = cache.get(tree);
  if (cached) return cached;
  const size = tree.byId.size;
  const ids: string[] = [tree.root.id];
  const indexOf = new Map<string, number>([[tree.root.id, 0]]);
  const parent = new Int32Array(size);
  const sign = new Float64Array(size);
  const childStart = new Int32Array(size + 1);
  const opposesOnPath = new Int32Array(size);
  parent[0] = -1;
  for (let head = 0; head < ids.length; head++) {
    childStart[head] = ids.length;
    for (const kid of childrenOf(tree, ids[head]!)) {
      const k = ids.length;
      ids.push(kid.id);
      indexOf.set(kid.id, k);
      parent[k] = head;
      const opposes = kid.relation === Relation.opposes;
      // Neutral options are skipped where children are split into supporters and attackers.
      sign[k] = opposes ? -1 : kid.relation === Relation.neutral ? 0 : 1;
      opposesOnPath[k] = opposesOnPath[head]! + (opposes ? 1 : 0);
    }
  }
  childStart[size] = size;
  const index: TreeIndex = { size, ids, indexOf, parent, sign, childStart, opposesOnPath };
  cache.set(tree, index);
  return index;
}

/**
 * Lets `next` reuse the index of `prev`. Only for trees of the same shape (the same ids, parents,
 * relations and sibling order), such as the tree after a text-only edit; the caller vouches.
 */
export function shareIndex<N extends TreeNode>(prev: Tree<N>, next: Tree<N>): void {
  const index = cache.get(prev);
  if (index) cache.set(next, index);
}

/** Whether `value` is already a TreeIndex rather than a Tree. */
export function isTreeIndex(value: object): value is TreeIndex {
  return 'childStart' in value && 'indexOf' in value;
}
