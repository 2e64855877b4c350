/**
 * The highlights of the hits shown: fuse.js run over those few documents only, for its match
 * ranges, which are mapped from folded text back to each field's original text.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { Citation, Source } from '../model/types.js';
import { foldWithMap } from './fold.js';
import { mergeRanges, type Range } from './highlight.js';
import { FUSE_OPTIONS, KEYS, type Entry, type KeyName, type SearchDocument, type SearchField } from './scoring.js';

/** The matched parts of one field of a hit, as ranges into the field's original text. */
export interface FieldHighlight {
  field: SearchField;
  /** The original text (Markdown for node text) that `ranges` index into. */
  text: string;
  /** Sorted, merged, non-overlapping; single-character matches are left out as noise. */
  ranges: Range[];
  /** For sourceTitle, sourceAuthors and pinpoint: the source. */
  sourceId?: string;
  /** For pinpoint: the citation. */
  citationId?: string;
}

/** Where the original text of sources and citations is looked up. */
export interface Originals {
  sources: ReadonlyMap<string, Source>;
  citations: ReadonlyMap<string, Citation>;
}

/** fuse's results for `entries` (score and matches), by position in `entries`. */
export function fuseResults(entries: readonly Entry[], pattern: string): Map<number, FuseResult<SearchDocument>> {
  const byIndex = new Map<number, FuseResult<SearchDocument>>();
  if (entries.length === 0) return byIndex;
  const fuse = new Fuse(
    entries.map((e) => e.doc),
    FUSE_OPTIONS,
  );
  for (const res of fuse.search(pattern)) byIndex.set(res.refIndex, res);
  return byIndex;
}

/** fuse's ranges (inclusive, in folded text) as ranges into the original text of each field. */
export function highlightsOf(entry: Entry, res: FuseResult<SearchDocument>, originals: Originals): FieldHighlight[] {
  const out: FieldHighlight[] = [];
  for (const match of res.matches ?? []) {
    const key = KEYS.find((k) => k.name === match.key);
    if (!key) continue;
    const h = originalOf(entry, key.name, match.refIndex ?? 0, originals);
    if (!h) continue;
    const map = foldWithMap(h.text);
    const ranges: Range[] = [];
    for (const [s, e] of match.indices) {
      if (e - s + 1 < 2 || e >= map.ends.length) continue;
      ranges.push([map.starts[s]!, map.ends[e]!]);
    }
    if (ranges.length) out.push({ field: key.field, ...h, ranges: mergeRanges(ranges) });
  }
  return out;
}

/** The original text behind one folded field value, and where it comes from. */
function originalOf(
  entry: Entry,
  key: KeyName,
  ref: number,
  { sources, citations }: Originals,
): { text: string; sourceId?: string; citationId?: string } | undefined {
  const { node } = entry;
  switch (key) {
    case 'text':
      return { text: node.text };
    case 'quote':
      return node.quote ? { text: node.quote.text } : undefined;
    case 'notes':
      return node.notes !== undefined ? { text: node.notes } : undefined;
    case 'sourceTitles':
    case 'sourceAuthors': {
      const sourceId = entry.sourceIds[ref];
      const source = sourceId === undefined ? undefined : sources.get(sourceId);
      if (!source) return undefined;
      const text = key === 'sourceTitles' ? source.title : source.authors;
      return text === undefined ? undefined : { text, sourceId: source.id };
    }
    case 'pinpoints': {
      const citationId = entry.citationIds[ref];
      const c = citationId === undefined ? undefined : citations.get(citationId);
      return c?.pinpoint === undefined ? undefined : { text: c.pinpoint, sourceId: c.sourceId, citationId: c.id };
    }
  }
}
