/**
 * What the search index keeps of a node: the fields it searches, places and filters on, and
 * nothing else, so the copy the page hands its search worker stays small.
 */
import type { ArgNode } from '../model/types.js';

/** A node as the search index sees it (an ArgNode is one). */
export interface IndexedNode {
  id: string;
  parentId: string | null;
  relation: ArgNode['relation'];
  order: string;
  text: string;
  notes?: string;
  quote?: { text: string };
  origin: ArgNode['origin'];
  updatedAt: string;
}

/** A node's own text, quote and notes (an IndexedNode is one). */
export interface NodeTexts {
  text: string;
  notes?: string;
  quote?: { text: string };
}

/** Gives back one copy of each of a few strings that many nodes repeat. */
export type Interner = <T extends string>(s: T) => T;

/**
 * The part of `node` the index keeps. `same`, given, keeps the relation, origin and order key
 * once: every node posted to a worker arrives with copies of its own.
 */
export function indexedNode(node: IndexedNode, same?: Interner): IndexedNode {
  const { id, parentId, text, notes, quote, updatedAt } = node;
  let { relation, origin, order } = node;
  if (same) {
    if (relation !== null) relation = same(relation);
    origin = same(origin);
    // Sibling order keys are short and the same few recur under every parent.
    order = same(order);
  }
  const out: IndexedNode = { id, parentId, relation, order, text, origin, updatedAt };
  if (notes !== undefined) out.notes = notes;
  if (quote) out.quote = { text: quote.text };
  return out;
}

/** An Interner over a map of its own. */
export function interner(): Interner {
  const kept = new Map<string, string>();
  return <T extends string>(s: T): T => {
    const known = kept.get(s);
    if (known !== undefined) return known as T;
    kept.set(s, s);
    return s;
  };
}
