/**
 * Pure operations on one map's tree of nodes. `buildTree` indexes a flat node list once; every
 * other function reads that index, so a 10,000-node map is walked in linear time.
 */
import { NodeKind, Relation, type ArgNode } from './types.js';

/** Minimal node shape the tree needs; ArgNode satisfies it. */
export type TreeNode = Pick<ArgNode, 'id' | 'parentId' | 'relation' | 'order'>;

/** An index over one map's nodes. Treat as read-only; rebuild it after a change. */
export interface Tree<N extends TreeNode = ArgNode> {
  root: N;
  byId: ReadonlyMap<string, N>;
  /** Children of every node, sorted by order key (then id, so ties are stable). */
  children: ReadonlyMap<string, readonly N[]>;
}

/** Why a node list does not form one tree. */
export interface TreeProblem {
  nodeId: string;
  message: string;
}

/** Thrown by buildTree when the nodes do not form exactly one tree. */
export class TreeError extends Error {
  constructor(readonly problems: TreeProblem[]) {
    super(problems.map((p) => `${p.nodeId}: ${p.message}`).join('; '));
    this.name = 'TreeError';
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

function bySiblingOrder(a: TreeNode, b: TreeNode): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Lists every reason `nodes` is not exactly one tree: no root or several, duplicate ids,
 * dangling parents, a missing relation, cycles, nodes unreachable from the root.
 */
export function checkTree(nodes: readonly TreeNode[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const byId = new Map<string, TreeNode>();
  for (const n of nodes) {
    if (byId.has(n.id)) problems.push({ nodeId: n.id, message: 'duplicate node id' });
    else byId.set(n.id, n);
  }
  const roots = nodes.filter((n) => n.parentId === null);
  if (roots.length === 0) problems.push({ nodeId: '(map)', message: 'no thesis: every node has a parent' });
  for (const extra of roots.slice(1)) {
    problems.push({ nodeId: extra.id, message: `a second root (the thesis is "${roots[0]!.id}")` });
  }
  for (const n of nodes) {
    if (n.parentId === null) {
      if (n.relation !== null) problems.push({ nodeId: n.id, message: 'the thesis cannot have a relation' });
      continue;
    }
    if (!byId.has(n.parentId)) problems.push({ nodeId: n.id, message: `parent "${n.parentId}" does not exist` });
    if (n.relation !== Relation.supports && n.relation !== Relation.opposes && n.relation !== Relation.neutral) {
      problems.push({ nodeId: n.id, message: 'relation must be "supports", "opposes" or "neutral"' });
    }
  }
  if (problems.length > 0 || roots.length !== 1) return problems;
  // Every node reachable from the root exactly once; what is left sits in a cycle.
  const kids = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId !== null) {
      const list = kids.get(n.parentId);
      if (list) list.push(n.id);
      else kids.set(n.parentId, [n.id]);
    }
  }
  const seen = new Set<string>();
  const stack = [roots[0]!.id];
  while (stack.length) {
    const id = stack.pop()!;
    seen.add(id);
    for (const k of kids.get(id) ?? EMPTY) stack.push(k);
  }
  for (const n of nodes) {
    if (!seen.has(n.id))
      problems.push({ nodeId: n.id, message: 'not reachable from the thesis (its parents form a cycle)' });
  }
  return problems;
}

/** Indexes `nodes` as one tree. Throws TreeError (listing every problem) when they are not one. */
export function buildTree<N extends TreeNode>(nodes: readonly N[]): Tree<N> {
  const problems = checkTree(nodes);
  if (problems.length) throw new TreeError(problems);
  const byId = new Map<string, N>();
  const children = new Map<string, N[]>();
  let root: N | undefined;
  for (const n of nodes) {
    byId.set(n.id, n);
    if (n.parentId === null) root = n;
    else {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    }
  }
  for (const list of children.values()) list.sort(bySiblingOrder);
  return { root: root!, byId, children };
}

/** Sorted children of `id` (empty when it has none). */
export function childrenOf<N extends TreeNode>(tree: Tree<N>, id: string): readonly N[] {
  return tree.children.get(id) ?? EMPTY;
}

/**
 * Display kind of a node: the root is the thesis; a supporter of the thesis is a claim, of any
 * other node a premise; an opposer is a counterpoint, or a rebuttal when what it opposes is
 * itself an opposer (a counterpoint to a counterpoint); a neutral child is an option.
 */
export function kindOf<N extends TreeNode>(tree: Tree<N>, node: N): NodeKind {
  if (node.parentId === null) return NodeKind.thesis;
  if (node.relation === Relation.neutral) return NodeKind.option;
  if (node.relation === Relation.supports) {
    return node.parentId === tree.root.id ? NodeKind.claim : NodeKind.premise;
  }
  const parent = tree.byId.get(node.parentId);
  return parent && parent.relation === Relation.opposes ? NodeKind.rebuttal : NodeKind.counterpoint;
}

/**
 * Visits every node depth-first, parents before children, siblings in order. Return false from
 * `visit` to skip a node's subtree. Iterative, so a very deep tree cannot overflow the stack.
 */
export function walk<N extends TreeNode>(
  tree: Tree<N>,
  visit: (node: N, depth: number) => boolean | void,
  startId: string = tree.root.id,
): void {
  const start = tree.byId.get(startId);
  if (!start) return;
  const stack: Array<[N, number]> = [[start, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (visit(node, depth) === false) continue;
    const kids = childrenOf(tree, node.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
}

/** One row of the tree as displayed: what the WAI-ARIA tree pattern needs for each item. */
export interface VisibleRow<N extends TreeNode = ArgNode> {
  node: N;
  /** 1 for the thesis (aria-level). */
  level: number;
  /** Number of siblings including this node (aria-setsize). */
  setSize: number;
  /** 1-based position among siblings (aria-posinset). */
  posInSet: number;
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The rows on screen for a given set of expanded node ids, in display order. Children of a
 * collapsed node are left out; the thesis is always the first row.
 */
export function flattenVisible<N extends TreeNode>(tree: Tree<N>, expanded: ReadonlySet<string>): VisibleRow<N>[] {
  const rows: VisibleRow<N>[] = [];
  const stack: Array<[N, number, number, number]> = [[tree.root, 1, 1, 1]];
  while (stack.length) {
    const [node, level, setSize, posInSet] = stack.pop()!;
    const kids = childrenOf(tree, node.id);
    const isOpen = kids.length > 0 && expanded.has(node.id);
    rows.push({ node, level, setSize, posInSet, hasChildren: kids.length > 0, expanded: isOpen });
    if (isOpen) {
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, level + 1, kids.length, i + 1]);
    }
  }
  return rows;
}

/** Ids from the root down to the parent of `id` (empty for the root or an unknown id). */
export function ancestors<N extends TreeNode>(tree: Tree<N>, id: string): string[] {
  const path: string[] = [];
  let node = tree.byId.get(id);
  while (node && node.parentId !== null) {
    path.push(node.parentId);
    node = tree.byId.get(node.parentId);
  }
  return path.reverse();
}

/** `id` and every id below it, parents before children. */
export function subtreeIds<N extends TreeNode>(tree: Tree<N>, id: string): string[] {
  const ids: string[] = [];
  walk(tree, (n) => void ids.push(n.id), id);
  return ids;
}

/** Number of "opposes" links from `id` up to the root: even helps the thesis, odd hurts it. */
export function oppositionDepth<N extends TreeNode>(tree: Tree<N>, id: string): number {
  let count = 0;
  let node = tree.byId.get(id);
  while (node && node.parentId !== null) {
    if (node.relation === Relation.opposes) count++;
    node = tree.byId.get(node.parentId);
  }
  return count;
}

/** The answer to "may this node move there?", with the reason shown to the user when not. */
export type MoveCheck = { ok: true } | { ok: false; reason: string };

/** Whether `id` may become a child of `newParentId`. */
export function canMove<N extends TreeNode>(tree: Tree<N>, id: string, newParentId: string): MoveCheck {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: 'That node no longer exists.' };
  if (!tree.byId.has(newParentId)) return { ok: false, reason: 'The target node no longer exists.' };
  if (node.parentId === null) return { ok: false, reason: 'The thesis cannot be moved.' };
  if (id === newParentId) return { ok: false, reason: 'A node cannot be moved under itself.' };
  if (ancestors(tree, newParentId).includes(id)) {
    return { ok: false, reason: 'A node cannot be moved under one of its own descendants.' };
  }
  return { ok: true };
}
