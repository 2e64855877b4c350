/**
 * The local split of a node's change (standing minus base) among its children: Shapley values of
 * the game v(S) = standing of the node computed with only the children in S (their standings held
 * fixed) minus its base. Shapley values are the one split that is fair to every child whatever the
 * order they are listed in, and they always add up to the whole change (Kampik et al., IJAR 2024).
 */
import { Relation } from '../model/types.js';
import type { Evaluation } from './engine.js';
import { DEFAULT_SEED, mulberry32 } from './random.js';
import { classStrength, classSupport } from './class-standing.js';
import { dfquadStrength, qeStrength } from './semantics.js';
import { Semantics } from './settings.js';

/** One child's part of its parent's change. */
export interface ChildShare {
  childId: string;
  relation: Relation;
  /** The child's own standing (held fixed in the game). */
  sigma: number;
  /** Its Shapley value: positive raises the parent, negative lowers it. */
  share: number;
}

/** A node's change split among its children. */
export interface LocalSplit {
  nodeId: string;
  tau: number;
  sigma: number;
  /** sigma - tau: what the shares add up to. */
  delta: number;
  /** True when every coalition was enumerated; false when orderings were sampled. */
  exact: boolean;
  /** Number of sampled orderings (0 when exact). */
  samples: number;
  /** One entry per child, in sibling order. */
  shares: ChildShare[];
}

/** Options for `localSplit`. */
export interface ShapleyOptions {
  /** Enumerate exactly up to this many children (2^k coalitions); default 12, at most 20. */
  exactLimit?: number;
  /** Orderings sampled beyond exactLimit; default 2000 (rounded up to even: they come in mirrored pairs). */
  samples?: number;
  /** Source of uniform numbers in [0,1); default a PRNG seeded with `seed`. */
  random?: () => number;
  /** Seed of the default PRNG; default DEFAULT_SEED, so a split is the same on every run. */
  seed?: number;
}

/** Children up to which coalitions are enumerated by default. */
const DEFAULT_EXACT_LIMIT = 12;
/** Sampled orderings by default. */
const DEFAULT_SAMPLES = 2000;
// 2^20 coalitions is already 8 MB per array; beyond that enumeration is never worth it.
const MAX_EXACT_LIMIT = 20;

/**
 * Splits sigma - tau of `nodeId` among its children. A child of standing 0 gets exactly 0, and the
 * shares add up to sigma - tau (to rounding) whether enumerated or sampled.
 */
export function localSplit(ev: Evaluation, nodeId: string, options: ShapleyOptions = {}): LocalSplit {
  const i = ev.index.indexOf.get(nodeId);
  if (i === undefined) throw new RangeError(`"${nodeId}" is not in the evaluated tree`);
  const { childStart, sign, ids } = ev.index;
  const first = childStart[i]!;
  const k = childStart[i + 1]! - first;
  const tau = ev.tau[i]!;
  const sigma = ev.sigma[i]!;
  const delta = sigma - tau;
  const signs = new Float64Array(k);
  const strengths = new Float64Array(k);
  const weights = new Float64Array(k);
  const cl = ev.semantics === Semantics.class;
  for (let j = 0; j < k; j++) {
    signs[j] = sign[first + j]!;
    strengths[j] = ev.sigma[first + j]!;
    // Under the class default an uninformed child, and a neutral option, is absent: weight 0 makes
    // its marginals exactly 0.
    const counts = ev.informed[first + j] === 1 && signs[j] !== 0;
    weights[j] = cl ? (counts ? ev.weight[first + j]! : 0) : 1;
  }
  const game: Game = {
    kind: ev.semantics,
    qe: ev.semantics === Semantics.qe,
    tau,
    own: ev.rated[i]!,
    signs,
    strengths,
    weights,
  };
  const exactLimit = Math.min(options.exactLimit ?? DEFAULT_EXACT_LIMIT, MAX_EXACT_LIMIT);
  const exact = k <= exactLimit;
  let samples = 0;
  let phi: Float64Array;
  if (exact) phi = exactShapley(game);
  else {
    samples = Math.max(2, 2 * Math.ceil((options.samples ?? DEFAULT_SAMPLES) / 2));
    phi = sampledShapley(game, samples, options.random ?? mulberry32(options.seed ?? DEFAULT_SEED));
  }
  settleResidual(phi, delta);
  const shares: ChildShare[] = [];
  for (let j = 0; j < k; j++) {
    shares.push({
      childId: ids[first + j]!,
      relation: signs[j]! > 0 ? Relation.supports : signs[j]! < 0 ? Relation.opposes : Relation.neutral,
      sigma: strengths[j]!,
      share: phi[j]!,
    });
  }
  return { nodeId, tau, sigma, delta, exact, samples, shares };
}

interface Game {
  kind: Semantics;
  qe: boolean;
  tau: number;
  /** Class default: 1 when the node is rated. */
  own: number;
  signs: Float64Array;
  strengths: Float64Array;
  /** Class default: each child's relevance weight (0 for an uninformed child). */
  weights: Float64Array;
}

// The class default's coalition value from its three running sums.
function classValue(g: Game, weightedSum: number, weightSum: number, attack: number): number {
  return classStrength(classSupport(g.tau, g.own, weightedSum, weightSum), attack) - g.tau;
}

