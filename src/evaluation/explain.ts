/**
 * Explaining a standing to a student: which way a node pulls the thesis, what the thesis would be
 * without it, what one step of rating would change, the range the thesis could take while nodes
 * are unrated, and the local split in words. Every answer is computed from an Evaluation without
 * changing it.
 */
import { MAX_RATING, MIN_RATING, NEUTRAL_RATING, ratingToTau, type BaseScore, type BaseScores } from './base-scores.js';
import { evaluate, propagateStrength, strengthWithTau, updateNode, type Evaluation } from './engine.js';
import { localSplit, type LocalSplit, type ShapleyOptions } from './shapley.js';
import type { TreeIndex } from './tree-index.js';

/** Which way a node pulls the thesis. */
export const Polarity = {
  helps: 'helps',
  hurts: 'hurts',
} as const;
/** One of the values of `Polarity`. */
export type Polarity = (typeof Polarity)[keyof typeof Polarity];

function indexOfNode(index: TreeIndex, nodeId: string): number {
  const i = index.indexOf.get(nodeId);
  if (i === undefined) throw new RangeError(`"${nodeId}" is not in the evaluated tree`);
  return i;
}

/**
 * Whether a node helps the thesis (an even number of "opposes" links on its path to the root,
 * including the thesis itself) or hurts it (odd): a counterpoint to a counterpoint helps.
 */
export function polarityOf(source: Evaluation | TreeIndex, nodeId: string): Polarity {
  const index = 'index' in source ? source.index : source;
  const depth = index.opposesOnPath[indexOfNode(index, nodeId)]!;
  return depth % 2 === 0 ? Polarity.helps : Polarity.hurts;
}

/**
 * The thesis's standing if this node and everything under it were removed; null for the thesis.
 * Under QE and DF-QuAD a child of standing 0 contributes exactly nothing (it adds 0 to E, or
 * multiplies a DF-QuAD product by 1), so pinning the node at 0 is removing its subtree; the class
 * default leaves the child out of its parent's mean instead.
 */
export function counterfactual(ev: Evaluation, nodeId: string): number | null {
  const i = indexOfNode(ev.index, nodeId);
  if (i === 0) return null;
  return propagateStrength(ev, i, null).thesis;
}

/** The outcome of one hypothetical rating. */
export interface WhatIfOutcome {
  /** The hypothetical (mean) rating on the 0-4 scale. */
  rating: number;
  /** Its base score under the map's mapping. */
  tau: number;
  /** The node's own standing. */
  sigma: number;
  /** Its parent's standing; null for the thesis. */
  parent: number | null;
  /** The thesis's standing. */
  thesis: number;
}

/** The effect of moving a node's rating one step up or down. */
export interface WhatIf {
  nodeId: string;
  /** Whether the node has ratings under the perspective. */
  rated: boolean;
  /**
   * The rating the steps start from: the current mean, or for an unrated node the middle of the
   * scale (2), which maps to the same neutral 0.5 it is evaluated with. So an unrated node's steps
   * read "if someone rated it 3 (strong)" and "if someone rated it 1 (weak)".
   */
  from: number;
  /** One step up (clamped to 4); null when already at 4. */
  up: WhatIfOutcome | null;
  /** One step down (clamped to 0); null when already at 0. */
  down: WhatIfOutcome | null;
}

/**
 * What one rating step up or down would do to the node, its parent and the thesis. Recomputes
 * only the path to the root; `ev` must come from `base` (same ratings, mapping and perspective).
 */
export function whatIf(ev: Evaluation, base: BaseScores, nodeId: string): WhatIf {
  const i = indexOfNode(ev.index, nodeId);
  const score = base.get(nodeId);
  const from = score.rated ? score.mean : NEUTRAL_RATING;
  const outcome = (rating: number): WhatIfOutcome | null => {
    if (rating === from) return null;
    const tau = ratingToTau(rating, base.mapping);
    const sigma = strengthWithTau(ev, i, tau);
    const { parent, thesis } = propagateStrength(ev, i, sigma);
    return { rating, tau, sigma, parent, thesis };
  };
  return {
    nodeId,
    rated: score.rated,
    from,
    up: outcome(Math.min(MAX_RATING, from + 1)),
    down: outcome(Math.max(MIN_RATING, from - 1)),
  };
}

/** The standing the thesis could take once every unrated node is rated. */
export interface ThesisRange {
  min: number;
  max: number;
  /** Number of unrated nodes (0 means min = max = the thesis's standing). */
  unrated: number;
}

/**
 * The two evaluations behind a thesis range: every unrated node at the base that helps the thesis
 * most (`high`) or least (`low`). Kept by the map view, so that a rating updates them along one
 * path (`updateRangeNode`) instead of two full passes.
 */
export interface RangeEvaluations {
  low: Evaluation;
  high: Evaluation;
  /** Number of unrated nodes in the tree. */
  unrated: number;
}

/** Bases of node `i` in the low and high evaluations. */
function extremes(ev: Evaluation, i: number, rated: boolean): [low: number, high: number] {
  if (rated) return [ev.tau[i]!, ev.tau[i]!];
  const helps = ev.index.opposesOnPath[i]! % 2 === 0;
  return helps ? [0, 1] : [1, 0];
}

