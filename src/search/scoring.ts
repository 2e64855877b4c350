/**
 * What a node offers the search (its document: the folded text of every searchable field) and
 * the score fuse.js would give it for a query, computed by approx.ts without running fuse.
 */
import type { IFuseOptions } from 'fuse.js';
import type { NodeTexts } from './indexed-node.js';
import type { Origin } from '../model/types.js';
import { fieldScore, fuzzyScore, type CompiledQuery } from './approx.js';
import type { TreeNode } from '../model/tree.js';
import { SEARCH_THRESHOLD } from './threshold.js';
import type { Sequences } from './vocabulary.js';
import type { PoolArray } from './sequence-pool.js';
import type { Stamp } from './stamp.js';

/** What fuse indexes for one node: the folded text of every searchable field. */
export interface SearchDocument {
  id: string;
  text: string;
  quote: string;
  notes: string;
  /** One per distinct cited source, in citation order. */
  sourceTitles: string[];
  /** Aligned with sourceTitles; "" when a source names no author. */
  sourceAuthors: string[];
  /** One per citation, in citation order; "" when it has no pinpoint. */
  pinpoints: string[];
}

/** A field a query can match, as reported in highlights. */
export type SearchField = 'text' | 'quote' | 'notes' | 'sourceTitle' | 'sourceAuthors' | 'pinpoint';

// The statement itself matters most; the essay's wording of it next; sources and notes less.
/** fuse's keys in order, with their weights and the field each is reported as. */
export const KEYS = [
  { name: 'text', weight: 4, field: 'text' },
  { name: 'quote', weight: 2, field: 'quote' },
  { name: 'sourceTitles', weight: 1.5, field: 'sourceTitle' },
  { name: 'notes', weight: 1, field: 'notes' },
  { name: 'sourceAuthors', weight: 1, field: 'sourceAuthors' },
  { name: 'pinpoints', weight: 1, field: 'pinpoint' },
] as const satisfies ReadonlyArray<{ name: keyof SearchDocument; weight: number; field: SearchField }>;

/** The name of one of fuse's keys. */
export type KeyName = (typeof KEYS)[number]['name'];

/**
 * The fuse.js options of the index. Text is folded before fuse sees it (fold.ts), hence
 * case-sensitive matching and no diacritics handling in fuse. Extended search stays off: its
 * operators (', !, ^, =, |) would turn ordinary typed punctuation into syntax.
 */
export const FUSE_OPTIONS: Readonly<IFuseOptions<SearchDocument>> = Object.freeze({
  keys: KEYS.map(({ name, weight }) => ({ name, weight })),
  threshold: SEARCH_THRESHOLD,
  ignoreLocation: true,
  includeMatches: true,
  includeScore: true,
  isCaseSensitive: true,
  ignoreDiacritics: false,
  useExtendedSearch: false,
  useTokenSearch: false,
  // Raising this would also drop matches, not just short highlights; ranges are filtered later.
  minMatchCharLength: 1,
  shouldSort: true,
});

// fuse divides each key's weight by the total, summed in key order.
const TOTAL_WEIGHT = KEYS.reduce((sum, k) => sum + k.weight, 0);
const KEY_WEIGHTS: readonly number[] = KEYS.map((k) => k.weight / TOTAL_WEIGHT);

/**
 * One indexed node, and the index's tree node for it: replaced when the node moves, updated in
 * place otherwise (so the tree order computed from it stays valid across text edits).
 */
export interface Entry extends TreeNode {
  origin: Origin;
  updatedAt: Stamp;
  /** The node's own text, quote and notes, or null when the index keeps none (see SearchIndexOptions). */
  texts: NodeTexts | null;
  /**
   * The node's number in the vocabulary, kept while the node exists. The vocabulary holds the
   * node's folded field values as word ids (its sequence, see Sequences), in fuse's key order:
   * each non-empty value is a marker, -(key number + 1), then its words. The folded text of a
   * value is its words joined by single spaces, so the index keeps no second copy of it.
   */
  readonly slot: number;
  /** Aligned with the document's sourceTitles and sourceAuthors. */
  sourceIds: readonly string[];
  /** Aligned with the document's pinpoints. */
  citationIds: readonly string[];
}

/** The key number of the node's text (the first of KEYS). */
export const TEXT_KEY = 0;

/** The key number (index in KEYS) a marker of a sequence stands for. */
export function keyOfMarker(marker: number): number {
  return -marker - 1;
}

/** A document's non-empty values in fuse's key order, with the key number of each. */
export function fieldValues(doc: SearchDocument): { values: string[]; keys: number[] } {
  const values: string[] = [];
  const keys: number[] = [];
  KEYS.forEach((key, k) => {
    const field = doc[key.name];
    for (const value of typeof field === 'string' ? [field] : field) {
      // fuse skips blank values; folded values are trimmed, so blank means empty.
      if (!value) continue;
      values.push(value);
      keys.push(k);
    }
  });
  return { values, keys };
}

// fieldNorm of a folded value depends only on its number of words (fold.ts leaves single
// spaces and no other whitespace), so the exponents are computed once per word count.
const NORMS: number[] = [];