// Coalition values are built up one child at a time (E, or the two products of DF-QuAD). Adding a
// child of standing 0 adds exactly 0 (or multiplies by exactly 1), so its marginals are exactly 0.
function exactShapley(g: Game): Float64Array {
  const k = g.signs.length;
  const phi = new Float64Array(k);
  if (k === 0) return phi;
  const count = 1 << k;
  const value = new Float64Array(count);
  const accA = new Float64Array(count); // QE: E; DF-QuAD: product of (1 - s) over supporters
  const accB = new Float64Array(count); // DF-QuAD: product of (1 - s) over attackers
  const cl = g.kind === Semantics.class;
  // Class default: accA = sum of w*s over supporters, accB = sum of w over them, accC = attack.
  const accC = new Float64Array(cl ? count : 0);
  accA[0] = g.qe || cl ? 0 : 1;
  accB[0] = cl ? 0 : 1;
  value[0] = cl ? classValue(g, 0, 0, 0) : 0;
  for (let mask = 1; mask < count; mask++) {
    const low = mask & -mask;
    const rest = mask ^ low;
    const j = 31 - Math.clz32(low);
    const s = g.strengths[j]!;
    if (cl) {
      const w = g.weights[j]!;
      const sup = g.signs[j]! > 0;
      accA[mask] = sup ? accA[rest]! + w * s : accA[rest]!;
      accB[mask] = sup ? accB[rest]! + w : accB[rest]!;
      accC[mask] = g.signs[j]! < 0 ? accC[rest]! + w * s : accC[rest]!;
      value[mask] = classValue(g, accA[mask]!, accB[mask]!, accC[mask]!);
    } else if (g.qe) {
      accA[mask] = accA[rest]! + g.signs[j]! * s;
      value[mask] = qeStrength(g.tau, accA[mask]!) - g.tau;
    } else {
      const sup = g.signs[j]! > 0;
      const att = g.signs[j]! < 0; // a neutral option (sign 0) is in neither product
      accA[mask] = sup ? accA[rest]! * (1 - s) : accA[rest]!;
      accB[mask] = att ? accB[rest]! * (1 - s) : accB[rest]!;
      value[mask] = dfquadStrength(g.tau, 1 - accA[mask]!, 1 - accB[mask]!) - g.tau;
    }
  }
  // Weight of a coalition of size s not containing the player: s! (k-1-s)! / k!.
  const weight = new Float64Array(k);
  let binom = 1; // C(k-1, s)
  for (let s = 0; s < k; s++) {
    weight[s] = 1 / (k * binom);
    binom = (binom * (k - 1 - s)) / (s + 1);
  }
  for (let mask = 0; mask < count; mask++) {
    let size = 0;
    for (let m = mask; m; m &= m - 1) size++;
    const w = weight[size] ?? 0;
    const base = value[mask]!;
    for (let j = 0; j < k; j++) {
      const bit = 1 << j;
      if (mask & bit) continue;
      phi[j] = phi[j]! + w * (value[mask | bit]! - base);
    }
  }
  return phi;
}

// Monte Carlo over orderings: each child's average marginal contribution when added in a random
// order. Every ordering is also walked backwards (antithetic pairs), which cancels much of the
// noise caused by order for free.
function sampledShapley(g: Game, samples: number, random: () => number): Float64Array {
  const k = g.signs.length;
  const phi = new Float64Array(k);
  const order = new Int32Array(k);
  for (let j = 0; j < k; j++) order[j] = j;
  for (let t = 0; t < samples; t++) {
    const backwards = (t & 1) === 1;
    if (!backwards) {
      for (let j = k - 1; j > 0; j--) {
        const r = Math.floor(random() * (j + 1));
        const swap = order[j]!;
        order[j] = order[r]!;
        order[r] = swap;
      }
    }
    const cl = g.kind === Semantics.class;
    let accA = g.qe || cl ? 0 : 1;
    let accB = cl ? 0 : 1;
    let accC = 0;
    let previous = cl ? classValue(g, 0, 0, 0) : 0;
    for (let step = 0; step < k; step++) {
      const j = order[backwards ? k - 1 - step : step]!;
      const s = g.strengths[j]!;
      let current: number;
      if (cl) {
        const w = g.weights[j]!;
        if (g.signs[j]! > 0) {
          accA += w * s;
          accB += w;
        } else if (g.signs[j]! < 0) accC += w * s;
        current = classValue(g, accA, accB, accC);
      } else if (g.qe) {
        accA += g.signs[j]! * s;
        current = qeStrength(g.tau, accA) - g.tau;
      } else {
        if (g.signs[j]! > 0) accA *= 1 - s;
        else if (g.signs[j]! < 0) accB *= 1 - s;
        current = dfquadStrength(g.tau, 1 - accA, 1 - accB) - g.tau;
      }
      phi[j] = phi[j]! + (current - previous);
      previous = current;
    }
  }
  for (let j = 0; j < k; j++) phi[j] = phi[j]! / samples;
  return phi;
}

// The shares must add up to the change the student sees. Rounding (and, when sampling, averaging)
// leaves a tiny residual; it is spread in proportion to each share's size, so a child with share 0
// (standing 0) keeps exactly 0.
function settleResidual(phi: Float64Array, delta: number): void {
  let sum = 0;
  let size = 0;
  for (const p of phi) {
    sum += p;
    size += Math.abs(p);
  }
  const residual = delta - sum;
  if (residual === 0 || size === 0) return;
  for (let j = 0; j < phi.length; j++) phi[j] = phi[j]! + (residual * Math.abs(phi[j]!)) / size;
}
