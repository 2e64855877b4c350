/**
 * Moving maps in and out of the app: reading an import (size first, strict UTF-8, format
 * detection, parsing off the main thread when the input is large), writing it in ONE transaction
 * (as new maps, or merged into an open map), and the export side's download and clipboard.
 */
import { saveBlob } from './download.js';
import type { WarrantDB } from '../db/database.js';
import { putAssignment } from '../db/class-repo.js';
import { loadBundle, putBundles } from '../db/maps-repo.js';
import {
  checkImportSize,
  decodeUtf8,
  exportBackupJson,
  formatById,
  type ExportOptions,
  type FormatId,
} from '../formats/index.js';
import { mergeBundles, type MergeConflict, type MergeCounts } from '../formats/merge.js';
import { cloneBundle } from '../model/clone.js';
import { newId as randomId, now as currentTime } from '../model/ids.js';
import { checkTree } from '../model/tree.js';
import type { MapBundle } from '../model/types.js';
import {
  parseImport,
  type ImportFormatId,
  type ImportInput,
  type ReadResult,
  type WorkerMessage,
  type WorkerRequest,
} from '../workers/import-worker.js';

export type { ReadResult } from '../workers/import-worker.js';

/** Inputs above this many bytes (or characters) are parsed in a worker. */
const WORKER_MIN_BYTES = 1024 * 1024;
/** Inputs above this many lines are parsed in a worker. */
const WORKER_MIN_LINES = 2000;

/** Where an import is: reading bytes (with a count), parsing, or writing to the database. */
export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'writing';
  /** Bytes read so far (reading only). */
  loaded?: number;
  /** Bytes in all (reading only). */
  total?: number;
}

/** Options for reading an import. */
export interface ReadOptions {
  /** Aborting stops the import (a worker is terminated) and rejects with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Read the input as this format instead of detecting it. */
  format?: ImportFormatId | 'auto';
  /** Timestamp for records the file leaves undated; defaults to now. */
  now?: string;
  /** 'auto' (default) uses a worker for large inputs only; true or false forces it (tests, benchmarks). */
  worker?: 'auto' | boolean;
}

/**
 * The worker script. In the build, rollup.config.mjs rewrites this to `./import-worker.js` beside
 * app.js (relative to the script, so any sub-path works); under web-test-runner the TypeScript
 * source is served and transformed as it is.
 */
const WORKER_URL = new URL('../workers/import-worker.ts', import.meta.url);

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let workerPolicy: ScriptUrlPolicy | undefined;

/**
 * With Trusted Types enforced, `new Worker()` takes only a TrustedScriptURL: the 'warrant-worker'
 * policy (named in the CSP's trusted-types list) makes one for the app's own import worker and
 * refuses any other address, so no text from a file or the user can become a worker script.
 */
function workerScriptUrl(url: URL): unknown {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (!factory) return url;
  workerPolicy ??= factory.createPolicy('warrant-worker', {
    createScriptURL(input: string): string {
      const parsed = new URL(input);
      if (parsed.origin !== location.origin || !/\/import-worker\.(?:js|ts)$/.test(parsed.pathname)) {
        throw new TypeError(`Refusing to start ${input} as a worker.`);
      }
      return parsed.href;
    },
  });
  return workerPolicy.createScriptURL(url.href);
}

/** The error an aborted import rejects with. */
function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

/** Whether `error` is the rejection of a cancelled import. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Whether `text` has more than `max` lines, without splitting it. */
function moreLinesThan(text: string, max: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > max) return true;
  return false;
}

/** Lets the page paint (a progress bar) before a blocking step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads an import file: refuses it by size before reading a byte, decodes it as strict UTF-8,
 * detects its format and parses and validates it. Files over WORKER_MIN_BYTES are read and
 * parsed in a worker. Never writes anything. Rejects with an AbortError when `signal` aborts.
 */
