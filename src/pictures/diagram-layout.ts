/**
 * The box-and-arrow diagram of one branch (Argdown / Rationale style): the branch's root on top,
 * what supports or opposes it below, an arrow from each point up to what it bears on. Boxes are
 * sized for their wrapped text; the layered layout is dagre's. Pure: no DOM.
 */
import dagre from '@dagrejs/dagre';
import { childrenOf, walk } from '../model/tree.js';
import { KIND_LABELS, type ArgNode, type NodeKind, type Relation } from '../model/types.js';
import {
  BOX_FILL,
  LINE,
  formatStanding,
  labelOf,
  shadeOf,
  textOn,
  type NodeLabel,
  type PictureInput,
  type MoveKey,
} from './picture-data.js';
import { fitText, wrapText } from './text-fit.js';

/**
 * Most boxes a diagram draws. A bigger branch is cut to its top levels (dagre's layout grows
 * faster than linearly, and a 5,000-box picture is unreadable anyway); the tree has the rest.
 */
const MAX_DIAGRAM_NODES = 400;

/** Box geometry, px. */
export const BOX = {
  width: 240,
  pad: 10,
  font: 13,
  lineHeight: 17,
  headerHeight: 22,
  headerFont: 11.5,
  footerHeight: 18,
  maxLines: 6,
} as const;

/** One box: a node of the branch with its place, wrapped text and colours. */
export interface DiagramBox extends NodeLabel {
  /** Levels below the branch's root (the root is 0). */
  depth: number;
  parentId: string | null;
  relation: Relation | null;
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Header line: kind and standing, e.g. "⊕ Claim · 0.72". */
  header: string;
  lines: string[];
  /** True when `lines` is not the whole text (the <title> and the tree have all of it). */
  truncated: boolean;
  /** Footer marks in words, e.g. "⚠ no source · ☆ unrated"; empty when none. */
  footer: string;
  fill: string;
  line: string;
  headerFill: string;
  headerInk: string;
}

/** One arrow, from a point up to the node it supports or opposes. */
interface DiagramEdge {
  from: string;
  to: string;
  relation: Relation;
  /** SVG path data from `from`'s box to `to`'s. */
  d: string;
}

/** How a branch over the limit was cut. */
export interface DiagramCut {
  /** Boxes drawn and nodes in the whole branch. */
  shown: number;
  total: number;
  /** Deepest level drawn (the root is 0). */
  levels: number;
}

export interface DiagramLayout {
  rootId: string;
  boxes: DiagramBox[];
  byId: ReadonlyMap<string, DiagramBox>;
  /** Drawn children of each box, in sibling order. */
  childIds: ReadonlyMap<string, readonly string[]>;
  edges: DiagramEdge[];
  width: number;
  height: number;
  /** Set when the branch was too large and only its top levels are drawn. */
  cut?: DiagramCut;
}

const KIND_GLYPH: Readonly<Record<NodeKind, string>> = {
  thesis: '◆',
  claim: '⊕',
  premise: '⊕',
  counterpoint: '⊟',
  rebuttal: '⊟',
  option: '◈',
};
const KIND_WORD = KIND_LABELS;
const MARGIN = 16;
const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * The nodes of the branch under `rootId`, level by level; when there are more than `limit`,
 * only whole top levels that fit (and, if even the first level does not, the first of its nodes).
 */
export function branchLevels(
  tree: PictureInput['tree'],
  rootId: string,
  limit = MAX_DIAGRAM_NODES,
): { nodes: ArgNode[]; cut?: DiagramCut } {
  const root = tree.byId.get(rootId) ?? tree.root;
  const nodes: ArgNode[] = [root];
  let level: ArgNode[] = [root];
  let levels = 0;
  let total = 1;
  let full = true;
  while (level.length) {
    const next: ArgNode[] = [];
    for (const n of level) for (const c of childrenOf(tree, n.id)) next.push(c);
    if (!next.length) break;
    total += next.length;
    if (full) {
      if (nodes.length + next.length <= limit) {
        nodes.push(...next);
        levels++;
      } else {
        if (levels === 0) {
          nodes.push(...next.slice(0, limit - 1));
          levels = 1;
        }
        full = false;
      }
    }
    level = next;
  }
  return full ? { nodes } : { nodes, cut: { shown: nodes.length, total, levels } };
}

