/**
 * The ratings a search index filters on, in columns: a map of 150,000 ratings held them as an
 * object each (with a list per node) in about 20 MB of the worker's heap; here a rating costs a
 * dozen bytes. Ratings are only filtered on, node by node, so the table knows them by node
 * alone: a change names the node and brings all its ratings (see sync.ts), and no rating id (a
 * string and a map entry each, 8-11 MB at 100,000 nodes) is kept. Each node's ratings are a
 * linked list of rows, in the order they were given.
 */
import type { RatingValue } from '../model/types.js';

/** What the filters read of a rating. */
export interface RatingFacts {
  readonly rater: string;
  readonly value?: RatingValue;
  readonly relevance?: RatingValue;
}

/** A rating with its node (a Rating is one). */
interface NodeRating extends RatingFacts {
  readonly nodeId: string;
}

/** All the ratings of one node, as a change or the initial build carries them. */
export interface NodeRatings {
  nodeId: string;
  ratings: RatingFacts[];
}

/** Just the facts of `r`, without the keys it does not set (a smaller message to the worker). */
function factsOf(r: RatingFacts): RatingFacts {
  const { rater, value, relevance } = r;
  if (value === undefined) return relevance === undefined ? { rater } : { rater, relevance };
  return relevance === undefined ? { rater, value } : { rater, value, relevance };
}

/**
 * The facts of `ratings` by node: nodes in the order of their first rating, each node's ratings
 * in the order of `ratings`. With `only`, just those nodes, each of them listed (with no ratings
 * when it has none, so that setting it clears the node).
 */
export function ratingsByNode(ratings: readonly NodeRating[], only?: ReadonlySet<string>): NodeRatings[] {
  const byNode = new Map<string, RatingFacts[]>();
  if (only) for (const id of only) byNode.set(id, []);
  for (const r of ratings) {
    let list = byNode.get(r.nodeId);
    if (!list) {
      if (only) continue;
      list = [];
      byNode.set(r.nodeId, list);
    }
    list.push(factsOf(r));
  }
  return Array.from(byNode, ([nodeId, facts]) => ({ nodeId, ratings: facts }));
}

const NO_VALUE = -1;
const END = -1;

/** Ratings by node. */
export class RatingTable {
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
  private held = 0;

  /** Number of ratings held. */
  get size(): number {
    return this.held;
  }

  /** Number of rows, held or free (rows freed are taken again before the table grows). */
  get rows(): number {
    return this.nodeOf.length;
  }

  /** Makes `facts` the ratings of `nodeId`, in that order (none: forgets the node). */
  setNode(nodeId: string, facts: readonly RatingFacts[]): void {
    // The string already held for the node stays the one its rows share.
    const id = this.nodeIdOf(nodeId) ?? nodeId;
    this.deleteNode(nodeId);
    let last = END;
    for (const f of facts) {
      const row = this.free.pop() ?? this.nodeOf.length;
      if (row >= this.nextOf.length) this.grow(row + 1);
      let rater = this.raterIds.get(f.rater);
      if (rater === undefined) {
        rater = this.raters.length;
        this.raters.push(f.rater);
        this.raterIds.set(f.rater, rater);
      }
      this.nodeOf[row] = id;
      this.raterOf[row] = rater;
      this.valueOf[row] = f.value ?? NO_VALUE;
      this.relevanceOf[row] = f.relevance ?? NO_VALUE;
      this.nextOf[row] = END;
      if (last === END) this.firstOf.set(id, row);
      else this.nextOf[last] = row;
      last = row;
      this.held++;
    }
  }

  /** Forgets the ratings of `nodeId`, if any. */
  deleteNode(nodeId: string): void {
    let row = this.firstOf.get(nodeId) ?? END;
    if (row === END) return;
    this.firstOf.delete(nodeId);
    while (row !== END) {
      this.nodeOf[row] = '';
      this.free.push(row);
      this.held--;
      row = this.nextOf[row]!;
    }
  }

  /** The ratings of a node, in the order they were given. */
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
