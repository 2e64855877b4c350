/**
 * Node timestamps as the search index keeps them. A node's updatedAt is read only by the
 * changedSince filter, and 100,000 of them as 24-character strings took about 4 MB of the
 * worker's heap, against 12 bytes for a number. Only a string that toISOString gives back
 * exactly from its time becomes a number; any other (malformed, another form) stays a string,
 * so the filter answers exactly as it did comparing strings.
 */
export type Stamp = number | string;

/** `at` as the index keeps it. */
export function toStamp(at: string): Stamp {
  if (at.length !== 24) return at;
  const time = Date.parse(at);
  return !Number.isNaN(time) && new Date(time).toISOString() === at ? time : at;
}

/** The string `stamp` was made from. */
export function stampText(stamp: Stamp): string {
  return typeof stamp === 'number' ? new Date(stamp).toISOString() : stamp;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a stamp is before `since` (a bare date or a timestamp), exactly as its string sorts
 * before `since`. Strings of toISOString's 24 characters have four-digit years and fixed widths,
 * so they sort as their times do; one sorts before a real bare date when its day is earlier,
 * that is when its time is before that day's midnight (UTC, as Date.parse reads a bare date).
 * For any other `since`, a stamp's string is made again to compare.
 */
export function stampBefore(since: string): (stamp: Stamp) => boolean {
  let time: number | null = null;
  if (toStamp(since) !== since) time = Date.parse(since);
  else if (DATE_ONLY.test(since)) {
    const midnight = Date.parse(since);
    if (!Number.isNaN(midnight) && new Date(midnight).toISOString().slice(0, 10) === since) time = midnight;
  }
  return (stamp) => {
    if (typeof stamp === 'string') return stamp < since;
    return time !== null ? stamp < time : new Date(stamp).toISOString() < since;
  };
}
