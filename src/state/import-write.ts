/**
 * Writing a validated import in ONE transaction (as new maps, or merged into an open map), and
 * importInto, the whole import as the dialog runs it: read, then write only when all is valid.
 */
import type { WarrantDB } from '../db/database.js';
import { putAssignment } from '../db/class-repo.js';
import { addBundles, loadBundle, putBundles } from '../db/maps-repo.js';
import { mergeBundles, type MergeConflict, type MergeCounts } from '../formats/merge.js';
import { cloneBundle } from '../model/clone.js';
import { newId as randomId, now as currentTime } from '../model/ids.js';
import { checkTree } from '../model/tree.js';
import type { MapBundle } from '../model/types.js';
import { rememberWritten } from './fresh-bundles.js';
import { TransferError } from './transfer-error.js';
import { readImportFile, readImportText, throwIfAborted, type ReadOptions, type ReadResult } from './import-read.js';

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

/** Maps to add as new, after any copying under new ids. */
interface NewMaps {
  out: MapBundle[];
  copies: number;
}

/**
 * Decides which maps are copied under new ids: one that shares an id with an earlier map of the
 * same file, or (when `stored` is given: inside the write transaction) with a row already in
 * this browser.
 */
async function planNew(
  bundles: readonly MapBundle[],
  makeId: () => string,
  stored?: (table: TableName, ids: readonly string[]) => Promise<boolean>,
): Promise<NewMaps> {
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
    if (stored) for (const t of TABLES) if (!taken) taken = await stored(t, ids[t]);
    const final = taken ? cloneBundle(bundle, makeId) : bundle;
    if (taken) copies++;
    const finalIds = idsOf(final);
    for (const t of TABLES) for (const id of finalIds[t]) claimed[t].add(id);
    out.push(final);
  }
  return { out, copies };
}

/** Whether a failed add failed only because a row's id (or rater on a node) was already taken. */
function isIdTaken(error: unknown): boolean {
  const e = error as { name?: string; failures?: Array<{ name?: string }> } | null;
  if (e?.name === 'ConstraintError') return true;
  return (
    e?.name === 'BulkError' && (e.failures ?? []).length > 0 && e.failures!.every((f) => f.name === 'ConstraintError')
  );
}

/**
 * Writes validated bundles (from readImportFile / readImportText) in ONE transaction: all of it
 * or, on any failure, nothing.
 * - 'new': each map is added as a new map; a map any of whose ids (map, nodes, sources ...) is
 *   already taken in this browser is copied under new ids first, so nothing is ever overwritten.
 *   The write is optimistic: the maps are added (bulkAdd) without first reading which ids the
 *   database holds, since a new file's ids are almost always free; the database refuses a taken
 *   id (nothing is written) and only then is the file checked against the database and the
 *   clashing maps copied, in a second transaction that checks and writes.
 * - { mergeInto }: the file's one map is merged into that map (see mergeBundles); records it adds
 *   whose ids another map already uses get new ids.
 * The maps written are kept in memory for the view that opens one next (see fresh-bundles.ts).
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
  const tables = [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.documents];
  if (mode !== 'new') {
    const merged = await db.transaction('rw', tables, () => mergeInto(db, bundles, mode.mergeInto, stamp, makeId));
    rememberWritten(db, [merged.bundle]);
    return merged.summary;
  }
  let plan = await planNew(bundles, makeId);
  try {
    await addBundles(db, plan.out);
  } catch (error) {
    if (!isIdTaken(error)) throw error;
    plan = await db.transaction('rw', tables, async () => {
      const checked = await planNew(bundles, makeId, (table, ids) => anyStored(db, table, ids));
      await addBundles(db, checked.out);
      return checked;
    });
  }
  const out = plan.out;
  rememberWritten(db, out);
  const sum = (f: (b: MapBundle) => number): number => out.reduce((n, b) => n + f(b), 0);
  return {
    mapIds: out.map((b) => b.map.id),
    titles: out.map((b) => b.map.title),
    nodes: sum((b) => b.nodes.length),
    sources: sum((b) => b.sources.length),
    citations: sum((b) => b.citations.length),
    ratings: sum((b) => b.ratings.length),
    copies: plan.copies,
  };
}

async function mergeInto(
  db: WarrantDB,
  bundles: readonly MapBundle[],
  mapId: string,
  stamp: string,
  makeId: () => string,
): Promise<{ summary: WriteSummary; bundle: MapBundle }> {
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
  const summary: WriteSummary = {
    mapIds: [mapId],
    titles: [final.map.title],
    nodes: 0,
    sources: 0,
    citations: 0,
    ratings: 0,
    copies: 0,
    merge: { added: result.added, updatedRatings: result.updatedRatings, conflicts: result.conflicts },
  };
  return { summary, bundle: final };
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
