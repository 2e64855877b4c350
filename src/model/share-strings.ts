/**
 * A map read from IndexedDB comes back with a fresh copy of every string in every row: the map's
 * id once per row, a node's id again in each of its children, ratings and citations, the same
 * rater's name thousands of times. With 100,000 nodes those copies are tens of megabytes of a
 * school Chromebook's memory. `shareStrings` points each such field at one copy, in place; every
 * value stays what it was (equal strings), so nothing that reads the rows can tell, except the heap.
 */
import type { MapBundle } from './types.js';

/** One copy of each distinct string seen: for fields with few values (names, relations). */
class Strings {
  private readonly seen = new Map<string, string>();

  of<T extends string>(s: T): T {
    const known = this.seen.get(s);
    if (known !== undefined) return known as T;
    this.seen.set(s, s);
    return s;
  }
}

/**
 * The previous row's string when equal: timestamps come in runs (one import, one restore) but
 * may as well all differ, so they are compared with the last one rather than collected.
 */
class Runs {
  private last = '';

  of(s: string): string {
    if (s === this.last) return this.last;
    this.last = s;
    return s;
  }
}

/** Shares the repeated strings of `bundle`'s rows, in place; returns `bundle`. */
export function shareStrings(bundle: MapBundle): MapBundle {
  const mapId = bundle.map.id;
  const names = new Strings();
  const created = new Runs();
  const updated = new Runs();
  // Each node's and source's id as its own row holds it: the copy that parentId, nodeId and
  // sourceId then point at.
  const ids = new Map<string, string>();
  for (const n of bundle.nodes) ids.set(n.id, n.id);
  for (const s of bundle.sources) ids.set(s.id, s.id);
  const id = (s: string): string => ids.get(s) ?? s;
  for (const n of bundle.nodes) {
    n.mapId = mapId;
    if (n.parentId !== null) n.parentId = id(n.parentId);
    if (n.relation !== null) n.relation = names.of(n.relation);
    n.origin = names.of(n.origin);
    if (n.author !== undefined) n.author = names.of(n.author);
    n.createdAt = created.of(n.createdAt);
    n.updatedAt = updated.of(n.updatedAt);
  }
  for (const s of bundle.sources) s.mapId = mapId;
  for (const c of bundle.citations) {
    c.mapId = mapId;
    c.nodeId = id(c.nodeId);
    c.sourceId = id(c.sourceId);
    if (c.author !== undefined) c.author = names.of(c.author);
    c.createdAt = created.of(c.createdAt);
  }
  for (const r of bundle.ratings) {
    r.mapId = mapId;
    r.nodeId = id(r.nodeId);
    r.rater = names.of(r.rater);
    r.createdAt = created.of(r.createdAt);
    r.updatedAt = updated.of(r.updatedAt);
  }
  for (const l of bundle.links ?? []) {
    l.mapId = mapId;
    l.nodeId = id(l.nodeId);
    if (l.targetId !== undefined) l.targetId = id(l.targetId);
  }
  return bundle;
}
