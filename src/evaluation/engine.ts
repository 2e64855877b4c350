/**
 * The evaluation engine: every node's standing (sigma) from the base scores (tau) in one bottom-up
 * pass over the dense tree index. On a tree the bottom-up pass is exact: a node's standing depends
 * only on its subtree. Nothing is rounded here; rounding is for display only.
 */
import type { Tree, TreeNode } from '../model/tree.js';
import { NEUTRAL_TAU, type BaseScores } from './base-scores.js';
import { classStrength, classSupport, NEUTRAL_WEIGHT } from './class-standing.js';
import { dfquadStrength, qeStrength } from './semantics.js';
import { Semantics } from './settings.js';
import { indexTree, isTreeIndex, type TreeIndex } from './tree-index.js';

/**
 * Where base scores come from: a function of the node id (e.g. `BaseScores.tauOf`), or an array
 * aligned with the tree index (`index.ids`), which skips the per-node id lookup.
 */
export type TauSource = ((nodeId: string) => number) | ArrayLike<number>;

/** Everything computed for one node under Quadratic Energy. */
interface QeNodeEvaluation {
  nodeId: string;
  semantics: typeof Semantics.qe;
  tau: number;
  sigma: number;
  /** E: sum of the supporters' standings minus the attackers'. */
  energy: number;
}

/** Everything computed for one node under DF-QuAD. */
interface DfquadNodeEvaluation {
  nodeId: string;
  semantics: typeof Semantics.dfquad;
  tau: number;
  sigma: number;
  /** Aggregated support 1 - prod(1 - sigma) over the supporters (0 without any). */
  vs: number;
  /** Aggregated attack, likewise over the attackers. */
  va: number;
}

/** Everything computed for one node under the class default. */
interface ClassNodeEvaluation {
  nodeId: string;
  semantics: typeof Semantics.class;
  tau: number;
  sigma: number;
  /** Whether the node has its own evidence rating. */
  rated: boolean;
  /** Whether anything in its subtree is rated: false means it has no standing to show. */
  informed: boolean;
  /** Its relevance weight in its parent (0..2, 1 when nobody rated its relevance). */
  weight: number;
  /** P: the weighted mean of its own evidence and its informed supporters. */
  support: number;
  /** E: the relevance-weighted sum of its informed objections' standings. */
  attack: number;
}

/** One node's results, tagged by semantics. */
export type NodeEvaluation = QeNodeEvaluation | DfquadNodeEvaluation | ClassNodeEvaluation;

/** Which nodes are rated: a function of the node id, or an array aligned with the index (1 = rated). */
type RatedSource = ((nodeId: string) => boolean) | ArrayLike<number>;
/** Relevance weights (0..2) of each node in its parent: a function of the id or an aligned array. */
type WeightSource = ((nodeId: string) => number) | ArrayLike<number>;

/** Optional inputs of `evaluate` beyond the base scores. */
export interface EvaluateOptions {
  /** Which nodes carry their own rating; default all (the class default leaves the others out). */
  rated?: RatedSource;
  /** Relevance weights; default 1 for every node. Only the class default reads them. */
  weight?: WeightSource;
}

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
    /** 1 where the node has its own rating. */
    readonly rated: Uint8Array,
    /** Relevance weight of every node in its parent. */
    readonly weight: Float64Array,
    /** 1 where the node or something below it (of relevance above 0) is rated. */
    readonly informed: Uint8Array,
    /** The class default's P of every node; empty under the other semantics. */
    readonly support: Float64Array,
    /** The class default's E of every node; empty under the other semantics. */
    readonly attack: Float64Array,
  ) {}

  /** Whether anything under the thesis (or the thesis itself) is rated. */
  get thesisInformed(): boolean {
    return this.informed[0] === 1;
  }

  /** Whether a node's subtree holds a rating; undefined for an id not in the tree. */
  informedOf(nodeId: string): boolean | undefined {
    const i = this.index.indexOf.get(nodeId);
    return i === undefined ? undefined : this.informed[i] === 1;
  }

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
    if (this.semantics === Semantics.qe)
      return { nodeId, semantics: Semantics.qe, tau, sigma, energy: this.energy[i]! };
    if (this.semantics === Semantics.dfquad) {
      return { nodeId, semantics: Semantics.dfquad, tau, sigma, vs: this.vs[i]!, va: this.va[i]! };
    }
    return {
      nodeId,
      semantics: Semantics.class,
      tau,
      sigma,
      rated: this.rated[i] === 1,
      informed: this.informed[i] === 1,
      weight: this.weight[i]!,
      support: this.support[i]!,
      attack: this.attack[i]!,
    };
  }
}

