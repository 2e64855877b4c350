/**
 * A fast twin of fuse.js's Bitap scorer, for already-folded text.
 *
 * fuse.js 7.5 takes 200-900 ms to search 10,000 nodes with `ignoreLocation` (it allocates arrays
 * for every error level of every field of every document), far too slow to update results as
 * the user types. This module computes the score fuse gives each field under FUSE_OPTIONS
 * (search-index.ts), exactly and much faster, so the index can rank nodes itself and hand fuse
 * only the hits it shows. The tests compare the two on many thousands of random strings; keep
 * them in step when upgrading fuse.
 *
 * With `ignoreLocation`, fuse's Bitap score for a pattern of up to 32 characters is:
 * 0 when the whole field equals the pattern, 0.001 when the field contains it, otherwise
 * e / length where e is the fewest edits (insert, delete, substitute) that make the pattern
 * appear in the field, provided e / length <= threshold; else no match. Longer patterns are cut
 * into 32-character chunks scored separately and averaged, a chunk that does not match
 * counting 1.
 */

/** fuse's cap on a Bitap pattern: longer queries are cut into chunks of this length. */
const MAX_BITS = 32;

interface Piece {
  text: string;
  /** Where the piece starts in the chunk's pattern. */
  offset: number;
}

interface Chunk {
  pattern: string;
  /** Most edits a match may need: the largest e with e / length <= threshold (as fuse computes). */
  maxErrors: number;
  /** Bit i set where pattern[i] is the character; ASCII in a typed array, the rest in a map. */
  ascii: Int32Array;
  other: Map<number, number>;
  /** maxErrors + 1 disjoint pieces covering the pattern: one of them occurs intact in any match. */
  pieces: Piece[];
}

/** A folded query prepared for scoring many fields. */
export interface CompiledQuery {
  pattern: string;
  chunks: readonly Chunk[];
}

/** Most edits a match of a pattern of `length` characters may need under `threshold`, as fuse computes it. */
export function editBudget(length: number, threshold: number): number {
  let maxErrors = 0;
  // The same float comparison fuse makes, rather than Math.floor(threshold * length), which can
  // round the other way.
  while (maxErrors + 1 < length && (maxErrors + 1) / length <= threshold) maxErrors++;
  return maxErrors;
}

function makeChunk(pattern: string, threshold: number): Chunk {
  return chunkWithBudget(pattern, editBudget(pattern.length, threshold));
}

function chunkWithBudget(pattern: string, maxErrors: number): Chunk {
  const len = pattern.length;
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < len; i++) {
    const c = pattern.charCodeAt(i);
    const bit = 1 << i;
    if (c < 128) ascii[c] = ascii[c]! | bit;
    else other.set(c, (other.get(c) ?? 0) | bit);
  }
  const pieces: Piece[] = [];
  const count = Math.min(maxErrors + 1, len);
  for (let p = 0, offset = 0; p < count; p++) {
    const size = Math.floor(len / count) + (p < len % count ? 1 : 0);
    pieces.push({ text: pattern.slice(offset, offset + size), offset });
    offset += size;
  }
  return { pattern, maxErrors, ascii, other, pieces };
}

/** Prepares a folded, non-empty query; chunking mirrors fuse's BitapSearch exactly. */
export function compileQuery(pattern: string, threshold: number): CompiledQuery {
  const chunks: Chunk[] = [];
  const len = pattern.length;
  if (len <= MAX_BITS) chunks.push(makeChunk(pattern, threshold));
  else {
    const remainder = len % MAX_BITS;
    const end = len - remainder;
    for (let i = 0; i < end; i += MAX_BITS) chunks.push(makeChunk(pattern.slice(i, i + MAX_BITS), threshold));
    if (remainder) chunks.push(makeChunk(pattern.slice(len - MAX_BITS), threshold));
  }
  return { pattern, chunks };
}

const scratch = new Int32Array(MAX_BITS + 1);

/**
 * Fewest edits (1..limit) that make the chunk's pattern appear in text[from, to), or limit + 1
 * when more are needed; the caller has ruled out an exact occurrence. Shift-And with errors
 * (Wu-Manber): bit i of level d says pattern[0..i] ends here with at most d edits. Budgets of
 * one and two edits, the common ones, are unrolled into locals.
 */
