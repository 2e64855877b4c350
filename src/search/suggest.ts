/**
 * "Did you mean": when a query finds nothing, the same query with each word that matches no
 * word of the map replaced by the map's closest word (Damerau-Levenshtein distance, adjacent
 * swaps counting one), so a suggestion always names words the map holds.
 */
import type { QueryWord } from './words.js';
import type { Vocabulary } from './vocabulary.js';

/** Most edits between a typed word and a suggested one, by the typed word's length. */
export function suggestionBudget(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : length <= 7 ? 2 : 3;
}

/** A word without the punctuation around it ("nato's," -> "nato's"); "" when it has no letter or digit. */
export function wordCore(word: string): string {
  let s = 0;
  let e = word.length;
  while (s < e && !isWordChar(word.charCodeAt(s))) s++;
  while (e > s && !isWordChar(word.charCodeAt(e - 1))) e--;
  return word.slice(s, e);
}

function isWordChar(c: number): boolean {
  // Folded text is lower case; anything past ASCII is taken as a letter.
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or limit + 1 when it
 * is more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= n; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < smallest) smallest = d;
    }
    if (smallest > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n]! > limit ? limit + 1 : prev[n]!;
}

const cores = new WeakMap<Vocabulary, { version: number; counts: Map<string, number> }>();

/**
 * Every word of the map without its punctuation, with how many documents hold it: "nato",
 * "nato," and "(nato" are one word to a reader, so their holders add up. Kept until the words
 * change, so typing on after a query that found nothing does not count them all again.
 */
function coreCounts(vocabulary: Vocabulary): Map<string, number> {
  const cached = cores.get(vocabulary);
  if (cached && cached.version === vocabulary.version) return cached.counts;
  const counts = new Map<string, number>();
  vocabulary.forEachWord((raw, holders) => {
    const core = wordCore(raw);
    if (core) counts.set(core, (counts.get(core) ?? 0) + holders);
  });
  cores.set(vocabulary, { version: vocabulary.version, counts });
  return counts;
}

/**
 * The map's word closest to `word` within its suggestion budget: fewest edits, then the word
 * more nodes hold (counting each of its punctuated forms), then the first in alphabetical
 * order; null when none is close enough.
 */
export function closestWord(vocabulary: Vocabulary, word: string): string | null {
  const limit = suggestionBudget(word.length);
  if (limit === 0) return null;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let bestCount = 0;
  for (const [core, count] of coreCounts(vocabulary)) {
    if (core === word || Math.abs(core.length - word.length) > limit) continue;
    const d = editDistance(word, core, Math.min(limit, bestDistance));
    if (d > limit) continue;
    if (d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && core < best!)))) {
      best = core;
      bestDistance = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The query with every misspelt word replaced by the closest word of the map: words that match
 * nothing, and words that match only with edits or by their stem. Null when no word changes,
 * or a word that matches nothing has nothing close enough.
 */
export function suggestQuery(vocabulary: Vocabulary, words: readonly QueryWord[]): string | null {
  let changed = false;
  const out: string[] = [];
  for (const w of words) {
    // Held as typed (inside a word of the map): nothing to correct.
    if (w.words.some((id) => w.match[id] === 0)) {
      out.push(w.text);
      continue;
    }
    const closest = closestWord(vocabulary, w.text);
    if (closest === null && w.words.length === 0) return null;
    out.push(closest ?? w.text);
    if (closest !== null) changed = true;
  }
  return changed ? out.join(' ') : null;
}
