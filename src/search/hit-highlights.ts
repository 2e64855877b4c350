/**
 * The highlights of the hits shown: fuse.js run over those few documents only, for its match
 * ranges, which are mapped from folded text back to each field's original text.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { Source } from '../model/types.js';
import type { IndexedCitation } from './records.js';
import type { NodeTexts } from './indexed-node.js';
import { foldWithMap } from './fold.js';
import { mergeRanges, type Range } from './highlight.js';
import { FUSE_OPTIONS, KEYS, type Entry, type KeyName, type SearchDocument, type SearchField } from './scoring.js';
import { wordCore } from './suggest.js';
import { NONE, type QueryWord } from './words.js';
import type { Sequences } from './vocabulary.js';

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
  /**
   * Set on a node's text, quote or notes by an index that keeps no node text: `text` is empty
   * and `ranges` are inclusive [first, last] offsets into the folded text, as found; see
   * unfoldHighlights.
   */
  folded?: true;
}

/** Where the original text of sources and citations is looked up, and whether nodes' is. */
export interface Originals {
  sources: ReadonlyMap<string, Source>;
  citations: ReadonlyMap<string, IndexedCitation>;
  /** False when the index keeps no node text: highlights in it are left `folded`. */
  nodeText: boolean;
}

/** Whether `key` is one of a node's own fields (rather than a source's or citation's). */
function ownField(key: KeyName): boolean {
  return key === 'text' || key === 'quote' || key === 'notes';
}

/** Folded ranges (inclusive) as merged ranges into `original`, whose folded text they index. */
function unfoldRanges(ranges: readonly Range[], original: string): Range[] {
  const map = foldWithMap(original);
  const out: Range[] = [];
  for (const [s, e] of ranges) if (e < map.ends.length) out.push([map.starts[s]!, map.ends[e]!]);
  return mergeRanges(out);
}

/**
 * Finishes the `folded` highlights of a hit with the node's own text (where the text is: the
 * page, for the search worker's results), exactly as an index keeping the text would have.
 * A field the node no longer has, or ranges it no longer reaches, are left out.
 */
export function unfoldHighlights(highlights: readonly FieldHighlight[], node: NodeTexts | undefined): FieldHighlight[] {
  const out: FieldHighlight[] = [];
  for (const h of highlights) {
    if (!h.folded) {
      out.push(h);
      continue;
    }
    const text = h.field === 'text' ? node?.text : h.field === 'quote' ? node?.quote?.text : node?.notes;
    if (text === undefined) continue;
    const ranges = unfoldRanges(h.ranges, text);
    if (ranges.length) out.push({ field: h.field, text, ranges });
  }
  return out;
}

/** fuse's results for `docs` (score and matches), by position in `docs`. */
export function fuseResults(docs: readonly SearchDocument[], pattern: string): Map<number, FuseResult<SearchDocument>> {
  const byIndex = new Map<number, FuseResult<SearchDocument>>();
  if (docs.length === 0) return byIndex;
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  for (const res of fuse.search(pattern)) byIndex.set(res.refIndex, res);
  return byIndex;
}

/** fuse's ranges (inclusive, in folded text) as ranges into the original text of each field. */
export function highlightsOf(entry: Entry, res: FuseResult<SearchDocument>, originals: Originals): FieldHighlight[] {
  const out: FieldHighlight[] = [];
  for (const match of res.matches ?? []) {
    const key = KEYS.find((k) => k.name === match.key);
    if (!key) continue;
    if (!originals.nodeText && ownField(key.name)) {
      const ranges = match.indices.filter(([s, e]) => e - s + 1 >= 2);
      if (ranges.length) out.push({ field: key.field, text: '', ranges, folded: true });
      continue;
    }
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
  const { texts } = entry;
  switch (key) {
    case 'text':
      return texts ? { text: texts.text } : undefined;
    case 'quote':
      return texts?.quote ? { text: texts.quote.text } : undefined;
    case 'notes':
      return texts?.notes !== undefined ? { text: texts.notes } : undefined;
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

/** Which key, and which item of it, each of a document's non-empty values comes from (fieldValues' order). */
function valueKeys(doc: SearchDocument): Array<{ key: KeyName; ref: number }> {
  const out: Array<{ key: KeyName; ref: number }> = [];
  for (const { name } of KEYS) {
    const field = doc[name];
    const list = typeof field === 'string' ? [field] : field;
    list.forEach((value, ref) => {
      if (value) out.push({ key: name, ref });
    });
  }
  return out;
}

/**
 * Highlights for a hit found word by word (words.ts): every word of the node that matched a
 * query word, without the punctuation around it, in each field's original text.
 */
export function wordHighlights(
  entry: Entry,
  doc: SearchDocument,
  words: readonly QueryWord[],
  originals: Originals,
  sequences: Sequences,
): FieldHighlight[] {
  const out: FieldHighlight[] = [];
  const keys = valueKeys(doc);
  const { ids } = sequences;
  const to = sequences.ends[entry.slot]!;
  // Each value is a marker, then its words (see Entry).
  let p = sequences.starts[entry.slot]! + 1;
  keys.forEach(({ key, ref }) => {
    // Ranges into the folded value, inclusive: mapped to the original text here, or where it is.
    const ranges: Range[] = [];
    const folded = !originals.nodeText && ownField(key);
    const original = folded ? undefined : originalOf(entry, key, ref, originals);
    let offset = 0;
    for (; p < to && ids[p]! >= 0; p++) {
      const id = ids[p]!;
      const word = sequences.words[id]!;
      if ((folded || original) && words.some((w) => w.match[id] !== NONE)) {
        const core = wordCore(word);
        if (core) {
          const start = offset + word.indexOf(core);
          ranges.push([start, start + core.length - 1]);
        }
      }
      offset += word.length + 1;
    }
    // Past the marker of the next value.
    p++;
    const field = KEYS.find((k) => k.name === key)!.field;
    if (folded && ranges.length) out.push({ field, text: '', ranges, folded: true });
    else if (original && ranges.length) {
      const unfolded = unfoldRanges(ranges, original.text);
      if (unfolded.length) out.push({ field, ...original, ranges: unfolded });
    }
  });
  return out;
}
