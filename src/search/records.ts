/**
 * The sources, citations and ratings a search index knows of, in the smallest form it needs.
 * A rating is read only by the filters and a citation only for its source, pinpoint and order,
 * while the records the page posts carry every field (rationales, map ids, timestamps), each
 * string a copy of its own after the trip to the worker: at 100,000 nodes and 150,000 ratings
 * the full records alone took 50 MB of the worker's heap. Strings that repeat (node ids,
 * raters) are kept once; ratings are kept in columns, by node (rating-table.ts).
 */
import type { Citation, Source } from '../model/types.js';
import { RatingTable, type RatingFacts } from './rating-table.js';

/** What the index keeps of a citation. */
export interface IndexedCitation {
  readonly id: string;
  readonly nodeId: string;
  readonly sourceId: string;
  readonly pinpoint?: string;
  readonly createdAt: string;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Adds `item` to the list of `key`. Lists are copied rather than pushed to: most hold one to
 * three items, and a pushed-to array reserves room for 17 (at 100,000 nodes, 7 MB of room).
 */
function addTo<T>(lists: Map<string, readonly T[]>, key: string, item: T): void {
  const list = lists.get(key);
  lists.set(key, list ? [...list, item] : [item]);
}

/** Removes `item` from the list of `key`, and the list once empty. */
function removeFrom<T>(lists: Map<string, readonly T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (!list) return;
  const rest = list.filter((x) => x !== item);
  if (rest.length === 0) lists.delete(key);
  else lists.set(key, rest);
}

/** Sources, citations and ratings by id, and by the node (or source) they hang off. */
export class IndexRecords {
  readonly sources = new Map<string, Source>();
  readonly citations = new Map<string, IndexedCitation>();
  private readonly ratings = new RatingTable();
  private readonly citationsByNode = new Map<string, readonly string[]>();
  private readonly citationsBySource = new Map<string, readonly string[]>();

  /** Adds or replaces a citation. */
  linkCitation(c: Citation): void {
    this.unlinkCitation(c.id);
    const { id, pinpoint, createdAt } = c;
    const sourceId = this.sources.get(c.sourceId)?.id ?? c.sourceId;
    // The node id as the node's other citations or ratings already hold it.
    const nodeId = this.nodeIdOf(c.nodeId) ?? c.nodeId;
    const kept: IndexedCitation =
      pinpoint === undefined ? { id, nodeId, sourceId, createdAt } : { id, nodeId, sourceId, pinpoint, createdAt };
    this.citations.set(id, kept);
    addTo(this.citationsByNode, nodeId, id);
    addTo(this.citationsBySource, sourceId, id);
  }

  /** Forgets a citation; returns it, or undefined when it was not there. */
  unlinkCitation(id: string): IndexedCitation | undefined {
    const c = this.citations.get(id);
    if (!c) return undefined;
    this.citations.delete(id);
    removeFrom(this.citationsByNode, c.nodeId, id);
    removeFrom(this.citationsBySource, c.sourceId, id);
    return c;
  }

  /** Makes `facts` the ratings of a node, in that order. */
  setRatings(nodeId: string, facts: readonly RatingFacts[]): void {
    this.ratings.setNode(nodeId, facts);
  }

  /**
   * The string these records hold for the id `nodeId`, if they hold any: records arrive before
   * their nodes, each with a copy of its own, and a node can share the first one.
   */
  nodeIdOf(nodeId: string): string | undefined {
    return this.ratings.nodeIdOf(nodeId) ?? this.citations.get(this.citationsByNode.get(nodeId)?.[0] ?? '')?.nodeId;
  }

  /** The ids of the citations a node makes (in no particular order). */
  citationsOf(nodeId: string): readonly string[] {
    return this.citationsByNode.get(nodeId) ?? NONE;
  }

  /** The ids of the citations of a source. */
  citationsOfSource(sourceId: string): readonly string[] {
    return this.citationsBySource.get(sourceId) ?? NONE;
  }

  /** The ratings of a node. */
  ratingsOf(nodeId: string): readonly RatingFacts[] {
    return this.ratings.of(nodeId);
  }

  /** Forgets the citations and ratings of a node (when it is removed). */
  forgetNode(nodeId: string): void {
    for (const c of this.citationsOf(nodeId)) this.unlinkCitation(c);
    this.ratings.deleteNode(nodeId);
  }
}
