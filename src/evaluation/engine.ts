/**
 * The evaluation engine: every node's standing (sigma) from the base scores (tau) in one bottom-up
 * pass over the dense tree index. On a tree the bottom-up pass is exact: a node's standing depends
 * only on its subtree. Nothing is rounded here; rounding is for display only.
 */
import type { Tree, TreeNode } from '../model/tree.js';
import { dfquadStrength, qeStrength } from './semantics.js';
import { Semantics } from './settings.js';
import { indexTree, isTreeIndex, type TreeIndex } from './tree-index.js';

/**
 * Where base scores come from: a function of the node id (e.g. `BaseScores.tauOf`), or an array
 * aligned with the tree index (`index.ids`), which skips the per-node id lookup.
 */
export type TauSource = ((nodeId: string) => number) | ArrayLike<number>;

/** Everything computed for one node under Quadratic Energy. */
export interface QeNodeEvaluation {
  nodeId: string;
  semantics: typeof Semantics.qe;
  tau: number;
  sigma: number;
  /** E: sum of the supporters' standings minus the attackers'. */
  energy: number;
}

/** Everything computed for one node under DF-QuAD. */
export interface DfquadNodeEvaluation {
  nodeId: string;
  semantics: typeof Semantics.dfquad;
  tau: number;
  sigma: number;
  /** Aggregated support 1 - prod(1 - sigma) over the supporters (0 without any). */
  vs: number;
  /** Aggregated attack, likewise over the attackers. */
  va: number;
}

/** One node's results, tagged by semantics. */
export type NodeEvaluation = QeNodeEvaluation | DfquadNodeEvaluation;

/**
 * The result of evaluating one tree: typed arrays aligned with `index.ids` (fast, for whole-tree
 * work) plus lookups by node id. `updateTau` changes it in place.
 */
export class Evaluation {
  /** Use `evaluate` to create one. */
  constructor(
    /** The tree the arrays are aligned with. */
    readonly index: TreeIndex,
    /** Which semantics filled `sigma`. */
    readonly semantics: Semantics,
    /** Base score of every node. */
    readonly tau: Float64Array,
    /** Standing of every node. */
    readonly sigma: Float64Array,
    /** QE's E of every node; empty under DF-QuAD. */
    readonly energy: Float64Array,
    /** DF-QuAD's aggregated support of every node; empty under QE. */
    readonly vs: Float64Array,
    /** DF-QuAD's aggregated attack of every node; empty under QE. */
    readonly va: Float64Array,
  ) {}

  /** Standing of the thesis. */
  get thesis(): number {
    return this.sigma[0]!;
  }

  /** Whether `nodeId` is in the evaluated tree. */
  has(nodeId: string): boolean {
    return this.index.indexOf.has(nodeId);
  }

  /** Standing of a node; undefined for an id not in the tree. */
  sigmaOf(nodeId: string): number | undefined {
    const i = this.index.indexOf.get(nodeId);
    return i === undefined ? undefined : this.sigma[i];
  }

  /** Base score the node was evaluated with; undefined for an id not in the tree. */
  tauOf(nodeId: string): number | undefined {
    const i = this.index.indexOf.get(nodeId);
    return i === undefined ? undefined : this.tau[i];
  }

  /** All results for one node; undefined for an id not in the tree. */
  node(nodeId: string): NodeEvaluation | undefined {
    const i = this.index.indexOf.get(nodeId);
    if (i === undefined) return undefined;
    const tau = this.tau[i]!;
    const sigma = this.sigma[i]!;
    return this.semantics === Semantics.qe
      ? { nodeId, semantics: Semantics.qe, tau, sigma, energy: this.energy[i]! }
      : { nodeId, semantics: Semantics.dfquad, tau, sigma, vs: this.vs[i]!, va: this.va[i]! };
  }
}

function checkTau(tau: number, nodeId: string): void {
  // Written so that NaN fails too.
  if (!(tau >= 0 && tau <= 1)) throw new RangeError(`base score of "${nodeId}" must be in [0,1], got ${tau}`);
}

/**
 * Evaluates every node of `tree`. Pass the same Tree object (or its TreeIndex) again and the index
 * is reused, so a repeated evaluation allocates only its result arrays.
 */
export function evaluate<N extends TreeNode>(
  tree: Tree<N> | TreeIndex,
  tauOf: TauSource,
  semantics: Semantics = Semantics.qe,
): Evaluation {
  const index = isTreeIndex(tree) ? tree : indexTree(tree);
  const n = index.size;
  const ids = index.ids;
  const tau = new Float64Array(n);
  if (typeof tauOf === 'function') {
    for (let i = 0; i < n; i++) tau[i] = tauOf(ids[i]!);
  } else {
    if (tauOf.length !== n) throw new RangeError(`expected ${n} base scores, got ${tauOf.length}`);
    for (let i = 0; i < n; i++) tau[i] = tauOf[i]!;
  }
  for (let i = 0; i < n; i++) checkTau(tau[i]!, ids[i]!);
  const qe = semantics === Semantics.qe;
  const ev = new Evaluation(
    index,
    semantics,
    tau,
    new Float64Array(n),
    new Float64Array(qe ? n : 0),
    new Float64Array(qe ? 0 : n),
    new Float64Array(qe ? 0 : n),
  );
  // Breadth-first numbering: children have larger indices, so downwards is bottom-up.
  if (qe) for (let i = n - 1; i >= 0; i--) computeQe(ev, i);
  else for (let i = n - 1; i >= 0; i--) computeDfquad(ev, i);
  return ev;
}

