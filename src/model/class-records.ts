/**
 * Records of a class's work around a map: collected hand-ins, the teacher's feedback, and the
 * anonymous names used when a map is projected. Plain records with stable ids, one per row.
 */
import type { TaskState } from './assignment.js';
import type { MapBundle, Timestamp } from './types.js';

/**
 * Two people changed the same field differently. Both texts are kept: the map holds `kept`, this
 * record holds `other`, so nothing is dropped silently.
 */
export interface ClassConflict {
  /** Id of the record in the map. */
  id: string;
  kind: 'node' | 'source' | 'rating' | 'citation';
  field: string;
  /** What the map keeps, and whose it is (absent: the class). */
  kept: string;
  keptBy?: string;
  /** The other text, and whose it is. */
  other: string;
  otherBy: string;
  message: string;
}

/** A hand-in a teacher collected into a map. Its id is the hand-in's own: taking it twice is a no-op. */
export interface HandInRecord {
  id: string;
  mapId: string;
  assignmentId: string;
  student: string;
  handedInAt: Timestamp;
  collectedAt: Timestamp;
  /** The file it came in (the last one, if it came twice). */
  fileName: string;
  /** The tasks' state as the student's hand-in reported it. */
  tasks: TaskState[];
  /** Records it added to the map. */
  added: { nodes: number; sources: number; citations: number; ratings: number };
  /** Nodes of the baseline whose text it changed in the map. */
  changed: number;
  conflicts: ClassConflict[];
}

/**
 * A teacher's feedback: a comment on a node (addressed to the node's author) when `nodeId` is
 * set, else the note and grade for the student.
 */
export interface Feedback {
  id: string;
  mapId: string;
  /** Who it is for. */
  student: string;
  nodeId?: string;
  text: string;
  grade?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** "Student A", "Student B" ... "Student Z", "Student AA" ... for the i-th name (0-based). */
export function anonymousName(i: number): string {
  let label = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return `Student ${label}`;
}

/** Everyone named in a map (authors of nodes, sources, citations; raters), sorted by name. */
export function peopleIn(bundle: MapBundle): string[] {
  const names = new Set<string>();
  for (const list of [bundle.nodes, bundle.sources, bundle.citations])
    for (const r of list) if (r.author !== undefined) names.add(r.author);
  for (const r of bundle.ratings) names.add(r.rater);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Anonymous names for `people`, lettered in the order given (sort first for a stable order). */
export function anonymousNames(people: readonly string[]): Map<string, string> {
  return new Map(people.map((p, i) => [p, anonymousName(i)]));
}

/**
 * The bundle with every name in `names` replaced (node, source and citation authors, raters),
 * for projecting or exporting a class map without names. Names not listed are left as they are.
 */
export function anonymize(bundle: MapBundle, names: ReadonlyMap<string, string>): MapBundle {
  const rename = (who: string | undefined): string | undefined =>
    who === undefined ? undefined : (names.get(who) ?? who);
  const withAuthor = <T extends { author?: string }>(r: T): T =>
    r.author === undefined || !names.has(r.author) ? r : { ...r, author: rename(r.author)! };
  // Everything that names nobody (the cross-links) is kept as it is.
  return {
    ...bundle,
    nodes: bundle.nodes.map(withAuthor),
    sources: bundle.sources.map(withAuthor),
    citations: bundle.citations.map(withAuthor),
    ratings: bundle.ratings.map((r) => (names.has(r.rater) ? { ...r, rater: names.get(r.rater)! } : r)),
  };
}
