/**
 * The one factory per kind of test record, so a test says only what matters to it: a node with
 * its place in the tree, and a seeded random source. Tests of a module build their small maps
 * from these instead of each keeping its own copy.
 */
import type { ArgNode, Relation } from '../../src/model/types.js';

/** The timestamp test nodes carry unless a test gives another. */
const NODE_TIME = '2025-01-01T00:00:00.000Z';

/**
 * A node of map "m" at its place in the tree (`relation` null for the thesis), its text its id
 * unless given; `extra` overrides any field (origin, timestamps, quote ...).
 */
export function argNode(
  id: string,
  parentId: string | null,
  relation: Relation | null,
  order: string,
  text: string = id,
  extra: Partial<ArgNode> = {},
): ArgNode {
  return {
    id,
    mapId: 'm',
    parentId,
    relation,
    order,
    text,
    origin: 'essay',
    createdAt: NODE_TIME,
    updatedAt: NODE_TIME,
    ...extra,
  };
}

/**
 * mulberry32: a tiny seeded PRNG in [0, 1), so a failing random case can be replayed from its
 * seed and the tests do not depend on the module under test for their randomness.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
