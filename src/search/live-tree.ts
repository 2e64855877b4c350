/**
 * The shape of the indexed map, kept up to date edit by edit. buildTree checks and rebuilds
 * everything, which at 10,000 nodes costs more than a search; here adding, moving or removing
 * a node touches only its old and new parent's child list, and the tree order is walked again
 * only when a search needs it.
 *
 * It tolerates what buildTree refuses, because the index may be searched between two edits of
 * one batch (a subtree half moved): nodes the thesis does not reach come last in tree order, a
 * missing parent ends a path, and a cycle cannot hang it.
 */
import type { Tree, TreeNode } from '../model/tree.js';

function bySiblingOrder(a: TreeNode, b: TreeNode): number {
  // The same order as buildTree: order key, then id.
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const NO_ROOT: TreeNode = Object.freeze({ id: '', parentId: null, relation: null, order: '' });

/** A map's nodes as a tree that is edited in place; see the module comment for what it tolerates. */
export class LiveTree<N extends TreeNode> {
  private readonly byId = new Map<string, N>();
  private readonly children = new Map<string, N[]>();
  private readonly roots = new Set<string>();
  private ordered: N[] | null = null;

  /** The node with this id. */
  get(id: string): N | undefined {
    return this.byId.get(id);
  }

  /** Number of nodes. */
  get size(): number {
    return this.byId.size;
  }

  /** Adds a node or replaces the node with its id. */
  set(node: N): void {
    this.delete(node.id);
    this.byId.set(node.id, node);
    if (node.parentId === null) this.roots.add(node.id);
    else {
      let list = this.children.get(node.parentId);
      if (!list) this.children.set(node.parentId, (list = []));
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bySiblingOrder(list[mid]!, node) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, node);
    }
    this.ordered = null;
  }

  /** Removes a node (its children stay, unreachable until they move or go too). */
  delete(id: string): void {
    const node = this.byId.get(id);
    if (!node) return;
    this.byId.delete(id);
    if (node.parentId === null) this.roots.delete(id);
    else {
      const list = this.children.get(node.parentId)!;
      list.splice(list.indexOf(node), 1);
      if (list.length === 0) this.children.delete(node.parentId);
    }
    this.ordered = null;
  }

  /**
   * The tree as model/tree.ts functions take it. With several roots, the smallest id is the
   * thesis; with none, a stand-in with an empty id.
   */
  view(): Tree<TreeNode> {
    let rootId: string | undefined;
    for (const id of this.roots) if (rootId === undefined || id < rootId) rootId = id;
    const root = rootId === undefined ? NO_ROOT : this.byId.get(rootId)!;
    return { root, byId: this.byId, children: this.children };
  }

  /**
   * Ancestor ids, thesis first: `ancestors`, except that it stops below a missing parent or
   * where the parents come round in a cycle.
   */
  path(id: string): string[] {
    const path: string[] = [];
    const seen = new Set([id]);
    let node = this.byId.get(id);
    while (node && node.parentId !== null && !seen.has(node.parentId)) {
      node = this.byId.get(node.parentId);
      if (!node) break;
      seen.add(node.id);
      path.push(node.id);
    }
    return path.reverse();
  }

  /** Every node in tree order (depth first, siblings in order), unreachable ones last by id. */
  order(): readonly N[] {
    if (this.ordered) return this.ordered;
    const tree = this.view();
    const out: N[] = [];
    const stack: N[] = [];
    const root = this.byId.get(tree.root.id);
    if (root) stack.push(root);
    // model's walk, without the per-node tuple: this runs after every structural edit.
    while (stack.length > 0) {
      const node = stack.pop()!;
      out.push(node);
      const kids = this.children.get(node.id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    if (out.length < this.byId.size) {
      const reached = new Set(out);
      const rest = [...this.byId.values()].filter((n) => !reached.has(n));
      rest.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const n of rest) out.push(n);
    }
    this.ordered = out;
    return out;
  }
}
