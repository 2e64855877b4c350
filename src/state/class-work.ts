/**
 * The class's work around one map, for components: making and handing out an assignment, handing
 * in, collecting hand-ins, feedback, share links. Components call these; they talk to db/ and the
 * pure formats, and return what the UI shows (messages name the file they are about).
 */
import {
  assignmentOf,
  collectInto,
  feedbackOf,
  handInsOf,
  putAssignment,
  putAssignmentWithMap,
  putFeedback,
} from '../db/class-repo.js';
import type { WarrantDB } from '../db/database.js';
import { loadBundle } from '../db/maps-repo.js';
import {
  exportAssignmentJson,
  exportHandInJson,
  importAssignmentJson,
  importHandInJson,
  makeHandIn,
  sniffClassFile,
} from '../formats/class-files.js';
import { collectHandIns, type CollectResult, type InFile } from '../formats/collect.js';
import { describeError } from '../formats/errors.js';
import { exportFeedback, importFeedback } from '../formats/feedback-file.js';
import { exportHandInMarkdown } from '../formats/handin-markdown.js';
import { baselineOf, type Assignment, type Task } from '../model/assignment.js';
import type { Feedback, HandInRecord } from '../model/class-records.js';
import { newId, now } from '../model/ids.js';
import type { MapBundle } from '../model/types.js';
import { download, exportFileName } from './transfer.js';
import { copyShareLink, type CopiedLink } from './share-copy.js';
import { encodeShareLink, type EncodeResult } from './share-link.js';

/** Everything of the class around a map, as a panel shows it. */
export interface ClassState {
  bundle: MapBundle;
  assignment?: Assignment;
  handIns: HandInRecord[];
  feedback: Feedback[];
}

/** Reads the class's state of a map (a live query re-runs it on every write it read from). */
export async function loadClassState(db: WarrantDB, mapId: string): Promise<ClassState | undefined> {
  const bundle = await loadBundle(db, mapId);
  if (!bundle) return undefined;
  const [assignment, handIns, feedback] = await Promise.all([
    assignmentOf(db, mapId),
    handInsOf(db, mapId),
    feedbackOf(db, mapId),
  ]);
  return { bundle, ...(assignment && { assignment }), handIns, feedback };
}

/** What the teacher fills in to make an assignment. */
export interface AssignmentInput {
  title: string;
  instructions: string;
  tasks: Array<Omit<Task, 'id'>>;
}

/** Makes an assignment of the map as it is now (its baseline) and stores it. */
export async function makeAssignment(db: WarrantDB, bundle: MapBundle, input: AssignmentInput): Promise<Assignment> {
  const at = now();
  const assignment: Assignment = {
    id: newId(),
    mapId: bundle.map.id,
    title: input.title.trim() || bundle.map.title,
    instructions: input.instructions,
    tasks: input.tasks.map((t) => ({ ...t, id: newId(8) })),
    baseline: baselineOf(bundle),
    createdAt: at,
    updatedAt: at,
  };
  await putAssignment(db, assignment);
  return assignment;
}

/** The assignment as a file: the map handed out with the assignment in it. */
export function assignmentFile(bundle: MapBundle, assignment: Assignment): { filename: string; text: string } {
  return {
    filename: exportFileName(`${assignment.title} assignment`, '.json'),
    text: exportAssignmentJson(bundle, assignment),
  };
}

/** Downloads the assignment file. */
export function handOutFile(bundle: MapBundle, assignment: Assignment): string {
  const f = assignmentFile(bundle, assignment);
  download(f.filename, f.text, 'application/json');
  return f.filename;
}

/** A share link to the app carrying `text`, or why not ("too large for a link; use the file"). */
export function shareLink(text: string): Promise<EncodeResult> {
  return encodeShareLink(text, location.href);
}

/** Opens an assignment file (or link): stores its map and assignment. Returns the map id. */
export async function openAssignment(
  db: WarrantDB,
  text: string,
  name: string,
): Promise<{ ok: true; mapId: string; title: string } | { ok: false; message: string }> {
  const r = importAssignmentJson(text);
  if (!r.ok) return { ok: false, message: `${name}: ${r.errors.slice(0, 3).map(describeError).join('; ')}` };
  await putAssignmentWithMap(db, r.bundle, r.value);
  return { ok: true, mapId: r.bundle.map.id, title: r.value.title };
}

