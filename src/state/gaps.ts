/**
 * The evidence-gap report, as data: what a class should work on next in a map. Claims and premises
 * citing no source, nodes nobody has rated (under the chosen perspective), counterpoints nobody has
 * answered, the weakest claim under the thesis, and the counterpoint that costs the thesis most.
 * Pure (no DOM, no storage): it reads the tree, the citations and an evaluation, and changes none.
 */
import { counterfactual, type BaseScores, type Evaluation, type Perspective } from '../evaluation/index.js';
import { childrenOf, kindOf, walk, type Tree, type TreeNode } from '../model/tree.js';
import { NodeKind, Relation, type Citation } from '../model/types.js';

/** The claim directly under the thesis with the lowest standing. */
interface WeakestLink {
  id: string;
  /** Its standing. */
  sigma: number;
}

/** The counterpoint (or rebuttal) whose removal would raise the thesis most. */
interface CostliestOpposer {
  id: string;
  /** The thesis's standing without this node and everything under it. */
  thesisWithout: number;
  /** The thesis's standing as it is. */
  thesisNow: number;
  /** `thesisWithout - thesisNow`: always > 0. */
  cost: number;
}

/** Everything the gap report lists; every id list is in tree order (depth-first, siblings in order). */
export interface EvidenceGaps {
  /** Claims and premises citing no source. */
  unsourced: string[];
  /** Nodes (the thesis included) with no rating under `perspective`. */
  unrated: string[];
  /** Whose ratings `unrated` counts: everyone's, or one rater's. */
  perspective: Perspective;
  /** Counterpoints and rebuttals with no opposing child. */
  unanswered: string[];
  /** Absent when the thesis has no claims. */
  weakestLink?: WeakestLink;
  /** Absent when no counterpoint or rebuttal lowers the thesis. */
  costliest?: CostliestOpposer;
  /** How many nodes each list was drawn from, for "3 of 40". */
  checked: {
    /** Claims and premises. */
    claimsAndPremises: number;
    /** Every node. */
    nodes: number;
    /** Counterpoints and rebuttals. */
    opposers: number;
  };
}

// Below this a removal's effect is rounding noise, not a cost worth naming.
const COST_EPSILON = 1e-12;

/**
 * The evidence gaps of one map. `base` and `evaluation` must describe `tree` under the perspective
 * the report names; a node missing from the evaluation (a stale one) is left out of the weakest
 * link and the costliest counterpoint rather than failing. Ties go to the node first in tree order.
 */
export function evidenceGaps<N extends TreeNode>(
  tree: Tree<N>,
  citations: readonly Pick<Citation, 'nodeId'>[],
  base: Pick<BaseScores, 'isRated' | 'perspective'>,
  evaluation: Evaluation,
): EvidenceGaps {
  const cited = new Set<string>();
  for (const c of citations) cited.add(c.nodeId);
  const unsourced: string[] = [];
  const unrated: string[] = [];
  const unanswered: string[] = [];
  const opposers: string[] = [];
  let claimsAndPremises = 0;
  let nodes = 0;
  let weakestLink: WeakestLink | undefined;

  walk(tree, (node) => {
    nodes++;
    if (!base.isRated(node.id)) unrated.push(node.id);
    const kind = kindOf(tree, node);
    if (kind === NodeKind.claim || kind === NodeKind.premise) {
      claimsAndPremises++;
      if (!cited.has(node.id)) unsourced.push(node.id);
    }
    if (kind === NodeKind.claim) {
      const sigma = evaluation.sigmaOf(node.id);
      if (sigma !== undefined && (weakestLink === undefined || sigma < weakestLink.sigma)) {
        weakestLink = { id: node.id, sigma };
      }
    }
    if (kind === NodeKind.counterpoint || kind === NodeKind.rebuttal) {
      opposers.push(node.id);
      const answered = childrenOf(tree, node.id).some((k) => k.relation === Relation.opposes);
      if (!answered) unanswered.push(node.id);
    }
  });

  // A rebuttal usually helps the thesis (its removal lowers it), but a counterpoint deep under a
  // counterpoint's premise may hurt it: measuring each removal decides, not the kind.
  const thesisNow = evaluation.thesis;
  let costliest: CostliestOpposer | undefined;
  for (const id of opposers) {
    if (!evaluation.has(id)) continue;
    const thesisWithout = counterfactual(evaluation, id);
    if (thesisWithout === null) continue;
    const cost = thesisWithout - thesisNow;
    if (cost > COST_EPSILON && (costliest === undefined || cost > costliest.cost)) {
      costliest = { id, thesisWithout, thesisNow, cost };
    }
  }

  const result: EvidenceGaps = {
    unsourced,
    unrated,
    perspective: base.perspective.rater === undefined ? {} : { rater: base.perspective.rater },
    unanswered,
    checked: { claimsAndPremises, nodes, opposers: opposers.length },
  };
  if (weakestLink) result.weakestLink = weakestLink;
  if (costliest) result.costliest = costliest;
  return result;
}
