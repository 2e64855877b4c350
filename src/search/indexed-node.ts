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

/** The part of `node` the index keeps. */
export function indexedNode(node: ArgNode): IndexedNode {
  const { id, parentId, relation, order, text, notes, quote, origin, updatedAt } = node;
  const out: IndexedNode = { id, parentId, relation, order, text, origin, updatedAt };
  if (notes !== undefined) out.notes = notes;
  if (quote) out.quote = { text: quote.text };
  return out;
}