export async function readImportFile(file: Blob, options: ReadOptions = {}): Promise<ReadResult> {
  const { signal } = options;
  throwIfAborted(signal);
  const tooBig = checkImportSize(file.size);
  if (tooBig) return { ok: false, errors: [tooBig], format: 'unknown' };
  const worker = options.worker ?? 'auto';
  if (worker === true || (worker === 'auto' && file.size > WORKER_MIN_BYTES)) {
    return runInWorker({ blob: file }, options);
  }
  options.onProgress?.({ phase: 'reading', loaded: 0, total: file.size });
  const bytes = new Uint8Array(await file.arrayBuffer());
  throwIfAborted(signal);
  options.onProgress?.({ phase: 'reading', loaded: bytes.byteLength, total: file.size });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error], format: 'unknown' };
  return readImportText(decoded.text, options);
}

/** Reads pasted (or already decoded) text like a file: in a worker when it is large. */
export async function readImportText(text: string, options: ReadOptions = {}): Promise<ReadResult> {
  throwIfAborted(options.signal);
  // A UTF-16 code unit is at least one UTF-8 byte: a text this long is refused without a scan.
  const tooBig = checkImportSize(text.length);
  if (tooBig) return { ok: false, errors: [tooBig], format: 'unknown' };
  const worker = options.worker ?? 'auto';
  if (
    worker === true ||
    (worker === 'auto' && (text.length > WORKER_MIN_BYTES || moreLinesThan(text, WORKER_MIN_LINES)))
  ) {
    return runInWorker({ text }, options);
  }
  return parseHere({ text }, options);
}

/** Parses on the main thread (small inputs, or when no worker can start). */
async function parseHere(input: ImportInput, options: ReadOptions): Promise<ReadResult> {
  let direct: { bytes: Uint8Array } | { text: string };
  if ('blob' in input) {
    direct = { bytes: new Uint8Array(await input.blob.arrayBuffer()) };
    throwIfAborted(options.signal);
  } else direct = input;
  options.onProgress?.({ phase: 'parsing' });
  await nextFrame();
  throwIfAborted(options.signal);
  return parseImport(direct, options.format ?? 'auto', options.now ?? currentTime());
}

