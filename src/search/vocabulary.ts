/**
 * The distinct words of a map and the documents holding each, so a search reads each word
 * once instead of every node's text: scanning 10,000 nodes' text per keystroke costs more
 * than the whole 30 ms budget on a slow machine, while a map has only a few thousand
 * distinct words.
 *
 * Words are maximal runs without a space in folded text (fold.ts leaves single spaces only).
 * Documents are named by small integer slots, which the index assigns.
 */
import { wordsWithin } from './approx.js';
import { Postings } from './postings.js';
import { SequencePool, type PoolArray } from './sequence-pool.js';

/**
 * The word ids of every document in reading order, each value after a negative marker (see
 * update): the sequence of the document in slot s is ids[starts[s], ends[s]), and `words` the
 * text of each id. Valid until the vocabulary next changes.
 */
export interface Sequences {
  readonly ids: PoolArray;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly words: readonly string[];
}

/** Sets array[at] = value, growing the array (by doubling) when it is too short. */
function push(array: Int32Array, at: number, value: number): Int32Array {
  let out = array;
  if (at >= out.length) {
    out = new Int32Array(Math.max(at + 1, out.length * 2));
    out.set(array);
  }
  out[at] = value;
  return out;
}

/** The words of one map, the documents holding each, and the lookups a search makes on them. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** For each word id, the slots of the documents holding it. */
  private readonly postings = new Postings();
  // Every word some document holds, joined by spaces, and for each character the id of its
  // word: rebuilt lazily after words appear or disappear.
  private joined: string | null = null;
  private changes = 0;
  private wordAt = new Int32Array(0);
  // Scratch space for update: the last stamp each word was seen with, and a sequence buffer.
  private stamp = 0;
  private marks: Int32Array = new Int32Array(1024);
  private sequence: Int32Array = new Int32Array(1024);
  private readonly pool = new SequencePool();

  /**
   * Records that the document in `slot` now holds the words of `values`, replacing the words
   * it held before. Only words that changed are touched, so retyping one word of a long text
   * stays cheap. Its sequence (see Sequences) holds the word ids in reading order, each value's
   * after a marker -(keys[i] + 1) (0 when `keys` is not given; a match never spans two values):
   * the document's only record of its words and their text, so the index keeps no second copy
   * of either.
   */
  update(slot: number, values: readonly string[], keys?: readonly number[]): void {
    // Stamps instead of sets: this runs for every node when a map opens.
    const stamp = ++this.stamp;
    this.changes++;
    const distinct: number[] = [];
    let length = 0;
    for (let v = 0; v < values.length; v++) {
      const value = values[v]!;
      this.sequence = push(this.sequence, length++, -(keys ? keys[v]! : 0) - 1);
      for (let start = 0; ;) {
        const end = value.indexOf(' ', start);
        const word = end === -1 ? value.slice(start) : value.slice(start, end);
        let id = this.ids.get(word);
        if (id === undefined) {
          id = this.words.length;
          // A flat copy: a slice may keep the whole value it was cut from alive.
          const own = (' ' + word).slice(1);
          this.ids.set(own, id);
          this.words.push(own);
          this.postings.addWord();
          this.marks = push(this.marks, id, 0);
        }
        this.sequence = push(this.sequence, length++, id);
        if (this.marks[id] !== stamp) {
          this.marks[id] = stamp;
          distinct.push(id);
        }
        if (end === -1) break;
        start = end + 1;
      }
    }
    // Words the document no longer holds have a mark older than this stamp.
    // (unpost ignores a word met again, and the markers.)
    const previous = this.pool.get(slot);
    for (const id of previous) if (id >= 0 && this.marks[id] !== stamp) this.unpost(id, slot);
    const before = previous.length ? new Set(previous) : null;
    for (const id of distinct) {
      if (before?.has(id)) continue;
      this.postings.add(id, slot);
      if (this.postings.count(id) === 1) this.joined = null;
    }
    this.pool.set(slot, this.sequence, length);
  }

  /** Forgets the document in `slot`. */
  remove(slot: number): void {
    this.changes++;
    const { ids, starts, ends } = this.pool;
    for (let p = starts[slot] ?? 0; p < (ends[slot] ?? 0); p++) if (ids[p]! >= 0) this.unpost(ids[p]!, slot);
    this.pool.clear(slot);
  }

  /** Every document's words (see Sequences). */
  sequences(): Sequences {
    const { ids, starts, ends } = this.pool;
    return { ids, starts, ends, words: this.words };
  }

  /** The sequence of the document in `slot`, as a copy (see Sequences). */
  sequenceOf(slot: number): Int32Array {
    return this.pool.get(slot);
  }

  /** Gives back the room the sequences grew into while a map was indexed. */
  trim(): void {
    this.pool.trim();
  }

  /** Changes whenever a document's words do: for caches of what is derived from the words. */
  get version(): number {
    return this.changes;
  }

  /** Calls `each` with every word some document holds and how many documents hold it. */
  forEachWord(each: (word: string, holders: number) => void): void {
    for (let id = 0; id < this.words.length; id++) {
      const n = this.postings.count(id);
      if (n > 0) each(this.words[id]!, n);
    }
  }

  /**
   * How closely each word contains `token` (no spaces, 1-32 characters, longer than maxEdits):
   * `edits[id]` is the fewest edits, or maxEdits + 1 when more are needed; `words` lists the
   * ids within the budget and `postings` how many documents hold them.
   */
  near(token: string, maxEdits: number): { edits: Uint8Array; words: number[]; postings: number } {
    const text = this.text();
    const edits = new Uint8Array(this.words.length).fill(maxEdits + 1);
    const words: number[] = [];
    let postings = 0;
    const found = wordsWithin(token, maxEdits, text);
    for (let i = 0; i < found.at.length; i++) {
      const id = this.wordAt[found.at[i]!]!;
      edits[id] = found.edits[i]!;
      words.push(id);
      postings += this.postings.count(id);
    }
    return { edits, words, postings };
  }

  /** For every word id, 1 when the word contains one of `pieces` (no spaces) as it is. */
  containing(pieces: readonly string[]): Uint8Array {
    const text = this.text();
    const marks = new Uint8Array(this.words.length);
    for (const piece of pieces) {
      for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) marks[this.wordAt[at]!] = 1;
    }
    return marks;
  }

  /** The slots of the documents holding word `id`. */
  holders(id: number): readonly number[] {
    return this.postings.holders(id);
  }

  /** How many documents hold word `id`. */
  holderCount(id: number): number {
    return this.postings.count(id);
  }

  private unpost(id: number, slot: number): void {
    const before = this.postings.count(id);
    this.postings.remove(id, slot);
    if (before === 1 && this.postings.count(id) === 0) this.joined = null;
  }

  private text(): string {
    if (this.joined !== null) return this.joined;
    const live: number[] = [];
    let length = 0;
    for (let id = 0; id < this.words.length; id++) {
      if (this.postings.count(id) > 0) {
        live.push(id);
        length += this.words[id]!.length + 1;
      }
    }
    const wordAt = new Int32Array(length);
    let at = 0;
    for (const id of live) {
      const end = at + this.words[id]!.length + 1;
      wordAt.fill(id, at, end);
      at = end;
    }
    this.joined = live.map((id) => this.words[id]).join(' ');
    this.wordAt = wordAt;
    return this.joined;
  }
}
