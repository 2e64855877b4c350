/**
 * The real app in the bench page: <warrant-app db-name=...> mounted on #/map/<id>, timed from
 * mounting to the painted tree; the raw getAll floor measured on its own, in its own tab, so the
 * two can be alternated (neither warms the other's renderer).
 */
import '../../src/components/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantTree } from '../../src/components/tree.js';
import { WarrantDB } from '../../src/db/database.js';
import { SAMPLE_FLAG } from '../../src/db/seed.js';
import { rawRead, type RawRead } from './idb.js';
import { describe, gc, longTaskWatch, settledHeap, sleep, untilPainted } from './util.js';

export interface Mounted {
  app: WarrantApp;
  tree: WarrantTree;
  dbName: string;
  mapId: string;
}

let mounted: Mounted | undefined;

export function current(): Mounted {
  if (!mounted) throw new Error('open the map first');
  return mounted;
}

function treeOf(app: WarrantApp): WarrantTree | null {
  const fatal = app.shadowRoot?.querySelector('.fatal, .notice');
  if (fatal) throw new Error(`the app shows: ${fatal.textContent?.trim()}`);
  const view = app.shadowRoot?.querySelector('warrant-map-view');
  const problem = view?.shadowRoot?.querySelector('.error, .message:not([role=status])');
  if (problem) throw new Error(`the map view shows: ${problem.textContent?.trim()}`);
  return view?.shadowRoot?.querySelector('warrant-tree') ?? null;
}

export function viewOf(app: WarrantApp): HTMLElement | null {
  return app.shadowRoot?.querySelector<HTMLElement>('warrant-map-view') ?? null;
}

export function renderedRows(tree: WarrantTree): NodeListOf<HTMLElement> {
  return tree.shadowRoot!.querySelectorAll<HTMLElement>('[role=treeitem]');
}

export function rowOf(tree: WarrantTree, id: string): HTMLElement | null {
  return tree.shadowRoot!.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
}

export function unmount(): void {
  mounted?.app.remove();
  mounted = undefined;
}

/**
 * Mounts the app on the map and waits until the tree holds all the rows it should show (every
 * visible row known, the first screenful rendered as treeitems) and that frame is painted.
 * Returns the time from mounting to that paint.
 */
export async function openApp(dbName: string, mapId: string, expectVisible: number): Promise<number> {
  unmount();
  history.replaceState(null, '', `#/map/${encodeURIComponent(mapId)}`);
  const t0 = performance.now();
  const app = document.createElement('warrant-app');
  app.setAttribute('db-name', dbName);
  document.body.append(app);
  let seen = 'no tree yet';
  const { value: tree, at } = await untilPainted(() => {
    const t = treeOf(app);
    if (t) seen = `${t.visibleRows.length} visible rows, ${renderedRows(t).length} rendered`;
    if (!t || t.visibleRows.length !== expectVisible) return null;
    return renderedRows(t).length >= Math.min(expectVisible, 8) ? t : null;
  }, 600_000).catch((error: unknown) => {
    throw new Error(`${describe(error)} waiting for ${expectVisible} visible rows (${seen})`);
  });
  mounted = { app, tree, dbName, mapId };
  return at - t0;
}

/** One app open, on a fresh tab. */
export interface AppOpenSample {
  openMs: number;
  heapBefore: number;
  heapAfter: number;
  renderedRows: number;
  /** Long tasks (ms) while opening. */
  longTasks: number[];
}

export async function appOpenCase(dbName: string, mapId: string, expectVisible: number): Promise<AppOpenSample> {
  unmount();
  const heapBefore = await settledHeap();
  const watch = longTaskWatch();
  const openMs = await openApp(dbName, mapId, expectVisible);
  const longTasks = await watch.stop();
  const rows = renderedRows(current().tree).length;
  await sleep(300);
  const heapAfter = await settledHeap();
  return { openMs, heapBefore, heapAfter, renderedRows: rows, longTasks };
}

/** The raw floor, on a fresh tab of its own. */
export async function rawOpenCase(dbName: string, mapId: string): Promise<RawRead> {
  unmount();
  gc();
  await sleep(20);
  return rawRead(dbName, mapId);
}

/** Mounts the app on the map list of a database of its own (for the import case). */
export async function mountList(dbName: string): Promise<void> {
  unmount();
  // Marked as seeded, so the essay's map is not fetched and written while the case runs.
  const db = new WarrantDB(dbName);
  await db.open();
  await db.settings.put({ key: SAMPLE_FLAG, value: 'bench' });
  db.close();
  // Any route but the empty one (which opens the last or the sample map) is the list.
  history.replaceState(null, '', '#/maps');
  const app = document.createElement('warrant-app');
  app.setAttribute('db-name', dbName);
  // The page is /bench/index.html; the sample map lives beside the app's own page.
  app.setAttribute('sample-path', '../claims/essay-map.json');
  document.body.append(app);
  await untilPainted(
    () => app.shadowRoot?.querySelector('warrant-map-list')?.shadowRoot?.querySelector('button'),
    120_000,
  );
  mounted = { app, tree: undefined as unknown as WarrantTree, dbName, mapId: '' };
}

/** The import dialog's state: 'read' (ready to write), 'written', or '' (neither yet). */
export function importPhase(): string {
  const app = mounted?.app;
  const dialog =
    app?.shadowRoot?.querySelector('warrant-map-list')?.shadowRoot?.querySelector('warrant-import-dialog') ?? null;
  const root = dialog?.shadowRoot;
  if (!root) return '';
  if (root.querySelector('.result[role=status] a')) return 'written';
  if (root.querySelector('button.primary')) return 'read';
  return '';
}

/** True once the open map's tree shows at least `rows` rows (the import case's last step). */
export function treeShows(rows: number): boolean {
  const app = mounted?.app;
  const tree = app ? treeOf(app) : null;
  if (!tree || tree.visibleRows.length < 1) return false;
  if (renderedRows(tree).length < Math.min(rows, tree.visibleRows.length)) return false;
  mounted = { ...mounted!, tree };
  return true;
}
