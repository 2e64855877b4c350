/**
 * Bringing a search index from one version of a map to the next by applying only what changed.
 * The map view hands over a new bundle after every write; diffing it against the previous one
 * (by position, else by id, then updatedAt) costs a linear pass, while re-indexing costs far more.
 */
import type { MapBundle } from '../model/types.js';
import type { SearchIndex } from './search-index.js';

interface Stamped {
  id: string;
  updatedAt?: string;
}

function diff<T extends Stamped>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
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
      if (!same(a, b)) changed.push(b);
    }
    if (aligned) return { changed, removed: [] };
  }
  const old = new Map(before.map((x) => [x.id, x]));
  const changed: T[] = [];
  for (const x of after) {
    const prev = old.get(x.id);
    if (!prev || !same(prev, x)) changed.push(x);
    old.delete(x.id);
  }
  return { changed, removed: [...old.keys()] };
}

/** Applies to `index` (built from `before`) every change between `before` and `after`. */
export function syncIndex(index: SearchIndex, before: MapBundle, after: MapBundle): void {
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
  const ratings = diff(before.ratings, after.ratings, (a, b) => a.updatedAt === b.updatedAt && a.value === b.value);
  // Order matters: sources before the citations that point at them, nodes before their citations.
  if (citations.removed.length) index.removeCitations(citations.removed);
  if (ratings.removed.length) index.removeRatings(ratings.removed);
  if (nodes.removed.length) index.removeNodes(nodes.removed);
  if (sources.removed.length) index.removeSources(sources.removed);
  for (const s of sources.changed) index.upsertSource(s);
  // Parents first, so a new subtree is attached from the top.
  if (nodes.changed.length === 1) index.upsertNode(nodes.changed[0]!);
  else if (nodes.changed.length > 1) upsertParentsFirst(index, nodes.changed, after);
  for (const c of citations.changed) index.upsertCitation(c);
  for (const r of ratings.changed) index.upsertRating(r);
}

function upsertParentsFirst(index: SearchIndex, changed: MapBundle['nodes'], after: MapBundle): void {
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
  for (const n of [...changed].sort((a, b) => depthOf(a.id) - depthOf(b.id))) index.upsertNode(n);
}