/** Parses in a module worker; aborting terminates it. Falls back to the main thread if it cannot start. */
function runInWorker(input: ImportInput, options: ReadOptions): Promise<ReadResult> {
  const { signal, onProgress } = options;
  let worker: Worker;
  try {
    worker = new Worker(workerScriptUrl(WORKER_URL) as string, { type: 'module', name: 'warrant-import' });
  } catch {
    return parseHere(input, options);
  }
  return new Promise<ReadResult>((resolve, reject) => {
    let heard = false;
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const m = event.data;
      if (m.kind === 'progress') {
        onProgress?.(
          m.loaded !== undefined ? { phase: m.phase, loaded: m.loaded, total: m.total! } : { phase: m.phase },
        );
      } else if (m.kind === 'done') {
        finish();
        resolve(m.result);
      } else {
        finish();
        resolve({ ok: false, errors: [{ message: `The file could not be read: ${m.message}` }], format: 'unknown' });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // A worker that never started (blocked, missing script): do the work here instead.
      if (!heard) parseHere(input, options).then(resolve, reject);
      else
        resolve({
          ok: false,
          errors: [{ message: `The file could not be read: ${event.message}` }],
          format: 'unknown',
        });
    };
    const request: WorkerRequest = { input, format: options.format ?? 'auto', now: options.now ?? currentTime() };
    worker.postMessage(request);
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A write that cannot be done; nothing was written. The message is for the user. */
export class TransferError extends Error {
  override name = 'TransferError';
}

/** Where an import goes: new maps, or merged into an existing map. */
export type WriteMode = 'new' | { mergeInto: string };

/** What an import wrote. */
export interface WriteSummary {
  /** The maps written (new maps, or the map merged into). */
  mapIds: string[];
  /** Titles of those maps, in the same order. */
  titles: string[];
  /** Totals over what was written as new maps (merges count in `merge` instead). */
  nodes: number;
  sources: number;
  citations: number;
  ratings: number;
  /** Maps imported under new ids because their ids were already taken in this browser. */
  copies: number;
  /** For a merge: what was added, updated, and where the file disagreed. */
  merge?: { added: MergeCounts; updatedRatings: number; conflicts: MergeConflict[] };
}

/** Options for writing an import. */
export interface WriteOptions {
  /** Timestamp of the write (a merge's updatedAt); defaults to now. */
  now?: string;
  /** Id generator for copies (tests pass a predictable one). */
  newId?: () => string;
}

const TABLES = ['maps', 'nodes', 'sources', 'citations', 'ratings', 'links'] as const;
type TableName = (typeof TABLES)[number];
type IdSets = Record<TableName, Set<string>>;

/** Refuses a bundle that did not come through the restore step (a programming error). */
function assertValidated(bundle: MapBundle): void {
  const problems = checkTree(bundle.nodes);
  const nodeIds = new Set(bundle.nodes.map((n) => n.id));
  const sourceIds = new Set(bundle.sources.map((s) => s.id));
  const mapId = bundle.map.id;
  const own = (r: { mapId: string }): boolean => r.mapId === mapId;
  if (
    problems.length ||
    !nodeIds.has(bundle.map.rootId) ||
    !bundle.nodes.every(own) ||
    !bundle.sources.every(own) ||
    !bundle.citations.every((c) => own(c) && nodeIds.has(c.nodeId) && sourceIds.has(c.sourceId)) ||
    !bundle.ratings.every((r) => own(r) && nodeIds.has(r.nodeId))
  ) {
    throw new TransferError(`The map "${bundle.map.title}" was not validated; nothing was imported.`);
  }
}

function idsOf(bundle: MapBundle): Record<TableName, string[]> {
  return {
    maps: [bundle.map.id],
    nodes: bundle.nodes.map((n) => n.id),
    sources: bundle.sources.map((s) => s.id),
    citations: bundle.citations.map((c) => c.id),
    ratings: bundle.ratings.map((r) => r.id),
    links: (bundle.links ?? []).map((l) => l.id),
  };
}

/** Whether any of `ids` is a row of `table` in the database. Call inside the write transaction. */
async function anyStored(db: WarrantDB, table: TableName, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  return (await db.table(table).where(':id').anyOf(ids).first()) !== undefined;
}

/** The ids of `ids` that are rows of `table` in the database. */
async function storedIds(db: WarrantDB, table: TableName, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.table(table).where(':id').anyOf(ids).primaryKeys()) as string[]);
}

/**
 * Writes validated bundles (from readImportFile / readImportText) in ONE transaction: all of it
 * or, on any failure, nothing.
 * - 'new': each map is added as a new map; a map any of whose ids (map, nodes, sources ...) is
 *   already taken in this browser is copied under new ids first, so nothing is ever overwritten.
 * - { mergeInto }: the file's one map is merged into that map (see mergeBundles); records it adds
 *   whose ids another map already uses get new ids.
 * Throws TransferError (nothing written) when the bundles were not validated, a merge gets
 * several maps, or the map to merge into is gone.
 */
export async function writeImport(
  db: WarrantDB,
  bundles: readonly MapBundle[],
  mode: WriteMode,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  if (bundles.length === 0) throw new TransferError('The file holds no map; nothing was imported.');
  bundles.forEach(assertValidated);
  const stamp = options.now ?? currentTime();
  const makeId = options.newId ?? (() => randomId());
  return db.transaction(
    'rw',
    [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.documents],
    async () => {
      if (mode !== 'new') return mergeInto(db, bundles, mode.mergeInto, stamp, makeId);
      const claimed: IdSets = {
        maps: new Set(),
        nodes: new Set(),
        sources: new Set(),
        citations: new Set(),
        ratings: new Set(),
        links: new Set(),
      };
      const out: MapBundle[] = [];
      let copies = 0;
      for (const bundle of bundles) {
        const ids = idsOf(bundle);
        let taken = TABLES.some((t) => ids[t].some((id) => claimed[t].has(id)));
        for (const t of TABLES) if (!taken) taken = await anyStored(db, t, ids[t]);
        const final = taken ? cloneBundle(bundle, makeId) : bundle;
        if (taken) copies++;
        const finalIds = idsOf(final);
        for (const t of TABLES) for (const id of finalIds[t]) claimed[t].add(id);
        out.push(final);
      }
      await putBundles(db, out);
      const sum = (f: (b: MapBundle) => number): number => out.reduce((n, b) => n + f(b), 0);
      return {
        mapIds: out.map((b) => b.map.id),
        titles: out.map((b) => b.map.title),
        nodes: sum((b) => b.nodes.length),
        sources: sum((b) => b.sources.length),
        citations: sum((b) => b.citations.length),
        ratings: sum((b) => b.ratings.length),
        copies,
      };
    },
  );
}

async function mergeInto(
  db: WarrantDB,
  bundles: readonly MapBundle[],
  mapId: string,
  stamp: string,
  makeId: () => string,
): Promise<WriteSummary> {
  if (bundles.length !== 1) {
    throw new TransferError(
      `A merge takes one map, and this file holds ${bundles.length}. Import it as new maps instead.`,
    );
  }
  const existing = await loadBundle(db, mapId);
  if (!existing) throw new TransferError('The map to merge into no longer exists; nothing was imported.');
  const result = mergeBundles(existing, bundles[0]!, { now: stamp });
  const merged = result.merged;
  // Records the merge added whose ids another map of this browser uses get new ids, with every
  // reference to them rewritten, so the merge never takes rows away from another map.
  const addedNodes = merged.nodes.slice(existing.nodes.length);
  const addedSources = merged.sources.slice(existing.sources.length);
  const addedCitations = merged.citations.slice(existing.citations.length);
  const addedRatings = merged.ratings.slice(existing.ratings.length);
  const rename = async (table: TableName, ids: string[]): Promise<Map<string, string>> =>
    new Map([...(await storedIds(db, table, ids))].map((id) => [id, makeId()]));
  const nodeIds = await rename(
    'nodes',
    addedNodes.map((n) => n.id),
  );
  const sourceIds = await rename(
    'sources',
    addedSources.map((s) => s.id),
  );
  const citationIds = await rename(
    'citations',
    addedCitations.map((c) => c.id),
  );
  const ratingIds = await rename(
    'ratings',
    addedRatings.map((r) => r.id),
  );
  const node = (id: string): string => nodeIds.get(id) ?? id;
  const addedLinks = (merged.links ?? []).slice(existing.links?.length ?? 0);
  const linkIds = await rename(
    'links',
    addedLinks.map((l) => l.id),
  );
  const final: MapBundle =
    nodeIds.size + sourceIds.size + citationIds.size + ratingIds.size + linkIds.size === 0
      ? merged
      : {
          map: merged.map,
          nodes: [
            ...existing.nodes,
            ...addedNodes.map((n) => ({
              ...n,
              id: node(n.id),
              parentId: n.parentId === null ? null : node(n.parentId),
            })),
          ],
          sources: [...existing.sources, ...addedSources.map((s) => ({ ...s, id: sourceIds.get(s.id) ?? s.id }))],
          citations: [
            ...merged.citations.slice(0, existing.citations.length),
            ...addedCitations.map((c) => ({
              ...c,
              id: citationIds.get(c.id) ?? c.id,
              nodeId: node(c.nodeId),
              sourceId: sourceIds.get(c.sourceId) ?? c.sourceId,
            })),
          ],
          ratings: [
            ...merged.ratings.slice(0, existing.ratings.length),
            ...addedRatings.map((r) => ({ ...r, id: ratingIds.get(r.id) ?? r.id, nodeId: node(r.nodeId) })),
          ],
          links: [
            ...(existing.links ?? []),
            ...addedLinks.map((l) => ({
              ...l,
              id: linkIds.get(l.id) ?? l.id,
              nodeId: node(l.nodeId),
              ...(l.targetId !== undefined && { targetId: node(l.targetId) }),
            })),
          ],
        };
  await putBundles(db, [final]);
  return {
    mapIds: [mapId],
    titles: [final.map.title],
    nodes: 0,
    sources: 0,
    citations: 0,
    ratings: 0,
    copies: 0,
    merge: { added: result.added, updatedRatings: result.updatedRatings, conflicts: result.conflicts },
  };
}

/** What `importInto` did: the file's reading, and what was written when it was valid. */
export interface ImportOutcome {
  read: ReadResult;
  /** Absent when the input was refused: then nothing was written. */
  written?: WriteSummary;
}

/**
 * Reads a file or pasted text and, only when all of it is valid, writes it in one transaction:
 * the whole import as the dialog runs it. Rejects with an AbortError when cancelled (nothing
 * written) and with TransferError when the write is refused (nothing written).
 */
export async function importInto(
  db: WarrantDB,
  input: Blob | string,
  mode: WriteMode,
  options: ReadOptions & WriteOptions = {},
): Promise<ImportOutcome> {
  const read = typeof input === 'string' ? await readImportText(input, options) : await readImportFile(input, options);
  if (!read.ok) return { read };
  throwIfAborted(options.signal);
  options.onProgress?.({ phase: 'writing' });
  const written = await writeImport(db, read.bundles, mode, options);
  // An assignment file: the assignment goes with its map when the map kept its id (a student's
  // browser); a copy under new ids (the teacher's own browser) is a plain map.
  if (read.assignment && mode === 'new' && written.mapIds[0] === read.assignment.mapId) {
    await putAssignment(db, read.assignment);
  }
  return { read, written };
}

// ---------------------------------------------------------------------------------------------
// Exporting

/** A file name for a map's export: its title in lower-case words joined by "-", then the extension. */
export function exportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'map'}${extension}`;
}

/**
 * Saves `text` as a file (see saveBlob). Returns the Blob (tests read it back).
 */
export function download(filename: string, text: string, mime: string): Blob {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  saveBlob(filename, blob);
  return blob;
}

/** Result of copying: done, or why not with what to do instead. */
export type CopyResult = { ok: true } | { ok: false; message: string };

/** Copies `text` to the clipboard; when the browser refuses, says how to copy by hand. */
export async function copyToClipboard(text: string): Promise<CopyResult> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch {
    return {
      ok: false,
      message:
        'The browser did not allow copying. Download the file instead, or select the preview and press Ctrl+C (⌘C on a Mac).',
    };
  }
}

export { standingsFor, standingsLabel } from './standings.js';

/** One map in one format, as text. */
export function exportText(bundle: MapBundle, format: FormatId, options?: ExportOptions): string {
  const info = formatById(format);
  if (!info.export) throw new TransferError(`${info.label} cannot be written.`);
  return info.export(bundle, options);
}

/** Every map in this browser as one JSON backup (read in one transaction: a consistent copy). */
export async function backupAllMaps(
  db: WarrantDB,
  options: { sourceTexts?: boolean } = {},
): Promise<{ filename: string; text: string; maps: number }> {
  // The essays' full texts come along unless asked not to (they can be large).
  const withTexts = options.sourceTexts ?? true;
  const tables = [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.documents];
  const bundles = await db.transaction('r', tables, async () => {
    const ids = (await db.maps.orderBy('updatedAt').primaryKeys()) as string[];
    const all = await Promise.all(ids.map((id) => loadBundle(db, id)));
    const found = all.filter((b): b is MapBundle => b !== undefined);
    if (withTexts) {
      const docs = await db.documents.bulkGet(found.map((b) => b.map.id));
      docs.forEach((d, i) => {
        if (d) found[i]!.sourceText = { title: d.title, blocks: d.blocks };
      });
    }
    return found;
  });
  const date = currentTime().slice(0, 10);
  return { filename: `warrant-backup-${date}.json`, text: exportBackupJson(bundles), maps: bundles.length };
}
