/** The nodes of a file: each checked, the whole checked as one tree, order keys filled in. */
import { tooDeepMessage } from '../../model/limits.js';
import { isOrderKey, keysBetween } from '../../model/order-key.js';
import { checkTree } from '../../model/tree.js';
import { Origin, Relation, type ArgNode } from '../../model/types.js';
import { Checker, Field, LONG, REQUIRED_QUOTE, REQUIRED_TEXT, Row, isObj, list, type Obj } from './checker.js';
import { isOneTree, tooDeep } from './tree-shape.js';

const NODE_KEYS = new Set([
  'id',
  'parentId',
  'relation',
  'order',
  'text',
  'notes',
  'quote',
  'origin',
  'edited',
  'author',
  'createdAt',
  'updatedAt',
]);
const QUOTE_KEYS = new Set(['text', 'paragraph']);
const RELATIONS = [Relation.supports, Relation.opposes, Relation.neutral] as const;
const ORIGINS = [Origin.essay, Origin.added] as const;

/** A file's nodes as restored. */
export interface RestoredNodes {
  nodes: ArgNode[];
  /** Where each node id is first listed: also the set of node ids. */
  indexOf: Map<string, number>;
  /** The thesis's id (the first node with no parent), when there is one. */
  rootId: string | undefined;
}

/**
 * Restores `raw.nodes` of map `mapId`, reporting problems to `c`: each node, then the whole as
 * one tree no deeper than LIMITS.depth. Nodes without order keys get keys after their siblings'.
 */
export function restoreNodes(c: Checker, raw: Obj, mapId: string | undefined, createdAt: string): RestoredNodes {
  const nodes: ArgNode[] = [];
  const rawNodes = list(c, raw, 'nodes');
  if (rawNodes.length === 0 && raw.nodes !== undefined) c.fail('nodes', 'is empty: a map needs at least its thesis');
  if (raw.nodes === undefined) c.fail('nodes', 'is missing: a map needs at least its thesis');
  const needsOrder: ArgNode[] = [];
  // Where each id is first listed (also the set of node ids), and whether any is listed twice.
  const indexOf = new Map<string, number>();
  let duplicates = false;
  let rootId: string | undefined;
  const row = new Row('nodes');
  const quoteAt = new Field(row, 'quote');
  for (let i = 0; i < rawNodes.length; i++) {
    const rn = rawNodes[i];
    row.at(i);
    if (!isObj(rn)) {
      c.failAt(row, '', 'must be an object');
      continue;
    }
    const id = c.id(rn, 'id', row);
    if (id) row.id = id;
    c.unknownKeys(rn, row, NODE_KEYS);
    const parentId = rn.parentId === null || rn.parentId === undefined ? null : c.id(rn, 'parentId', row);
    let relation: Relation | null | undefined = null;
    if (parentId !== null) relation = c.oneOf(rn, 'relation', row, RELATIONS);
    else if (rn.relation !== null && rn.relation !== undefined) {
      c.failAt(row, 'relation', 'must be null on the thesis (the node with no parent)');
    }
    const text = c.str(rn, 'text', row, REQUIRED_TEXT);
    const origin = c.oneOf(rn, 'origin', row, ORIGINS, Origin.added);
    const nodeCreatedAt = c.time(rn, 'createdAt', row, createdAt);
    const node: ArgNode = {
      id: id ?? `?${i}`,
      mapId: mapId ?? '',
      parentId: parentId ?? null,
      relation: relation ?? null,
      order: '',
      text: text ?? '',
      origin: origin ?? Origin.added,
      createdAt: nodeCreatedAt,
      updatedAt: c.time(rn, 'updatedAt', row, nodeCreatedAt),
    };
    if (rn.order !== undefined) {
      if (typeof rn.order === 'string' && isOrderKey(rn.order)) node.order = rn.order;
      else c.failAt(row, 'order', 'must be an order key (letters and digits, not ending in 0)');
    } else needsOrder.push(node);
    const notes = c.str(rn, 'notes', row, LONG);
    if (notes) node.notes = notes;
    const author = c.str(rn, 'author', row);
    if (author) node.author = author;
    if (rn.edited !== undefined) {
      if (typeof rn.edited !== 'boolean') c.failAt(row, 'edited', 'must be true or false');
      else if (rn.edited) node.edited = true;
    }
    if (rn.quote !== undefined) {
      const q = rn.quote;
      if (!isObj(q)) c.failAt(row, 'quote', 'must be an object { "text", "paragraph" }');
      else {
        c.unknownKeys(q, quoteAt, QUOTE_KEYS);
        const qt = c.str(q, 'text', quoteAt, REQUIRED_QUOTE);
        const p = q.paragraph;
        if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) {
          c.failAt(quoteAt, 'paragraph', 'must be a paragraph number (1, 2, 3 ...)');
        } else if (qt) node.quote = { text: qt, paragraph: p };
      }
    }
    if (indexOf.has(node.id)) duplicates = true;
    else indexOf.set(node.id, nodes.length);
    if (rootId === undefined && node.parentId === null) rootId = node.id;
    nodes.push(node);
  }
  if (duplicates || !isOneTree(nodes, indexOf)) {
    // Where each id is listed: a duplicate is reported at its second listing, the rest at the first.
    const secondIndex = new Map<string, number>();
    nodes.forEach((n, i) => {
      if (indexOf.get(n.id) !== i && !secondIndex.has(n.id)) secondIndex.set(n.id, i);
    });
    for (const p of checkTree(nodes)) {
      const i =
        p.message === 'duplicate node id'
          ? (secondIndex.get(p.nodeId) ?? indexOf.get(p.nodeId))
          : indexOf.get(p.nodeId);
      c.fail(i !== undefined ? `nodes[${i}] (id "${p.nodeId}")` : 'nodes', p.message);
    }
  } else {
    const deep = tooDeep(nodes, indexOf);
    if (deep !== null) c.fail(`nodes[${deep.index}] (id "${nodes[deep.index]!.id}")`, tooDeepMessage(deep.depth));
  }
  // Nodes listed without an order key keep the order they are listed in among their siblings,
  // placed after any siblings that do have keys.
  if (needsOrder.length) {
    const byParent = new Map<string | null, ArgNode[]>();
    for (const n of needsOrder) {
      const l = byParent.get(n.parentId);
      if (l) l.push(n);
      else byParent.set(n.parentId, [n]);
    }
    // One pass for the largest existing key per parent (not one pass per parent: 10,000 nodes).
    const lastKey = new Map<string | null, string>();
    for (const n of nodes) {
      if (n.order === '') continue;
      const max = lastKey.get(n.parentId);
      if (max === undefined || n.order > max) lastKey.set(n.parentId, n.order);
    }
    for (const [parent, kids] of byParent) {
      const last = lastKey.get(parent) ?? null;
      const keys = keysBetween(last, null, kids.length);
      kids.forEach((k, j) => (k.order = keys[j]!));
    }
  }
  // indexOf holds every node id: it is the set citations and ratings are checked against.
  return { nodes, indexOf, rootId };
}
