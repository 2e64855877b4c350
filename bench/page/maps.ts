/**
 * The generated maps: one per size, written to a database of its own, and the UI state a map
 * opens with (the default expansion or every node expanded).
 */
import { WarrantDB } from '../../src/db/database.js';
import { putBundles } from '../../src/db/maps-repo.js';
import { SAMPLE_FLAG } from '../../src/db/seed.js';
import { toMapFile } from '../../src/formats/json.js';
import { restore } from '../../src/formats/restore.js';
import { buildTree, flattenVisible } from '../../src/model/tree.js';
import type { ArgNode, MapBundle } from '../../src/model/types.js';
import { generateMap, mapStats, type MapStats } from '../generate.js';
import { done, openNative, request } from './idb.js';

const bundles = new Map<number, MapBundle>();

/** The generated map of `n` nodes (generated once per page). */
export function bundleOf(n: number): MapBundle {
  let b = bundles.get(n);
  if (!b) {
    b = generateMap({ nodes: n });
    bundles.set(n, b);
  }
  return b;
}

/** Database name of the map of `n` nodes: one database per size. */
function dbNameOf(n: number): string {
  return `warrant-bench-${n}`;
}

/** Thesis and claims expanded: what the map view shows for a map it has not opened before. */
function defaultExpanded(bundle: MapBundle): Set<string> {
  const root = bundle.map.rootId;
  return new Set(bundle.nodes.filter((x) => x.parentId === null || x.parentId === root).map((x) => x.id));
}

/** What `prepare` reports about a size. */
export interface PrepareInfo {
  mapId: string;
  dbName: string;
  stats: MapStats;
  generateMs: number;
  validateMs: number;
  writeMs: number;
  jsonBytes: number;
  /** Rows visible when the map opens with the map view's default expansion. */
  defaultVisible: number;
  /** Rows visible with every node expanded. */
  allVisible: number;
}

/**
 * Generates the map of `n` nodes, checks it with the app's validator (restore over the JSON
 * file form), and writes it with putBundles to a fresh database named for the size, marked as
 * already seeded so the app does not load the essay's map into it.
 */
export async function prepare(n: number): Promise<PrepareInfo> {
  const t0 = performance.now();
  const bundle = bundleOf(n);
  const t1 = performance.now();
  const json = JSON.stringify(toMapFile(bundle));
  const t2 = performance.now();
  const result = restore(JSON.parse(json));
  const t3 = performance.now();
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).map((e) => `${e.field ?? ''}: ${e.message}`);
    throw new Error(`the generated ${n}-node map fails the app's validator: ${shown.join('; ')}`);
  }
  const restored = result.bundles[0]!;
  if (restored.nodes.length !== n || restored.ratings.length !== bundle.ratings.length) {
    throw new Error(`restore changed the map: ${restored.nodes.length} nodes, ${restored.ratings.length} ratings`);
  }
  const dbName = dbNameOf(n);
  await new WarrantDB(dbName).delete();
  const db = new WarrantDB(dbName);
  await db.open();
  const t4 = performance.now();
  await putBundles(db, [restored]);
  const t5 = performance.now();
  await db.settings.put({ key: SAMPLE_FLAG, value: 'bench' });
  // A name is kept, as after a student's first rating: otherwise the first edit or rating asks
  // "Who are you?" and the dialog takes the clicks the cases send ('me' is what they rated as before).
  await db.settings.put({ key: 'author-name', value: 'me' });
  db.close();
  const tree = buildTree(bundle.nodes);
  return {
    mapId: bundle.map.id,
    dbName,
    stats: mapStats(bundle),
    generateMs: t1 - t0,
    validateMs: t3 - t2,
    writeMs: t5 - t4,
    jsonBytes: json.length,
    defaultVisible: flattenVisible(tree, defaultExpanded(bundle)).length,
    allVisible: n,
  };
}

/** What the map will show when it opens with the UI state `setExpansion` wrote. */
export interface Expansion {
  /** Nodes of the map now (edits through the UI may have changed the count). */
  nodes: number;
  /** Expanded nodes written (0 for the default, which writes none). */
  parents: number;
  /** Rows the tree will list. */
  visible: number;
}

/**
 * Sets the UI state the map opens with: none, so the map view's default (thesis and claims
 * expanded), or every node expanded. Call it with no app mounted: the map view saves its own UI
 * state a moment after a click, which would overwrite this.
 */
export async function setExpansion(dbName: string, mapId: string, mode: 'default' | 'all'): Promise<Expansion> {
  const db = await openNative(dbName);
  try {
    const read = db.transaction('nodes', 'readonly');
    const nodes = await request<ArgNode[]>(read.objectStore('nodes').index('mapId').getAll(mapId));
    const parents = new Set<string>();
    let rootId = '';
    for (const x of nodes) {
      if (x.parentId === null) rootId = x.id;
      else parents.add(x.parentId);
    }
    const tx = db.transaction('uiState', 'readwrite');
    if (mode === 'default') tx.objectStore('uiState').delete(mapId);
    else tx.objectStore('uiState').put({ mapId, expanded: [...parents], selectedId: rootId });
    await done(tx);
    if (mode === 'all') return { nodes: nodes.length, parents: parents.size, visible: nodes.length };
    const bundle = { map: { rootId }, nodes } as unknown as MapBundle;
    const visible =
      nodes.length <= 250 ? nodes.length : flattenVisible(buildTree(nodes), defaultExpanded(bundle)).length;
    return { nodes: nodes.length, parents: 0, visible };
  } finally {
    db.close();
  }
}

/** Drops cached maps (frees memory before the next size). */
export function forgetMaps(): void {
  bundles.clear();
}
