/**
 * The class's files as JSON: an assignment (a map file with the assignment beside it) and a
 * hand-in (a map file with the hand-in header beside it). Both stay `warrant-map` files, so any
 * Warrant that reads maps imports them as plain maps; these readers also check what is beside the
 * map. Pure, and nothing is trusted: each record is validated whole.
 */
import {
  checklist,
  claimUnattributed,
  contributionsOf,
  TASK_KINDS,
  type Assignment,
  type Baseline,
  type Task,
  type TaskKind,
  type TaskState,
} from '../model/assignment.js';
import { LIMITS } from '../model/limits.js';
import type { MapBundle } from '../model/types.js';
import type { FormatError } from './errors.js';
import { importJson, toMapFile } from './json.js';
import { restore } from './restore.js';

/** The header of a hand-in: whose it is, for which assignment and map, and what it holds. */
export interface HandIn {
  /** Stable id made when the hand-in is made: collecting it twice is a no-op. */
  id: string;
  student: string;
  assignment: { id: string; title: string };
  map: { id: string; title: string };
  handedInAt: string;
  tasks: TaskState[];
  /** Ids of the nodes the student added, changed and rated. */
  added: string[];
  changed: string[];
  rated: string[];
}

/** A map with its assignment, or a hand-in with its map. */
export type ClassFileResult<T> = { ok: true; value: T; bundle: MapBundle } | { ok: false; errors: FormatError[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[A-Za-z0-9_.:@>~-]{1,100}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Collects errors under a prefix such as "handIn". */
class Check {
  readonly errors: FormatError[] = [];
  constructor(private readonly prefix: string) {}
  fail(field: string, message: string): void {
    this.errors.push({ field: field ? `${this.prefix}.${field}` : this.prefix, message });
  }
  text(o: Obj, key: string, max: number, required = true): string {
    const v = o[key];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string') this.fail(key, v === undefined ? 'is missing' : 'must be text');
    else if (required && v.trim() === '') this.fail(key, 'must not be empty');
    else if (v.length > max) this.fail(key, `is too long (${v.length} characters; at most ${max})`);
    else return v;
    return '';
  }
  id(o: Obj, key: string): string {
    const v = o[key];
    if (typeof v === 'string' && ID.test(v)) return v;
    this.fail(key, v === undefined ? 'is missing' : 'must be an id of 1-100 letters, digits or - _ . : @ > ~');
    return '';
  }
  time(o: Obj, key: string): string {
    const v = o[key];
    if (typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))) return v;
    this.fail(key, 'must be an ISO timestamp like 2025-02-24T12:00:00.000Z');
    return '';
  }
  count(o: Obj, key: string, min: number): number {
    const v = o[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 100_000) return v;
    this.fail(key, `must be a whole number from ${min}`);
    return min;
  }
  ids(o: Obj, key: string): string[] {
    const v = o[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x))) return v as string[];
    this.fail(key, 'must be a list of ids');
    return [];
  }
  texts(o: Obj, key: string): string[] {
    const v = o[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 300)) return v as string[];
    this.fail(key, 'must be a list of texts');
    return [];
  }
  obj(o: Obj, key: string): Obj {
    const v = o[key];
    if (isObj(v)) return v;
    this.fail(key, v === undefined ? 'is missing' : 'must be an object');
    return {};
  }
}

/** Checks a person's name as a hand-in or a setting holds it: not empty, at most 100 characters. */
export function checkName(name: string): string | null {
  if (name.trim() === '') return 'The name is empty: write the name your teacher knows you by.';
  if (name.length > LIMITS.name) return `The name is too long (${name.length} characters; at most ${LIMITS.name}).`;
  // eslint-disable-next-line no-control-regex -- a name must hold no line break or control character.
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(name)) return 'The name holds a line break or a control character.';
  return null;
}

