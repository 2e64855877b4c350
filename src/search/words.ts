/**
 * Forgiving multi-word search: a node matches when EVERY word of the query matches one of its
 * words approximately (each word with its own edit budget, anywhere in the node's fields, in any
 * order), so "Gorbachov NATO expantion" finds a node that says "NATO's eastward expansion ...
 * Gorbachev". The phrase search (candidates.ts) still ranks first; these are the matches it
 * misses because the words are apart, reordered or in other fields.
 *
 * A query word matches a word of the node when the node's word contains it within the word's
 * budget (the same threshold as the phrase search: none up to 4 characters, one for 5-8, two
 * for 9-13), or, for a longer word with a common English ending, when the node's word contains
 * its stem as it is ("expantion" -> "expan", found in "expand" and "expanded").
 */
import { editBudget } from './approx.js';
import { keyOfMarker, TEXT_KEY, type Entry } from './scoring.js';
import type { Sequences, Vocabulary } from './vocabulary.js';
import type { PoolArray } from './sequence-pool.js';

/** Longest query word looked up (approx.ts's Bitap limit); longer ones are cut. */
const MAX_WORD = 32;
/** A stem must keep this many characters, or the word is matched whole only. */
const MIN_STEM = 5;
// Longest first, so "tions" is taken off before "s".
const SUFFIXES = [
  'ations',
  'ation',
  'itions',
  'ition',
  'tions',
  'tion',
  'sions',
  'sion',
  'ments',
  'ment',
  'ings',
  'ing',
  'ies',
  'ed',
  'es',
  's',
];

/** What a node's word is to one query word: edits 0..maxEdits, a stem match, or no match. */
export const STEM = 254;
export const NONE = 255;

/** Cost of a stem-only match: worse than any match within the budget (at most 0.23). */
export const STEM_COST = 0.5;
/** Added to a word's cost when it matched outside the node's text (quote, notes, sources). */
export const OFF_TEXT_COST = 0.25;

/** One word of a query, looked up in the vocabulary. */
export interface QueryWord {
  text: string;
  maxEdits: number;
  /** The stem also accepted, or null. */
  stem: string | null;
  /** For every vocabulary word id: edits (0..maxEdits), STEM or NONE. */
  match: Uint8Array;
  /** The vocabulary words that match, and how many documents hold them. */
  words: number[];
  postings: number;
}

/** The stem of a folded word with a common ending, or null when it has none or it is too short. */
export function stemOf(word: string): string | null {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return word.slice(0, -suffix.length);
  }
  return null;
}

/** The distinct words of a folded query, each with its edit budget. */
export function splitQuery(pattern: string, threshold: number): Array<{ text: string; maxEdits: number }> {
  const out: Array<{ text: string; maxEdits: number }> = [];
  for (const raw of pattern.split(' ')) {
    const text = raw.slice(0, MAX_WORD);
    if (!text || out.some((w) => w.text === text)) continue;
    out.push({ text, maxEdits: editBudget(text.length, threshold) });
  }
  return out;
}

/** Looks up each word of the query in the vocabulary (see QueryWord). */
export function lookUpWords(vocabulary: Vocabulary, pattern: string, threshold: number): QueryWord[] {
  return splitQuery(pattern, threshold).map(({ text, maxEdits }) => {
    const near = vocabulary.near(text, maxEdits);
    const match = near.edits;
    // near() marks words beyond the budget with maxEdits + 1: make that NONE.
    for (let i = 0; i < match.length; i++) if (match[i]! > maxEdits) match[i] = NONE;
    const words = near.words;
    let postings = near.postings;
    const stem = stemOf(text);
    if (stem) {
      const byStem = vocabulary.near(stem, 0);
      for (const id of byStem.words) {
        if (match[id] !== NONE) continue;
        match[id] = STEM;
        words.push(id);
        postings += vocabulary.holderCount(id);
      }
    }
    return { text, maxEdits, stem, match, words, postings };
  });
}

/**
 * The nodes holding a match for every query word: the holders of the rarest word's matches,
 * kept when each other word matches one of their words. `skip` (by slot) leaves nodes out.
 */
export function allWordsCandidates(
  vocabulary: Vocabulary,
  slots: ReadonlyArray<Entry | undefined>,
  words: readonly QueryWord[],
  skip?: Uint8Array,
): Entry[] {
  if (words.length === 0 || words.some((w) => w.words.length === 0)) return [];
  const pivot = words.reduce((best, w, i) => (w.postings < words[best]!.postings ? i : best), 0);
  const seen = new Uint8Array(slots.length);
  const out: Entry[] = [];
  const { ids, starts, ends } = vocabulary.sequences();
  for (const id of words[pivot]!.words) {
    for (const slot of vocabulary.holders(id)) {
      if (seen[slot] || skip?.[slot]) continue;
      seen[slot] = 1;
      const entry = slots[slot]!;
      if (words.every((w, i) => i === pivot || holdsMatch(ids, starts[slot]!, ends[slot]!, w.match))) out.push(entry);
    }
  }
  return out;
}

/** Whether a word of ids[from, to) (markers between values) is a match. */
function holdsMatch(ids: PoolArray, from: number, to: number, match: Uint8Array): boolean {
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (id >= 0 && match[id] !== NONE) return true;
  }
  return false;
}

/** What one match of a query word costs (see wordsScore). */
function cost(m: number, length: number): number {
  return m === STEM ? STEM_COST : m / length;
}

/**
 * A node's score for a query matched word by word (lower is better, as fuse's): the mean over
 * the query's words of the cheapest match in the node, edits / word length (STEM_COST for a
 * stem match), plus OFF_TEXT_COST when the word matched only outside the node's text. -1 when a
 * word does not match at all.
 */
export function wordsScore(sequences: Sequences, slot: number, words: readonly QueryWord[]): number {
  const { ids } = sequences;
  const to = sequences.ends[slot]!;
  let total = 0;
  for (const w of words) {
    let best = Infinity;
    let offText = OFF_TEXT_COST;
    for (let p = sequences.starts[slot]!; p < to; p++) {
      const id = ids[p]!;
      if (id < 0) {
        offText = keyOfMarker(id) === TEXT_KEY ? 0 : OFF_TEXT_COST;
        continue;
      }
      const m = w.match[id]!;
      if (m === NONE) continue;
      const c = cost(m, w.text.length) + offText;
      if (c < best) best = c;
    }
    if (best === Infinity) return -1;
    total += best;
  }
  return total / words.length;
}
