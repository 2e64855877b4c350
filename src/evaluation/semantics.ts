/**
 * The combination step of both semantics: a node's strength from its base score and the aggregate
 * of its children. Kept apart from the tree walk so the engine, the Shapley split and the what-if
 * all share one formula, and therefore agree to the last bit.
 */

/** QE's influence function h(x) = max(0,x)^2 / (1 + max(0,x)^2). */
export function qeInfluence(x: number): number {
  if (!(x > 0)) return 0;
  const sq = x * x;
  return sq / (1 + sq);
}

/**
 * Quadratic Energy strength: tau - tau*h(-E) + (1-tau)*h(E), with E = sum of supporters' strengths
 * minus sum of attackers'. Only one of h(E), h(-E) is non-zero, so each branch is the full formula
 * with the zero term dropped (which does not change a single bit).
 */
export function qeStrength(tau: number, energy: number): number {
  if (energy > 0) {
    const sq = energy * energy;
    return tau + (1 - tau) * (sq / (1 + sq));
  }
  if (energy < 0) {
    const sq = energy * energy;
    return tau - tau * (sq / (1 + sq));
  }
  return tau;
}

/**
 * DF-QuAD strength from the aggregated support vs and attack va (each F(v1..vn) = 1 - prod(1-vi)):
 * move tau towards 0 by (va - vs) when attack wins or ties, towards 1 by (vs - va) otherwise.
 */
export function dfquadStrength(tau: number, vs: number, va: number): number {
  return va >= vs ? tau - tau * (va - vs) : tau + (1 - tau) * (vs - va);
}