/** A box's content and size, before it is placed. */
export function boxContent(
  label: NodeLabel,
): Pick<DiagramBox, 'header' | 'lines' | 'truncated' | 'footer' | 'width' | 'height'> {
  const inner = BOX.width - 2 * BOX.pad;
  const header = fitText(
    `${KIND_GLYPH[label.kind]} ${KIND_WORD[label.kind]} · ${formatStanding(label.standing)}`,
    inner,
    BOX.headerFont,
  );
  const wrapped = wrapText(label.text || '(no text)', inner, BOX.font, BOX.maxLines);
  const marks = [label.unsourced ? '⚠ no source' : '', label.rated ? '' : '☆ unrated'].filter(Boolean);
  const footer = marks.join(' · ');
  const height =
    BOX.headerHeight + BOX.pad + wrapped.lines.length * BOX.lineHeight + (footer ? BOX.footerHeight : 0) + BOX.pad - 4;
  return { header, lines: wrapped.lines, truncated: wrapped.truncated, footer, width: BOX.width, height };
}

/** Lays out the branch of `input`'s tree under `rootId` (the thesis when unknown). */
export function layoutDiagram(input: PictureInput, rootId: string, limit = MAX_DIAGRAM_NODES): DiagramLayout {
  const { nodes, cut } = branchLevels(input.tree, rootId, limit);
  const root = nodes[0]!;
  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: 'TB',
    nodesep: 22,
    ranksep: 46,
    marginx: MARGIN,
    marginy: MARGIN,
    ranker: 'tight-tree',
    rankalign: 'top',
  });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes: DiagramBox[] = [];
  const byId = new Map<string, DiagramBox>();
  const depthOf = new Map<string, number>([[root.id, 0]]);
  for (const node of nodes) {
    const label = labelOf(input, node);
    const content = boxContent(label);
    const depth = node.id === root.id ? 0 : (depthOf.get(node.parentId!) ?? 0) + 1;
    depthOf.set(node.id, depth);
    const headerFill = shadeOf(label.polarity, label.standing);
    const box: DiagramBox = {
      ...label,
      ...content,
      depth,
      parentId: node.id === root.id ? null : node.parentId,
      relation: node.id === root.id ? null : node.relation,
      x: 0,
      y: 0,
      fill: BOX_FILL[label.polarity],
      line: LINE[label.polarity],
      headerFill,
      headerInk: textOn(headerFill),
    };
    boxes.push(box);
    byId.set(node.id, box);
    g.setNode(node.id, { width: box.width, height: box.height });
  }
  const childIds = new Map<string, string[]>();
  for (const box of boxes) {
    if (box.parentId === null) continue;
    g.setEdge(box.parentId, box.id);
    const list = childIds.get(box.parentId);
    if (list) list.push(box.id);
    else childIds.set(box.parentId, [box.id]);
  }
  // A tree has no crossings to remove: dagre's ordering sweeps (and the layer graphs it builds
  // for them even when told not to sweep) would only shuffle the siblings out of the argument's
  // order and cost most of the time. Each rank is ordered by depth-first position instead; dagre's
  // dummy nodes (one per edge, halfway down) follow the point their edge leads to.
  const dfs = new Map<string, number>();
  walk(
    input.tree,
    (n) => {
      if (!byId.has(n.id)) return false;
      dfs.set(n.id, dfs.size);
    },
    root.id,
  );
  dagre.layout(g, { customOrder: (lg) => orderByDepthFirst(lg, dfs) });
  for (const box of boxes) {
    const p = g.node(box.id);
    box.x = r1(p.x - box.width / 2);
    box.y = r1(p.y - box.height / 2);
  }
  const edges: DiagramEdge[] = [];
  for (const box of boxes) {
    if (box.parentId === null || box.relation === null) continue;
    const parent = byId.get(box.parentId)!;
    edges.push({ from: box.id, to: parent.id, relation: box.relation, d: edgePath(box, parent) });
  }
  const graph = g.graph();
  const layout: DiagramLayout = {
    rootId: root.id,
    boxes,
    byId,
    childIds,
    edges,
    width: r1(graph.width ?? BOX.width + 2 * MARGIN),
    height: r1(graph.height ?? 0),
  };
  if (cut) layout.cut = cut;
  return layout;
}

