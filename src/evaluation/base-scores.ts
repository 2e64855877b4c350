/**
 * Base scores (tau) from ratings. Students rate each node's OWN evidence; the engine then derives
 * its standing from the tree. A node nobody has rated is neutral (0.5), never 0: silence is not
 * evidence against a claim.
 */
import type { Rating, RatingValue } from '../model/types.js';
import { NEUTRAL_WEIGHT, relevanceToWeight } from './class-standing.js';
import { RatingMapping } from './settings.js';

/** Lowest rating on the scale ("none"). */
export const MIN_RATING = 0;
/** Highest rating on the scale ("decisive"). */
export const MAX_RATING = 4;
/** The middle of the scale; it maps to 0.5 under both mappings. */
export const NEUTRAL_RATING = 2;
/** Base score of an unrated node (QE and DF-QuAD count it as half evidence). */
export const NEUTRAL_TAU = 0.5;

/** Base score of a (mean) rating `r` on the 0-4 scale under `mapping`. */
export function ratingToTau(r: number, mapping: RatingMapping): number {
  return mapping === RatingMapping.avoidExtremes ? (r + 0.5) / 5 : r / 4;
}

/** Whose ratings count: everyone's (no rater, the mean over all raters) or one rater's only. */
export interface Perspective {
  rater?: string;
}

/** A node with at least one rating under the chosen perspective. */
interface RatedBaseScore {
  nodeId: string;
  rated: true;
  /** Number of ratings. */
  count: number;
  /** Mean rating on the 0-4 scale (not rounded). */
  mean: number;
  /** Population standard deviation of the ratings: 0 when raters agree. */
  spread: number;
  min: RatingValue;
  max: RatingValue;
  /** `ratingToTau(mean, mapping)`. */
  tau: number;
}

/** A node nobody has rated under the chosen perspective: neutral base, flagged for the UI. */
interface UnratedBaseScore {
  nodeId: string;
  rated: false;
  count: 0;
  tau: typeof NEUTRAL_TAU;
}

/** The base score of one node. */
export type BaseScore = RatedBaseScore | UnratedBaseScore;

/** The relevance ratings of one node (to its parent) under the chosen perspective. */
interface RelevanceScore {
  nodeId: string;
  count: number;
  /** Mean relevance on the 0-4 scale (not rounded). */
  mean: number;
  /** Population standard deviation. */
  spread: number;
  min: RatingValue;
  max: RatingValue;
  /** `relevanceToWeight(mean)`: 0..2. */
  weight: number;
}

/** Base scores of one map under one perspective and mapping. */
export interface BaseScores {
  readonly mapping: RatingMapping;
  readonly perspective: Perspective;
  /** Every rater with a rating in the map (whatever the perspective), sorted: the perspective picker. */
  readonly raters: readonly string[];
  /** Rated nodes only; any other node id is unrated. */
  readonly rated: ReadonlyMap<string, RatedBaseScore>;
  /** Nodes with a relevance rating only. */
  readonly relevance: ReadonlyMap<string, RelevanceScore>;
  /** Relevance weight of any node in its parent (1 when nobody rated its relevance). */
  weightOf(nodeId: string): number;
  /** Base score of any node id (unrated when it has no rating). */
  get(nodeId: string): BaseScore;
  /** Tau of any node id; a standalone function, so it can be passed to `evaluate` as is. */
  tauOf(nodeId: string): number;
  /** Whether the node has a rating under this perspective. */
  isRated(nodeId: string): boolean;
}

/** Options for `computeBaseScores`. */
export interface BaseScoreOptions {
  /** Defaults to r/4. */
  mapping?: RatingMapping;
  /** Defaults to everyone. */
  perspective?: Perspective;
}

/** The fields of a rating the base scores read. */
export type RatingInput = Pick<Rating, 'nodeId' | 'rater' | 'value' | 'relevance'>;

/** Whether `v` is a rating on the 0-4 scale (an integer). */
function isRatingValue(v: unknown): v is RatingValue {
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_RATING && v <= MAX_RATING;
}

/** Whether a rating record carries a rating at all (evidence or relevance). */
function hasAnyRating(r: Pick<Rating, 'value' | 'relevance'>): boolean {
  return isRatingValue(r.value) || isRatingValue(r.relevance);
}

/**
 * Base score of every rated node from a map's ratings. Each rating record counts once (the store
 * keeps one per node and rater). A value off the 0-4 scale is ignored: validating it is the
 * importer's job, but here it must never push a score out of [0,1].
 */
