/**
 * Assignments: a map handed out to a class with instructions and tasks ("add 3 counterpoints,
 * each with a source", "rate 10 nodes"). The checklist is computed, never stored: it reads the
 * map, the student's name and the baseline (what the map held when it was handed out), so it
 * ticks itself as the student works and a teacher can recompute it for anyone from the class map.
 * Pure: plain records in, plain records out.
 */
import { buildTree, kindOf, type Tree } from './tree.js';
import { NodeKind, Relation, type ArgNode, type MapBundle, type Timestamp } from './types.js';

/** What a task asks for. */
export const TaskKind = {
  /** Add counterpoints (objections to a claim or premise), optionally each citing a source. */
  counterpoints: 'counterpoints',
  /** Answer objections: add rebuttals (nodes opposing a counterpoint). */
  answers: 'answers',
  /** Rate nodes (one rating per node counts). */
  ratings: 'ratings',
  /** Cite sources on nodes (one citation per node and source counts). */
  sources: 'sources',
} as const;
export type TaskKind = (typeof TaskKind)[keyof typeof TaskKind];

/** Every task kind, in the order a form offers them. */
export const TASK_KINDS: readonly TaskKind[] = Object.values(TaskKind);

/** One task of an assignment. */
export interface Task {
  /** Stable id, so a task's state can be named across hand-ins and edits. */
  id: string;
  kind: TaskKind;
  /** How many are asked for (1 or more). */
  count: number;
  /** For counterpoints and answers: each must cite at least one source. */
  withSource?: boolean;
}

/**
 * What the map held when the assignment was handed out. Work is what differs from it: a node not
 * in `nodes` was added, a node whose text differs from its entry was changed.
 */
export interface Baseline {
  /** Text of every node, by id. */
  nodes: Record<string, string>;
  /** Ids of nodes that cited at least one source. */
  cited: string[];
  /** Ids of every source. */
  sources: string[];
  /** Ids of every citation. */
  citations: string[];
  /** Every rating as `nodeId@rater`. */
  ratings: string[];
}

