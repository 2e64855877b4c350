/**
 * The in-page side of `npm run bench`: every case runs here, in the real app's code built as the
 * app is built, and returns its timings together with a baseline measured in the same page and
 * run. bench/run.mjs drives these functions through `window.bench`, reloads the page between
 * runs where a case needs a cold page, and does the statistics.
 *
 * Timings are performance.now() differences. Operations faster than a few milliseconds are
 * repeated until at least MIN_SAMPLE_MS has passed and reported per call, so the timer's
 * resolution does not decide the figure.
 */
import '../src/components/app.js';
import type { WarrantApp } from '../src/components/app.js';
import type { WarrantTree } from '../src/components/tree.js';
import { WarrantDB } from '../src/db/database.js';
import { putBundles } from '../src/db/maps-repo.js';
import { SAMPLE_FLAG } from '../src/db/seed.js';
import {
  computeBaseScores,
  evaluate,
  indexTree,
  RatingMapping,
  ratingToTau,
  Semantics,
  updateTau,
  type Evaluation,
} from '../src/evaluation/index.js';
import { exportMapJson, importJson, toMapFile } from '../src/formats/json.js';
import { restore } from '../src/formats/restore.js';
import { buildTree, flattenVisible, type Tree } from '../src/model/tree.js';
import type { ArgNode, MapBundle, RatingValue } from '../src/model/types.js';
import { generateMap, mapStats, SEARCH_QUERIES, type MapStats } from './generate.js';
import { api, optionalStatus } from './optional.js';

/** Shortest time one micro-benchmark sample runs for. */
const MIN_SAMPLE_MS = 25;

/** Timings of one case: its samples and its baseline's, in milliseconds unless `unit` says. */
export interface CaseResult {
  samples: number[];
  baseline: number[];
  /** What the baseline is. */
  baselineName: string;
  unit?: string;
  info?: Record<string, unknown>;
}

/** A case that could not run: its module is not there yet, or it failed. */
export interface CaseSkip {
  skipped: string;
}

type CaseOutcome = CaseResult | CaseSkip;

// --- small helpers ------------------------------------------------------------------------------

/** Written by every timed loop, so no engine can drop the work as dead code. */
let sink = 0;

function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (typeof value === 'string') sink += value.length;
  else if (value) sink += 1;
}

/** Milliseconds per call of `fn`, repeated until at least `minMs` has passed. */
function perCall(fn: () => unknown, minMs = MIN_SAMPLE_MS): number {
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    consume(fn());
    reps++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (t - t0) / reps;
}