/** Validates a hand-in header (from JSON or a Markdown comment). */
export function readHandInHeader(raw: unknown): { ok: true; value: HandIn } | { ok: false; errors: FormatError[] } {
  const c = new Check('handIn');
  if (!isObj(raw)) return { ok: false, errors: [{ field: 'handIn', message: 'must be an object' }] };
  const id = c.id(raw, 'id');
  const studentRaw = raw.student;
  let student = '';
  if (typeof studentRaw !== 'string') c.fail('student', studentRaw === undefined ? 'is missing' : 'must be text');
  else {
    const problem = checkName(studentRaw);
    if (problem) c.fail('student', `${problem.replace(/^The name/, "the student's name")}`);
    else student = studentRaw;
  }
  const a = c.obj(raw, 'assignment');
  const assignment = { id: c.id(a, 'id'), title: c.text(a, 'title', LIMITS.title) };
  const m = c.obj(raw, 'map');
  const map = { id: c.id(m, 'id'), title: c.text(m, 'title', LIMITS.title) };
  const handedInAt = c.time(raw, 'handedInAt');
  const tasks: TaskState[] = [];
  if (!Array.isArray(raw.tasks)) c.fail('tasks', 'must be a list');
  else
    raw.tasks.forEach((t, i) => {
      if (!isObj(t)) return c.fail(`tasks[${i}]`, 'must be an object');
      const done = c.count(t, 'done', 0);
      const required = c.count(t, 'required', 1);
      tasks.push({
        taskId: c.id(t, 'taskId'),
        label: c.text(t, 'label', LIMITS.title),
        done,
        required,
        complete: done >= required,
      });
    });
  const added = c.ids(raw, 'added');
  const changed = c.ids(raw, 'changed');
  const rated = c.ids(raw, 'rated');
  if (c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, value: { id, student, assignment, map, handedInAt, tasks, added, changed, rated } };
}

/** The hand-in header as a plain object with a fixed key order (files diff cleanly). */
export function handInObject(h: HandIn): Obj {
  return {
    id: h.id,
    student: h.student,
    assignment: { id: h.assignment.id, title: h.assignment.title },
    map: { id: h.map.id, title: h.map.title },
    handedInAt: h.handedInAt,
    tasks: h.tasks.map((t) => ({ taskId: t.taskId, label: t.label, done: t.done, required: t.required })),
    added: h.added,
    changed: h.changed,
    rated: h.rated,
  };
}

/** A hand-in as JSON: the student's whole map, with the hand-in header beside it. */
export function exportHandInJson(bundle: MapBundle, handIn: HandIn): string {
  const { format, version, ...rest } = toMapFile(bundle);
  return JSON.stringify({ format, version, handIn: handInObject(handIn), ...rest }, null, 2) + '\n';
}

function checkTasks(c: Check, raw: unknown): Task[] {
  const tasks: Task[] = [];
  if (!Array.isArray(raw)) {
    c.fail('tasks', 'must be a list');
    return tasks;
  }
  raw.forEach((t, i) => {
    if (!isObj(t)) return c.fail(`tasks[${i}]`, 'must be an object');
    const kind = t.kind;
    if (typeof kind !== 'string' || !(TASK_KINDS as readonly string[]).includes(kind)) {
      c.fail(`tasks[${i}].kind`, `must be one of ${TASK_KINDS.map((k) => `"${k}"`).join(', ')}`);
    }
    const task: Task = { id: c.id(t, 'id'), kind: kind as TaskKind, count: c.count(t, 'count', 1) };
    if (t.withSource !== undefined) {
      if (typeof t.withSource !== 'boolean') c.fail(`tasks[${i}].withSource`, 'must be true or false');
      else if (t.withSource) task.withSource = true;
    }
    tasks.push(task);
  });
  return tasks;
}

/** Validates an assignment record (from a file) against the map it came with. */
function readAssignment(
  raw: unknown,
  mapId: string,
): { ok: true; value: Assignment } | { ok: false; errors: FormatError[] } {
  const c = new Check('assignment');
  if (!isObj(raw)) return { ok: false, errors: [{ field: 'assignment', message: 'must be an object' }] };
  const id = c.id(raw, 'id');
  const forMap = c.id(raw, 'mapId');
  if (forMap && forMap !== mapId) c.fail('mapId', `is "${forMap}", but the file's map is "${mapId}"`);
  const title = c.text(raw, 'title', LIMITS.title);
  const instructions = c.text(raw, 'instructions', LIMITS.text, false);
  const tasks = checkTasks(c, raw.tasks);
  const b = c.obj(raw, 'baseline');
  const nodes: Record<string, string> = {};
  if (!isObj(b.nodes)) c.fail('baseline.nodes', 'must be an object of node texts by id');
  else
    for (const [k, v] of Object.entries(b.nodes)) {
      if (!ID.test(k) || typeof v !== 'string') {
        c.fail('baseline.nodes', `holds "${k.slice(0, 40)}", which is not an id with a text`);
        break;
      }
      nodes[k] = v;
    }
  const baseline: Baseline = {
    nodes,
    cited: c.ids(b, 'cited'),
    sources: c.ids(b, 'sources'),
    citations: c.ids(b, 'citations'),
    ratings: c.texts(b, 'ratings'),
  };
  const createdAt = c.time(raw, 'createdAt');
  const updatedAt = c.time(raw, 'updatedAt');
  if (c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, value: { id, mapId, title, instructions, tasks, baseline, createdAt, updatedAt } };
}