function fewestEdits(chunk: Chunk, text: string, from: number, to: number, limit: number): number {
  const { ascii, other } = chunk;
  const hit = 1 << (chunk.pattern.length - 1);
  if (limit === 1) {
    let r0 = 0;
    let r1 = 1;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const mask = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
      const n0 = ((r0 << 1) | 1) & mask;
      r1 = (((r1 << 1) | 1) & mask) | ((r0 | n0) << 1) | 1 | r0;
      if (r1 & hit) return 1;
      r0 = n0;
    }
    return 2;
  }
  if (limit === 2) {
    let r0 = 0;
    let r1 = 1;
    let r2 = 3;
    let best = 3;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const mask = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
      const n0 = ((r0 << 1) | 1) & mask;
      const n1 = (((r1 << 1) | 1) & mask) | ((r0 | n0) << 1) | 1 | r0;
      if (n1 & hit) return 1;
      r2 = (((r2 << 1) | 1) & mask) | ((r1 | n1) << 1) | 1 | r1;
      if (r2 & hit) best = 2;
      r0 = n0;
      r1 = n1;
    }
    return best;
  }
  const states = scratch;
  for (let d = 0; d <= limit; d++) states[d] = (1 << d) - 1;
  let best = limit + 1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const mask = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
    let prevOld = states[0]!;
    let prevNew = ((prevOld << 1) | 1) & mask;
    states[0] = prevNew;
    // Levels at or above the best found so far cannot improve it, so they stop being updated.
    for (let d = 1; d < best; d++) {
      const old = states[d]!;
      const next = (((old << 1) | 1) & mask) | ((prevOld | prevNew) << 1) | 1 | prevOld;
      states[d] = next;
      if (next & hit) {
        best = d;
        break;
      }
      prevOld = old;
      prevNew = next;
    }
    if (best === 1) return 1;
  }
  return best;
}

/**
 * fewestEdits over the whole text, but reading only around the intact pieces (pigeonhole: any
 * match with at most maxErrors edits contains one of them at its place, give or take maxErrors
 * characters), so a long field is mostly skipped by the native indexOf.
 */
function fewestEditsNearPieces(chunk: Chunk, text: string): number {
  const { maxErrors: k, pieces } = chunk;
  const m = chunk.pattern.length;
  const n = text.length;
  if (n <= 4 * (m + k)) return fewestEdits(chunk, text, 0, n, k);
  let best = k + 1;
  for (const { text: piece, offset } of pieces) {
    for (let x = text.indexOf(piece); x !== -1; x = text.indexOf(piece, x + 1)) {
      // Windows of different pieces may overlap; reading a few characters twice is cheaper
      // than sorting and merging them.
      const found = fewestEdits(chunk, text, Math.max(0, x - offset - k), Math.min(n, x - offset + m + k), best - 1);
      if (found < best) {
        best = found;
        if (best === 1) return 1;
      }
    }
  }
  return best;
}

/** fuse's Bitap score for one chunk: 0.001 when contained, e / length, or -1 for no match. */
function chunkScore(chunk: Chunk, text: string): number {
  if (text.indexOf(chunk.pattern) !== -1) return 0.001;
  if (chunk.maxErrors === 0) return -1;
  const edits = fewestEditsNearPieces(chunk, text);
  return edits > chunk.maxErrors ? -1 : Math.max(0.001, edits / chunk.pattern.length);
}

/**
 * For a query of one chunk and one word (no space): its edit budget and the pieces of which any
 * match contains one intact. Null for other queries.
 */
export function singleWord(query: CompiledQuery): { maxEdits: number; pieces: string[] } | null {
  const chunk = query.chunks[0]!;
  if (query.chunks.length > 1 || chunk.pattern.includes(' ')) return null;
  return { maxEdits: chunk.maxErrors, pieces: chunk.pieces.map((p) => p.text) };
}

/**
 * fuse's score for a field that does not contain the single-chunk query but may match it
 * with edits: reads only around the intact pieces. `knownEdits`, when the caller has already
 * found a match with that many edits, skips the search unless fewer could exist.
 */
