/**
 * The shape checks of a restored map's nodes, on indexes and typed arrays: one tree reaching the
 * thesis, and no node deeper than LIMITS.depth.
 */
import { LIMITS } from '../../model/limits.js';
import { Relation, type ArgNode } from '../../model/types.js';

/**
 * Whether `nodes` certainly form one tree: no duplicate ids (the caller knows), one thesis with no
 * relation, every other node with an existing parent and a supports/opposes relation, and every
 * parent chain reaching the thesis. This is what checkTree checks, done on indexes with typed
 * arrays (restore already has the id -> index map) instead of the id-keyed maps checkTree builds.
 * When it answers no, checkTree is asked for the problems, so the messages and their order come
 * from the one place as before; a yes means checkTree would have found nothing.
 */
export function isOneTree(nodes: readonly ArgNode[], indexOf: ReadonlyMap<string, number>): boolean {
  const count = nodes.length;
  const parent = new Int32Array(count);
  let root = -1;
  for (let i = 0; i < count; i++) {
    const n = nodes[i]!;
    if (n.parentId === null) {
      if (root !== -1 || n.relation !== null) return false;
      root = i;
      parent[i] = -1;
    } else {
      const p = indexOf.get(n.parentId);
      if (
        p === undefined ||
        (n.relation !== Relation.supports && n.relation !== Relation.opposes && n.relation !== Relation.neutral)
      )
        return false;
      parent[i] = p;
    }
  }
  if (root === -1) return false;
  // 0: not visited yet, 1: on the chain being walked, 2: known to reach the thesis.
  const state = new Uint8Array(count);
  state[root] = 2;
  for (let i = 0; i < count; i++) {
    let j = i;
    while (state[j] === 0) {
      state[j] = 1;
      j = parent[j]!;
    }
    if (state[j] === 1) return false; // the chain came back on itself: a cycle
    for (let k = i; state[k] === 1; k = parent[k]!) state[k] = 2;
  }
  return true;
}

/**
 * The first node (in list order) deeper than LIMITS.depth in a tree isOneTree accepted, with its
 * depth; null when none is. Each node's depth is found once, walking up only to the first node
 * whose depth is known, so this is linear and never recursive.
 */
export function tooDeep(
  nodes: readonly ArgNode[],
  indexOf: ReadonlyMap<string, number>,
): { index: number; depth: number } | null {
  const depth = new Int32Array(nodes.length); // 0: not known yet; the thesis is 1
  const chain: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (depth[j] === 0) {
      const parentId = nodes[j]!.parentId;
      if (parentId === null) {
        depth[j] = 1;
        break;
      }
      chain.push(j);
      j = indexOf.get(parentId)!;
    }
    let d = depth[j]!;
    while (chain.length) depth[chain.pop()!] = ++d;
    if (depth[i]! > LIMITS.depth) return { index: i, depth: depth[i]! };
  }
  return null;
}
