/**
 * Collecting a class's hand-ins into the assignment's map. Every file is read and checked first;
 * if any is refused, nothing is collected (the teacher fixes or leaves out that file and drops
 * again), so the caller writes the result in one transaction or not at all. Pure.
 *
 * - Every contribution is attributed: a record new since the baseline that names nobody is the
 *   hand-in's student's; ratings filed under the old default "me" become theirs.
 * - A node of the baseline a student reworded takes the student's text when the class map still
 *   has the baseline's; when someone else already changed it, the map keeps that text and the
 *   student's is kept in a conflict record (both texts survive, neither silently).
 * - The same hand-in twice (by its id, already collected or twice in one drop) changes nothing.
 * - A hand-in of another map, or of another assignment, is refused, naming the map it belongs to.
 */
import { claimUnattributed, type Assignment } from '../model/assignment.js';
import type { ClassConflict, HandInRecord } from '../model/class-records.js';
import type { ArgNode, MapBundle } from '../model/types.js';
import { importHandInJson, sniffClassFile, type ClassFileResult, type HandIn } from './class-files.js';
import { describeError } from './errors.js';
import { importHandInMarkdown } from './handin-markdown.js';
import { mergeBundles } from './merge.js';

/** One file dropped or chosen. */
export interface InFile {
  name: string;
  text: string;
}

/** A file that was refused, and why (a sentence naming the file). */
interface Refusal {
  fileName: string;
  message: string;
}

/** A hand-in that was taken already (before, or earlier in the same drop). */
interface Duplicate {
  fileName: string;
  student: string;
  /** The file it came in first, when that was in the same drop. */
  sameAs?: string;
}

/** What collecting a drop of files gives. */
export interface CollectResult {
  /** The class map with every accepted hand-in merged; unchanged when something was refused. */
  merged: MapBundle;
  /** One record per hand-in taken in, in file order. */
  collected: HandInRecord[];
  duplicates: Duplicate[];
  refused: Refusal[];
}

/** Reads one hand-in file, Markdown or JSON by its content. */
function readHandInFile(file: InFile): ClassFileResult<HandIn> {
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return importHandInJson(text);
  if (sniffClassFile(text) === 'hand-in') return importHandInMarkdown(text);
  return {
    ok: false,
    errors: [{ message: 'it is not a hand-in (a hand-in starts with a header naming the student).' }],
  };
}

function refusal(fileName: string, errors: readonly { line?: number; field?: string; message: string }[]): Refusal {
  const shown = errors.slice(0, 3).map(describeError).join('; ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more problems)` : '';
  return { fileName, message: `${fileName}: ${shown}${more}` };
}

/**
 * Applies a student's rewordings of baseline nodes to `classMap`'s nodes (returns new nodes and
 * the conflicts), and gives the student's copy the class map's text where it differs so the
 * generic merge sees no text conflict left to report.
 */
function takeRewordings(
  classNodes: ArgNode[],
  student: MapBundle,
  baseline: Assignment['baseline'],
  who: string,
): { classNodes: ArgNode[]; studentNodes: ArgNode[]; changed: number; conflicts: ClassConflict[] } {
  const index = new Map(classNodes.map((n, i) => [n.id, i]));
  const next = [...classNodes];
  const conflicts: ClassConflict[] = [];
  let changed = 0;
  const studentNodes = student.nodes.map((n) => {
    const i = index.get(n.id);
    const base = baseline.nodes[n.id];
    if (i === undefined || base === undefined || n.text === base) return n;
    const mine = next[i]!;
    if (mine.text === n.text) return n;
    if (mine.text === base) {
      next[i] = { ...mine, text: n.text, edited: true };
      changed++;
      return n;
    }
    conflicts.push({
      id: n.id,
      kind: 'node',
      field: 'text',
      kept: mine.text,
      ...(mine.author !== undefined && { keptBy: mine.author }),
      other: n.text,
      otherBy: who,
      message: `${who} reworded this statement too; the map keeps the earlier rewording and ${who}'s text is kept here`,
    });
    return { ...n, text: mine.text };
  });
  return { classNodes: next, studentNodes, changed, conflicts };
}

/**
 * Collects `files` into `classMap`, the map `assignment` was made from. `alreadyCollected` holds
 * the ids of hand-ins taken before. `now` stamps the records and the map.
 */
export function collectHandIns(
  classMap: MapBundle,
  assignment: Assignment,
  files: readonly InFile[],
  alreadyCollected: ReadonlySet<string>,
  now: string,
): CollectResult {
  const refused: Refusal[] = [];
  const duplicates: Duplicate[] = [];
  const taken: Array<{ file: InFile; handIn: HandIn; bundle: MapBundle }> = [];
  const firstFile = new Map<string, string>();
  // Read and check every file before anything is merged.
  for (const file of files) {
    const r = readHandInFile(file);
    if (!r.ok) {
      refused.push(refusal(file.name, r.errors));
      continue;
    }
    const h = r.value;
    if (h.map.id !== classMap.map.id) {
      refused.push({
        fileName: file.name,
        message: `${file.name}: this hand-in belongs to another map, "${h.map.title}" (id "${h.map.id}"), not "${classMap.map.title}". Open that map to collect it.`,
      });
      continue;
    }
    if (h.assignment.id !== assignment.id) {
      refused.push({
        fileName: file.name,
        message: `${file.name}: this hand-in is for another assignment, "${h.assignment.title}", not "${assignment.title}".`,
      });
      continue;
    }
    if (alreadyCollected.has(h.id) || firstFile.has(h.id)) {
      const sameAs = firstFile.get(h.id);
      duplicates.push({ fileName: file.name, student: h.student, ...(sameAs !== undefined && { sameAs }) });
      continue;
    }
    firstFile.set(h.id, file.name);
    taken.push({ file, handIn: h, bundle: r.bundle });
  }
  if (refused.length) return { merged: classMap, collected: [], duplicates, refused };

  let merged = classMap;
  const collected: HandInRecord[] = [];
  for (const { file, handIn, bundle } of taken) {
    const who = handIn.student;
    const attributed = claimUnattributed(bundle, assignment.baseline, who);
    const words = takeRewordings(merged.nodes, attributed, assignment.baseline, who);
    const before = { ...merged, nodes: words.classNodes };
    const r = mergeBundles(before, { ...attributed, nodes: words.studentNodes }, { now });
    const conflicts: ClassConflict[] = [...words.conflicts];
    for (const c of r.conflicts) {
      conflicts.push({
        id: c.id,
        kind: c.kind,
        field: c.field ?? '',
        kept: '',
        other: '',
        otherBy: who,
        message: c.message,
      });
    }
    merged = words.changed && !r.added.nodes ? { ...r.merged, map: { ...r.merged.map, updatedAt: now } } : r.merged;
    collected.push({
      id: handIn.id,
      mapId: classMap.map.id,
      assignmentId: assignment.id,
      student: who,
      handedInAt: handIn.handedInAt,
      collectedAt: now,
      fileName: file.name,
      tasks: handIn.tasks,
      added: { ...r.added },
      changed: words.changed,
      conflicts,
    });
  }
  return { merged, collected, duplicates, refused };
}
