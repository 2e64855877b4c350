/** Search filters: which nodes may appear in results, with or without a query. */
import type { NodeKind, Origin, Rating } from '../model/types.js';
import { stampBefore, type Stamp } from './stamp.js';

/**
 * Filters combine with AND across fields; a list (kinds, origins) matches any of its values.
 * An absent field or an empty list does not filter.
 */
export interface SearchFilters {
  kinds?: readonly NodeKind[];
  origins?: readonly Origin[];
  /** Only nodes that cite no source. */
  noSource?: boolean;
  /** Only nodes whose evidence nobody has rated. */
  unrated?: boolean;
  /**
   * By relevance to the point above (mean over raters): nobody rated it, rated low (mean at most
   * 1: slightly or irrelevant) or rated high (mean at least 3: much or essential).
   */
  relevance?: RelevanceFilter;
  /** Only nodes this rater has rated. */
  ratedBy?: string;
  /** Only nodes changed at or after this ISO date or timestamp (node.updatedAt >= it). */
  changedSince?: string;
}

/** The relevance filter's choices. */
export type RelevanceFilter = 'unrated' | 'low' | 'high';

/** Whether a node with these relevance ratings (0-4 each) passes `filter`. */
export function matchesRelevance(filter: RelevanceFilter, values: readonly number[]): boolean {
  if (filter === 'unrated') return values.length === 0;
  if (!values.length) return false;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return filter === 'low' ? mean <= 1 : mean >= 3;
}

/** True when `filters` restricts anything: with no query and no filter a search shows nothing. */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  if (!filters) return false;
  return Boolean(
    filters.kinds?.length ||
    filters.origins?.length ||
    filters.noSource ||
    filters.unrated ||
    filters.relevance !== undefined ||
    filters.ratedBy !== undefined ||
    filters.changedSince !== undefined,
  );
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `changedSince` as a string comparable with stored timestamps (UTC ISO, compared as text).
 * A bare date stays as it is, since "2025-02-24" sorts before every time on that day; anything
 * else is parsed, so an offset like "+01:00" is converted rather than compared as text.
 * Throws RangeError for a value that is not a date.
 */
function normalizeSince(since: string): string {
  if (DATE_ONLY.test(since)) return since;
  const time = Date.parse(since);
  if (Number.isNaN(time)) throw new RangeError(`Not a date: "${since}".`);
  return new Date(time).toISOString();
}

/** What a filter needs to know about a node beyond the node itself (the index keeps these). */
export interface FilterLookups<T> {
  kindOf(item: T): NodeKind;
  cites(nodeId: string): boolean;
  ratingsOf(nodeId: string): readonly Pick<Rating, 'rater' | 'value' | 'relevance'>[];
}

/** The test one set of filters applies to each node (with the index's item for that node). */
export function nodeFilter<T>(
  filters: SearchFilters,
  look: FilterLookups<T>,
): (node: { id: string; origin: Origin; updatedAt: Stamp }, item: T) => boolean {
  const kinds = filters.kinds?.length ? new Set(filters.kinds) : null;
  const origins = filters.origins?.length ? new Set(filters.origins) : null;
  const before = filters.changedSince === undefined ? null : stampBefore(normalizeSince(filters.changedSince));
  const { noSource, unrated, ratedBy, relevance } = filters;
  return (node, item) => {
    if (kinds && !kinds.has(look.kindOf(item))) return false;
    if (origins && !origins.has(node.origin)) return false;
    if (before !== null && before(node.updatedAt)) return false;
    if (noSource && look.cites(node.id)) return false;
    if (!unrated && relevance === undefined && ratedBy === undefined) return true;
    const rated = look.ratingsOf(node.id);
    if (unrated && rated.some((r) => r.value !== undefined)) return false;
    if (relevance !== undefined) {
      const values = rated.flatMap((r) => (r.relevance === undefined ? [] : [r.relevance]));
      if (!matchesRelevance(relevance, values)) return false;
    }
    return ratedBy === undefined || rated.some((r) => r.rater === ratedBy);
  };
}
