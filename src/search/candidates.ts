/**
 * The nodes that may match a query, read from the map's vocabulary instead of every node's text.
 *
 * In a match, every word of a chunk longer than the chunk's edit budget lies inside one word
 * of the node within the budget, these words come in the query's order, one word apart for
 * each space between them in the query, and every edit, inside a word or at a space, counts
 * against the budget. So only the holders of words near the rarest query word are read, and
 * of those only nodes where the query's words can be placed so are kept. This leaves out
 * matches that need an edit at a space of the node's text inside such a word ("kosovo" in
 * "koso vo"), which fuse alone would find, with a poor score.
 */
import { anchorRuns, singleWord, type CompiledQuery } from './approx.js';
import { placeable, type NearWord } from './placement.js';
import type { Entry, WordScores } from './scoring.js';
import type { Vocabulary } from './vocabulary.js';

/** The indexed nodes as the candidate search reads them. */
export interface CandidateSource {
  vocabulary: Vocabulary;
  /** The entry in each slot (undefined for a free slot). */
  slots: ReadonlyArray<Entry | undefined>;
  /** Every entry: the candidates when the query has no word to look up. */
  all: () => Iterable<Entry>;
}

/** The candidates of a query, and what scoring them by words needs (null: score them by text). */
export interface Candidates {
  entries: Iterable<Entry>;
  byWords: WordScores | null;
}

/** The nodes that may match `compiled` (see the module comment), each once. */
export function candidates(source: CandidateSource, compiled: CompiledQuery): Candidates {
  const { vocabulary, slots } = source;
  const chunks = anchorRuns(compiled);
  if (chunks.some((c) => c.runs.length === 0)) return { entries: source.all(), byWords: null };
  const nearByChunk: NearWord[][] = [];
  // 1 once a node is kept; chunk number + 2 once a chunk has looked at it.
  const seen = new Int32Array(slots.length);
  const out: Entry[] = [];
  const { ids, starts, ends } = vocabulary.sequences();
  chunks.forEach(({ runs, maxEdits }, c) => {
    const near = runs.map(({ run, token }) => ({ token, ...vocabulary.near(run, maxEdits) }));
    nearByChunk.push(near);
    const pivot = near.reduce((best, n, i) => (n.postings < near[best]!.postings ? i : best), 0);
    const rarest = near[pivot]!;
    for (const word of rarest.words) {
      for (const slot of vocabulary.holders(word)) {
        if (seen[slot] === 1 || seen[slot] === c + 2) continue;
        seen[slot] = c + 2;
        const entry = slots[slot]!;
        // With one word, every holder of a near word fits the budget.
        if (near.length > 1 && !placeable(ids, starts[slot]!, ends[slot]!, near, maxEdits, pivot)) continue;
        seen[slot] = 1;
        out.push(entry);
      }
    }
  });
  const word = singleWord(compiled);
  const only = nearByChunk.length === 1 && nearByChunk[0]!.length === 1 ? nearByChunk[0]![0]! : null;
  const byWords =
    word && only ? { edits: only.edits, pieces: vocabulary.containing(word.pieces), maxEdits: word.maxEdits } : null;
  return { entries: out, byWords };
}