function checkTau(tau: number, nodeId: string): void {
  // Written so that NaN fails too.
  if (!(tau >= 0 && tau <= 1)) throw new RangeError(`base score of "${nodeId}" must be in [0,1], got ${tau}`);
}

function checkWeight(weight: number, nodeId: string): void {
  if (!(weight >= 0 && weight <= 2))
    throw new RangeError(`relevance weight of "${nodeId}" must be in [0,2], got ${weight}`);
}

function fill<T>(
  out: { [i: number]: number; length: number },
  ids: readonly string[],
  source: ((id: string) => T) | ArrayLike<number>,
  map: (value: T) => number,
  what: string,
): void {
  const n = out.length;
  if (typeof source === 'function') {
    for (let i = 0; i < n; i++) out[i] = map(source(ids[i]!));
  } else {
    if (source.length !== n) throw new RangeError(`expected ${n} ${what}, got ${source.length}`);
    for (let i = 0; i < n; i++) out[i] = source[i]!;
  }
}

/**
 * Evaluates every node of `tree`. Pass the same Tree object (or its TreeIndex) again and the index
 * is reused, so a repeated evaluation allocates only its result arrays.
 */
export function evaluate<N extends TreeNode>(
  tree: Tree<N> | TreeIndex,
  tauOf: TauSource,
  semantics: Semantics = Semantics.qe,
  options: EvaluateOptions = {},
): Evaluation {
  const index = isTreeIndex(tree) ? tree : indexTree(tree);
  const n = index.size;
  const ids = index.ids;
  const tau = new Float64Array(n);
  fill(tau, ids, tauOf, (v: number) => v, 'base scores');
  for (let i = 0; i < n; i++) checkTau(tau[i]!, ids[i]!);
  const rated = new Uint8Array(n);
  if (options.rated === undefined) rated.fill(1);
  else fill(rated, ids, options.rated, (v: boolean) => (v ? 1 : 0), 'rated flags');
  const weight = new Float64Array(n);
  if (options.weight === undefined) weight.fill(NEUTRAL_WEIGHT);
  else fill(weight, ids, options.weight, (v: number) => v, 'relevance weights');
  for (let i = 0; i < n; i++) checkWeight(weight[i]!, ids[i]!);
  const qe = semantics === Semantics.qe;
  const df = semantics === Semantics.dfquad;
  const cl = semantics === Semantics.class;
  const ev = new Evaluation(
    index,
    semantics,
    tau,
    new Float64Array(n),
    new Float64Array(qe ? n : 0),
    new Float64Array(df ? n : 0),
    new Float64Array(df ? n : 0),
    rated,
    weight,
    new Uint8Array(n),
    new Float64Array(cl ? n : 0),
    new Float64Array(cl ? n : 0),
  );
  // Breadth-first numbering: children have larger indices, so downwards is bottom-up.
  if (qe) for (let i = n - 1; i >= 0; i--) computeQe(ev, i);
  else if (df) for (let i = n - 1; i >= 0; i--) computeDfquad(ev, i);
  else for (let i = n - 1; i >= 0; i--) computeClass(ev, i);
  return ev;
}

/**
 * Evaluates `tree` with the base scores, rated flags and relevance weights of `base` (the way the
 * app does: an unrated node is left out under the class default).
 */
export function evaluateBase<N extends TreeNode>(
  tree: Tree<N> | TreeIndex,
  base: Pick<BaseScores, 'tauOf' | 'isRated' | 'weightOf'> & Partial<Pick<BaseScores, 'rated' | 'relevance'>>,
  semantics: Semantics,
): Evaluation {
  if (!base.rated || !base.relevance)
    return evaluate(tree, base.tauOf, semantics, { rated: base.isRated, weight: base.weightOf });
  // Aligned arrays from the rated and relevance maps: one lookup per rated node, instead of three
  // calls per node of the tree (on a 10k map, mostly unrated, that was most of the full pass).
  const index = isTreeIndex(tree) ? tree : indexTree(tree);
  const n = index.size;
  const tau = new Float64Array(n).fill(NEUTRAL_TAU);
  const rated = new Uint8Array(n);
  const weight = new Float64Array(n).fill(NEUTRAL_WEIGHT);
  for (const [id, score] of base.rated) {
    const i = index.indexOf.get(id);
    if (i === undefined) continue;
    tau[i] = score.tau;
    rated[i] = score.rated ? 1 : 0;
  }
  for (const [id, score] of base.relevance) {
    const i = index.indexOf.get(id);
    if (i !== undefined) weight[i] = score.weight;
  }
  return evaluate(index, tau, semantics, { rated, weight });
}