function gc(): void {
  const g = (globalThis as unknown as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function heapBytes(): number {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : NaN;
}

/**
 * The heap once garbage collection has settled. After a reload the previous page's objects can
 * take several collections to go (the heap is the renderer's, shared across reloads), so collect
 * until two readings agree within 1%.
 */
async function settledHeap(): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 8; i++) {
    gc();
    await sleep(60);
    const now = heapBytes();
    if (Math.abs(now - last) <= 0.01 * now) return now;
    last = now;
  }
  return last;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Checks `test` once per animation frame; when it gives a value, waits for that frame to be
 * painted (a message posted from the frame callback runs after the frame's rendering steps) and
 * resolves with the value and the time then.
 */
function untilPainted<T>(test: () => T | null | undefined, timeoutMs: number): Promise<{ value: T; at: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const frame = (): void => {
      let value: T | null | undefined;
      try {
        value = test();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value !== null && value !== undefined) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ value, at: performance.now() });
        channel.port2.postMessage(0);
        return;
      }
      if (performance.now() - start > timeoutMs) {
        reject(new Error(`timed out after ${timeoutMs} ms`));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// --- maps ---------------------------------------------------------------------------------------

const bundles = new Map<number, MapBundle>();

/** The generated map of `n` nodes (generated once per page). */
function bundleOf(n: number): MapBundle {
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
async function prepare(n: number): Promise<PrepareInfo> {
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

// --- raw IndexedDB (the floor) ------------------------------------------------------------------

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openNative(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const MAP_STORES = ['nodes', 'sources', 'citations', 'ratings'] as const;

/**
 * The floor of opening a map: open the database and read the map's record and all its rows
 * through the mapId indexes with getAll(), native API, one read-only transaction.
 */
async function rawRead(dbName: string, mapId: string): Promise<{ ms: number; openMs: number; rows: number[] }> {
  const t0 = performance.now();
  const db = await openNative(dbName);
  const openMs = performance.now() - t0;
  const tx = db.transaction(['maps', ...MAP_STORES], 'readonly');
  const map = request(tx.objectStore('maps').get(mapId));
  const lists = MAP_STORES.map((s) => request<unknown[]>(tx.objectStore(s).index('mapId').getAll(mapId)));
  const [m, ...rows] = await Promise.all([map, ...lists]);
  await done(tx);
  const ms = performance.now() - t0;
  db.close();
  if (!m) throw new Error(`map ${mapId} is not in ${dbName}`);
  return { ms, openMs, rows: rows.map((r) => r.length) };
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
async function setExpansion(dbName: string, mapId: string, mode: 'default' | 'all'): Promise<Expansion> {
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

// --- the real app -------------------------------------------------------------------------------

interface Mounted {
  app: WarrantApp;
  tree: WarrantTree;
  dbName: string;
  mapId: string;
}

let mounted: Mounted | undefined;

function treeOf(app: WarrantApp): WarrantTree | null {
  const fatal = app.shadowRoot?.querySelector('.fatal, .notice');
  if (fatal) throw new Error(`the app shows: ${fatal.textContent?.trim()}`);
  const view = app.shadowRoot?.querySelector('warrant-map-view');
  const problem = view?.shadowRoot?.querySelector('.error, .message:not([role=status])');
  if (problem) throw new Error(`the map view shows: ${problem.textContent?.trim()}`);
  return view?.shadowRoot?.querySelector('warrant-tree') ?? null;
}

function renderedRows(tree: WarrantTree): NodeListOf<HTMLElement> {
  return tree.shadowRoot!.querySelectorAll<HTMLElement>('[role=treeitem]');
}

function unmount(): void {
  mounted?.app.remove();
  mounted = undefined;
}

/**
 * Mounts <warrant-app db-name=...> on #/map/<id> and waits until the tree holds all the rows it
 * should show (every visible row known, the first screenful rendered as treeitems) and that frame
 * is painted. Returns the time from mounting to that paint.
 */
async function openApp(dbName: string, mapId: string, expectVisible: number): Promise<number> {
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
  }, 180_000).catch((error: unknown) => {
    throw new Error(`${describe(error)} waiting for ${expectVisible} visible rows (${seen})`);
  });
  mounted = { app, tree, dbName, mapId };
  return at - t0;
}

/** One run of the open case, on a freshly loaded page. */
export interface OpenSample {
  openMs: number;
  rawMs: number;
  /** The part of rawMs spent in indexedDB.open(). */
  rawOpenMs: number;
  rawRows: number[];
  heapBefore: number;
  heapAfter: number;
  renderedRows: number;
  firstRowId: string;
}

/**
 * Heap before opening, the raw getAll floor, then the app opening the map to the painted tree,
 * then the heap with the map open (after garbage collection, when the page allows it).
 */
async function openCase(dbName: string, mapId: string, expectVisible: number): Promise<OpenSample> {
  unmount();
  const heapBefore = await settledHeap();
  const raw = await rawRead(dbName, mapId);
  gc();
  await sleep(20);
  const openMs = await openApp(dbName, mapId, expectVisible);
  const rows = renderedRows(mounted!.tree);
  await sleep(300);
  const heapAfter = await settledHeap();
  return {
    openMs,
    rawMs: raw.ms,
    rawOpenMs: raw.openMs,
    rawRows: raw.rows,
    heapBefore,
    heapAfter,
    renderedRows: rows.length,
    firstRowId: rows[0]?.dataset.id ?? '',
  };
}

/** One timed change through the app, beside a native put() of a row of the same kind. */
export interface ChangeSample {
  /** From the user's action to the frame, painted, that shows its effect. */
  ms: number;
  /** A native IndexedDB put() of the same kind of row, to its transaction's completion. */
  rawMs: number;
}

/** The result of a UI case: its samples, or why it could not run (the UI is not there yet). */
export type ChangeOutcome = { samples: ChangeSample[]; how: string } | { skipped: string };

type RunnableView = HTMLElement & { run?: (id: string) => Promise<void> };

function viewOf(app: WarrantApp): RunnableView | null {
  return app.shadowRoot?.querySelector<RunnableView>('warrant-map-view') ?? null;
}

function rowOf(tree: WarrantTree, id: string): HTMLElement | null {
  return tree.shadowRoot!.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
}

/** Resolves after `n` animation frames. */
async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

/**
 * Waits for a random moment between two frames: where a real key press or click lands, since
 * input events are tasks of their own, not part of a frame. Dispatching straight from an
 * animation-frame callback instead (as `await frames(n)` leaves us) lets that same frame paint
 * the change while untilPainted only looks at the next one, so every sample came out about one
 * frame late.
 */
async function inputMoment(): Promise<void> {
  await frames(1);
  await sleep(Math.random() * 16);
}

/** The element matching `selector` in `root` or in any shadow root below it. */
function deepQuery<E extends Element>(root: ParentNode, selector: string): E | null {
  const direct = root.querySelector<E>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<E>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

async function waitFor<T>(test: () => T | null | undefined, timeoutMs: number, what: string): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = test();
    if (value !== null && value !== undefined) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`${what} did not appear within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** A native put() of `record` into `store`, timed to its transaction's completion. */
async function rawPut(db: IDBDatabase, store: string, record: unknown): Promise<number> {
  const tx = db.transaction(store, 'readwrite');
  const t0 = performance.now();
  tx.objectStore(store).put(record);
  await done(tx);
  return performance.now() - t0;
}

/**
 * Commit a text edit and see it in the tree: select a visible row (a click), start editing (the
 * map view's "edit-text" command, F2), type new text, press Enter, and wait for the row to show
 * the new text, painted. Timed from the Enter key. Baseline: a native put() of the same node.
 * When the editing UI is not there, the same path below the UI is timed instead (the node written
 * through the app's Dexie database, its live query updating the row).
 */
async function editCase(edits: number): Promise<ChangeOutcome> {
  if (!mounted) throw new Error('open the map first');
  const { app, tree, dbName } = mounted;
  const db = app.database;
  const view = viewOf(app);
  if (!db || !view) throw new Error('the app has no database or map view');
  const ids = [...renderedRows(tree)].slice(1, 7).map((r) => r.dataset.id!);
  const native = await openNative(dbName);
  const out: ChangeSample[] = [];
  const ui = typeof view.run === 'function';
  try {
    for (let k = 0; k < edits; k++) {
      const id = ids[k % ids.length]!;
      const node = await db.nodes.get(id);
      if (!node) throw new Error(`node ${id} is missing`);
      const base = node.text.replace(/ (edit|raw)-\w+$/, '');
      const rawMs = await rawPut(native, 'nodes', { ...node, text: `${base} raw-${k}` });
      const marker = `edit-${k}x${Math.floor(Math.random() * 1e6)}`;
      if (ui) {
        rowOf(tree, id)?.click();
        await frames(2);
        await view.run!('edit-text');
        const field = await waitFor(
          () => deepQuery(view.shadowRoot!, 'warrant-node-editor')?.shadowRoot?.querySelector('textarea'),
          5000,
          "the text editor's field",
        );
        field.value = `${base} ${marker}`;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await frames(2);
        await inputMoment();
        const t0 = performance.now();
        field.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }),
        );
        const { at } = await untilPainted(() => (rowOf(tree, id)?.textContent?.includes(marker) ? true : null), 60_000);
        out.push({ ms: at - t0, rawMs });
      } else {
        const t0 = performance.now();
        void db.nodes.update(id, { text: `${base} ${marker}`, updatedAt: new Date().toISOString() });
        const { at } = await untilPainted(() => (rowOf(tree, id)?.textContent?.includes(marker) ? true : null), 60_000);
        out.push({ ms: at - t0, rawMs });
      }
      await sleep(ui ? 450 : 80);
    }
  } finally {
    native.close();
  }
  return {
    samples: out,
    how: ui
      ? 'through the editing UI: row clicked, edit-text command (F2), text typed, Enter at a random moment between frames; until the row shows it, painted'
      : "no editing UI: db.nodes.update() on the app's Dexie database until the row shows it, painted (the path below the UI)",
  };
}

/**
 * Change one rating and see the thesis standing update: select a claim (a click), rate it through
 * the detail panel's warrant-rate event (what the rating buttons send), alternating 0 and 4 so
 * the standing must move, and wait until the thesis standing shown changes, painted. Baseline: a
 * native put() of a rating row.
 */
async function ratingUiCase(changes: number): Promise<ChangeOutcome> {
  if (!mounted) throw new Error('open the map first');
  const { app, tree, dbName, mapId } = mounted;
  const view = viewOf(app);
  const db = app.database;
  if (!view || !db) throw new Error('the app has no database or map view');
  const standing = (): string | null =>
    view.shadowRoot!.querySelector('.thesis-standing strong')?.textContent?.trim() ?? null;
  const detail = view.shadowRoot!.querySelector('warrant-node-detail');
  if (standing() === null || !detail) return { skipped: 'not available yet: the map view shows no thesis standing' };
  const claims = tree.visibleRows.filter((r) => r.level === 2).map((r) => r.node.id);
  const native = await openNative(dbName);
  const out: ChangeSample[] = [];
  try {
    for (let k = 0; k < changes; k++) {
      const id = claims[k % claims.length]!;
      rowOf(tree, id)?.click();
      await frames(2);
      // Kept out of the map (another mapId), so the map's rows stay what the generator made.
      const rawMs = await rawPut(native, 'ratings', {
        id: `bench-raw-${k}`,
        mapId: `${mapId}-raw`,
        nodeId: id,
        rater: `bench-raw-${k}`,
        value: 2,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      // Sets the value that moves the standing most from where the node's rating is now.
      let moved = false;
      for (const value of [4, 0]) {
        await inputMoment();
        const before = standing();
        const t0 = performance.now();
        detail.dispatchEvent(new CustomEvent('warrant-rate', { detail: { value }, bubbles: true, composed: true }));
        try {
          const { at } = await untilPainted(() => (standing() !== before ? true : null), 3000);
          out.push({ ms: at - t0, rawMs });
          moved = true;
          break;
        } catch {
          // The standing did not move visibly (the rating was already this value): try the other.
        }
      }
      if (!moved) return { skipped: `rating claim ${id} 0 or 4 did not change the thesis standing shown` };
      await sleep(300);
    }
  } finally {
    native.close();
  }
  return {
    samples: out,
    how: 'claim row clicked, rated 4 or 0 through warrant-rate at a random moment between frames; until the thesis standing shown changes, painted',
  };
}

/** The search box's timings: the first query (which loads search and builds the index), then the rest. */
export type SearchUiOutcome = { first: number; samples: ChangeSample[]; how: string } | { skipped: string };

/**
 * Search as a student uses it: type a query into the map view's search box and wait for the
 * frame, painted, that shows its results (the box searches as you type, synchronously once its
 * index exists). The first query also loads the search code and builds the index. Baseline per
 * query: a plain String.includes scan over every node's text, in the same page.
 */
async function searchUiCase(): Promise<SearchUiOutcome> {
  if (!mounted) throw new Error('open the map first');
  const { app, mapId } = mounted;
  const view = viewOf(app);
  const db = app.database;
  if (!view || !db) throw new Error('the app has no database or map view');
  const box = deepQuery(view.shadowRoot!, 'warrant-search');
  const input = box?.shadowRoot?.querySelector<HTMLInputElement>('input[type=search]');
  if (!box || !input) return { skipped: 'not available yet: the map view has no search box' };
  const options = (): number => box.shadowRoot!.querySelectorAll('[role=option]').length;
  const type = (q: string): void => {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const texts = (await db.nodes.where('mapId').equals(mapId).toArray()).map((x) => x.text.toLowerCase());
  const scan = (q: string): number => {
    const lower = q.toLowerCase();
    let count = 0;
    for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(lower)) count++;
    return count;
  };
  const t0 = performance.now();
  type('treaty');
  const { at } = await untilPainted(() => (options() > 0 ? true : null), 120_000);
  const first = at - t0;
  const out: ChangeSample[] = [];
  for (const q of SEARCH_QUERIES) {
    type('');
    await frames(3);
    const rawMs = perCall(() => scan(q), 5);
    await inputMoment();
    const t1 = performance.now();
    type(q);
    const painted = await untilPainted(() => true, 10_000);
    out.push({ ms: painted.at - t1, rawMs });
  }
  type('');
  await frames(2);
  return {
    first,
    samples: out,
    how: `typed into the search box at a random moment between frames, until the frame with its results is painted; ${SEARCH_QUERIES.length} queries of 3-10 characters`,
  };
}

/** Frame timings of one pass. */
export interface FrameStats {
  frames: number;
  /** Intervals between animation frames over 16.7 ms. */
  over16: number;
  /** Intervals over 25 ms: at least one whole frame missed. */
  over25: number;
  worstFrameMs: number;
  p95FrameMs: number;
  meanFrameMs: number;
  longTasks: number;
  worstLongTaskMs: number;
}

/** Runs `frames` animation frames, calling `step(i)` in each; counts slow frames and long tasks. */
async function framePass(frames: number, step: ((i: number) => void) | null): Promise<FrameStats> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const intervals: number[] = [];
  // Marks let a trace of this pass (bench/run.mjs) find the pass's window.
  const label = step ? 'scroll' : 'idle';
  performance.mark(`bench-${label}-start`);
  await new Promise<void>((resolve) => {
    let i = 0;
    let last = -1;
    const frame = (ts: number): void => {
      if (last >= 0) intervals.push(ts - last);
      last = ts;
      if (i >= frames) {
        resolve();
        return;
      }
      step?.(i);
      i++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  performance.mark(`bench-${label}-end`);
  await sleep(120);
  for (const e of observer.takeRecords()) longTasks.push(e.duration);
  observer.disconnect();
  return {
    frames: intervals.length,
    over16: intervals.filter((x) => x > 16.7).length,
    over25: intervals.filter((x) => x > 25).length,
    worstFrameMs: Math.max(...intervals),
    p95FrameMs: percentile(intervals, 95),
    meanFrameMs: intervals.reduce((a, b) => a + b, 0) / intervals.length,
    longTasks: longTasks.length,
    worstLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

/** One pass of the scroll case. */
export interface ScrollSample {
  scroll: FrameStats;
  idle: FrameStats;
  pixelsPerFrame: number;
  scrollHeight: number;
  /** Where the pass started and ended (scrollTop). */
  from: number;
  to: number;
  /** The row at the end of the pass was rendered: the pass really got there. */
  reachedEnd: boolean;
}

/** How to scroll: the whole tree in at most `maxFrames` frames, or `pixelsPerFrame` for `frames`. */
export type ScrollPlan = { maxFrames: number } | { pixelsPerFrame: number; frames: number };

/**
 * Scrolls the open tree's scroller one step per animation frame. The whole-tree plan goes from top
 * to bottom in equal steps of a screenful, or more when that would take over `maxFrames` frames
 * (every frame renders fresh rows either way); the fixed plan scrolls `pixelsPerFrame` from the
 * middle of the tree, like a fast wheel or flick. Baseline: the same number of frames with nothing
 * scrolled.
 */
async function scrollCase(plan: ScrollPlan): Promise<ScrollSample> {
  if (!mounted) throw new Error('open the map first');
  const { tree } = mounted;
  const scroller = tree.shadowRoot!.querySelector<HTMLElement>('.scroller');
  if (!scroller) throw new Error('the tree has no .scroller');
  const range = scroller.scrollHeight - scroller.clientHeight;
  let from = 0;
  let px: number;
  let steps: number;
  if ('maxFrames' in plan) {
    steps = Math.max(1, Math.min(plan.maxFrames, Math.ceil(range / Math.max(1, scroller.clientHeight))));
    px = range / steps;
  } else {
    steps = plan.frames;
    px = plan.pixelsPerFrame;
    from = Math.max(0, Math.min(range - steps * px, Math.round(range / 2)));
  }
  scroller.scrollTop = from;
  await sleep(250);
  const idle = await framePass(steps, null);
  const scroll = await framePass(steps, (i) => {
    scroller.scrollTop = Math.min(range, Math.round(from + (i + 1) * px));
  });
  await sleep(100);
  const to = scroller.scrollTop;
  const rowH = scroller.scrollHeight / Math.max(1, tree.visibleRows.length);
  const endRow =
    tree.visibleRows[Math.min(tree.visibleRows.length - 1, Math.floor((to + scroller.clientHeight - 1) / rowH))];
  const rendered = !!endRow && !!tree.shadowRoot!.querySelector(`[data-id="${CSS.escape(endRow.node.id)}"]`);
  const reachedEnd = rendered && ('maxFrames' in plan ? to >= range - 1 : true);
  return { scroll, idle, pixelsPerFrame: px, scrollHeight: scroller.scrollHeight, from, to, reachedEnd };
}

// --- pure cases ---------------------------------------------------------------------------------

function runsOf(runs: number, warmup: number, body: (measured: boolean) => void): void {
  for (let r = 0; r < warmup + runs; r++) body(r >= warmup);
}

/** The floor of touching every node: one number per node summed over the same array. */
function touchEveryNode(nodes: readonly ArgNode[]): number {
  let s = 0;
  for (let i = 0; i < nodes.length; i++) s += nodes[i]!.text.length;
  return s;
}

/** Full evaluation passes (QE and DF-QuAD), and evaluation from the ratings up. */
function evaluationCase(n: number, runs: number, warmup: number): Record<string, CaseResult> {
  const bundle = bundleOf(n);
  const tree = buildTree(bundle.nodes);
  const scores = computeBaseScores(bundle.ratings);
  indexTree(tree);
  const qe: number[] = [];
  const df: number[] = [];
  const cold: number[] = [];
  const base: number[] = [];
  runsOf(runs, warmup, (measured) => {
    const a = perCall(() => evaluate(tree, scores.tauOf, Semantics.qe).thesis);
    const b = perCall(() => evaluate(tree, scores.tauOf, Semantics.dfquad).thesis);
    // A new Tree object (as after any edit): the index is rebuilt, base scores recomputed.
    const c = perCall(() => {
      const fresh: Tree<ArgNode> = { root: tree.root, byId: tree.byId, children: tree.children };
      return evaluate(fresh, computeBaseScores(bundle.ratings).tauOf, Semantics.qe).thesis;
    });
    const f = perCall(() => touchEveryNode(bundle.nodes));
    if (measured) {
      qe.push(a);
      df.push(b);
      cold.push(c);
      base.push(f);
    }
  });
  const baselineName = 'loop summing one number per node';
  const thesis = evaluate(tree, scores.tauOf, Semantics.qe).thesis;
  return {
    'evaluate QE': { samples: qe, baseline: base, baselineName, info: { thesisStanding: thesis } },
    'evaluate DF-QuAD': { samples: df, baseline: base, baselineName },
    'evaluate from ratings (scores + index + QE)': { samples: cold, baseline: base, baselineName },
  };
}

/**
 * One rating of the deepest node changes; the thesis standing follows through updateTau (the
 * node's base score recomputed from its ratings, then its path to the thesis). Baseline: a full
 * evaluate of the same tree.
 */
function ratingCase(n: number, runs: number, warmup: number): CaseResult {
  const bundle = bundleOf(n);
  const tree = buildTree(bundle.nodes);
  const scores = computeBaseScores(bundle.ratings);
  const index = indexTree(tree);
  let deepest = 0;
  let deepestLevel = 0;
  for (let i = 1; i < index.size; i++) {
    let level = 0;
    for (let p = i; p > 0; p = index.parent[p]!) level++;
    if (level > deepestLevel) {
      deepest = i;
      deepestLevel = level;
    }
  }
  const nodeId = index.ids[deepest]!;
  const values: RatingValue[] = bundle.ratings.filter((r) => r.nodeId === nodeId).map((r) => r.value);
  if (!values.length) values.push(2);
  const ev: Evaluation = evaluate(tree, scores.tauOf, Semantics.qe);
  const taus = Float64Array.from(index.ids, (id) => scores.tauOf(id));
  let flip = 0;
  const change = (): number => {
    flip = (flip + 1) % 5;
    values[0] = flip as RatingValue;
    let sum = 0;
    for (const v of values) sum += v;
    updateTau(ev, nodeId, ratingToTau(sum / values.length, RatingMapping.linear));
    return ev.thesis;
  };
  const samples: number[] = [];
  const baseline: number[] = [];
  runsOf(runs, warmup, (measured) => {
    const a = perCall(change);
    const b = perCall(() => {
      taus[deepest] = ratingToTau(flip / 4, RatingMapping.linear);
      return evaluate(index, taus, Semantics.qe).thesis;
    });
    if (measured) {
      samples.push(a);
      baseline.push(b);
    }
  });
  return {
    samples,
    baseline,
    baselineName: 'full evaluate (QE)',
    info: { node: nodeId, depth: deepestLevel, ratingsOfNode: values.length },
  };
}

/** Search: building the index, and query -> results for queries of 3-10 characters. */
function searchCase(n: number, runs: number, warmup: number, buildRuns: number): Record<string, CaseOutcome> {
  const create = api('createSearchIndex');
  if (typeof create === 'string') return { 'search query': { skipped: create } };
  const bundle = bundleOf(n);
  const builds: number[] = [];
  const floors: number[] = [];
  let index: ReturnType<typeof create> | undefined;
  for (let r = 0; r < 1 + buildRuns; r++) {
    const t0 = performance.now();
    index = create(bundle);
    const ms = performance.now() - t0;
    const floor = perCall(() => bundle.nodes.map((x) => x.text.toLowerCase()).length);
    if (r > 0 || buildRuns === 0) {
      builds.push(ms);
      floors.push(floor);
    }
  }
  const texts = bundle.nodes.map((x) => x.text.toLowerCase());
  const samples: number[] = [];
  const baseline: number[] = [];
  const perQuery: Record<string, { ms: number[]; matches: number; hits: number }> = {};
  runsOf(runs, warmup, (measured) => {
    for (const q of SEARCH_QUERIES) {
      const a = perCall(() => index!.search(q).ids.length, 5);
      const lower = q.toLowerCase();
      const b = perCall(() => {
        let count = 0;
        for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(lower)) count++;
        return count;
      }, 5);
      if (measured) {
        samples.push(a);
        baseline.push(b);
        const result = index!.search(q);
        const entry = (perQuery[q] ??= { ms: [], matches: result.ids.length, hits: result.hits.length });
        entry.ms.push(a);
      }
    }
  });
  return {
    'search index build': {
      samples: builds,
      baseline: floors,
      baselineName: 'lower-casing every node text',
    },
    'search query': {
      samples,
      baseline,
      baselineName: 'String.includes over all node texts',
      info: { queries: perQuery },
    },
  };
}

/** Markdown export and import of the whole map, beside the app's own JSON export and import. */
function markdownCase(n: number, runs: number, warmup: number): Record<string, CaseOutcome> {
  const exportMd = api('exportMarkdown');
  const importMd = api('importMarkdown');
  const out: Record<string, CaseOutcome> = {};
  const bundle = bundleOf(n);
  const json = exportMapJson(bundle);
  if (typeof exportMd === 'string') out['Markdown export'] = { skipped: exportMd };
  let text = '';
  try {
    if (typeof exportMd !== 'string') {
      text = exportMd(bundle);
      const samples: number[] = [];
      const baseline: number[] = [];
      runsOf(runs, warmup, (measured) => {
        const a = perCall(() => exportMd(bundle));
        const b = perCall(() => exportMapJson(bundle));
        if (measured) {
          samples.push(a);
          baseline.push(b);
        }
      });
      out['Markdown export'] = {
        samples,
        baseline,
        baselineName: 'JSON export (exportMapJson)',
        info: { markdownChars: text.length, jsonChars: json.length },
      };
    }
  } catch (error) {
    out['Markdown export'] = { skipped: `failed: ${describe(error)}` };
  }
  if (typeof importMd === 'string') out['Markdown import'] = { skipped: importMd };
  else if (!text) out['Markdown import'] = { skipped: 'no Markdown export to import' };
  else {
    try {
      const check = importMd(text);
      if (!check.ok) {
        const first = check.errors.slice(0, 3).map((e) => `line ${e.line ?? '?'}: ${e.message}`);
        throw new Error(`import of the export failed: ${first.join('; ')}`);
      }
      if (check.bundles[0]?.nodes.length !== n) throw new Error(`import gave ${check.bundles[0]?.nodes.length} nodes`);
      const samples: number[] = [];
      const baseline: number[] = [];
      runsOf(runs, warmup, (measured) => {
        const a = perCall(() => importMd(text).ok);
        const b = perCall(() => importJson(json).ok);
        if (measured) {
          samples.push(a);
          baseline.push(b);
        }
      });
      out['Markdown import'] = { samples, baseline, baselineName: 'JSON import (importJson)' };
    } catch (error) {
      out['Markdown import'] = { skipped: `failed: ${describe(error)}` };
    }
  }
  return out;
}

/** Runs a pure case, turning an exception into a skip row that says what failed. */
function guarded(name: string, body: () => Record<string, CaseOutcome>): Record<string, CaseOutcome> {
  try {
    return body();
  } catch (error) {
    return { [name]: { skipped: `failed: ${describe(error)}` } };
  }
}

// --- the page's API -----------------------------------------------------------------------------

/** What the page offers bench/run.mjs. */
const bench = {
  environment: () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    preciseMemory: !Number.isNaN(heapBytes()),
    exposedGc: typeof (globalThis as unknown as { gc?: unknown }).gc === 'function',
    optional: optionalStatus(),
  }),
  prepare,
  setExpansion,
  openCase,
  editCase,
  ratingUiCase,
  searchUiCase,
  scrollCase,
  unmount,
  /** Pure cases; `heavyRuns` for those taking a second or more per sample (search build, Markdown). */
  pure: (n: number, runs: number, warmup: number, which: readonly string[], heavyRuns = runs) => {
    const out: Record<string, CaseOutcome> = {};
    if (which.includes('evaluation'))
      Object.assign(
        out,
        guarded('evaluate QE', () => evaluationCase(n, runs, warmup)),
      );
    if (which.includes('rating')) {
      const name = 'rating -> thesis standing (engine: updateTau)';
      Object.assign(
        out,
        guarded(name, () => ({ [name]: ratingCase(n, runs, warmup) })),
      );
    }
    if (which.includes('search'))
      Object.assign(
        out,
        guarded('search query', () => searchCase(n, runs, warmup, heavyRuns)),
      );
    if (which.includes('markdown'))
      Object.assign(
        out,
        guarded('Markdown export', () => markdownCase(n, heavyRuns, warmup)),
      );
    return { results: out, sink };
  },
  /** Drops cached maps (frees memory before the next size). */
  forget: () => bundles.clear(),
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.documentElement.dataset.benchReady = 'true';