/** The exponent fuse raises a field's score to: the key's weight times the field's length norm. */
export function exponentOf(key: number, words: number): number {
  let norm = NORMS[words];
  if (norm === undefined) {
    // fieldNorm's own arithmetic, on the count it would make.
    norm = Math.round(1000 / Math.pow(words === 0 ? 1 : words, 0.5)) / 1000;
    if (words < 4096) NORMS[words] = norm;
  }
  return KEY_WEIGHTS[key]! * norm;
}

/** The folded text of ids[from, to) (words, no marker): its words joined by single spaces. */
export function joinWords(words: readonly string[], ids: PoolArray, from: number, to: number): string {
  if (to - from === 1) return words[ids[from]!]!;
  let out = words[ids[from]!]!;
  for (let p = from + 1; p < to; p++) out += ' ' + words[ids[p]!]!;
  return out;
}

/** Where the value whose marker is at `at` ends: the next marker, or `to`, the end of the sequence. */
export function valueEnd(ids: PoolArray, at: number, to: number): number {
  let end = at + 1;
  while (end < to && ids[end]! >= 0) end++;
  return end;
}

const QUOTE_KEY = KEYS.findIndex((k) => k.name === 'quote');
const NOTES_KEY = KEYS.findIndex((k) => k.name === 'notes');

/** A node's own folded fields ('' when empty). */
export interface NodeFields {
  text: string;
  quote: string;
  notes: string;
}

/** A node's own folded fields, read back from its sequence. */
export function nodeFields(sequences: Sequences, slot: number): NodeFields {
  const { ids, words } = sequences;
  const to = sequences.ends[slot]!;
  const out = { text: '', quote: '', notes: '' };
  for (let at = sequences.starts[slot]!; at < to;) {
    const key = keyOfMarker(ids[at]!);
    const end = valueEnd(ids, at, to);
    if (key === TEXT_KEY) out.text = joinWords(words, ids, at + 1, end);
    else if (key === QUOTE_KEY) out.quote = joinWords(words, ids, at + 1, end);
    else if (key === NOTES_KEY) out.notes = joinWords(words, ids, at + 1, end);
    at = end;
  }
  return out;
}

/**
 * The phrase tier of the node last scored (see Ranked in best.ts): a side result of the
 * scorers, to spare an allocation per node.
 */
export const scored = { tier: 2 };

/** fuse's score for one node, or -1 when nothing matches; sets `scored.tier`. */
export function scoreEntry(sequences: Sequences, slot: number, compiled: CompiledQuery): number {
  const { ids, words } = sequences;
  const to = sequences.ends[slot]!;
  const single = compiled.chunks.length === 1;
  let total = 1;
  let matched = false;
  let tier = 2;
  for (let at = sequences.starts[slot]!; at < to;) {
    const key = keyOfMarker(ids[at]!);
    const end = valueEnd(ids, at, to);
    const value = joinWords(words, ids, at + 1, end);
    const s = fieldScore(compiled, value);
    if (s >= 0) {
      matched = true;
      // As fuse's computeScore: an exact whole-field match counts as EPSILON, in key order.
      total *= Math.pow(s === 0 ? Number.EPSILON : s, exponentOf(key, end - at - 1));
      // A single-chunk score of 0 or 0.001 means the field contains the query.
      if (tier > 0 && (single ? s <= 0.001 : value.includes(compiled.pattern))) tier = key === TEXT_KEY ? 0 : 1;
    }
    at = end;
  }
  scored.tier = tier;
  return matched ? total : -1;
}

/** What scoreByWords knows of every vocabulary word for a one-word query. */
export interface WordScores {
  /** Fewest edits for the query within each word (see Vocabulary.near). */
  edits: Uint8Array;
  /** 1 for each word holding one of the query's intact pieces (see Vocabulary.containing). */
  pieces: Uint8Array;
  maxEdits: number;
}

/**
 * `scoreEntry` for a query of one word, from the words of each field where that suffices: a
 * field contains the query exactly when one of its words does, cannot match at all when none
 * of its words holds one of the query's pieces, and matches with one edit when a word does and
 * it does not contain the query. Only other fields are read character by character.
 */
export function scoreByWords(sequences: Sequences, slot: number, compiled: CompiledQuery, byWords: WordScores): number {
  const { ids, words } = sequences;
  const to = sequences.ends[slot]!;
  const { edits, pieces, maxEdits } = byWords;
  let total = 1;
  let matched = false;
  let tier = 2;
  for (let at = sequences.starts[slot]!; at < to;) {
    const key = keyOfMarker(ids[at]!);
    let fewest = 255;
    let piece = 0;
    let p = at + 1;
    for (; p < to; p++) {
      const w = ids[p]!;
      if (w < 0) break;
      if (edits[w]! < fewest) fewest = edits[w]!;
      piece |= pieces[w]!;
    }
    let s: number;
    // The query has no space: the value equals it only when it is that one word.
    if (fewest === 0) s = p - at === 2 && words[ids[at + 1]!] === compiled.pattern ? 0 : 0.001;
    else if (maxEdits === 0 || !piece) s = -1;
    else s = fuzzyScore(compiled, fewest <= 1 ? '' : joinWords(words, ids, at + 1, p), fewest);
    if (s >= 0) {
      matched = true;
      total *= Math.pow(s === 0 ? Number.EPSILON : s, exponentOf(key, p - at - 1));
      if (fewest === 0 && tier > 0) tier = key === TEXT_KEY ? 0 : 1;
    }
    at = p;
  }
  scored.tier = tier;
  return matched ? total : -1;
}
