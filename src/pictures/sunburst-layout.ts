/**
 * The sunburst: one ring per level of the tree around the node in focus (the thesis, or the
 * branch zoomed into), each wedge as wide as its subtree is large. Pure: angles, radii, SVG path
 * data and label placement are computed here and drawn by <warrant-sunburst>.
 */
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import { childrenOf, ancestors, type Tree } from '../model/tree.js';
import type { ArgNode } from '../model/types.js';
import { labelOf, shadeOf, textOn, type MoveKey, type NodeLabel, type PictureInput } from './picture-data.js';
import { fitText, textWidth } from './text-fit.js';

/** Rings drawn around the focus before deeper levels are left for zooming in. */
export const MAX_RINGS = 8;
/** Font size of wedge labels, px. */
const WEDGE_FONT = 11;

/** One wedge: a node, its angles (radians, clockwise from 12 o'clock) and radii (px). */
export interface Wedge extends NodeLabel {
  /** Levels below the focus (the focus is 0). */
  depth: number;
  parentId: string | null;
  /** Nodes in its subtree, itself included. */
  size: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** SVG path data, centred on (0, 0). */
  d: string;
  fill: string;
  /** Colour of text drawn on the fill. */
  ink: string;
  /** Text drawn on the wedge when there is room (already shortened to fit), with its transform. */
  caption?: { text: string; transform: string; anchor: 'start' | 'middle' | 'end' };
  /** The ⚠ mark of an unsourced node, near the wedge's outer edge, when there is room. */
  marks?: { text: string; x: number; y: number };
  /** An unrated node's dotted rim: SVG path data of an arc just inside its outer edge. */
  rim?: string;
}

/** A sunburst laid out for one focus and size. */
export interface SunburstLayout {
  focusId: string;
  /** The focus's ancestors, thesis first: the way back out. */
  path: string[];
  radius: number;
  rings: number;
  wedges: Wedge[];
  byId: ReadonlyMap<string, Wedge>;
  /** Drawn children of each wedge, in order. */
  childIds: ReadonlyMap<string, readonly string[]>;
  /** Nodes below the drawn rings (zoom in to see them). */
  hidden: number;
}

interface Item {
  node: ArgNode;
  kids: Item[];
}

const TAU = Math.PI * 2;
const r2 = (v: number): number => Math.round(v * 100) / 100;
const pt = (a: number, r: number): string => `${r2(r * Math.sin(a))},${r2(-r * Math.cos(a))}`;

/**
 * SVG path of the ring sector between angles a0..a1 and radii r0..r1; a full disk or ring when
 * the sector goes all the way round (SVG cannot draw a 360° arc in one command).
 */
export function arcPath(a0: number, a1: number, r0: number, r1: number): string {
  if (a1 - a0 >= TAU - 1e-9) {
    const outer = `M0,${r2(-r1)}A${r2(r1)},${r2(r1)} 0 1 1 0,${r2(r1)}A${r2(r1)},${r2(r1)} 0 1 1 0,${r2(-r1)}Z`;
    if (r0 <= 0) return outer;
    return `${outer}M0,${r2(-r0)}A${r2(r0)},${r2(r0)} 0 1 0 0,${r2(r0)}A${r2(r0)},${r2(r0)} 0 1 0 0,${r2(-r0)}Z`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const outer = `M${pt(a0, r1)}A${r2(r1)},${r2(r1)} 0 ${large} 1 ${pt(a1, r1)}`;
  if (r0 <= 0) return `${outer}L0,0Z`;
  return `${outer}L${pt(a1, r0)}A${r2(r0)},${r2(r0)} 0 ${large} 0 ${pt(a0, r0)}Z`;
}

/** SVG path of the arc a0..a1 at radius r (a full circle when it goes all the way round). */
function rimPath(a0: number, a1: number, r: number): string {
  if (a1 - a0 >= TAU - 1e-9)
    return `M0,${r2(-r)}A${r2(r)},${r2(r)} 0 1 1 0,${r2(r)}A${r2(r)},${r2(r)} 0 1 1 0,${r2(-r)}`;
  return `M${pt(a0, r)}A${r2(r)},${r2(r)} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${pt(a1, r)}`;
}

/** Fewest characters worth drawing on a wedge: less says nothing the hover card does not. */
const MIN_CAPTION_CHARS = 5;

const captionFor = (text: string, room: number, font: number): string => {
  const fitted = fitText(text, room, font);
  return fitted === text || fitted.length > MIN_CAPTION_CHARS ? fitted : '';
};

/**
 * Lays out the sunburst of `input`'s tree around `focusId` (the thesis when absent or unknown)
 * in a circle of `radius` px. Each wedge's angle is its subtree's share of its parent's (a node
 * keeps a sliver of its own, so a parent always shows beyond its children).
 */
export function layoutSunburst(input: PictureInput, radius: number, focusId?: string): SunburstLayout {
  const tree = input.tree;
  const focus = (focusId && tree.byId.get(focusId)) || tree.root;
  // Build the items iteratively: a very deep map must not overflow the stack.
  const top: Item = { node: focus, kids: [] };
  const stack: Array<[Item, number]> = [[top, 0]];
  let hidden = 0;
  let deepest = 0;
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(tree, item.node.id)) {
      if (depth + 1 >= MAX_RINGS) {
        hidden += countSubtree(tree, child.id);
        continue;
      }
      const kid: Item = { node: child, kids: [] };
      item.kids.push(kid);
      stack.push([kid, depth + 1]);
    }
  }
  const rings = deepest + 1;
  const root = hierarchy(top, (d) => d.kids).sum(() => 1);
  const laid = partition<Item>().size([TAU, rings])(root);
  const unit = radius / rings;
  const wedges: Wedge[] = [];
  const byId = new Map<string, Wedge>();
  const childIds = new Map<string, string[]>();
  laid.each((n) => {
    const w = makeWedge(input, n, unit);
    wedges.push(w);
    byId.set(w.id, w);
    if (w.parentId !== null && n.depth > 0) {
      const list = childIds.get(w.parentId);
      if (list) list.push(w.id);
      else childIds.set(w.parentId, [w.id]);
    }
  });
  return { focusId: focus.id, path: ancestors(tree, focus.id), radius, rings, wedges, byId, childIds, hidden };
}