/** The hand-in's files: Markdown (readable alone, importable) and the same as JSON. */
function handInFiles(
  bundle: MapBundle,
  assignment: Assignment,
  student: string,
): Array<{ filename: string; text: string; mime: string }> {
  const h = makeHandIn(bundle, assignment, student, newId(), now());
  const base = `${student} ${assignment.title}`;
  return [
    { filename: exportFileName(base, '.md'), text: exportHandInMarkdown(h.bundle, h.handIn), mime: 'text/markdown' },
    { filename: exportFileName(base, '.json'), text: exportHandInJson(h.bundle, h.handIn), mime: 'application/json' },
  ];
}

/** A hand-in as a share link (its JSON file), copied; see copyShareLink. */
export function copyHandInLink(bundle: MapBundle, assignment: Assignment, student: string): Promise<CopiedLink> {
  const json = handInFiles(bundle, assignment, student)[1]!;
  return copyShareLink(json.text, 'your hand-in');
}

/** Hands in: downloads the Markdown and JSON files. Returns their names. */
export function handIn(bundle: MapBundle, assignment: Assignment, student: string): string[] {
  return handInFiles(bundle, assignment, student).map((f) => {
    download(f.filename, f.text, f.mime);
    return f.filename;
  });
}

/** Reads dropped or chosen files as text (a file that cannot be read is refused by name). */
export async function readFiles(files: readonly File[]): Promise<InFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text().catch(() => '') })));
}

/** Collects hand-in files into the assignment's map, in one transaction (or not at all). */
export function collect(db: WarrantDB, assignment: Assignment, files: readonly InFile[]): Promise<CollectResult> {
  const at = now();
  return collectInto(db, assignment.mapId, (bundle, before) => collectHandIns(bundle, assignment, files, before, at));
}

/** Stores a teacher's comment on a node, addressed to its author. */
export async function commentOnNode(
  db: WarrantDB,
  mapId: string,
  nodeId: string,
  student: string,
  text: string,
): Promise<void> {
  const at = now();
  await putFeedback(db, [{ id: newId(), mapId, student, nodeId, text, createdAt: at, updatedAt: at }]);
}

/** Stores (or replaces) the teacher's note and grade for a student. */
export async function setNote(
  db: WarrantDB,
  mapId: string,
  student: string,
  text: string,
  grade: string,
  existing?: Feedback,
): Promise<void> {
  const at = now();
  const row: Feedback = {
    id: existing?.id ?? newId(),
    mapId,
    student,
    text,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  if (grade.trim()) row.grade = grade.trim();
  await putFeedback(db, [row]);
}

/** The feedback files, one per student who has any. */
export function feedbackFiles(state: ClassState): Array<{ student: string; filename: string; text: string }> {
  const students = [...new Set(state.feedback.map((f) => f.student))].sort((a, b) => a.localeCompare(b));
  return students.map((student) => ({
    student,
    filename: exportFileName(`${student} feedback ${state.bundle.map.title}`, '.json'),
    text: exportFeedback(state.bundle.map, student, state.feedback),
  }));
}

/** One student's feedback as a share link, copied; `shown` is the name to say (anonymous mode). */
export function copyFeedbackLink(text: string, shown: string): Promise<CopiedLink> {
  return copyShareLink(text, `the feedback for ${shown}`);
}

/**
 * The assignment a hand-in (its JSON, as a link carries it) can be collected into in this
 * browser: the teacher's, when the hand-in's map and assignment are here. Undefined otherwise.
 */
export async function collectTargetOf(db: WarrantDB, text: string): Promise<Assignment | undefined> {
  const r = importHandInJson(text);
  if (!r.ok) return undefined;
  const a = await assignmentOf(db, r.value.map.id);
  return a && a.id === r.value.assignment.id ? a : undefined;
}

/** Imports a feedback file into the map it belongs to (which must be in this browser). */
export async function importFeedbackFile(
  db: WarrantDB,
  text: string,
  name: string,
): Promise<{ ok: true; mapId: string; count: number } | { ok: false; message: string }> {
  const r = importFeedback(text);
  if (!r.ok) return { ok: false, message: `${name}: ${r.errors.slice(0, 3).map(describeError).join('; ')}` };
  if (!(await db.maps.get(r.map.id))) {
    return {
      ok: false,
      message: `${name}: this feedback is for the map "${r.map.title}", which is not in this browser. Open the assignment first.`,
    };
  }
  await putFeedback(db, r.rows);
  return { ok: true, mapId: r.map.id, count: r.rows.length };
}

/** Which class file a text is (for the import paths), or null for a plain map. */
export { sniffClassFile };
