/**
 * The ratings a search index filters on, in columns: a map of 150,000 ratings held them as an
 * object each (with a list per node) in about 20 MB of the worker's heap; here a rating costs
 * its id, a map entry and a dozen bytes. Each node's ratings are a linked list of rows, in the
 * order they were added.
 */
import type { RatingValue } from '../model/types.js';

/** What the filters read of a rating. */
export interface RatingFacts {
  readonly rater: string;
  readonly value?: RatingValue;
  readonly relevance?: RatingValue;
}

/** A rating as set into the table (a Rating is one). */
export interface RatingRow extends RatingFacts {
  readonly id: string;
  readonly nodeId: string;
}

const NO_VALUE = -1;
const END = -1;

/** Ratings by id and by node. */
export class RatingTable {
  private readonly rowOf = new Map<string, number>();
  /** Id of each row (the map's key string). */
  private readonly idOf: string[] = [];
  /** Node id of each row ('' for a free row): one string per node, shared by its rows. */
  private readonly nodeOf: string[] = [];
  private raterOf = new Int32Array(64);
  private valueOf = new Int8Array(64);
  private relevanceOf = new Int8Array(64);
  private nextOf = new Int32Array(64);
  private readonly firstOf = new Map<string, number>();
  private readonly raters: string[] = [];
  private readonly raterIds = new Map<string, number>();
  private readonly free: number[] = [];

  /** Number of ratings held. */
  get size(): number {
    return this.rowOf.size;
  }

  /** Adds or replaces a rating (by id). */
  set(r: RatingRow): void {
    this.delete(r.id);
    const row = this.free.pop() ?? this.nodeOf.length;
    if (row >= this.nextOf.length) this.grow(row + 1);
    let rater = this.raterIds.get(r.rater);
    if (rater === undefined) {
      rater = this.raters.length;
      this.raters.push(r.rater);
      this.raterIds.set(r.rater, rater);
    }
    const first = this.firstOf.get(r.nodeId);
    this.nodeOf[row] = first === undefined ? r.nodeId : this.nodeOf[first]!;
    this.idOf[row] = r.id;
    this.raterOf[row] = rater;
    this.valueOf[row] = r.value ?? NO_VALUE;
    this.relevanceOf[row] = r.relevance ?? NO_VALUE;
    this.nextOf[row] = END;
    this.rowOf.set(r.id, row);
    if (first === undefined) this.firstOf.set(r.nodeId, row);
    else {
      let last = first;
      while (this.nextOf[last] !== END) last = this.nextOf[last]!;
      this.nextOf[last] = row;
    }
  }

  /** Forgets the rating `id`, if held. */
  delete(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.rowOf.delete(id);
    const nodeId = this.nodeOf[row]!;
    const next = this.nextOf[row]!;
    const first = this.firstOf.get(nodeId)!;
    if (first === row) {
      if (next === END) this.firstOf.delete(nodeId);
      else this.firstOf.set(nodeId, next);
    } else {
      let before = first;
      while (this.nextOf[before] !== row) before = this.nextOf[before]!;
      this.nextOf[before] = next;
    }
    this.nodeOf[row] = '';
    this.idOf[row] = '';
    this.free.push(row);
  }

  /** Whether the rating `id` is held. */
  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** The ratings of a node, in the order they were added. */
  of(nodeId: string): RatingFacts[] {
    const out: RatingFacts[] = [];
    for (let row = this.firstOf.get(nodeId) ?? END; row !== END; row = this.nextOf[row]!) {
      const value = this.valueOf[row]!;
      const relevance = this.relevanceOf[row]!;
      const facts: { rater: string; value?: RatingValue; relevance?: RatingValue } = {
        rater: this.raters[this.raterOf[row]!]!,
      };
      if (value !== NO_VALUE) facts.value = value as RatingValue;
      if (relevance !== NO_VALUE) facts.relevance = relevance as RatingValue;
      out.push(facts);
    }
    return out;
  }

  /** The ids of a node's ratings, in the order they were added. */
  idsOf(nodeId: string): string[] {
    const out: string[] = [];
    for (let row = this.firstOf.get(nodeId) ?? END; row !== END; row = this.nextOf[row]!) out.push(this.idOf[row]!);
    return out;
  }

  /** The node id string the table holds for `nodeId`, if it holds ratings of it (to share it). */
  nodeIdOf(nodeId: string): string | undefined {
    const first = this.firstOf.get(nodeId);
    return first === undefined ? undefined : this.nodeOf[first];
  }

  private grow(rows: number): void {
    const size = Math.max(rows, Math.ceil(this.nextOf.length * 1.5));
    const grown = <T extends Int32Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.raterOf = grown(this.raterOf, (n) => new Int32Array(n));
    this.valueOf = grown(this.valueOf, (n) => new Int8Array(n));
    this.relevanceOf = grown(this.relevanceOf, (n) => new Int8Array(n));
    this.nextOf = grown(this.nextOf, (n) => new Int32Array(n));
  }
}