/** Sets dagre's `order` in each rank of layout graph `lg` from the nodes' depth-first positions. */
function orderByDepthFirst(lg: InstanceType<typeof dagre.graphlib.Graph>, dfs: ReadonlyMap<string, number>): void {
  const ranks = new Map<number, Array<[number, string]>>();
  for (const v of lg.nodes()) {
    const label = lg.node(v) as { rank?: number; edgeObj?: { w: string } };
    const key = dfs.get(v) ?? dfs.get(label.edgeObj?.w ?? '') ?? Number.MAX_SAFE_INTEGER;
    const rank = label.rank ?? 0;
    const list = ranks.get(rank);
    if (list) list.push([key, v]);
    else ranks.set(rank, [[key, v]]);
  }
  for (const list of ranks.values()) {
    list.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    list.forEach(([, v], i) => ((lg.node(v) as { order?: number }).order = i));
  }
}

/**
 * An arrow from the top middle of `from` to the bottom middle of `to`: straight down from the
 * parent, then across, so arrows never cross a box in a layered tree.
 */
function edgePath(from: DiagramBox, to: DiagramBox): string {
  const x0 = r1(from.x + from.width / 2);
  const y0 = r1(from.y);
  const x1 = r1(to.x + to.width / 2);
  const y1 = r1(to.y + to.height);
  const midY = r1((y0 + y1) / 2);
  return x0 === x1 ? `M${x0},${y0}V${y1}` : `M${x0},${y0}V${midY}H${x1}V${y1}`;
}

/** Keys the diagram moves focus with. */
export type DiagramKey = MoveKey;

/**
 * Where a key moves from box `id`: Up to the parent, Down to the first child, Left / Right to the
 * previous / next sibling, Home to the branch's root, End to the last sibling.
 */
export function diagramMove(layout: DiagramLayout, id: string, key: DiagramKey): string {
  const box = layout.byId.get(id);
  if (!box) return layout.rootId;
  if (key === 'Home') return layout.rootId;
  if (key === 'ArrowUp') return box.parentId ?? id;
  if (key === 'ArrowDown') return layout.childIds.get(id)?.[0] ?? id;
  const siblings = box.parentId === null ? [id] : (layout.childIds.get(box.parentId) ?? [id]);
  const i = siblings.indexOf(id);
  if (key === 'End') return siblings[siblings.length - 1]!;
  const j = key === 'ArrowRight' ? i + 1 : i - 1;
  return siblings[j] ?? id;
}

/** A page of a printed diagram: the part of the picture it shows, in diagram px. */
export interface PrintTile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How to print a `width` x `height` px diagram on pages showing `pageW` x `pageH` px each at full
 * size: one page, scaled down, when that keeps at least `minScale` of full size; else tiles at
 * full size, row by row, each overlapping the one before by `overlap` px (a box's size), so every
 * box is whole on at least one page.
 */
export function printTiles(
  width: number,
  height: number,
  pageW: number,
  pageH: number,
  minScale = 0.6,
  overlap = { x: BOX.width + 20, y: 160 },
): PrintTile[] {
  const scale = Math.min(1, pageW / width, pageH / height);
  if (scale >= minScale) return [{ x: 0, y: 0, width, height }];
  const stepX = Math.max(1, pageW - overlap.x);
  const stepY = Math.max(1, pageH - overlap.y);
  const tiles: PrintTile[] = [];
  for (let y = 0; ; y += stepY) {
    for (let x = 0; ; x += stepX) {
      tiles.push({ x, y, width: pageW, height: pageH });
      if (x + pageW >= width) break;
    }
    if (y + pageH >= height) break;
  }
  return tiles;
}