// The full pass and the incremental update both go through these two functions, so they perform
// the same operations in the same order and agree bit for bit.
function computeQe(ev: Evaluation, i: number): void {
  const { childStart, sign } = ev.index;
  const sigma = ev.sigma;
  let e = 0;
  const end = childStart[i + 1]!;
  for (let c = childStart[i]!; c < end; c++) e += sign[c]! * sigma[c]!;
  ev.energy[i] = e;
  sigma[i] = qeStrength(ev.tau[i]!, e);
}

function computeDfquad(ev: Evaluation, i: number): void {
  const { childStart, sign } = ev.index;
  const sigma = ev.sigma;
  let keepS = 1;
  let keepA = 1;
  const end = childStart[i + 1]!;
  for (let c = childStart[i]!; c < end; c++) {
    if (sign[c]! > 0) keepS *= 1 - sigma[c]!;
    else if (sign[c]! < 0) keepA *= 1 - sigma[c]!; // sign 0: a neutral option, in neither set
  }
  const vs = 1 - keepS;
  const va = 1 - keepA;
  ev.vs[i] = vs;
  ev.va[i] = va;
  sigma[i] = dfquadStrength(ev.tau[i]!, vs, va);
}

/** A copy that `updateTau` can change while the original stays as it was (it shares the index). */
export function cloneEvaluation(ev: Evaluation): Evaluation {
  return new Evaluation(
    ev.index,
    ev.semantics,
    Float64Array.from(ev.tau),
    Float64Array.from(ev.sigma),
    Float64Array.from(ev.energy),
    Float64Array.from(ev.vs),
    Float64Array.from(ev.va),
  );
}

/**
 * Changes one node's base score (a rating changed) and recomputes only that node and its path to
 * the thesis, in place. Gives exactly the numbers a full `evaluate` would. Returns the ids whose
 * results were recomputed, the node first and the thesis last.
 */
export function updateTau(ev: Evaluation, nodeId: string, tau: number): string[] {
  const start = ev.index.indexOf.get(nodeId);
  if (start === undefined) throw new RangeError(`"${nodeId}" is not in the evaluated tree`);
  checkTau(tau, nodeId);
  ev.tau[start] = tau;
  const { parent, ids } = ev.index;
  const qe = ev.semantics === Semantics.qe;
  const path: string[] = [];
  for (let i = start; i >= 0; i = parent[i]!) {
    if (qe) computeQe(ev, i);
    else computeDfquad(ev, i);
    path.push(ids[i]!);
  }
  return path;
}

/**
 * Standing of node `i` (an index) if its own base score were `tau`, its children unchanged. Reads
 * the stored intermediates, so it costs O(1).
 */
export function strengthWithTau(ev: Evaluation, i: number, tau: number): number {
  return ev.semantics === Semantics.qe ? qeStrength(tau, ev.energy[i]!) : dfquadStrength(tau, ev.vs[i]!, ev.va[i]!);
}

// Standing of `i` with the standing of its child `child` replaced by `childSigma`. Same operation
// order as computeQe/computeDfquad, so an unchanged value reproduces the stored one exactly.
function strengthWithChild(ev: Evaluation, i: number, child: number, childSigma: number): number {
  const { childStart, sign } = ev.index;
  const sigma = ev.sigma;
  const end = childStart[i + 1]!;
  if (ev.semantics === Semantics.qe) {
    let e = 0;
    for (let c = childStart[i]!; c < end; c++) e += sign[c]! * (c === child ? childSigma : sigma[c]!);
    return qeStrength(ev.tau[i]!, e);
  }
  let keepS = 1;
  let keepA = 1;
  for (let c = childStart[i]!; c < end; c++) {
    const s = c === child ? childSigma : sigma[c]!;
    if (sign[c]! > 0) keepS *= 1 - s;
    else if (sign[c]! < 0) keepA *= 1 - s;
  }
  return dfquadStrength(ev.tau[i]!, 1 - keepS, 1 - keepA);
}

/** What the parent and the thesis would become if one node's standing changed. */
export interface PropagatedStrength {
  /** The parent's new standing; null when the node is the thesis. */
  parent: number | null;
  /** The thesis's new standing. */
  thesis: number;
}

/**
 * The standings of the parent and the thesis if node `i` (an index) had standing `sigma`, without
 * touching `ev`: walks the path to the thesis, recomputing each step from its children.
 */
export function propagateStrength(ev: Evaluation, i: number, sigma: number): PropagatedStrength {
  const parent = ev.index.parent;
  let child = i;
  let value = sigma;
  let parentValue: number | null = null;
  for (let p = parent[i]!; p >= 0; p = parent[p]!) {
    value = strengthWithChild(ev, p, child, value);
    if (parentValue === null) parentValue = value;
    child = p;
  }
  return { parent: parentValue, thesis: value };
}
