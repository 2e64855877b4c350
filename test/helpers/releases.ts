/**
 * The database as each earlier release declared it, verbatim, for the tests that open a database
 * written by a previous release and check that every record is still found. One copy of each
 * declaration, so those tests cannot drift apart from each other or from what shipped.
 */
import Dexie from 'dexie';
import type { MapBundle } from '../../src/model/types.js';

/** Each shipped version's stores, as its `version(n).stores()` declared them (index n - 1). */
const SHIPPED: ReadonlyArray<Record<string, string>> = [
  {
    maps: 'id, updatedAt',
    nodes: 'id, mapId, parentId',
    sources: 'id, mapId, [mapId+url]',
    citations: 'id, mapId, nodeId, sourceId',
    ratings: 'id, mapId, nodeId, &[nodeId+rater]',
    uiState: 'mapId',
    settings: 'key',
  },
  { assignments: 'id, mapId', handIns: 'id, mapId', feedback: 'id, mapId, nodeId' },
  { links: 'id, mapId, nodeId, targetId' },
  { documents: 'mapId' },
];

/** A Dexie handle on `name` declared as the release whose newest schema version was `version`. */
export function releasedDb(name: string, version: number): Dexie {
  if (version < 1 || version > SHIPPED.length) throw new Error(`no release declared version ${version}`);
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(SHIPPED[v - 1]!);
  return db;
}

/**
 * Writes `b`'s rows into an earlier release's database as that release stored them, with a
 * map's UI state and the "sample loaded" flag, in one transaction.
 */
export async function writeAsReleased(old: Dexie, b: MapBundle): Promise<void> {
  await old.transaction('rw', old.tables, async () => {
    await old.table('maps').put(b.map);
    await old.table('nodes').bulkPut(b.nodes);
    await old.table('sources').bulkPut(b.sources);
    await old.table('citations').bulkPut(b.citations);
    await old.table('ratings').bulkPut(b.ratings);
    await old.table('uiState').put({ mapId: b.map.id, expanded: ['t'] });
    await old.table('settings').put({ key: 'sample-loaded', value: true });
  });
}
