/**
 * Pure planning of edits to one map's tree: given the current tree, what rows change. The db
 * layer applies a plan in one transaction; undo applies its inverse. Nothing here touches storage.
 */
import { keyBetween } from './order-key.js';
import { canMove, childrenOf, subtreeIds, type Tree } from './tree.js';
import { Origin, Relation, type ArgNode } from './types.js';
import { LIMITS } from './limits.js';

/** Changes to the placement of one node: where it sits and how it relates to its parent. */
export interface Placement {
  parentId: string;
  relation: Relation;
  order: string;
}

/** A refused edit, with the reason shown to the user. */
export interface Refusal {
  ok: false;
  reason: string;
}

/** Checks node text typed by a user: refused when empty or too long. */
export function checkText(text: string): { ok: true; text: string } | Refusal {
  if (text.trim() === '')
    return { ok: false, reason: 'The text is empty: write the statement, or press Escape to discard it.' };
  if (text.length > LIMITS.text) {
    return {
      ok: false,
      reason: `The text is too long (${text.length.toLocaleString('en')} characters; at most ${LIMITS.text.toLocaleString('en')}).`,
    };
  }
  return { ok: true, text };
}

/** Order key for a new last child of `parentId`. */
function lastChildOrder(tree: Tree, parentId: string): string {
  const kids = childrenOf(tree, parentId);
  return keyBetween(kids.length ? kids[kids.length - 1]!.order : null, null);
}

/** Order key for a node placed right after `siblingId` among its siblings. */
function orderAfter(tree: Tree, siblingId: string): string {
  const sib = tree.byId.get(siblingId);
  if (!sib || sib.parentId === null) throw new Error('The thesis has no siblings.');
  const kids = childrenOf(tree, sib.parentId);
  const i = kids.findIndex((k) => k.id === siblingId);
  return keyBetween(sib.order, kids[i + 1]?.order ?? null);
}

/** A new node (not yet stored) under `parentId`, placed last or right after `afterId`. */
export function newChild(
  tree: Tree,
  init: {
    id: string;
    mapId: string;
    parentId: string;
    relation: Relation;
    text: string;
    author?: string;
    now: string;
    afterId?: string;
  },
): ArgNode {
  const order = init.afterId ? orderAfter(tree, init.afterId) : lastChildOrder(tree, init.parentId);
  const node: ArgNode = {
    id: init.id,
    mapId: init.mapId,
    parentId: init.parentId,
    relation: init.relation,
    order,
    text: init.text,
    origin: Origin.added,
    createdAt: init.now,
    updatedAt: init.now,
  };
  if (init.author) node.author = init.author;
  return node;
}

/** Where a node would go when moved relative to a target node. */
export type MoveTarget =
  { kind: 'child'; targetId: string; relation: Relation } | { kind: 'before' | 'after'; targetId: string };

/**
 * Plans moving `id` relative to a target: as the last child of the target (with a relation),
 * or right before/after it as a sibling (keeping its own relation). Refuses moves of the thesis,
 * into itself or its descendants, and moves that would change nothing.
 */
export function planMove(tree: Tree, id: string, target: MoveTarget): { ok: true; placement: Placement } | Refusal {
  const node = tree.byId.get(id);
  const t = tree.byId.get(target.targetId);
  if (!node || !t) return { ok: false, reason: 'That node no longer exists.' };
  if (node.parentId === null) return { ok: false, reason: 'The thesis cannot be moved.' };
  let placement: Placement;
  if (target.kind === 'child') {
    const check = canMove(tree, id, t.id);
    if (!check.ok) return check;
    if (node.parentId === t.id && node.relation === target.relation) {
      return { ok: false, reason: 'It is already there.' };
    }
    placement = { parentId: t.id, relation: target.relation, order: lastChildOrder(tree, t.id) };
  } else {
    if (t.parentId === null)
      return { ok: false, reason: 'Nothing can stand beside the thesis: it is the root of the map.' };
    if (t.id === id) return { ok: false, reason: 'It is already there.' };
    const check = canMove(tree, id, t.parentId);
    if (!check.ok) return check;
    const siblings = childrenOf(tree, t.parentId).filter((k) => k.id !== id);
    const i = siblings.findIndex((k) => k.id === t.id);
    const before = target.kind === 'before' ? (siblings[i - 1] ?? null) : t;
    const after = target.kind === 'before' ? t : (siblings[i + 1] ?? null);
    if (node.parentId === t.parentId) {
      const current = childrenOf(tree, t.parentId);
      const j = current.findIndex((k) => k.id === id);
      if ((current[j - 1] ?? null) === before && (current[j + 1] ?? null) === after) {
        return { ok: false, reason: 'It is already there.' };
      }
    }
    placement = {
      parentId: t.parentId,
      relation: node.relation ?? Relation.supports,
      order: keyBetween(before?.order ?? null, after?.order ?? null),
    };
  }
  return { ok: true, placement };
}

/** Keyboard moves: one step up/down among siblings, out to the parent's level, in under the previous sibling. */
export type Step = 'up' | 'down' | 'outdent' | 'indent';

/** Plans a one-step keyboard move (Alt+arrows). */
export function planStep(tree: Tree, id: string, step: Step): { ok: true; placement: Placement } | Refusal {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: 'That node no longer exists.' };
  if (node.parentId === null) return { ok: false, reason: 'The thesis cannot be moved.' };
  const siblings = childrenOf(tree, node.parentId);
  const i = siblings.findIndex((k) => k.id === id);
  switch (step) {
    case 'up':
      if (i === 0) return { ok: false, reason: 'It is already the first of its siblings.' };
      return planMove(tree, id, { kind: 'before', targetId: siblings[i - 1]!.id });
    case 'down':
      if (i === siblings.length - 1) return { ok: false, reason: 'It is already the last of its siblings.' };
      return planMove(tree, id, { kind: 'after', targetId: siblings[i + 1]!.id });
    case 'outdent': {
      const parent = tree.byId.get(node.parentId)!;
      if (parent.parentId === null)
        return { ok: false, reason: 'It already answers the thesis directly: it cannot move further out.' };
      return planMove(tree, id, { kind: 'after', targetId: parent.id });
    }
    case 'indent': {
      if (i === 0) return { ok: false, reason: 'There is no sibling above it to move it under.' };
      return planMove(tree, id, {
        kind: 'child',
        targetId: siblings[i - 1]!.id,
        relation: node.relation ?? Relation.supports,
      });
    }
  }
}

/** Ids deleted with `id` (its whole subtree), or a refusal for the thesis. */
export function planDelete(tree: Tree, id: string): { ok: true; ids: string[] } | Refusal {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: 'That node no longer exists.' };
  if (node.parentId === null)
    return { ok: false, reason: 'The thesis cannot be deleted (delete the whole map instead).' };
  return { ok: true, ids: subtreeIds(tree, id) };
}

/** The node to focus after `id` is deleted: next sibling, else previous sibling, else parent. */
export function neighbourAfterDelete(tree: Tree, id: string): string | undefined {
  const node = tree.byId.get(id);
  if (!node || node.parentId === null) return undefined;
  const siblings = childrenOf(tree, node.parentId);
  const i = siblings.findIndex((k) => k.id === id);
  return siblings[i + 1]?.id ?? siblings[i - 1]?.id ?? node.parentId;
}

/** The opposite relation. */
export function flipRelation(relation: Relation): Relation {
  return relation === Relation.supports ? Relation.opposes : Relation.supports;
}
