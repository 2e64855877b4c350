/**
 * Writing sources, citations and ratings. Each function is one transaction that stamps the map's
 * updatedAt and returns what it replaced, for undo.
 */
import { applyRatingChange, type RatingChange } from '../model/ratings.js';
import type { Citation, Rating, Source } from '../model/types.js';
import type { WarrantDB } from './database.js';

/** A source and the citations that went with it (for undoing a delete). */
export interface RemovedSource {
  source: Source;
  citations: Citation[];
}

/** Adds a source and (optionally) a citation of it, in one transaction. */
export async function addSourceAndCitation(
  db: WarrantDB,
  source: Source,
  citation: Citation | undefined,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.maps, db.sources, db.citations], async () => {
    await db.sources.add(source);
    if (citation) await db.citations.add(citation);
    await db.maps.update(source.mapId, { updatedAt: now });
  });
}

/** Replaces a source's fields (title, url ...). Returns the source as it was. */
export async function replaceSource(db: WarrantDB, source: Source, now: string): Promise<Source | undefined> {
  return db.transaction('rw', [db.maps, db.sources], async () => {
    const before = await db.sources.get(source.id);
    if (!before) return undefined;
    await db.sources.put({ ...source, updatedAt: now });
    await db.maps.update(source.mapId, { updatedAt: now });
    return before;
  });
}

/** Deletes a source with every citation of it. */
export async function deleteSource(db: WarrantDB, id: string, now: string): Promise<RemovedSource | undefined> {
  return db.transaction('rw', [db.maps, db.sources, db.citations], async () => {
    const source = await db.sources.get(id);
    if (!source) return undefined;
    const citations = await db.citations.where('sourceId').equals(id).toArray();
    await db.citations.bulkDelete(citations.map((c) => c.id));
    await db.sources.delete(id);
    await db.maps.update(source.mapId, { updatedAt: now });
    return { source, citations };
  });
}

/** Puts a deleted source and its citations back. */
export async function restoreSource(db: WarrantDB, removed: RemovedSource, now: string): Promise<void> {
  await db.transaction('rw', [db.maps, db.sources, db.citations], async () => {
    await db.sources.put(removed.source);
    await db.citations.bulkPut(removed.citations);
    await db.maps.update(removed.source.mapId, { updatedAt: now });
  });
}

/** Adds or replaces a citation. Returns the citation it replaced, if any. */
export async function putCitation(db: WarrantDB, citation: Citation, now: string): Promise<Citation | undefined> {
  return db.transaction('rw', [db.maps, db.citations], async () => {
    const before = await db.citations.get(citation.id);
    await db.citations.put(citation);
    await db.maps.update(citation.mapId, { updatedAt: now });
    return before;
  });
}

/** Removes a citation. Returns it. */
export async function removeCitation(db: WarrantDB, id: string, now: string): Promise<Citation | undefined> {
  return db.transaction('rw', [db.maps, db.citations], async () => {
    const before = await db.citations.get(id);
    if (!before) return undefined;
    await db.citations.delete(id);
    await db.maps.update(before.mapId, { updatedAt: now });
    return before;
  });
}

/**
 * Sets one rater's rating of a node (one current rating per rater per node), or clears it with
 * `value` undefined. Returns the rating it replaced.
 */
export async function setRating(
  db: WarrantDB,
  key: { mapId: string; nodeId: string; rater: string },
  next: Rating | undefined,
  now: string,
): Promise<Rating | undefined> {
  return db.transaction('rw', [db.maps, db.ratings], async () => {
    const before = await db.ratings.where('[nodeId+rater]').equals([key.nodeId, key.rater]).first();
    if (before) await db.ratings.delete(before.id);
    if (next) await db.ratings.add(next);
    await db.maps.update(key.mapId, { updatedAt: now });
    return before;
  });
}

/**
 * Applies `change` to one rater's rating of a node inside one transaction, so it builds on what is
 * stored (not on a possibly stale copy): the record keeps its id, and clearing its last field
 * removes it. `fresh` names the record if none exists. Returns the record before and after.
 */
export async function changeRating(
  db: WarrantDB,
  key: { mapId: string; nodeId: string; rater: string },
  change: RatingChange,
  freshId: string,
  now: string,
): Promise<{ before: Rating | undefined; after: Rating | undefined }> {
  return db.transaction('rw', [db.maps, db.ratings], async () => {
    const before = await db.ratings.where('[nodeId+rater]').equals([key.nodeId, key.rater]).first();
    const after = applyRatingChange(before, change, { id: freshId, ...key }, now);
    if (after) await db.ratings.put(after);
    else if (before) await db.ratings.delete(before.id);
    await db.maps.update(key.mapId, { updatedAt: now });
    return { before, after };
  });
}
