/** Search filters: which nodes may appear in results, with or without a query. */
import type { NodeKind, Origin } from '../model/types.js';

/**
 * Filters combine with AND across fields; a list (kinds, origins) matches any of its values.
 * An absent field or an empty list does not filter.
 */
export interface SearchFilters {
  kinds?: readonly NodeKind[];
  origins?: readonly Origin[];
  /** Only nodes that cite no source. */
  noSource?: boolean;
  /** Only nodes nobody has rated. */
  unrated?: boolean;
  /** Only nodes this rater has rated. */
  ratedBy?: string;
  /** Only nodes changed at or after this ISO date or timestamp (node.updatedAt >= it). */
  changedSince?: string;
}

/** True when `filters` restricts anything: with no query and no filter a search shows nothing. */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  if (!filters) return false;
  return Boolean(
    filters.kinds?.length ||
    filters.origins?.length ||
    filters.noSource ||
    filters.unrated ||
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
export function normalizeSince(since: string): string {
  if (DATE_ONLY.test(since)) return since;
  const time = Date.parse(since);
  if (Number.isNaN(time)) throw new RangeError(`Not a date: "${since}".`);
  return new Date(time).toISOString();
}