/** An assignment as JSON: the map handed out, with the assignment beside it. */
export function exportAssignmentJson(bundle: MapBundle, assignment: Assignment): string {
  const { format, version, ...rest } = toMapFile(bundle);
  const { mapId: _m, ...record } = assignment;
  return (
    JSON.stringify({ format, version, assignment: { mapId: assignment.mapId, ...record }, ...rest }, null, 2) + '\n'
  );
}

/**
 * Parses a JSON text once: the parsed object, or the JSON importer's own (located) error. The map
 * part then goes through the shared restore step.
 */
function parseJson(text: string): { ok: true; value: Obj; bundle: MapBundle } | { ok: false; errors: FormatError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const r = importJson(text);
    return { ok: false, errors: r.ok ? [{ message: 'This is not valid JSON.' }] : r.errors };
  }
  const r = restore(parsed);
  if (!r.ok) return r;
  if (r.bundles.length !== 1 || !isObj(parsed)) {
    return { ok: false, errors: [{ message: 'This is a backup of several maps, not one map.' }] };
  }
  return { ok: true, value: parsed, bundle: r.bundles[0]! };
}

/** Reads a JSON hand-in: its header and the student's map, or every error found. */
export function importHandInJson(text: string): ClassFileResult<HandIn> {
  const p = parseJson(text);
  if (!p.ok) return p;
  if (p.value.handIn === undefined) {
    return {
      ok: false,
      errors: [{ message: 'This is a map, not a hand-in: it has no hand-in header (no student named).' }],
    };
  }
  const h = readHandInHeader(p.value.handIn);
  if (!h.ok) return h;
  if (h.value.map.id !== p.bundle.map.id) {
    return {
      ok: false,
      errors: [
        {
          field: 'handIn.map.id',
          message: `names map "${h.value.map.id}", but the file holds map "${p.bundle.map.id}"`,
        },
      ],
    };
  }
  return { ok: true, value: h.value, bundle: p.bundle };
}

/** Reads a JSON assignment: the assignment and its map, or every error found. */
export function importAssignmentJson(text: string): ClassFileResult<Assignment> {
  const p = parseJson(text);
  if (!p.ok) return p;
  if (p.value.assignment === undefined) {
    return { ok: false, errors: [{ message: 'This is a map, not an assignment: it has no assignment in it.' }] };
  }
  const a = readAssignment(p.value.assignment, p.bundle.map.id);
  if (!a.ok) return a;
  return { ok: true, value: a.value, bundle: p.bundle };
}

/** Which class record a JSON or Markdown text carries, from its first bytes. */
export function sniffClassFile(text: string): 'hand-in' | 'assignment' | 'feedback' | null {
  const head = text.replace(/^\uFEFF/, '').slice(0, 512);
  if (head.startsWith('<!-- warrant-handin ')) return 'hand-in';
  if (!head.trimStart().startsWith('{')) return null;
  if (/^\{\s*"format":\s*"warrant-feedback"/.test(head.trimStart())) return 'feedback';
  if (/"version":\s*\d+,\s*"handIn":/.test(head)) return 'hand-in';
  if (/"version":\s*\d+,\s*"assignment":/.test(head)) return 'assignment';
  return null;
}

/**
 * Makes a hand-in of `bundle` (the student's copy of the assignment's map): records new since the
 * baseline that name nobody become the student's, and the header lists the tasks' state and what
 * the student added, changed and rated.
 */
export function makeHandIn(
  bundle: MapBundle,
  assignment: Assignment,
  student: string,
  id: string,
  now: string,
): { handIn: HandIn; bundle: MapBundle } {
  const mine = claimUnattributed(bundle, assignment.baseline, student);
  const did = contributionsOf(mine, assignment.baseline, student);
  const handIn: HandIn = {
    id,
    student,
    assignment: { id: assignment.id, title: assignment.title },
    map: { id: bundle.map.id, title: bundle.map.title },
    handedInAt: now,
    tasks: checklist(mine, assignment, student),
    added: did.added.map((n) => n.id),
    changed: did.changed.map((n) => n.id),
    rated: [...new Set(did.rated)],
  };
  return { handIn, bundle: mine };
}
