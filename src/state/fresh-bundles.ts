/**
 * The maps an import has just written, kept in memory for the view that opens one next: opening
 * a 10,000-node map straight after importing it then costs one read of the map's own row, not a
 * read of 30,000 rows the page already holds. Only the last write's maps are kept, each handed
 * out once, and only while the map's row in the database still carries the same updatedAt stamp
 * (every write stamps it), so a map changed since, here or in another tab, is read as usual.
 */
import type { WarrantDB } from '../db/database.js';
import type { MapBundle } from '../model/types.js';

let fresh = new Map<string, MapBundle>();

const keyOf = (db: WarrantDB, mapId: string): string => `${db.name}/${mapId}`;

/** Rows in the order the database hands them out for a map (by primary key), as loadBundle gives them. */
function byId<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keeps the maps just written to `db` (replacing what an earlier write kept). */
export function rememberWritten(db: WarrantDB, bundles: readonly MapBundle[]): void {
  fresh = new Map(bundles.map((b) => [keyOf(db, b.map.id), b]));
}

/**
 * The map `mapId` as an import just wrote it, shaped as loadBundle reads it (rows ordered by id,
 * no document, links only when there are some); undefined when none is kept or the map has
 * changed since. Hands each map out once.
 */
export async function takeWritten(db: WarrantDB, mapId: string): Promise<MapBundle | undefined> {
  const key = keyOf(db, mapId);
  const kept = fresh.get(key);
  if (!kept) return undefined;
  fresh.delete(key);
  const row = await db.maps.get(mapId);
  if (!row || row.updatedAt !== kept.map.updatedAt) return undefined;
  const bundle: MapBundle = {
    map: row,
    nodes: byId(kept.nodes),
    sources: byId(kept.sources),
    citations: byId(kept.citations),
    ratings: byId(kept.ratings),
  };
  if (kept.links?.length) bundle.links = byId(kept.links);
  return bundle;
}
