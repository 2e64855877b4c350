/**
 * What a node offers the search (its document: the folded text of every searchable field) and
 * the score fuse.js would give it for a query, computed by approx.ts without running fuse.
 */
import type { IFuseOptions } from 'fuse.js';
import type { IndexedNode } from './indexed-node.js';
import { fieldNorm, fieldScore, fuzzyScore, type CompiledQuery } from './approx.js';
import type { TreeNode } from '../model/tree.js';
import { SEARCH_THRESHOLD } from './threshold.js';

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

/** What the tree holds of a node, plus the node's slot (see Entry). */
export interface Skeleton extends TreeNode {
  readonly slot: number;
}

/** One indexed node. */
export interface Entry {
  node: IndexedNode;
  /** What the tree holds of the node: kept across text edits, replaced when the node moves. */
  skeleton: Skeleton;
  /** Non-empty field values in fuse's key order, with the exponent fuse raises each score to. */
  values: string[];
  exponents: number[];
  /** The word ids of `values` in reading order, -1 between values. */
  sequence: Int32Array;
  /** The node's number in the vocabulary's postings; kept while the node exists. */
  slot: number;
  /** True when values[0] is the node's text (it is empty only for a blank node). */
  textFirst: boolean;
  /** Aligned with the document's sourceTitles and sourceAuthors. */
  sourceIds: readonly string[];
  /** Aligned with the document's pinpoints. */
  citationIds: readonly string[];
}

/** A document's non-empty values in fuse's key order, with the exponent fuse raises each field's score to. */
export function fieldValues(doc: SearchDocument): { values: string[]; exponents: number[] } {
  const values: string[] = [];
  const exponents: number[] = [];
  KEYS.forEach((key, k) => {
    const field = doc[key.name];
    for (const value of typeof field === 'string' ? [field] : field) {
      // fuse skips blank values; folded values are trimmed, so blank means empty.
      if (!value) continue;
      values.push(value);
      exponents.push(KEY_WEIGHTS[k]! * fieldNorm(value));
    }
  });
  return { values, exponents };
}

/**
 * The phrase tier of the node last scored (see Ranked in best.ts): a side result of the
 * scorers, to spare an allocation per node.
 */
export const scored = { tier: 2 };

/** fuse's score for one node, or -1 when nothing matches; sets `scored.tier`. */
export function scoreEntry(entry: Entry, compiled: CompiledQuery): number {
  const { values, exponents } = entry;
  const single = compiled.chunks.length === 1;
  let total = 1;
  let matched = false;
  let tier = 2;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const s = fieldScore(compiled, value);
    if (s < 0) continue;
    matched = true;
    // As fuse's computeScore: an exact whole-field match counts as EPSILON, in key order.
    total *= Math.pow(s === 0 ? Number.EPSILON : s, exponents[i]!);
    // A single-chunk score of 0 or 0.001 means the field contains the query.
    if (tier > 0 && (single ? s <= 0.001 : value.includes(compiled.pattern))) {
      tier = i === 0 && entry.textFirst ? 0 : 1;
    }
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
export function scoreByWords(entry: Entry, compiled: CompiledQuery, byWords: WordScores): number {
  const { values, exponents, sequence } = entry;
  const { edits, pieces, maxEdits } = byWords;
  let total = 1;
  let matched = false;
  let tier = 2;
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    let fewest = 255;
    let piece = 0;
    for (; p < sequence.length; p++) {
      const w = sequence[p]!;
      if (w < 0) {
        p++;
        break;
      }
      if (edits[w]! < fewest) fewest = edits[w]!;
      piece |= pieces[w]!;
    }
    const value = values[i]!;
    let s: number;
    if (fewest === 0) s = value === compiled.pattern ? 0 : 0.001;
    else if (maxEdits === 0 || !piece) s = -1;
    else s = fuzzyScore(compiled, value, fewest);
    if (s < 0) continue;
    matched = true;
    total *= Math.pow(s === 0 ? Number.EPSILON : s, exponents[i]!);
    if (fewest === 0 && tier > 0) tier = i === 0 && entry.textFirst ? 0 : 1;
  }
  scored.tier = tier;
  return matched ? total : -1;
}
