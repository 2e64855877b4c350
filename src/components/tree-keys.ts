/**
 * The keyboard of <warrant-tree>, after the WAI-ARIA tree pattern: arrows, Home/End, Enter, `*`
 * and type-ahead. treeKey() says what a key means on the visible rows; the tree carries it out.
 */
import { childrenOf, type Tree, type VisibleRow } from '../model/tree.js';
import type { ArgNode } from '../model/types.js';

/** What a key asks the tree to do. */
export type TreeKeyAction =
  | { kind: 'select'; id: string }
  | { kind: 'toggle'; ids: string[]; expanded: boolean }
  | { kind: 'open'; id: string }
  | { kind: 'jump'; id: string }
  | { kind: 'typeahead'; char: string }
  | { kind: 'none' };

/** What treeKey() reads: the visible rows, the active row's index, the expanded ids and the links. */
export interface TreeKeyContext {
  tree: Tree<ArgNode>;
  rows: readonly VisibleRow<ArgNode>[];
  index: number;
  expanded: ReadonlySet<string>;
  /** Whether the node is a link row whose target exists (Enter follows it). */
  isLink: (id: string) => boolean;
}

/**
 * The action of a key (without Alt, Ctrl or Meta) on the active row, or undefined when the key is
 * not the tree's (it is left to commands and the browser).
 */
export function treeKey(key: string, shiftKey: boolean, c: TreeKeyContext): TreeKeyAction | undefined {
  const { rows, index: i } = c;
  const row = rows[i]!;
  const id = row.node.id;
  const select = (r: VisibleRow<ArgNode> | undefined): TreeKeyAction =>
    r ? { kind: 'select', id: r.node.id } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return select(rows[i + 1]);
    case 'ArrowUp':
      return select(rows[i - 1]);
    case 'Home':
      return select(rows[0]);
    case 'End':
      return select(rows[rows.length - 1]);
    case 'ArrowRight':
      if (row.hasChildren && !row.expanded) return { kind: 'toggle', ids: [id], expanded: true };
      return row.expanded ? select(rows[i + 1]) : { kind: 'none' };
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'toggle', ids: [id], expanded: false };
      return row.node.parentId ? { kind: 'select', id: row.node.parentId } : { kind: 'none' };
    case 'Enter':
      if (shiftKey) return undefined;
      return c.isLink(id) ? { kind: 'jump', id } : { kind: 'open', id };
    case '*': {
      const parent = row.node.parentId;
      const siblings = parent ? childrenOf(c.tree, parent) : [row.node];
      const ids = siblings.filter((s) => childrenOf(c.tree, s.id).length > 0 && !c.expanded.has(s.id)).map((s) => s.id);
      return { kind: 'toggle', ids, expanded: true };
    }
    default:
      // + - ? / belong to commands (add supporting / opposing node, shortcuts, search), and the
      // digits 0-4 rate the selected node; other characters jump by type-ahead.
      return key.length === 1 && !' +-?/01234'.includes(key) ? { kind: 'typeahead', char: key } : undefined;
  }
}

const TYPEAHEAD_RESET_MS = 600;

const plain = new WeakMap<ArgNode, string>();
/** The start of a node's text, lower case and without Markdown marks, as type-ahead matches it. */
function plainStart(node: ArgNode): string {
  let p = plain.get(node);
  if (p === undefined) {
    p = node.text
      .slice(0, 200)
      .replace(/[*_`#>[\]()~|\\]/g, '')
      .trim()
      .toLowerCase();
    plain.set(node, p);
  }
  return p;
}

/** Type-ahead: the characters typed in quick succession, and the row they lead to. */
export class TypeAhead {
  private typed = '';
  private timer = 0;

  /** The id of the row to focus after `char` is typed on row `from`, if any row matches. */
  next(char: string, rows: readonly VisibleRow<ArgNode>[], from: number): string | undefined {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => (this.typed = ''), TYPEAHEAD_RESET_MS);
    this.typed += char.toLowerCase();
    let found = this.find(rows, from);
    if (found === undefined && this.typed.length > 1) {
      // Nothing starts with the whole run of letters: start again from the last one typed.
      this.typed = char.toLowerCase();
      found = this.find(rows, from);
    }
    return found;
  }

  /** Stops the reset timer (the tree left the page). */
  stop(): void {
    window.clearTimeout(this.timer);
  }

  private find(rows: readonly VisibleRow<ArgNode>[], from: number): string | undefined {
    const n = rows.length;
    // The same letter typed again cycles through rows starting with it (as file managers do);
    // a longer prefix refines the match from the current row.
    const repeated = [...this.typed].every((c) => c === this.typed[0]);
    const prefix = repeated ? this.typed[0]! : this.typed;
    const start = prefix.length === 1 ? from + 1 : from;
    for (let k = 0; k < n; k++) {
      const r = rows[(start + k) % n]!;
      if (plainStart(r.node).startsWith(prefix)) return r.node.id;
    }
    return undefined;
  }
}
