/**
 * The class's records: assignments, collected hand-ins and feedback. Each write that touches
 * several rows is one transaction.
 */
import type { Assignment } from '../model/assignment.js';
import type { Feedback, HandInRecord } from '../model/class-records.js';
import type { MapBundle } from '../model/types.js';
import type { WarrantDB } from './database.js';
import { loadBundle } from './maps-repo.js';

/** The newest assignment made from a map, if any. */
export async function assignmentOf(db: WarrantDB, mapId: string): Promise<Assignment | undefined> {
  const all = await db.assignments.where('mapId').equals(mapId).toArray();
  return all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
}

/** Stores an assignment (a new one, or a new version of one). */
export async function putAssignment(db: WarrantDB, assignment: Assignment): Promise<void> {
  await db.assignments.put(assignment);
}

/**
 * Stores a map with its assignment, as a student (or a teacher on another computer) opens an
 * assignment file: the map replaces any copy with the same id, in one transaction.
 */
export async function putAssignmentWithMap(db: WarrantDB, bundle: MapBundle, assignment: Assignment): Promise<void> {
  await db.transaction(
    'rw',
    [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.assignments],
    async () => {
      const id = bundle.map.id;
      await Promise.all([
        db.nodes.where('mapId').equals(id).delete(),
        db.sources.where('mapId').equals(id).delete(),
        db.citations.where('mapId').equals(id).delete(),
        db.ratings.where('mapId').equals(id).delete(),
        db.links.where('mapId').equals(id).delete(),
      ]);
      await db.maps.put(bundle.map);
      await db.nodes.bulkPut(bundle.nodes);
      await db.sources.bulkPut(bundle.sources);
      await db.citations.bulkPut(bundle.citations);
      await db.ratings.bulkPut(bundle.ratings);
      if (bundle.links?.length) await db.links.bulkPut(bundle.links);
      await db.assignments.put(assignment);
    },
  );
}

/** Hand-ins collected into a map, oldest first. */
export async function handInsOf(db: WarrantDB, mapId: string): Promise<HandInRecord[]> {
  const rows = await db.handIns.where('mapId').equals(mapId).toArray();
  return rows.sort((a, b) => (a.collectedAt < b.collectedAt ? -1 : a.collectedAt > b.collectedAt ? 1 : 0));
}

/** What a collect step returns: the merged map and a record per hand-in taken, or refusals. */
export interface CollectWrite {
  merged: MapBundle;
  collected: HandInRecord[];
  refused: readonly unknown[];
}

/**
 * Collects hand-ins into a map: reads the map and the ids of hand-ins taken before, lets the
 * pure `collect` step merge (formats/collect.ts), and writes the merged map with a record per
 * hand-in, all in ONE transaction. When the step refuses anything, nothing is written.
 */
export async function collectInto<R extends CollectWrite>(
  db: WarrantDB,
  mapId: string,
  collect: (bundle: MapBundle, before: ReadonlySet<string>) => R,
): Promise<R> {
  return db.transaction(
    'rw',
    [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.handIns],
    async (): Promise<R> => {
      const bundle = await loadBundle(db, mapId);
      if (!bundle) throw new Error("The assignment's map is not in this browser any more.");
      const before = new Set((await db.handIns.where('mapId').equals(mapId).primaryKeys()) as string[]);
      const result = collect(bundle, before);
      if (result.refused.length || result.collected.length === 0) return result;
      const m = result.merged;
      await db.maps.put(m.map);
      await db.nodes.bulkPut(m.nodes);
      await db.sources.bulkPut(m.sources);
      await db.citations.bulkPut(m.citations);
      await db.ratings.bulkPut(m.ratings);
      await db.handIns.bulkPut(result.collected);
      return result;
    },
  );
}

/** Feedback of a map (every student's, or one student's). */
export async function feedbackOf(db: WarrantDB, mapId: string, student?: string): Promise<Feedback[]> {
  const rows = await db.feedback.where('mapId').equals(mapId).toArray();
  return student === undefined ? rows : rows.filter((f) => f.student === student);
}

/** Stores feedback rows (a teacher's comment or note; a student's imported feedback) in one transaction. */
export async function putFeedback(db: WarrantDB, rows: readonly Feedback[]): Promise<void> {
  await db.transaction('rw', db.feedback, async () => {
    await db.feedback.bulkPut([...rows]);
  });
}
