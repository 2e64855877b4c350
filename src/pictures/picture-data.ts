/**
 * What both pictures (the sunburst and the diagram) are drawn from, and the colours they share.
 * Pure: no DOM, so layouts are computed and tested in any JavaScript engine.
 */
import { kindOf, type Tree } from '../model/tree.js';
import { plainLine } from '../model/text.js';
import type { ArgNode, NodeKind } from '../model/types.js';

/** What a picture shows of a node besides its text and place in the tree. */
export interface NodeFacts {
  /** Computed standing in [0, 1]; undefined when there is none. */
  standing?: number;
  /** Whether anyone (in the current perspective) rated the node's own evidence. */
  rated: boolean;
  /** A claim or premise that cites no source. */
  unsourced: boolean;
}

/** The map as the pictures see it: the tree and each node's facts. */
export interface PictureInput {
  tree: Tree<ArgNode>;
  factsOf: (id: string) => NodeFacts;
}

/** Support, opposition, or the thesis: drawn apart by pattern and line style as well as colour. */
export type Polarity = 'thesis' | 'support' | 'oppose';

/** Polarity of a node from its kind. */
function polarityOf(kind: NodeKind): Polarity {
  // A neutral option takes neither side: drawn in the thesis's neutral blue, solid.
  if (kind === 'thesis' || kind === 'option') return 'thesis';
  return kind === 'claim' || kind === 'premise' ? 'support' : 'oppose';
}

/** Number of standing bands the shading uses (0 = below 0.2 ... 4 = 0.8 and above). */
export const STANDING_BANDS = 5;

/** The shading band of a standing; -1 when there is no standing. */
export function standingBand(standing: number | undefined): number {
  if (standing === undefined || !Number.isFinite(standing)) return -1;
  return Math.max(0, Math.min(STANDING_BANDS - 1, Math.floor(standing * STANDING_BANDS)));
}

/** Words for a band, for the legend: "0.2–0.4". */
export function bandLabel(band: number): string {
  const lo = band / STANDING_BANDS;
  const hi = (band + 1) / STANDING_BANDS;
  return band === STANDING_BANDS - 1 ? `${lo.toFixed(1)}–1` : `${lo.toFixed(1)}–${hi.toFixed(1)}`;
}

/**
 * Fill per polarity and standing band, pale (weak) to dark (strong). Every shade has at least
 * 3:1 contrast against the white page (WCAG non-text contrast), so each wedge and header stands
 * out whatever its standing; test/pictures/picture-data.test.ts checks the figures.
 */
export const SHADES: Readonly<Record<Polarity, readonly string[]>> = {
  support: ['#2fa071', '#257f5a', '#1e6749', '#185139', '#113b2a'],
  oppose: ['#de6b61', '#cf3a2c', '#a82f24', '#86251d', '#631b15'],
  thesis: ['#708adb', '#486bd1', '#2f53bd', '#254296', '#1c306e'],
};

/** Fill of a node with no standing. */
export const NO_STANDING_FILL = '#6b7280';

/** The app's ink (dark text) and paper. */
export const INK = '#1c1f24';
export const PAPER = '#ffffff';

/** Colour of the "⚠ no source · ☆ unrated" marks on a box (the app's --warn-ink). */
export const MARK_INK = '#8a5300';

/** Line colour per polarity (the app's --support-ink, --oppose-ink, --thesis-ink). */
export const LINE: Readonly<Record<Polarity, string>> = {
  support: '#0a6b4c',
  oppose: '#b0261d',
  thesis: '#1d47c4',
};

/** Pale box background per polarity (the app's --support-bg, --oppose-bg, --thesis-bg). */
export const BOX_FILL: Readonly<Record<Polarity, string>> = {
  support: '#e5f3ed',
  oppose: '#fbeceb',
  thesis: '#e7edfc',
};

