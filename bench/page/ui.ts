/**
 * What the node side asks of the open app while it drives real input: which rows to use, what the
 * page shows now (row text, thesis standing, search results), and the in-page baselines of the
 * interactive cases.
 */
import { SEARCH_QUERIES } from '../generate.js';
import { current, renderedRows, rowOf, viewOf } from './app.js';
import { rawGet, rawPut } from './idb.js';
import { deepQuery, perCall, settledHeap } from './util.js';

/** Ids of rendered rows below the thesis (rows the edit case clicks). */
export function editTargets(count: number): string[] {
  return [...renderedRows(current().tree)].slice(1, 1 + count).map((r) => r.dataset.id!);
}

/** Ids of the claims (level 2) in the tree. */
export function claimIds(): string[] {
  return current()
    .tree.visibleRows.filter((r) => r.level === 2)
    .map((r) => r.node.id);
}

export function rowText(id: string): string {
  return rowOf(current().tree, id)?.textContent ?? '';
}

/** The thesis standing as shown, or null when the view shows none. */
export function standing(): string | null {
  const view = viewOf(current().app);
  return view?.shadowRoot?.querySelector('.thesis-standing strong')?.textContent?.trim() ?? null;
}

/**
 * The search box's state: what is typed, which query the results shown answer (they come from a
 * worker, a moment after the key), how many options are listed, the status line.
 */
export function searchState(): {
  value: string;
  resultsFor: string;
  options: number;
  status: string;
  settled: boolean;
  indexed: boolean;
} {
  const view = viewOf(current().app);
  const box = view?.shadowRoot
    ? deepQuery<HTMLElement & { index?: unknown; isUpdatePending?: boolean; resultsFor?: string }>(
        view.shadowRoot,
        'warrant-search',
      )
    : null;
  const root = box?.shadowRoot;
  const input = root?.querySelector<HTMLInputElement>('input[type=search]');
  return {
    value: input?.value ?? '',
    resultsFor: box?.resultsFor ?? '',
    options: root?.querySelectorAll('[role=option]').length ?? 0,
    status: root?.querySelector('[role=status]')?.textContent?.trim() ?? '',
    settled: !!box && !box.isUpdatePending,
    indexed: !!box?.index,
  };
}

/**
 * True when the search box shows the results of `query`: the box holds the query, its index
 * exists, the results shown answer that query, Lit has rendered, and the list has options (or
 * says there are none, perhaps with a "did you mean").
 */
export function searchShows(query: string, expectHits: boolean): boolean {
  const s = searchState();
  if (s.value !== query || s.resultsFor !== query || !s.indexed || !s.settled) return false;
  return expectHits ? s.options > 0 : s.status.startsWith('No results.');
}

/**
 * The page's JS heap once garbage collection has settled, and the search worker's, measured by
 * measureUserAgentSpecificMemory (cross-origin isolated pages only; null where it is missing or
 * does not answer within 60 s).
 */
export async function searchHeap(): Promise<{ page: number; workers: number | null }> {
  const page = await settledHeap();
  const measure = (
    performance as unknown as {
      measureUserAgentSpecificMemory?: () => Promise<{
        breakdown: Array<{ bytes: number; attribution: Array<{ scope: string }> }>;
      }>;
    }
  ).measureUserAgentSpecificMemory;
  if (!measure || !globalThis.crossOriginIsolated) return { page, workers: null };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000));
  const result = await Promise.race([measure.call(performance), timeout]);
  if (!result) return { page, workers: null };
  let workers = 0;
  for (const b of result.breakdown) {
    if (b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) workers += b.bytes;
  }
  return { page, workers };
}

let texts: string[] | undefined;

/** Baseline of a query: String.includes over every node's text (lower-cased once), per call. */
export async function scanMs(query: string): Promise<{ ms: number; matches: number }> {
  const { app, mapId } = current();
  texts ??= (await app.database!.nodes.where('mapId').equals(mapId).toArray()).map((x) => x.text.toLowerCase());
  const lower = query.toLowerCase();
  let matches = 0;
  const ms = perCall(() => {
    matches = 0;
    for (let i = 0; i < texts!.length; i++) if (texts![i]!.includes(lower)) matches++;
    return matches;
  }, 5);
  return { ms, matches };
}

export function searchQueries(): readonly string[] {
  return SEARCH_QUERIES;
}

/**
 * Baseline of an edit: a native put() of a copy of the node with other text, kept out of the map
 * (another id and mapId) so the app does not react to it.
 */
export async function rawNodePut(id: string, k: number): Promise<number> {
  const { dbName, mapId } = current();
  const node = await rawGet<{ text: string }>(dbName, 'nodes', id);
  if (!node) throw new Error(`node ${id} is missing`);
  return rawPut(dbName, 'nodes', {
    ...node,
    id: `bench-raw-${id}`,
    mapId: `${mapId}-raw`,
    text: `${node.text} raw${k}`,
  });
}

/** Baseline of a rating: a native put() of a rating row (kept out of the map by its mapId). */
export async function rawRatingPut(nodeId: string, k: number): Promise<number> {
  const { dbName, mapId } = current();
  const now = new Date().toISOString();
  return rawPut(dbName, 'ratings', {
    id: `bench-raw-${k}`,
    mapId: `${mapId}-raw`,
    nodeId,
    rater: `bench-raw-${k}`,
    value: 2,
    createdAt: now,
    updatedAt: now,
  });
}

/** What the database holds for a node's text now (to check the committed write). */
export async function storedText(id: string): Promise<string> {
  const { dbName } = current();
  return (await rawGet<{ text: string }>(dbName, 'nodes', id))?.text ?? '';
}

/** The value the current rater gave the selected node (the rating scale's checked label), or -1. */
export function myRating(): number {
  const view = viewOf(current().app);
  const rating = view?.shadowRoot ? deepQuery(view.shadowRoot, 'warrant-rating') : null;
  const labels = [...(rating?.shadowRoot?.querySelectorAll('.scale label') ?? [])];
  return labels.findIndex((l) => l.classList.contains('on'));
}
