/**
 * The sample map shipped in claims/: fetched beside the page, validated whole, loaded once.
 * The JSON reader (formats/json.ts and its validation) is loaded only when the sample is fetched,
 * which is once per browser: it stays out of the app's initial load.
 */
import type { WarrantDB } from '../db/database.js';
import { loadBundle, putBundles } from '../db/maps-repo.js';
import { seedOnce } from '../db/seed.js';
import type { MapBundle } from '../model/types.js';

/** Path of the essay's map, relative to the page (so the app works under any sub-path). */
export const SAMPLE_PATH = 'claims/essay-map.json';
/** Id of the essay's map inside that file. */
export const SAMPLE_MAP_ID = 'klusmann-2025-alliance';

/** The sample file could not be fetched or is damaged; the message names file and field. */
export class SampleError extends Error {
  override name = 'SampleError';
}

/** Fetches and validates the sample map. Throws SampleError with a readable message. */
export async function fetchSample(base: string = document.baseURI, path: string = SAMPLE_PATH): Promise<MapBundle[]> {
  const url = new URL(path, base);
  // Loads while the file downloads.
  const reader = Promise.all([import('../formats/json.js'), import('../formats/errors.js')]);
  // Awaited below; a failure here must not go unhandled if the download fails first.
  reader.catch(() => undefined);
  let text: string;
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new SampleError(`${path} could not be loaded (HTTP ${response.status}).`);
    text = await response.text();
  } catch (error) {
    if (error instanceof SampleError) throw error;
    throw new SampleError(`${path} could not be loaded: the network is unavailable (${String(error)}).`);
  }
  let formats: Awaited<typeof reader>;
  try {
    formats = await reader;
  } catch (error) {
    throw new SampleError(`${path} could not be read: part of the app did not load (${String(error)}).`);
  }
  const [{ importJson }, { describeError }] = formats;
  const result = importJson(text);
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).map(describeError);
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more problems)` : '';
    throw new SampleError(`${path} is damaged: ${shown.join('; ')}${more}.`);
  }
  return result.bundles;
}

/** Loads the sample into a fresh database, exactly once (see seedOnce). */
export function loadSampleOnce(
  db: WarrantDB,
  fetcher: () => Promise<MapBundle[]> = () => fetchSample(),
): Promise<'loaded' | 'already'> {
  return seedOnce(db, fetcher);
}

/** What replacing the sample did: its map id, and the copy it replaced (absent if there was none). */
interface SampleReplacement {
  id: string;
  replaced?: MapBundle;
}

/**
 * Puts the sample map as shipped in place of the class's copy of it (same map id), so an
 * existing browser gets a new edition of the essay map. Only maps in the file are touched: every
 * other map stays as it is. The replaced copy is read in the same transaction as the write and
 * returned, so the caller can offer Undo (put it back with putBundles).
 */
export async function replaceSample(
  db: WarrantDB,
  fetcher: () => Promise<MapBundle[]> = () => fetchSample(),
): Promise<SampleReplacement> {
  const bundles = await fetcher();
  const id = bundles[0]!.map.id;
  // Every table a map's rows live in, as deleteMap's (documents included, for putBundles when a
  // bundle brings its text), so loadBundle and putBundles both run inside this one. A bundle
  // without a document leaves the loaded essay in place: the class keeps its reading pane.
  const tables = [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.documents];
  return db.transaction('rw', tables, async () => {
    const replaced = await loadBundle(db, id);
    await putBundles(db, bundles);
    return replaced ? { id, replaced } : { id };
  });
}