// Informed: rated, or a child that is informed and counts (relevance above 0, and a supporter or
// an objection: a neutral option says nothing about its parent).
function informedFrom(ev: Evaluation, i: number): number {
  if (ev.rated[i] === 1) return 1;
  const { childStart, sign } = ev.index;
  const end = childStart[i + 1]!;
  for (let c = childStart[i]!; c < end; c++) if (ev.informed[c] === 1 && ev.weight[c]! > 0 && sign[c] !== 0) return 1;
  return 0;
}

// The full pass and the incremental update both go through these functions, so they perform
// the same operations in the same order and agree bit for bit.
function computeQe(ev: Evaluation, i: number): void {
  const { childStart, sign } = ev.index;
  const sigma = ev.sigma;
  let e = 0;
  const end = childStart[i + 1]!;
  for (let c = childStart[i]!; c < end; c++) e += sign[c]! * sigma[c]!;
  ev.energy[i] = e;
  sigma[i] = qeStrength(ev.tau[i]!, e);
  ev.informed[i] = informedFrom(ev, i);
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
  ev.informed[i] = informedFrom(ev, i);
}

/** The class default's running sums over one node's children (see class-standing.ts). */
interface ClassSums {
  weightedSum: number;
  weights: number;
  attack: number;
}

// Sums over the informed children of `i`; child `child` (if >= 0) gets standing `childSigma`
// instead of its stored one, or is left out when `childSigma` is null.
function classSums(ev: Evaluation, i: number, child = -1, childSigma: number | null = null): ClassSums {
  const { childStart, sign } = ev.index;
  const { sigma, weight, informed } = ev;
  let weightedSum = 0;
  let weights = 0;
  let attack = 0;
  const end = childStart[i + 1]!;
  for (let c = childStart[i]!; c < end; c++) {
    let s: number;
    if (c === child) {
      if (childSigma === null) continue;
      s = childSigma;
    } else {
      if (informed[c] !== 1) continue;
      s = sigma[c]!;
    }
    const w = weight[c]!;
    if (sign[c]! > 0) {
      weightedSum += w * s;
      weights += w;
    } else if (sign[c]! < 0) attack += w * s; // sign 0: a neutral option, in neither sum
  }
  return { weightedSum, weights, attack };
}

function computeClass(ev: Evaluation, i: number): void {
  const { weightedSum, weights, attack } = classSums(ev, i);
  const support = classSupport(ev.tau[i]!, ev.rated[i]!, weightedSum, weights);
  ev.support[i] = support;
  ev.attack[i] = attack;
  ev.sigma[i] = classStrength(support, attack);
  ev.informed[i] = informedFrom(ev, i);
}

function compute(ev: Evaluation, i: number): void {
  if (ev.semantics === Semantics.qe) computeQe(ev, i);
  else if (ev.semantics === Semantics.dfquad) computeDfquad(ev, i);
  else computeClass(ev, i);
}

/**
 * A copy that `updateTau` can change while the original stays as it was (it shares the index).
 * slice(), not TypedArray.from: that walks an iterator (milliseconds per rating at 10k nodes, 4x).
 */
export function cloneEvaluation(ev: Evaluation): Evaluation {
  return new Evaluation(
    ev.index,
    ev.semantics,
    ev.tau.slice(),
    ev.sigma.slice(),
    ev.energy.slice(),
    ev.vs.slice(),
    ev.va.slice(),
    ev.rated.slice(),
    ev.weight.slice(),
    ev.informed.slice(),
    ev.support.slice(),
    ev.attack.slice(),
  );
}

/** What changed about one node: any of its base score, whether it is rated, its relevance weight. */
export interface NodeChange {
  tau?: number;
  rated?: boolean;
  weight?: number;
}

/**
 * Changes one node's inputs (a rating changed) and recomputes only that node and its path to the
 * thesis, in place. Gives exactly the numbers a full `evaluate` would. Returns the ids whose
 * results were recomputed, the node first and the thesis last.
 */