/** Fill for a node of `polarity` with `standing`. */
export function shadeOf(polarity: Polarity, standing: number | undefined): string {
  const band = standingBand(standing);
  return band < 0 ? NO_STANDING_FILL : SHADES[polarity][band]!;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Ink or paper, whichever reads better on `fill`. */
export function textOn(fill: string): string {
  return contrast(fill, INK) >= contrast(fill, PAPER) ? INK : PAPER;
}

/** Everything a picture says about one node, worked out once per layout. */
export interface NodeLabel {
  id: string;
  kind: NodeKind;
  polarity: Polarity;
  /** Plain text (Markdown markers dropped), at most LABEL_TEXT_MAX characters. */
  text: string;
  standing?: number;
  rated: boolean;
  unsourced: boolean;
}

/** How much of a node's text a label keeps (hover, focus and aria-label); the tree has the rest. */
const LABEL_TEXT_MAX = 600;

/** The label of node `node` in `input`. */
export function labelOf(input: PictureInput, node: ArgNode): NodeLabel {
  const kind = kindOf(input.tree, node);
  const facts = input.factsOf(node.id);
  return {
    id: node.id,
    kind,
    polarity: polarityOf(kind),
    text: plainLine(node.text, LABEL_TEXT_MAX),
    ...(facts.standing !== undefined && { standing: facts.standing }),
    rated: facts.rated,
    unsourced: facts.unsourced,
  };
}

/**
 * The facts of a node's hover card after its kind: "standing 0.80 · ⚠ no source · ☆ unrated", or
 * "no standing yet · ☆ unrated" when nothing under it is rated (never "standing no standing").
 */
export function cardFacts(label: NodeLabel): string {
  const parts = [label.standing === undefined ? 'no standing yet' : `standing ${formatStanding(label.standing)}`];
  if (label.unsourced) parts.push('⚠ no source');
  if (!label.rated) parts.push('☆ unrated');
  return parts.join(' · ');
}

/** The keys that move between the boxes or wedges of a picture (the WAI-ARIA tree's keys). */
export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/** Standing as printed: two decimals. */
export const formatStanding = (s: number | undefined): string => (s === undefined ? 'no standing' : s.toFixed(2));

/**
 * What a screen reader hears for a node: kind, text, standing and marks, e.g.
 * "Claim: The summits worked. Standing 0.80. No source. Unrated."
 */
export function spokenLabel(label: NodeLabel, kindWord: string): string {
  const text = label.text.replace(/[.!?…]$/, '');
  const parts = [`${kindWord}: ${text}`];
  parts.push(label.standing === undefined ? 'No standing' : `Standing ${formatStanding(label.standing)}`);
  if (label.unsourced) parts.push('No source');
  if (!label.rated) parts.push('Unrated');
  return parts.join('. ') + '.';
}

/**
 * A sentence or two saying what a picture shows, for its <desc> and the text beside it, e.g.
 * "6 nodes: 2 claims, 1 premise, 1 counterpoint, 1 rebuttal. 1 cites no source; 5 are unrated."
 */
export function describeLabels(labels: readonly NodeLabel[]): string {
  const count: Record<NodeKind, number> = { thesis: 0, claim: 0, premise: 0, counterpoint: 0, rebuttal: 0, option: 0 };
  let unsourced = 0;
  let unrated = 0;
  for (const l of labels) {
    count[l.kind]++;
    if (l.unsourced) unsourced++;
    if (!l.rated) unrated++;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const kinds = (['claim', 'premise', 'counterpoint', 'rebuttal', 'option'] as const)
    .filter((k) => count[k] > 0)
    .map((k) => plural(count[k], k));
  const head = `${plural(labels.length, 'node')}${kinds.length ? `: ${kinds.join(', ')}` : ''}.`;
  const marks = `${unsourced} ${unsourced === 1 ? 'cites' : 'cite'} no source; ${unrated} ${unrated === 1 ? 'is' : 'are'} unrated.`;
  return `${head} ${marks}`;
}
