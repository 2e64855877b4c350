/**
 * Everything the map view shows that is computed from a map's rows: the tree, base scores,
 * standings, the thesis range, and per-node lookups. `deriveNext` updates a previous result from
 * the list of rows that changed, so that a text edit or a rating in a 10,000-node map costs about
 * what the change touches, not a rebuild of the whole map. Pure: no DOM, no database.
 */
import {
  cloneEvaluation,
  computeBaseScores,
  evaluateBase,
  formatMean,
  rescoreNodes,
  shareIndex,
  rangeEvaluations,
  rangeOf,
  updateNode,
  updateRangeNode,
  type BaseScores,
  type Evaluation,
  type EvaluationSettings,
  type RangeEvaluations,
  type ThesisRange,
} from '../evaluation/index.js';
import { buildTree, type Tree } from '../model/tree.js';
import type { ArgNode, Citation, MapBundle, Rating, Source } from '../model/types.js';

/** Per-node figures shown compactly in a tree row. */
export interface RowMeta {
  sources: number;
  /** Mean rating in the current perspective, formatted; undefined = unrated. */
  rating?: string;
  /** Computed standing in [0,1]; undefined when nothing in the node's subtree is rated. */
  standing?: number;
  /** A claim or premise that cites no source. */
  unsourced?: boolean;
}

/** What the view derives from: the map's rows, a new node being written, and the settings. */
export interface DeriveInput {
  bundle: MapBundle;
  /** A new node not stored yet (the editor is open on it). */
  pending?: ArgNode;
  settings: EvaluationSettings;
  /** Whose ratings count; undefined = everyone. */
  perspective?: string;
}

/** A map's row types, by table. */
export interface MapRows {
  nodes: ArgNode;
  sources: Source;
  citations: Citation;
  ratings: Rating;
}

/**
 * The rows written since a bundle was derived, per table: each written id with its row as it is
 * now (undefined: deleted, or not this map's). The rows, not just the ids, so that an update
 * costs what changed rather than a search of the map's 15,000 ratings for them.
 */
export type RowChanges = ReadonlyMap<keyof MapRows, ReadonlyMap<string, MapRows[keyof MapRows] | undefined>>;

/** The changed rows of one table. */
function changedRows<T extends keyof MapRows>(
  changes: RowChanges,
  table: T,
): ReadonlyMap<string, MapRows[T] | undefined> | undefined {
  return changes.get(table) as ReadonlyMap<string, MapRows[T] | undefined> | undefined;
}

export interface Derived {
  readonly bundle: MapBundle;
  readonly pending: ArgNode | undefined;
  /** Settings and perspective the scores were computed under. */
  readonly key: string;
  readonly tree: Tree<ArgNode>;
  readonly base: BaseScores;
  readonly evaluation: Evaluation;
  readonly range: ThesisRange;
  /** The evaluations behind `range`, updated in place by deriveNext. */
  readonly rangeEvals: RangeEvaluations;
  readonly raters: readonly string[];
  readonly citationsByNode: ReadonlyMap<string, Citation[]>;
  readonly ratingsByNode: ReadonlyMap<string, Rating[]>;
  /** A row's figures, computed when a row asks (only rows on screen do). */
  readonly metaOf: (nodeId: string) => RowMeta | undefined;
  /** How this result was made: 'full', or what an incremental update reused. For tests and benches. */
  readonly how: 'full' | 'incremental';
}

/** Above this many changed base scores, one full pass is cheaper than updates along each path. */
const MAX_PATH_UPDATES = 32;

const keyOf = (input: DeriveInput): string =>
  `${input.settings.semantics}|${input.settings.mapping}|${input.perspective ?? ''}`;

function groupBy<T extends { nodeId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.nodeId);
    if (list) list.push(r);
    else out.set(r.nodeId, [r]);
  }
  return out;
}