export function updateNode(ev: Evaluation, nodeId: string, change: NodeChange): string[] {
  const start = ev.index.indexOf.get(nodeId);
  if (start === undefined) throw new RangeError(`"${nodeId}" is not in the evaluated tree`);
  if (change.tau !== undefined) {
    checkTau(change.tau, nodeId);
    ev.tau[start] = change.tau;
  }
  if (change.rated !== undefined) ev.rated[start] = change.rated ? 1 : 0;
  if (change.weight !== undefined) {
    checkWeight(change.weight, nodeId);
    ev.weight[start] = change.weight;
  }
  const { parent, ids } = ev.index;
  const path: string[] = [];
  for (let i = start; i >= 0; i = parent[i]!) {
    compute(ev, i);
    path.push(ids[i]!);
  }
  return path;
}

/** `updateNode` for a base score only (the node's rated flag and weight stay). */
export function updateTau(ev: Evaluation, nodeId: string, tau: number): string[] {
  return updateNode(ev, nodeId, { tau });
}

/**
 * Standing of node `i` (an index) if its own base score were `tau` (and it were rated), its
 * children unchanged. Reads the stored intermediates, so it costs O(1) except under the class
 * default, which re-sums the node's children.
 */
export function strengthWithTau(ev: Evaluation, i: number, tau: number): number {
  if (ev.semantics === Semantics.qe) return qeStrength(tau, ev.energy[i]!);
  if (ev.semantics === Semantics.dfquad) return dfquadStrength(tau, ev.vs[i]!, ev.va[i]!);
  const { weightedSum, weights, attack } = classSums(ev, i);
  return classStrength(classSupport(tau, 1, weightedSum, weights), attack);
}

// Standing of `i` with the standing of its child `child` replaced by `childSigma` (null: the
// child left out). Same operation order as the compute functions, so an unchanged value
// reproduces the stored one exactly. Under QE and DF-QuAD leaving a child out is standing 0.
function strengthWithChild(ev: Evaluation, i: number, child: number, childSigma: number | null): number {
  const { childStart, sign } = ev.index;
  const sigma = ev.sigma;
  const end = childStart[i + 1]!;
  if (ev.semantics === Semantics.class) {
    const { weightedSum, weights, attack } = classSums(ev, i, child, childSigma);
    return classStrength(classSupport(ev.tau[i]!, ev.rated[i]!, weightedSum, weights), attack);
  }
  const replaced = childSigma ?? 0;
  if (ev.semantics === Semantics.qe) {
    let e = 0;
    for (let c = childStart[i]!; c < end; c++) e += sign[c]! * (c === child ? replaced : sigma[c]!);
    return qeStrength(ev.tau[i]!, e);
  }
  let keepS = 1;
  let keepA = 1;
  for (let c = childStart[i]!; c < end; c++) {
    const s = c === child ? replaced : sigma[c]!;
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
  /** Whether the thesis would be informed (always true once a node on the path is). */
  thesisInformed: boolean;
}

/**
 * The standings of the parent and the thesis if node `i` (an index) had standing `sigma` (and were
 * informed), or were left out when `sigma` is null, without touching `ev`: walks the path to the
 * thesis, recomputing each step from its children.
 */
export function propagateStrength(ev: Evaluation, i: number, sigma: number | null): PropagatedStrength {
  const parent = ev.index.parent;
  const cl = ev.semantics === Semantics.class;
  let child = i;
  let value: number | null = sigma;
  let parentValue: number | null = null;
  // Whether the node walked through would be informed: with i counted any ancestor is; with i
  // left out, as its other children make it. Under QE and DF-QuAD every child counts anyway.
  let informed = sigma !== null;
  for (let p = parent[i]!; p >= 0; p = parent[p]!) {
    const counted = informed && ev.weight[child]! > 0 && ev.index.sign[child] !== 0;
    value = strengthWithChild(ev, p, child, cl && !counted ? null : value);
    informed = counted || ev.rated[p] === 1 || otherInformed(ev, p, child);
    if (parentValue === null) parentValue = value;
    child = p;
  }
  return { parent: parentValue, thesis: value ?? ev.sigma[0]!, thesisInformed: informed };
}

// Whether node p has an informed child of relevance above 0 other than `except`.
function otherInformed(ev: Evaluation, p: number, except: number): boolean {
  const { childStart, sign } = ev.index;
  const end = childStart[p + 1]!;
  for (let c = childStart[p]!; c < end; c++) {
    if (c !== except && ev.informed[c] === 1 && ev.weight[c]! > 0 && sign[c] !== 0) return true;
  }
  return false;
}
