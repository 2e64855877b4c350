/**
 * Bringing a search index from one version of a map to the next by applying only what changed.
 * The map view hands over a new bundle after every write; diffing it against the previous one
 * (by position, else by id, then updatedAt) costs a linear pass, while re-indexing costs far more.
 * The diff is taken where the bundles are (the page) and applied where the index is (a worker).
 */
import type { ArgNode, Citation, MapBundle, Rating, Source } from '../model/types.js';
import { ratingsByNode, type NodeRatings } from './rating-table.js';
import type { SearchIndex } from './search-index.js';

interface Stamped {
  id: string;
  updatedAt?: string;
}

/** What changed between two versions of a map, in the order the index takes it. */
export interface BundleChanges {
  removedCitations: string[];
  removedNodes: string[];
  removedSources: string[];
  sources: Source[];
  /** Parents before their children, so a new subtree is attached from the top. */
  nodes: ArgNode[];
  citations: Citation[];
  /**
   * Each node whose ratings changed (one added, changed or removed), with all its ratings in the
   * new version, in its order: the index keeps ratings by node, and no rating id (rating-table.ts).
   */
  ratings: NodeRatings[];
}

/** Tells of each row changed (`prev` undefined when added) or removed (`next` undefined). */
type Touched<T> = (prev: T | undefined, next: T | undefined) => void;

function diff<T extends Stamped>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
  touched?: Touched<T>,
): { changed: T[]; removed: string[] } {
  if (before === after) return { changed: [], removed: [] };
  // A patched bundle keeps each row in its place: then one pass by position, with no map, will do.
  if (before.length === after.length) {
    const changed: T[] = [];
    let aligned = true;
    for (let i = 0; i < after.length; i++) {
      const a = before[i]!;
      const b = after[i]!;
      if (a === b) continue;
      if (a.id !== b.id) {
        aligned = false;
        break;
      }
      if (!same(a, b)) {
        changed.push(b);
        touched?.(a, b);
      }
    }
    if (aligned) return { changed, removed: [] };
  }
  const old = new Map(before.map((x) => [x.id, x]));
  const changed: T[] = [];
  for (const x of after) {
    const prev = old.get(x.id);
    if (!prev || !same(prev, x)) {
      changed.push(x);
      touched?.(prev, x);
    }
    old.delete(x.id);
  }
  if (touched) for (const x of old.values()) touched(x, undefined);
  return { changed, removed: [...old.keys()] };
}

/** Every change between `before` and `after` that the search index needs to hear of. */
export function diffBundles(before: MapBundle, after: MapBundle): BundleChanges {
  // A node's updatedAt changes on every write to it (text, notes, relation, move).
  const nodes = diff(
    before.nodes,
    after.nodes,
    (a, b) => a.updatedAt === b.updatedAt && a.order === b.order && a.parentId === b.parentId,
  );
  const sources = diff(before.sources, after.sources, (a, b) => a.updatedAt === b.updatedAt);
  const citations = diff(
    before.citations,
    after.citations,
    (a, b) => a.pinpoint === b.pinpoint && a.sourceId === b.sourceId,
  );
  // A removed rating's node is the one it had before; a changed one's, before and after.
  const rated = new Set<string>();
  diff(before.ratings, after.ratings, sameRating, (prev, next) => {
    if (prev) rated.add(prev.nodeId);
    if (next) rated.add(next.nodeId);
  });
  return {
    removedCitations: citations.removed,
    removedNodes: nodes.removed,
    removedSources: sources.removed,
    sources: sources.changed,
    nodes: nodes.changed.length > 1 ? parentsFirst(nodes.changed, after) : nodes.changed,
    citations: citations.changed,
    ratings: rated.size ? ratingsByNode(after.ratings, rated) : [],
  };
}

function sameRating(a: Rating, b: Rating): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.value === b.value &&
    a.relevance === b.relevance &&
    a.rater === b.rater &&
    a.nodeId === b.nodeId
  );
}

/** Whether `changes` holds no change at all. */
export function noChanges(changes: BundleChanges): boolean {
  return Object.values(changes).every((list: unknown[]) => list.length === 0);
}

/** Applies `changes` (see diffBundles) to `index`. */
export function applyChanges(index: SearchIndex, changes: BundleChanges): void {
  // Order matters: sources before the citations that point at them, nodes before their citations.
  if (changes.removedCitations.length) index.removeCitations(changes.removedCitations);
  if (changes.removedNodes.length) index.removeNodes(changes.removedNodes);
  if (changes.removedSources.length) index.removeSources(changes.removedSources);
  for (const s of changes.sources) index.upsertSource(s);
  for (const n of changes.nodes) index.upsertNode(n);
  for (const c of changes.citations) index.upsertCitation(c);
  for (const { nodeId, ratings } of changes.ratings) index.setRatings(nodeId, ratings);
}

function parentsFirst(changed: ArgNode[], after: MapBundle): ArgNode[] {
  const depth = new Map<string, number>();
  const parentOf = new Map(after.nodes.map((n) => [n.id, n.parentId]));
  const depthOf = (id: string): number => {
    let d = depth.get(id);
    if (d !== undefined) return d;
    const p = parentOf.get(id);
    d = p ? depthOf(p) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  return [...changed].sort((a, b) => depthOf(a.id) - depthOf(b.id));
}