export function computeBaseScores(ratings: readonly RatingInput[], options: BaseScoreOptions = {}): BaseScores {
  const mapping = options.mapping ?? RatingMapping.linear;
  const perspective: Perspective = options.perspective?.rater === undefined ? {} : { rater: options.perspective.rater };
  const raterSet = new Set<string>();
  const values = new Map<string, RatingValue[]>();
  const relevances = new Map<string, RatingValue[]>();
  for (const r of ratings) {
    const hasValue = isRatingValue(r.value);
    const hasRelevance = isRatingValue(r.relevance);
    if (!hasValue && !hasRelevance) continue;
    raterSet.add(r.rater);
    if (perspective.rater !== undefined && r.rater !== perspective.rater) continue;
    if (hasValue) push(values, r.nodeId, r.value!);
    if (hasRelevance) push(relevances, r.nodeId, r.relevance!);
  }
  const rated = new Map<string, RatedBaseScore>();
  for (const [nodeId, list] of values) rated.set(nodeId, scoreOf(nodeId, list, mapping));
  const relevance = new Map<string, RelevanceScore>();
  for (const [nodeId, list] of relevances) relevance.set(nodeId, relevanceOf(nodeId, list));
  const raters = [...raterSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return makeBaseScores(mapping, perspective, raters, rated, relevance);
}

function push(map: Map<string, RatingValue[]>, key: string, v: RatingValue): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/**
 * `prev` with the scores of `nodeIds` recomputed from `ratingsOf` (each node's current ratings,
 * every rater). Gives exactly what `computeBaseScores` over all current ratings would, at the cost
 * of the changed nodes only: it takes ownership of `prev`, whose rated map it updates in place.
 * The raters list is rebuilt from `allRatings` only when a rater may have come (a new name) or
 * gone (`removed`: some rating was deleted).
 */
export function rescoreNodes(
  prev: BaseScores,
  nodeIds: Iterable<string>,
  ratingsOf: (nodeId: string) => readonly RatingInput[] | undefined,
  allRatings: readonly RatingInput[],
  removed: boolean,
): BaseScores {
  const { mapping, perspective } = prev;
  const rated = prev.rated as Map<string, RatedBaseScore>;
  const relevance = prev.relevance as Map<string, RelevanceScore>;
  const knownRaters = new Set(prev.raters);
  let ratersMayChange = removed;
  for (const nodeId of nodeIds) {
    const list: RatingValue[] = [];
    const rel: RatingValue[] = [];
    for (const r of ratingsOf(nodeId) ?? []) {
      const hasValue = isRatingValue(r.value);
      const hasRelevance = isRatingValue(r.relevance);
      if (!hasValue && !hasRelevance) continue;
      if (!knownRaters.has(r.rater)) ratersMayChange = true;
      if (perspective.rater !== undefined && r.rater !== perspective.rater) continue;
      if (hasValue) list.push(r.value!);
      if (hasRelevance) rel.push(r.relevance!);
    }
    if (list.length) rated.set(nodeId, scoreOf(nodeId, list, mapping));
    else rated.delete(nodeId);
    if (rel.length) relevance.set(nodeId, relevanceOf(nodeId, rel));
    else relevance.delete(nodeId);
  }
  let raters = prev.raters;
  if (ratersMayChange) {
    const set = new Set<string>();
    for (const r of allRatings) if (hasAnyRating(r)) set.add(r.rater);
    raters = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return makeBaseScores(mapping, perspective, raters, rated, relevance);
}

interface Stats {
  count: number;
  mean: number;
  spread: number;
  min: RatingValue;
  max: RatingValue;
}

function statsOf(list: readonly RatingValue[]): Stats {
  let sum = 0;
  let min = list[0]!;
  let max = min;
  for (const v of list) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / list.length;
  // Two passes: deviations from the mean, so agreeing raters give a spread of exactly 0.
  let squares = 0;
  for (const v of list) squares += (v - mean) * (v - mean);
  const spread = Math.sqrt(squares / list.length);
  return { count: list.length, mean, spread, min, max };
}

function scoreOf(nodeId: string, list: readonly RatingValue[], mapping: RatingMapping): RatedBaseScore {
  const st = statsOf(list);
  return { nodeId, rated: true, ...st, tau: ratingToTau(st.mean, mapping) };
}

function relevanceOf(nodeId: string, list: readonly RatingValue[]): RelevanceScore {
  const st = statsOf(list);
  return { nodeId, ...st, weight: relevanceToWeight(st.mean) };
}

function makeBaseScores(
  mapping: RatingMapping,
  perspective: Perspective,
  raters: readonly string[],
  rated: ReadonlyMap<string, RatedBaseScore>,
  relevance: ReadonlyMap<string, RelevanceScore>,
): BaseScores {
  const get = (nodeId: string): BaseScore => rated.get(nodeId) ?? { nodeId, rated: false, count: 0, tau: NEUTRAL_TAU };
  const tauOf = (nodeId: string): number => rated.get(nodeId)?.tau ?? NEUTRAL_TAU;
  const isRated = (nodeId: string): boolean => rated.has(nodeId);
  const weightOf = (nodeId: string): number => relevance.get(nodeId)?.weight ?? NEUTRAL_WEIGHT;
  return { mapping, perspective, raters, rated, relevance, weightOf, get, tauOf, isRated };
}

/** A mean rating for display: "3" or "2.7". */
export const formatMean = (mean: number): string => (Number.isInteger(mean) ? String(mean) : mean.toFixed(1));
