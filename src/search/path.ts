/** Where a search hit sits in the tree: its path as text, and the rows to keep when filtering. */
import type { Tree, TreeNode } from '../model/tree.js';
import { KIND_LABELS } from '../model/types.js';

/** How formatPath shortens and joins labels. */
export interface PathFormat {
  /** Longest label, in characters, including the ellipsis. Default 24. */
  maxLabelLength?: number;
  /** Default " > ". */
  separator?: string;
  /**
   * Label for the first id, taken to be the thesis. Default "Thesis": every path starts there,
   * so its text would only take room. Pass null to show the thesis's own text.
   */
  rootLabel?: string | null;
}

// Markdown syntax would show up literally in a one-line label.
const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const LINE_MARKER = /^\s*(?:#{1,6}|>)\s*/gm;
const INLINE_MARKER = /[*_`]/g;

/** The Markdown of a node's text as one plain line. */
function plainLine(markdown: string): string {
  return markdown.replace(LINK, '$1').replace(LINE_MARKER, '').replace(INLINE_MARKER, '').replace(/\s+/g, ' ').trim();
}

/**
 * Shortens `label` to at most `max` characters, ending in "…". Cuts at a word boundary when one
 * falls in the second half, so labels do not end mid-word; counts code points, so an emoji is
 * never cut in two.
 */
export function truncateLabel(label: string, max: number): string {
  const chars = Array.from(label);
  if (chars.length <= max) return label;
  let cut = chars.slice(0, Math.max(0, max - 1)).join('');
  // A cut right before a space already ends on a whole word.
  const space = chars[max - 1] === ' ' ? -1 : cut.lastIndexOf(' ');
  if (space >= Math.floor(max / 2)) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * Renders a path of node ids (thesis first) as one line, e.g.
 * "Thesis > NATO expansion broke a… > Baker's assurance was…". Ids `textOf` does not know are
 * shown as "?" rather than dropped, so the depth stays visible.
 */
export function formatPath(
  path: readonly string[],
  textOf: (id: string) => string | undefined,
  format: PathFormat = {},
  /** Labels already made, by text; pass the same map across calls (e.g. one list of results). */
  labels?: Map<string, string>,
): string {
  const { maxLabelLength = 24, separator = ' > ', rootLabel = KIND_LABELS.thesis } = format;
  return path
    .map((id, i) => {
      if (i === 0 && rootLabel !== null) return rootLabel;
      const text = textOf(id);
      if (text === undefined) return '?';
      let label = labels?.get(text);
      if (label === undefined) {
        label = truncateLabel(plainLine(text), maxLabelLength);
        labels?.set(text, label);
      }
      return label;
    })
    .join(separator);
}

/**
 * The ids to show when the tree shows only matches: every match plus all its ancestors, so each
 * match stays reachable from the thesis. Ids not in the tree are ignored.
 */
export function visibleWithAncestors<N extends TreeNode>(tree: Tree<N>, matchIds: Iterable<string>): Set<string> {
  const visible = new Set<string>();
  for (const id of matchIds) {
    let node = tree.byId.get(id);
    // Stop at the first node already kept: its ancestors are kept too, so the walk stays linear.
    while (node && !visible.has(node.id)) {
      visible.add(node.id);
      node = node.parentId === null ? undefined : tree.byId.get(node.parentId);
    }
  }
  return visible;
}