function metaFunction(
  tree: Tree<ArgNode>,
  base: BaseScores,
  evaluation: Evaluation,
  citationsByNode: ReadonlyMap<string, Citation[]>,
): (nodeId: string) => RowMeta | undefined {
  const memo = new Map<string, RowMeta>();
  return (nodeId) => {
    const known = memo.get(nodeId);
    if (known) return known;
    const node = tree.byId.get(nodeId);
    if (!node) return undefined;
    const score = base.get(nodeId);
    const sources = citationsByNode.get(nodeId)?.length ?? 0;
    const meta: RowMeta = {
      sources,
      rating: score.rated ? formatMean(score.mean) : undefined,
      standing: evaluation.informedOf(nodeId) ? evaluation.sigmaOf(nodeId) : undefined,
      // Claims and premises (supporters below the thesis) should cite evidence.
      unsourced: node.relation === 'supports' && sources === 0,
    };
    memo.set(nodeId, meta);
    return meta;
  };
}

function assemble(
  input: DeriveInput,
  tree: Tree<ArgNode>,
  base: BaseScores,
  evaluation: Evaluation,
  rangeEvals: RangeEvaluations,
  citationsByNode: ReadonlyMap<string, Citation[]>,
  ratingsByNode: ReadonlyMap<string, Rating[]>,
  how: Derived['how'],
): Derived {
  return {
    bundle: input.bundle,
    pending: input.pending,
    key: keyOf(input),
    tree,
    base,
    evaluation,
    range: rangeOf(evaluation, rangeEvals),
    rangeEvals,
    raters: base.raters,
    citationsByNode,
    ratingsByNode,
    metaOf: metaFunction(tree, base, evaluation, citationsByNode),
    how,
  };
}

/** Derives everything from scratch. Throws TreeError when the rows do not form one tree. */
export function derive(input: DeriveInput): Derived {
  const { bundle, pending, settings, perspective } = input;
  const tree = buildTree(pending ? [...bundle.nodes, pending] : bundle.nodes);
  const base = computeBaseScores(bundle.ratings, {
    mapping: settings.mapping,
    ...(perspective !== undefined && { perspective: { rater: perspective } }),
  });
  const evaluation = evaluateBase(tree, base, settings.semantics);
  return assemble(
    input,
    tree,
    base,
    evaluation,
    rangeEvaluations(evaluation, base),
    groupBy(bundle.citations),
    groupBy(bundle.ratings),
    'full',
  );
}

/**
 * `prev` brought up to `input`, given which rows changed in between. Reuses the tree (and its
 * evaluation index) when no node moved, came or went; rescores only the nodes whose ratings
 * changed and updates standings along their paths. Anything else falls back to `derive`.
 * Takes ownership of `prev`: its tree's maps are updated in place, so `prev` must not be used
 * afterwards.
 */
