/** Highlight ranges and the segments a view renders them as. */

/** A half-open range [start, end) of UTF-16 offsets into a string. */
export type Range = readonly [start: number, end: number];

/** A run of text, marked or not. Render `text` as text (never as HTML) and wrap matches in <mark>. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Sorts ranges and merges those that overlap or touch; empty ranges are dropped. */
export function mergeRanges(ranges: Iterable<Range>): Range[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Cuts `text` into alternating plain and matched segments. Ranges need not be sorted or merged
 * and are clipped to the text, so stale ranges from an older version of the text cannot throw.
 */
export function highlight(text: string, ranges: readonly Range[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [s, e] of mergeRanges(ranges)) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
