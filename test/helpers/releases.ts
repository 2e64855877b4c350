/**
 * The database as each earlier release declared it, verbatim, for the tests that open a database
 * written by a previous release and check that every record is still found. One copy of each
 * declaration, so those tests cannot drift apart from each other or from what shipped.
 */
import Dexie from 'dexie';

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
