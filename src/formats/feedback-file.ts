/**
 * A teacher's feedback for one student as a file: the note and grade, and the comments on the
 * student's nodes, with the map they belong to. The student imports it to see the comments on
 * their own nodes. Records keep their ids, so importing it twice changes nothing. Pure.
 */
import type { Feedback } from '../model/class-records.js';
import { LIMITS } from '../model/limits.js';
import type { FormatError } from './errors.js';
import { checkName } from './class-files.js';

/** The `format` tag of a feedback file. */
const FEEDBACK_FORMAT = 'warrant-feedback';

/** A feedback file read back. */
export type FeedbackResult =
  | { ok: true; map: { id: string; title: string }; student: string; rows: Feedback[] }
  | { ok: false; errors: FormatError[] };

/** One student's feedback as JSON text. `rows` are that student's (note and comments). */
export function exportFeedback(map: { id: string; title: string }, student: string, rows: readonly Feedback[]): string {
  const mine = rows.filter((r) => r.student === student && r.mapId === map.id);
  const body = {
    format: FEEDBACK_FORMAT,
    version: 1,
    map: { id: map.id, title: map.title },
    student,
    feedback: mine.map((r) => ({
      id: r.id,
      ...(r.nodeId !== undefined && { nodeId: r.nodeId }),
      text: r.text,
      ...(r.grade !== undefined && { grade: r.grade }),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

const ID = /^[A-Za-z0-9_.:@>~-]{1,100}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a feedback file whole, or returns every problem found. */
export function importFeedback(text: string): FeedbackResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ message: 'This feedback file is damaged or cut short: it is not readable JSON.' }] };
  }
  if (!isObj(raw) || raw.format !== FEEDBACK_FORMAT) {
    return {
      ok: false,
      errors: [{ field: 'format', message: `must be "${FEEDBACK_FORMAT}": this is not a feedback file` }],
    };
  }
  const errors: FormatError[] = [];
  const map = isObj(raw.map) ? raw.map : {};
  const mapId = typeof map.id === 'string' && ID.test(map.id) ? map.id : '';
  const mapTitle = typeof map.title === 'string' ? map.title.slice(0, LIMITS.title) : '';
  if (!mapId) errors.push({ field: 'map.id', message: 'is missing or not an id' });
  const student = typeof raw.student === 'string' ? raw.student : '';
  const nameProblem = checkName(student);
  if (nameProblem) errors.push({ field: 'student', message: nameProblem });
  const rows: Feedback[] = [];
  if (!Array.isArray(raw.feedback)) errors.push({ field: 'feedback', message: 'must be a list' });
  else
    raw.feedback.forEach((f, i) => {
      const at = `feedback[${i}]`;
      if (!isObj(f)) return errors.push({ field: at, message: 'must be an object' });
      const ok =
        typeof f.id === 'string' &&
        ID.test(f.id) &&
        (f.nodeId === undefined || (typeof f.nodeId === 'string' && ID.test(f.nodeId))) &&
        typeof f.text === 'string' &&
        f.text.length <= LIMITS.text &&
        (f.grade === undefined || (typeof f.grade === 'string' && f.grade.length <= LIMITS.title)) &&
        typeof f.createdAt === 'string' &&
        ISO.test(f.createdAt) &&
        typeof f.updatedAt === 'string' &&
        ISO.test(f.updatedAt);
      if (!ok)
        return errors.push({ field: at, message: 'needs an id, a text and timestamps (nodeId and grade optional)' });
      const row: Feedback = {
        id: f.id as string,
        mapId,
        student,
        text: f.text as string,
        createdAt: f.createdAt as string,
        updatedAt: f.updatedAt as string,
      };
      if (typeof f.nodeId === 'string') row.nodeId = f.nodeId;
      if (typeof f.grade === 'string') row.grade = f.grade;
      rows.push(row);
    });
  if (errors.length) return { ok: false, errors };
  return { ok: true, map: { id: mapId, title: mapTitle }, student, rows };
}