/** An assignment made from a map; stored with the map (by mapId) and carried in its files. */
export interface Assignment {
  id: string;
  mapId: string;
  title: string;
  /** What the teacher asks, in Markdown. */
  instructions: string;
  tasks: Task[];
  baseline: Baseline;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** How far one task is done. */
export interface TaskState {
  taskId: string;
  /** The task in words, e.g. "Add 3 counterpoints, each with a source". */
  label: string;
  done: number;
  required: number;
  complete: boolean;
}

const NOUNS: Readonly<Record<TaskKind, [string, string, string]>> = {
  // verb, singular, plural
  counterpoints: ['Add', 'counterpoint', 'counterpoints'],
  answers: ['Answer', 'objection', 'objections'],
  ratings: ['Rate', 'node', 'nodes'],
  sources: ['Cite', 'source', 'sources'],
};

/** A task in words: "Add 3 counterpoints, each with a source", "Rate 10 nodes". */
export function taskLabel(task: Pick<Task, 'kind' | 'count' | 'withSource'>): string {
  const [verb, one, many] = NOUNS[task.kind];
  const base = `${verb} ${task.count} ${task.count === 1 ? one : many}`;
  if (!task.withSource || (task.kind !== TaskKind.counterpoints && task.kind !== TaskKind.answers)) return base;
  return task.count === 1 ? `${base} with a source` : `${base}, each with a source`;
}

/** The key a rating has in a baseline. */
function ratingKey(nodeId: string, rater: string): string {
  return `${nodeId}@${rater}`;
}

/** What `bundle` holds now, as the baseline of an assignment handed out from it. */
export function baselineOf(bundle: MapBundle): Baseline {
  const nodes: Record<string, string> = {};
  for (const n of bundle.nodes) nodes[n.id] = n.text;
  return {
    nodes,
    cited: [...new Set(bundle.citations.map((c) => c.nodeId))].sort(),
    sources: bundle.sources.map((s) => s.id).sort(),
    citations: bundle.citations.map((c) => c.id).sort(),
    ratings: bundle.ratings.map((r) => ratingKey(r.nodeId, r.rater)).sort(),
  };
}

/** What one person did in a map since the baseline. */
export interface Contributions {
  /** Nodes they added, in the map's order. */
  added: ArgNode[];
  /** Nodes of the baseline whose text now differs (in a student's own copy: their changes). */
  changed: ArgNode[];
  /** Ids of the nodes they rated (ratings not in the baseline, or of nodes they added). */
  rated: string[];
  /** Ids of sources they added. */
  sources: string[];
  /** Ids of citations they made. */
  citations: string[];
}

/** Whether a record with this author belongs to `person` (absent author: the class). */
function by(author: string | undefined, person: string): boolean {
  return author !== undefined && author === person;
}

/**
 * What `person` added, changed and rated in `bundle` since `baseline`. `changed` lists every
 * baseline node whose text differs: the map does not record who reworded a node, so it is meant
 * for a student's own copy.
 */
export function contributionsOf(bundle: MapBundle, baseline: Baseline, person: string): Contributions {
  const ratedBefore = new Set(baseline.ratings);
  const sourcesBefore = new Set(baseline.sources);
  const citationsBefore = new Set(baseline.citations);
  return {
    added: bundle.nodes.filter((n) => !(n.id in baseline.nodes) && by(n.author, person)),
    changed: bundle.nodes.filter((n) => n.id in baseline.nodes && baseline.nodes[n.id] !== n.text),
    rated: bundle.ratings
      .filter((r) => r.rater === person && !ratedBefore.has(ratingKey(r.nodeId, r.rater)))
      .map((r) => r.nodeId),
    sources: bundle.sources.filter((s) => !sourcesBefore.has(s.id) && by(s.author, person)).map((s) => s.id),
    citations: bundle.citations.filter((c) => !citationsBefore.has(c.id) && by(c.author, person)).map((c) => c.id),
  };
}

/**
 * Gives `person` the records that are new since the baseline and name nobody: in a student's
 * own copy, what nobody else wrote is theirs (work done before they gave their name, or rated
 * under the old default "me"). Returns a new bundle; the input is not changed.
 */
export function claimUnattributed(bundle: MapBundle, baseline: Baseline, person: string): MapBundle {
  const sourcesBefore = new Set(baseline.sources);
  const citationsBefore = new Set(baseline.citations);
  const ratedBefore = new Set(baseline.ratings);
  // Everything else of the bundle (its cross-links) is kept as it is.
  return {
    ...bundle,
    nodes: bundle.nodes.map((n) => (n.id in baseline.nodes || n.author !== undefined ? n : { ...n, author: person })),
    sources: bundle.sources.map((s) =>
      sourcesBefore.has(s.id) || s.author !== undefined ? s : { ...s, author: person },
    ),
    citations: bundle.citations.map((c) =>
      citationsBefore.has(c.id) || c.author !== undefined ? c : { ...c, author: person },
    ),
    ratings: bundle.ratings.map((r) =>
      r.rater === 'me' && !ratedBefore.has(ratingKey(r.nodeId, r.rater)) ? { ...r, rater: person } : r,
    ),
  };
}

/** Counts per task kind for `person`, from the tree they were computed on. */
function counts(bundle: MapBundle, tree: Tree<ArgNode>, baseline: Baseline, person: string) {
  const cited = new Set(bundle.citations.map((c) => c.nodeId));
  const mine = contributionsOf(bundle, baseline, person);
  const ofKind = (kind: NodeKind, withSource: boolean): number =>
    mine.added.filter((n) => kindOf(tree, n) === kind && (!withSource || cited.has(n.id))).length;
  return {
    counterpoints: (withSource: boolean) => ofKind(NodeKind.counterpoint, withSource),
    answers: (withSource: boolean) => ofKind(NodeKind.rebuttal, withSource),
    ratings: new Set(mine.rated).size,
    sources: mine.citations.length,
  };
}

/**
 * The checklist of `assignment` for `person` in `bundle`: each task with how much is done.
 * Counterpoints and answers count the person's added nodes of that kind (those citing a source,
 * when the task asks for one); ratings count distinct nodes rated; sources count citations made.
 */
export function checklist(
  bundle: MapBundle,
  assignment: Pick<Assignment, 'tasks' | 'baseline'>,
  person: string,
): TaskState[] {
  const tree = buildTree(bundle.nodes);
  const c = counts(bundle, tree, assignment.baseline, person);
  return assignment.tasks.map((task) => {
    const done =
      task.kind === TaskKind.counterpoints
        ? c.counterpoints(task.withSource === true)
        : task.kind === TaskKind.answers
          ? c.answers(task.withSource === true)
          : task.kind === TaskKind.ratings
            ? c.ratings
            : c.sources;
    return { taskId: task.id, label: taskLabel(task), done, required: task.count, complete: done >= task.count };
  });
}

/** One row of the class table. */
export interface ClassRow {
  person: string;
  /** Nodes added, by kind (the thesis never counts). */
  added: Record<Exclude<NodeKind, 'thesis'>, number>;
  /** Citations made. */
  cited: number;
  /** Distinct nodes rated. */
  rated: number;
  /** Tasks complete, of `tasks`. */
  tasksDone: number;
  tasks: number;
  /**
   * Evidence gaps of the baseline this person closed: claims and premises that cited no source
   * and now cite one they added, and counterpoints nobody had answered that they answered.
   */
  gapsClosed: number;
}

/** Everyone who added, cited or rated anything since the baseline, sorted by name. */
export function contributors(bundle: MapBundle, baseline: Baseline): string[] {
  const names = new Set<string>();
  const ratedBefore = new Set(baseline.ratings);
  const citationsBefore = new Set(baseline.citations);
  const sourcesBefore = new Set(baseline.sources);
  for (const n of bundle.nodes) if (n.author !== undefined && !(n.id in baseline.nodes)) names.add(n.author);
  for (const s of bundle.sources) if (s.author !== undefined && !sourcesBefore.has(s.id)) names.add(s.author);
  for (const c of bundle.citations) if (c.author !== undefined && !citationsBefore.has(c.id)) names.add(c.author);
  for (const r of bundle.ratings) if (!ratedBefore.has(ratingKey(r.nodeId, r.rater))) names.add(r.rater);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The class table: one row per contributor since the baseline. */
export function classTable(bundle: MapBundle, assignment: Pick<Assignment, 'tasks' | 'baseline'>): ClassRow[] {
  const { baseline } = assignment;
  const tree = buildTree(bundle.nodes);
  const citedBefore = new Set(baseline.cited);
  const citationsBefore = new Set(baseline.citations);
  // Opposers of the baseline that a baseline node already answered.
  const answeredBefore = new Set<string>();
  for (const n of bundle.nodes) {
    if (n.id in baseline.nodes && n.parentId !== null && n.relation === Relation.opposes)
      answeredBefore.add(n.parentId);
  }
  return contributors(bundle, baseline).map((person) => {
    const mine = contributionsOf(bundle, baseline, person);
    const added = { claim: 0, premise: 0, counterpoint: 0, rebuttal: 0, option: 0 };
    for (const n of mine.added) {
      const k = kindOf(tree, n);
      if (k !== NodeKind.thesis) added[k]++;
    }
    const closed = new Set<string>();
    for (const c of bundle.citations) {
      if (
        citationsBefore.has(c.id) ||
        c.author !== person ||
        !(c.nodeId in baseline.nodes) ||
        citedBefore.has(c.nodeId)
      )
        continue;
      const node = tree.byId.get(c.nodeId);
      const kind = node ? kindOf(tree, node) : undefined;
      if (kind === NodeKind.claim || kind === NodeKind.premise) closed.add(c.nodeId);
    }
    for (const n of mine.added) {
      if (n.relation !== Relation.opposes || n.parentId === null || !(n.parentId in baseline.nodes)) continue;
      const parent = tree.byId.get(n.parentId);
      if (parent && parent.relation === Relation.opposes && !answeredBefore.has(parent.id)) closed.add(parent.id);
    }
    const states = checklist(bundle, assignment, person);
    return {
      person,
      added,
      cited: mine.citations.length,
      rated: new Set(mine.rated).size,
      tasksDone: states.filter((s) => s.complete).length,
      tasks: states.length,
      gapsClosed: closed.size,
    };
  });
}
