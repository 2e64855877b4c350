/**
 * Reading and writing whole maps. Every write that touches several rows is one transaction, so a
 * live query sees one consistent change on commit and nothing at all on failure.
 */
import { cloneBundle } from '../model/clone.js';
import { newId } from '../model/ids.js';
import { patchRows } from '../model/rows.js';
import { shareStrings } from '../model/share-strings.js';
import {
  FORMAT_VERSION,
  Origin,
  type ArgNode,
  type ArgumentMap,
  type MapBundle,
  type SourceDocument,
} from '../model/types.js';
import type { MapTable, WarrantDB } from './database.js';

/** A map as listed on the home screen. */
export interface MapSummary {
  id: string;
  title: string;
  nodeCount: number;
  updatedAt: string;
  documentTitle?: string;
}

/** All maps with their node counts, most recently changed first. */
export async function listMaps(db: WarrantDB): Promise<MapSummary[]> {
  return db.transaction('r', db.maps, db.nodes, async () => {
    const maps = await db.maps.orderBy('updatedAt').reverse().toArray();
    return Promise.all(
      maps.map(async (m) => ({
        id: m.id,
        title: m.title,
        updatedAt: m.updatedAt,
        nodeCount: await db.nodes.where('mapId').equals(m.id).count(),
        ...(m.document && { documentTitle: m.document.title }),
      })),
    );
  });
}

/** Everything of one map, read in one transaction (a consistent snapshot), or undefined. */
export async function loadBundle(db: WarrantDB, mapId: string): Promise<MapBundle | undefined> {
  return db.transaction('r', [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links], async () => {
    const map = await db.maps.get(mapId);
    if (!map) return undefined;
    const [nodes, sources, citations, ratings, links] = await Promise.all([
      db.nodes.where('mapId').equals(mapId).toArray(),
      db.sources.where('mapId').equals(mapId).toArray(),
      db.citations.where('mapId').equals(mapId).toArray(),
      db.ratings.where('mapId').equals(mapId).toArray(),
      db.links.where('mapId').equals(mapId).toArray(),
    ]);
    const bundle: MapBundle = { map, nodes, sources, citations, ratings };
    if (links.length) bundle.links = links;
    // A third of a 100,000-node map's heap was copies of the same strings.
    return shareStrings(bundle);
  });
}

/** Deletes every row of a map (not the map record); call inside a rw transaction. */
async function clearMapRows(db: WarrantDB, mapId: string): Promise<void> {
  await Promise.all([
    db.nodes.where('mapId').equals(mapId).delete(),
    db.sources.where('mapId').equals(mapId).delete(),
    db.citations.where('mapId').equals(mapId).delete(),
    db.ratings.where('mapId').equals(mapId).delete(),
    db.links.where('mapId').equals(mapId).delete(),
  ]);
}

/**
 * The tables a write of `bundles` takes part in. The documents table joins only when a bundle
 * brings a document, so callers that wrap the write in their own transaction without it
 * (duplicate, seed) keep working.
 */
function bundleTables(db: WarrantDB, bundles: readonly MapBundle[]) {
  const withText = bundles.some((b) => b.sourceText);
  return [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, ...(withText ? [db.documents] : [])];
}

/**
 * Writes validated bundles (see formats/restore) in ONE transaction, replacing any map with the
 * same id entirely. Either every map is written or none is.
 */
export async function putBundles(db: WarrantDB, bundles: readonly MapBundle[]): Promise<void> {
  await db.transaction('rw', bundleTables(db, bundles), async () => {
    for (const b of bundles) {
      await clearMapRows(db, b.map.id);
      await db.maps.put(b.map);
      // A bundle without a document keeps the one already loaded: a backup made without the
      // essay's text must not wipe the teacher's copy.
      if (b.sourceText) {
        await db.documents.put({
          mapId: b.map.id,
          title: b.sourceText.title,
          blocks: b.sourceText.blocks,
          loadedAt: b.map.updatedAt,
        });
      }
      await putPipelined([
        ...chunks(b.nodes).map((rows) => () => db.nodes.bulkPut(rows)),
        ...chunks(b.sources).map((rows) => () => db.sources.bulkPut(rows)),
        ...chunks(b.citations).map((rows) => () => db.citations.bulkPut(rows)),
        ...chunks(b.ratings).map((rows) => () => db.ratings.bulkPut(rows)),
        ...chunks(b.links ?? []).map((rows) => () => db.links.bulkPut(rows)),
      ]);
    }
  });
}

/**
 * Adds validated bundles as NEW maps in ONE transaction, for an import: bulkAdd, never put, so
 * a row whose id is already taken fails the whole transaction (a ConstraintError, nothing
 * written) instead of overwriting another map's row; the caller copies the map under new ids
 * and tries again. Nothing is read and nothing is deleted first (a new map has no rows to
 * clear), and the rows are cut into chunks before the transaction starts, so all it does is
 * hand the database one chunk after another.
 */
