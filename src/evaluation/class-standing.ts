/**
 * The class default ("class standing"): a semantics for wide classroom maps where most nodes are
 * unrated. Quadratic Energy and DF-QuAD add up support and count an unrated node as half evidence,
 * so a thesis with fourteen claims sits at 1.00 whatever the class rates (shared/EVALUATION.md).
 * This one answers what students rate.
 *
 * Notation for a node a: tau its base score (from its own evidence rating), own = 1 when it is
 * rated and 0 when not, Sup and Att its INFORMED supporting and opposing children (a node is
 * informed when it is rated or has an informed child of relevance above 0), rho(c) in [0,2] the
 * relevance weight of child c to a (its mean relevance rating / 2; unrated relevance = 1). A
 * neutral child (an option) is in neither set and does not inform its parent, as under QE and DF-QuAD:
 *
 *   P(a) = (own*tau + sum over Sup of rho*sigma) / (own + sum over Sup of rho)    [0.5 when 0/0]
 *   E(a) = sum over Att of rho*sigma
 *   sigma(a) = P(a) * (1 - h(E(a))),   h(x) = x^2 / (1 + x^2)   (QE's influence function)
 *
 * In words: a node stands as well as the relevance-weighted mean of its own evidence and its
 * supporters (its own rating counts like one supporter of ordinary relevance); its objections,
 * weighted the same way, add up and take a share h(E) of that away. An uninformed node has
 * sigma = 0.5 but is flagged uninformed and left out of its parent: nothing rated, nothing said.
 *
 * Properties kept (tested in test/evaluation/class-properties.test.ts):
 * - Boundedness: sigma in [0,1] (a weighted mean of values in [0,1], times a factor in (0,1]).
 * - Neutrality of uninformed subtrees: a subtree without ratings changes nothing above it; so does
 *   a child whose relevance is rated 0.
 * - Derived from below: an unrated node with informed supporters stands as their weighted mean.
 * - No pile-up (Amgoud & Ben-Naim's "counting" given up on purpose): n supporters of standing s
 *   give s, not something near 1; adding a supporter at least as strong as the node's current
 *   support mean never lowers it.
 * - Monotonicity in each child's strength: raising a supporter's standing (or its own evidence)
 *   never lowers its parent, raising an objection's never raises it; so rebuttals, which lower
 *   an objection, give back what it took, and never more than it took.
 * - Monotonicity in an objection's relevance (never raises the parent); a supporter's relevance
 *   pulls the parent towards that supporter's standing, so it never lowers the parent when the
 *   supporter stands at least as high as the parent's support mean.
 * - Bounded attack: objections never zero a node (h < 1); one unanswered objection of standing 1
 *   and ordinary relevance halves it, two take 80%.
 * - Incremental = full: a change recomputes the path to the thesis with the same operations.
 *
 * Given up: unconditional monotonicity in adding supporters or raising a supporter's relevance (a
 * weaker supporter lowers a mean; relevance 0 makes a supporter absent, so raising the relevance of
 * a weak one lowers its parent) and the symmetry of support and attack (Baroni, Rago & Toni 2019,
 * "From fine-grained properties to broad principles for gradual argumentation": the mean keeps
 * their balance/monotonicity principles for strengths but not "strengthening by addition").
 * Literature: weighted gradual semantics and their principles (Amgoud & Ben-Naim 2017/2018),
 * Potyka 2018 (the h of Quadratic Energy) and 2021 (MLP-based semantics), Mossakowski & Neuhaus
 * 2018 (aggregation by max and mean), and Kialo's impact-weighted votes (relevance as a weight).
 */
import { qeInfluence } from './semantics.js';

/** Base score used for the support part of a node that has neither evidence nor supporters. */
const CLASS_NEUTRAL = 0.5;

/** Relevance weight of a child whose relevance nobody rated: an ordinary point (rating 2). */
export const NEUTRAL_WEIGHT = 1;

/** Relevance weight of a mean relevance rating r on the 0-4 scale: r/2, so 2 ("matters") is 1. */
export function relevanceToWeight(r: number): number {
  return r / 2;
}

/**
 * The support part P: the weighted mean of the node's own evidence (weight `own`, 1 or 0) and its
 * supporters (`weightedSum` = sum of rho*sigma, `weights` = sum of rho); neutral when empty.
 */
export function classSupport(tau: number, own: number, weightedSum: number, weights: number): number {
  const d = own + weights;
  return d > 0 ? (own * tau + weightedSum) / d : CLASS_NEUTRAL;
}

/** The class standing from its support part P and the weighted sum E of its objections. */
export function classStrength(support: number, attack: number): number {
  return support * (1 - qeInfluence(attack));
}