export function deriveNext(prev: Derived, input: DeriveInput, changes: RowChanges): Derived {
  if (prev.key !== keyOf(input) || prev.pending !== input.pending) return derive(input);
  const { bundle } = input;

  let tree = prev.tree;
  const nodeRows = changedRows(changes, 'nodes');
  if (nodeRows?.size) {
    const fresh = new Map<string, ArgNode>();
    for (const [id, after] of nodeRows) {
      const before = prev.tree.byId.get(id);
      if (!before && !after) continue; // a row of another map
      if (
        !before ||
        !after ||
        before.parentId !== after.parentId ||
        before.relation !== after.relation ||
        before.order !== after.order
      ) {
        return derive(input);
      }
      fresh.set(id, after);
    }
    if (fresh.size) tree = withNodes(prev.tree, fresh);
  }

  const citationsByNode = changes.get('citations')?.size ? groupBy(bundle.citations) : prev.citationsByNode;

  let { base, evaluation, ratingsByNode, rangeEvals } = prev;
  const ratingRows = changedRows(changes, 'ratings');
  if (ratingRows?.size) {
    // A written row names its node; a deleted one is looked for among the rows before (a rare
    // write: clearing a rating), and only then is every rating read.
    const lists = prev.ratingsByNode as Map<string, Rating[]>;
    const affected = new Set<string>();
    const gone = new Set<string>();
    // Rows not on their node's list before, by node, in the order written (patchRows appends them).
    const added = new Map<string, Rating[]>();
    let addedCount = 0;
    for (const [id, row] of ratingRows) {
      if (!row) gone.add(id);
      else {
        affected.add(row.nodeId);
        if (lists.get(row.nodeId)?.some((r) => r.id === id)) continue;
        added.set(row.nodeId, [...(added.get(row.nodeId) ?? []), row]);
        addedCount++;
      }
    }
    let removed = 0;
    if (gone.size) {
      for (const r of prev.bundle.ratings) {
        if (gone.has(r.id)) {
          affected.add(r.nodeId);
          removed++;
        }
      }
    }
    // The app never moves a rating to another node, but a row that did would be counted as
    // added without adding a row: the counts disagree, and everything is derived again.
    if (prev.bundle.ratings.length + addedCount - removed !== bundle.ratings.length) return derive(input);
    const wasRated = new Map<string, boolean>();
    for (const id of affected) wasRated.set(id, prev.base.isRated(id));
    // In place (prev is ours): new lists only for the nodes whose ratings changed, so a panel
    // showing one of them sees a new array. Each keeps the bundle's order (patchRows'): changed
    // rows where they stood, new ones last in the order written.
    for (const nodeId of affected) {
      const list: Rating[] = [];
      for (const r of lists.get(nodeId) ?? []) {
        if (!ratingRows.has(r.id)) list.push(r);
        else {
          const now = ratingRows.get(r.id);
          if (now) list.push(now);
        }
      }
      list.push(...(added.get(nodeId) ?? []));
      if (list.length) lists.set(nodeId, list);
      else lists.delete(nodeId);
    }
    ratingsByNode = lists;
    base = rescoreNodes(prev.base, affected, (id) => lists.get(id), bundle.ratings, removed > 0);
    // A node's inputs are its base score, whether it is rated (the class default leaves unrated
    // nodes out) and its relevance weight.
    const moved: string[] = [];
    const prevEv = prev.evaluation;
    for (const id of affected) {
      const i = prevEv.index.indexOf.get(id);
      if (i === undefined) continue;
      if (
        prevEv.tau[i] !== base.tauOf(id) ||
        (prevEv.rated[i] === 1) !== base.isRated(id) ||
        prevEv.weight[i] !== base.weightOf(id)
      ) {
        moved.push(id);
      }
    }
    if (moved.length > MAX_PATH_UPDATES) {
      evaluation = evaluateBase(tree, base, input.settings.semantics);
      rangeEvals = rangeEvaluations(evaluation, base);
    } else {
      if (moved.length) {
        evaluation = cloneEvaluation(prev.evaluation);
        for (const id of moved) {
          updateNode(evaluation, id, { tau: base.tauOf(id), rated: base.isRated(id), weight: base.weightOf(id) });
        }
      }
      for (const id of affected) updateRangeNode(rangeEvals, evaluation, id, wasRated.get(id)!, base.isRated(id));
    }
  }

  if (tree === prev.tree && citationsByNode === prev.citationsByNode && base === prev.base) {
    // Only sources or the map row changed: keep every derived object, so nothing re-renders.
    return { ...prev, bundle };
  }
  return assemble(input, tree, base, evaluation, rangeEvals, citationsByNode, ratingsByNode, 'incremental');
}

/** `tree` with some nodes' fields replaced (same shape), sharing its maps and index. */
function withNodes(tree: Tree<ArgNode>, fresh: ReadonlyMap<string, ArgNode>): Tree<ArgNode> {
  const byId = tree.byId as Map<string, ArgNode>;
  const children = tree.children as Map<string, ArgNode[]>;
  for (const [id, node] of fresh) {
    byId.set(id, node);
    if (node.parentId === null) continue;
    const siblings = children.get(node.parentId);
    const i = siblings ? siblings.findIndex((s) => s.id === id) : -1;
    if (siblings && i >= 0) siblings[i] = node;
  }
  const next: Tree<ArgNode> = { root: byId.get(tree.root.id)!, byId, children };
  shareIndex(tree, next);
  return next;
}