/** The range evaluations of `ev` (which must come from `base`): two full passes. */
export function rangeEvaluations(ev: Evaluation, base: Pick<BaseScores, 'rated'>): RangeEvaluations {
  const { size, indexOf, opposesOnPath } = ev.index;
  const high = new Float64Array(size);
  const low = new Float64Array(size);
  // Every node at its extreme first, then the rated ones back to their own base: this walks the
  // rated map rather than asking "is it rated?" of every node.
  for (let i = 0; i < size; i++) {
    const helps = opposesOnPath[i]! % 2 === 0;
    high[i] = helps ? 1 : 0;
    low[i] = helps ? 0 : 1;
  }
  let rated = 0;
  for (const id of base.rated.keys()) {
    const i = indexOf.get(id);
    if (i === undefined) continue;
    rated++;
    high[i] = low[i] = ev.tau[i]!;
  }
  return {
    // Every node rated (at its extreme or its own base), with the relevance weights of `ev`.
    low: evaluate(ev.index, low, ev.semantics, { weight: ev.weight }),
    high: evaluate(ev.index, high, ev.semantics, { weight: ev.weight }),
    unrated: size - rated,
  };
}

/**
 * Brings `range` up to date after node `nodeId`'s base changed in `ev` (already updated) or it
 * became rated or unrated. In place, along one path; the numbers equal a fresh rangeEvaluations.
 */
export function updateRangeNode(
  range: RangeEvaluations,
  ev: Evaluation,
  nodeId: string,
  was: boolean,
  is: boolean,
): void {
  const i = ev.index.indexOf.get(nodeId);
  if (i === undefined) return;
  const [low, high] = extremes(ev, i, is);
  const weight = ev.weight[i]!;
  if (range.low.tau[i] !== low || range.low.weight[i] !== weight) updateNode(range.low, nodeId, { tau: low, weight });
  if (range.high.tau[i] !== high || range.high.weight[i] !== weight)
    updateNode(range.high, nodeId, { tau: high, weight });
  if (was !== is) range.unrated += was ? 1 : -1;
}

/** The range the thesis's standing could take once every unrated node is rated. */
export function rangeOf(ev: Evaluation, range: RangeEvaluations): ThesisRange {
  if (range.unrated === 0) return { min: ev.thesis, max: ev.thesis, unrated: 0 };
  return { min: range.low.thesis, max: range.high.thesis, unrated: range.unrated };
}

/**
 * The thesis's range while nodes are unrated: for the max every unrated node that helps the
 * thesis gets base 1 and every one that hurts it base 0; the min is the reverse. Both semantics
 * are monotone, so these are the true extremes. Two full passes; `ev` must come from `base`.
 */
export function thesisRange(ev: Evaluation, base: Pick<BaseScores, 'rated'>): ThesisRange {
  return rangeOf(ev, rangeEvaluations(ev, base));
}

/**
 * The local split in one line, two decimals (display only), e.g.
 * "Thesis 0.50 = base 0.50 + Claim A +0.14 + Claim B +0.04 - Counterpoint C 0.18".
 */
export function explainInWords(split: LocalSplit, label: (nodeId: string) => string): string {
  let text = `${label(split.nodeId)} ${split.sigma.toFixed(2)} = base ${split.tau.toFixed(2)}`;
  for (const { childId, share } of split.shares) {
    text += share < 0 ? ` - ${label(childId)} ${(-share).toFixed(2)}` : ` + ${label(childId)} +${share.toFixed(2)}`;
  }
  return text;
}

/** Everything the explanation panel shows for one node. */
export interface NodeExplanation {
  nodeId: string;
  base: BaseScore;
  tau: number;
  sigma: number;
  polarity: Polarity;
  /** Number of "opposes" links on the path to the thesis. */
  opposesOnPath: number;
  split: LocalSplit;
  /** Thesis without this node and its subtree; null for the thesis. */
  counterfactual: number | null;
  /** Whether anything would still inform the thesis without this node (always true under QE and DF-QuAD). */
  counterfactualInformed: boolean;
  whatIf: WhatIf;
}

/** All explanations of one node at once; `ev` must come from `base`. */
export function explainNode(
  ev: Evaluation,
  base: BaseScores,
  nodeId: string,
  options: ShapleyOptions = {},
): NodeExplanation {
  const i = indexOfNode(ev.index, nodeId);
  return {
    nodeId,
    base: base.get(nodeId),
    tau: ev.tau[i]!,
    sigma: ev.sigma[i]!,
    polarity: polarityOf(ev, nodeId),
    opposesOnPath: ev.index.opposesOnPath[i]!,
    split: localSplit(ev, nodeId, options),
    counterfactual: counterfactual(ev, nodeId),
    counterfactualInformed: i === 0 || ev.semantics !== 'class' || propagateStrength(ev, i, null).thesisInformed,
    whatIf: whatIf(ev, base, nodeId),
  };
}