function countSubtree(tree: Tree<ArgNode>, id: string): number {
  let count = 0;
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    count++;
    for (const c of childrenOf(tree, next)) stack.push(c.id);
  }
  return count;
}

function makeWedge(input: PictureInput, n: HierarchyRectangularNode<Item>, unit: number): Wedge {
  const label = labelOf(input, n.data.node);
  const fill = shadeOf(label.polarity, label.standing);
  const ink = textOn(fill);
  const y0 = n.y0 * unit;
  const y1 = n.y1 * unit;
  const wedge: Wedge = {
    ...label,
    depth: n.depth,
    parentId: n.data.node.parentId,
    size: n.value ?? 1,
    x0: n.x0,
    x1: n.x1,
    y0,
    y1,
    d: arcPath(n.x0, n.x1, y0, y1),
    fill,
    ink,
  };
  const markText = label.unsourced ? '⚠' : '';
  if (!label.rated) wedge.rim = rimPath(n.x0, n.x1, Math.max(1, y1 - 2.5));
  const mid = (n.x0 + n.x1) / 2;
  const thick = y1 - y0;
  if (n.depth === 0) {
    // The focus is the disk in the middle: a horizontal caption across it.
    const room = 2 * y1 * 0.8;
    const text = captionFor(label.text, room, WEDGE_FONT + 1);
    if (text) wedge.caption = { text, transform: `translate(0,${r2(WEDGE_FONT / 2)})`, anchor: 'middle' };
    if (markText) wedge.marks = { text: markText, x: 0, y: r2(-y1 * 0.55) };
    return wedge;
  }
  const rMid = (y0 + y1) / 2;
  const arc = (n.x1 - n.x0) * rMid;
  const markRoom = markText && arc >= WEDGE_FONT + 2 && thick >= 28 ? textWidth(markText, WEDGE_FONT) + 4 : 0;
  if (markRoom) {
    const r = y1 - 4 - markRoom / 2;
    wedge.marks = { text: markText, x: r2(r * Math.sin(mid)), y: r2(-r * Math.cos(mid) + WEDGE_FONT * 0.35) };
  }
  if (arc >= WEDGE_FONT + 3) {
    const text = captionFor(label.text, thick - 10 - markRoom, WEDGE_FONT);
    if (text) {
      // Radial text, turned so it never reads upside down.
      const deg = (mid * 180) / Math.PI - 90;
      const left = mid > Math.PI;
      const start = y0 + 5;
      const transform = left
        ? `rotate(${r2(deg)}) translate(${r2(start)},0) rotate(180) translate(0,${r2(WEDGE_FONT * 0.35)})`
        : `rotate(${r2(deg)}) translate(${r2(start)},${r2(WEDGE_FONT * 0.35)})`;
      wedge.caption = { text, transform, anchor: left ? 'end' : 'start' };
    }
  }
  return wedge;
}

/** Keys the sunburst moves focus with. */
export type SunburstKey = MoveKey;

/**
 * Where a key moves from wedge `id`: Down / Up to the next / previous wedge round the same
 * parent (clockwise / anticlockwise, wrapping), Right outward to the first child, Left inward to
 * the parent, Home / End to the first / last sibling. Returns `id` when there is nowhere to go.
 */
export function sunburstMove(layout: SunburstLayout, id: string, key: SunburstKey): string {
  const w = layout.byId.get(id);
  if (!w) return layout.focusId;
  if (key === 'ArrowRight') return layout.childIds.get(id)?.[0] ?? id;
  if (key === 'ArrowLeft') return w.depth > 0 && w.parentId !== null ? w.parentId : id;
  const siblings = w.depth > 0 && w.parentId !== null ? (layout.childIds.get(w.parentId) ?? [id]) : [id];
  const i = siblings.indexOf(id);
  if (key === 'Home') return siblings[0]!;
  if (key === 'End') return siblings[siblings.length - 1]!;
  const step = key === 'ArrowDown' ? 1 : -1;
  return siblings[(i + step + siblings.length) % siblings.length]!;
}