export function fuzzyScore(query: CompiledQuery, text: string, knownEdits: number): number {
  const chunk = query.chunks[0]!;
  const edits = knownEdits <= 1 ? knownEdits : Math.min(knownEdits, fewestEditsNearPieces(chunk, text));
  return edits > chunk.maxErrors ? -1 : Math.max(0.001, edits / chunk.pattern.length);
}

/**
 * The score fuse's Bitap search gives one folded field: 0 for an exact whole-field match,
 * otherwise in (0, 1], or -1 when the field does not match at all.
 */
export function fieldScore(query: CompiledQuery, text: string): number {
  if (text === query.pattern) return 0;
  const { chunks } = query;
  if (chunks.length === 1) return chunkScore(chunks[0]!, text);
  let total = 0;
  let matched = false;
  for (const chunk of chunks) {
    const s = chunkScore(chunk, text);
    if (s >= 0) matched = true;
    total += s >= 0 ? s : 1;
  }
  return matched ? total / chunks.length : -1;
}

/**
 * The words (runs without a space) of each chunk of the query that are longer than the chunk's
 * edit budget, with their place among the chunk's words, and the budget. In a match each such
 * word lies inside one word of the text within the budget, unless an edit falls on a space of
 * the text inside it (see search-index.ts). No runs means the chunk could match anywhere.
 */
export function anchorRuns(
  query: CompiledQuery,
): Array<{ runs: Array<{ run: string; token: number }>; maxEdits: number }> {
  return query.chunks.map((chunk) => ({
    runs: chunk.pattern
      .split(' ')
      .map((run, token) => ({ run, token }))
      .filter(({ run }) => run.length > chunk.maxErrors),
    maxEdits: chunk.maxErrors,
  }));
}

/**
 * The words of `text` (words separated by single spaces) that contain `token` (no spaces,
 * 1-32 characters, longer than maxEdits) with at most `maxEdits` edits: for each, one position
 * inside it and the fewest edits. The state is reset at every space, so a match never runs
 * across two words.
 */
export function wordsWithin(token: string, maxEdits: number, text: string): { at: number[]; edits: number[] } {
  const at: number[] = [];
  const edits: number[] = [];
  if (maxEdits === 0) {
    for (let i = text.indexOf(token); i !== -1;) {
      at.push(i);
      edits.push(0);
      const next = text.indexOf(' ', i);
      if (next === -1) break;
      i = text.indexOf(token, next + 1);
    }
    return { at, edits };
  }
  const { ascii, other } = chunkWithBudget(token, maxEdits);
  const hit = 1 << (token.length - 1);
  const states = new Int32Array(maxEdits + 1);
  const n = text.length;
  let best = maxEdits + 1;
  for (let d = 0; d <= maxEdits; d++) states[d] = (1 << d) - 1;
  // One step past the end, read as a space, closes the last word.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (best <= maxEdits) {
        at.push(i - 1);
        edits.push(best);
      }
      best = maxEdits + 1;
      for (let d = 0; d <= maxEdits; d++) states[d] = (1 << d) - 1;
      continue;
    }
    const mask = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
    let prevOld = states[0]!;
    let prevNew = ((prevOld << 1) | 1) & mask;
    states[0] = prevNew;
    if (prevNew & hit) {
      // Contained exactly: nothing can beat that, so skip to the end of the word.
      best = 0;
      const next = text.indexOf(' ', i);
      i = (next === -1 ? n : next) - 1;
      continue;
    }
    // Levels at or above the best found in this word cannot improve it.
    for (let d = 1; d < best; d++) {
      const old = states[d]!;
      const next = (((old << 1) | 1) & mask) | ((prevOld | prevNew) << 1) | 1 | prevOld;
      states[d] = next;
      if (next & hit) {
        best = d;
        break;
      }
      prevOld = old;
      prevNew = next;
    }
  }
  return { at, edits };
}

/** fuse's field-length norm: 1 / sqrt(number of words), rounded to three decimals. */
export function fieldNorm(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c === 32 || c === 160) inWord = false;
    else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  if (words === 0) words = 1;
  return Math.round(1000 / Math.pow(words, 0.5)) / 1000;
}