export async function addBundles(db: WarrantDB, bundles: readonly MapBundle[]): Promise<void> {
  const maps = bundles.map((b) => b.map);
  const documents = bundles.flatMap((b) =>
    b.sourceText
      ? [{ mapId: b.map.id, title: b.sourceText.title, blocks: b.sourceText.blocks, loadedAt: b.map.updatedAt }]
      : [],
  );
  const writes = [
    ...chunks(bundles.flatMap((b) => b.nodes)).map((rows) => () => db.nodes.bulkAdd(rows)),
    ...chunks(bundles.flatMap((b) => b.sources)).map((rows) => () => db.sources.bulkAdd(rows)),
    ...chunks(bundles.flatMap((b) => b.citations)).map((rows) => () => db.citations.bulkAdd(rows)),
    ...chunks(bundles.flatMap((b) => b.ratings)).map((rows) => () => db.ratings.bulkAdd(rows)),
    ...chunks(bundles.flatMap((b) => b.links ?? [])).map((rows) => () => db.links.bulkAdd(rows)),
  ];
  await db.transaction('rw', bundleTables(db, bundles), async () => {
    await db.maps.bulkAdd(maps);
    // A document is keyed by its map, which is new: put, as putBundles does.
    if (documents.length) await db.documents.bulkPut(documents);
    await putPipelined(writes);
  });
}

/** Rows per bulkPut: one call copies all its rows at once, freezing the page on a big import. */
const CHUNK = 2000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Runs the writes one after another with the next one already handed to the database while the
 * previous is written: awaiting each chunk before sending the next left the database process idle
 * while this page serialised rows, and the page idle while the database wrote them. Still one task
 * per chunk (no long freeze), still one transaction (a failure anywhere aborts all of it).
 */
async function putPipelined(writes: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  let previous: Promise<unknown> | undefined;
  for (const write of writes) {
    const next = write();
    // If `previous` fails, the transaction aborts and `next` fails with it: not a second error.
    next.catch(() => undefined);
    if (previous) await previous;
    previous = next;
  }
  await previous;
}

/** Deletes a map and everything in it, in one transaction. Returns what was deleted (for undo). */
export async function deleteMap(db: WarrantDB, mapId: string): Promise<MapBundle | undefined> {
  const tables = [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.uiState, db.documents];
  return db.transaction('rw', tables, async () => {
    const bundle = await loadBundle(db, mapId);
    if (!bundle) return undefined;
    // The document goes with its map, and comes back with it on undo.
    const doc = await db.documents.get(mapId);
    if (doc) bundle.sourceText = { title: doc.title, blocks: doc.blocks };
    await clearMapRows(db, mapId);
    await db.maps.delete(mapId);
    await db.uiState.delete(mapId);
    await db.documents.delete(mapId);
    return bundle;
  });
}

/** What the "new map" form asks for. */
export interface NewMapInput {
  title: string;
  thesis: string;
  document?: SourceDocument;
  author?: string;
}

/** Creates a map with its thesis, in one transaction. Returns the new map's id. */
export async function createMap(db: WarrantDB, input: NewMapInput, now: string): Promise<string> {
  const mapId = newId();
  const rootId = newId();
  const map: ArgumentMap = {
    id: mapId,
    title: input.title,
    rootId,
    createdAt: now,
    updatedAt: now,
    formatVersion: FORMAT_VERSION,
  };
  if (input.document) map.document = input.document;
  const thesis: ArgNode = {
    id: rootId,
    mapId,
    parentId: null,
    relation: null,
    order: 'V',
    text: input.thesis,
    origin: Origin.added,
    createdAt: now,
    updatedAt: now,
  };
  if (input.author) thesis.author = input.author;
  await db.transaction('rw', db.maps, db.nodes, async () => {
    await db.maps.add(map);
    await db.nodes.add(thesis);
  });
  return mapId;
}

/** Renames a map. Returns the previous title (for undo). */
export async function renameMap(db: WarrantDB, mapId: string, title: string, now: string): Promise<string | undefined> {
  return db.transaction('rw', db.maps, async () => {
    const map = await db.maps.get(mapId);
    if (!map) return undefined;
    await db.maps.update(mapId, { title, updatedAt: now });
    return map.title;
  });
}

/** Copies a map with everything in it under new ids, in one transaction. Returns the copy's id. */
export async function duplicateMap(
  db: WarrantDB,
  mapId: string,
  title: string,
  now: string,
): Promise<string | undefined> {
  return db.transaction('rw', [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links], async () => {
    const bundle = await loadBundle(db, mapId);
    if (!bundle) return undefined;
    const copy = cloneBundle(bundle, () => newId(), { title, now });
    await putBundles(db, [copy]);
    return copy.map.id;
  });
}

/**
 * The map as it is now, from `bundle` and the rows listed in `changes` (re-read; a row that is
 * gone was deleted), with each listed id's row as read (undefined: gone, or now another map's).
 * One read transaction; costs what changed, not what the map holds.
 */
export async function patchBundle(
  db: WarrantDB,
  bundle: MapBundle,
  changes: ReadonlyMap<MapTable, ReadonlySet<string>>,
): Promise<{ bundle: MapBundle; rows: Map<MapTable, Map<string, { id: string } | undefined>> } | undefined> {
  return db.transaction('r', [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links], async () => {
    const map = await db.maps.get(bundle.map.id);
    if (!map) return undefined;
    const next: MapBundle = { ...bundle, map };
    const written = new Map<MapTable, Map<string, { id: string } | undefined>>();
    for (const [table, keys] of changes) {
      const ids = [...keys];
      const rows = (await db.table(table).bulkGet(ids)) as Array<{ id: string; mapId: string } | undefined>;
      const changed = new Map<string, { id: string } | undefined>(ids.map((id) => [id, undefined]));
      for (const r of rows) if (r !== undefined && r.mapId === map.id) changed.set(r.id, r);
      (next as unknown as Record<MapTable, unknown[]>)[table] = patchRows(
        bundle[table] as Array<{ id: string }>,
        changed,
      );
      written.set(table, changed);
    }
    return { bundle: next, rows: written };
  });
}
