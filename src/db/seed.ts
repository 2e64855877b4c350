/** Loading the sample map (the essay's map from claims/) into a fresh database, exactly once. */
import type { MapBundle } from '../model/types.js';
import type { WarrantDB } from './database.js';
import { putBundles } from './maps-repo.js';

/** Settings key recording that the sample was loaded (so deleting it later is respected). */
export const SAMPLE_FLAG = 'sample-loaded';

/**
 * Loads the sample unless it was loaded before, into this database, ever. Idempotent across
 * reloads and across tabs opening at the same moment: the flag is checked again inside the
 * writing transaction, and IndexedDB runs overlapping rw transactions one after the other, so
 * the second tab finds the flag set and writes nothing. `load` (fetch and validate) runs outside
 * the transaction because a transaction cannot wait for the network.
 */
export async function seedOnce(db: WarrantDB, load: () => Promise<MapBundle[]>): Promise<'loaded' | 'already'> {
  if (await db.settings.get(SAMPLE_FLAG)) return 'already';
  const bundles = await load();
  return db.transaction(
    'rw',
    [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.settings],
    async () => {
      if (await db.settings.get(SAMPLE_FLAG)) return 'already' as const;
      await putBundles(db, bundles);
      await db.settings.put({ key: SAMPLE_FLAG, value: new Date().toISOString() });
      return 'loaded' as const;
    },
  );
}
