import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  counterfactual,
  evaluate,
  evaluateBase,
  localSplit,
  updateNode,
  whatIf,
  type RatingInput,
} from '../../src/evaluation/index.js';
import { importJson } from '../../src/formats/json.js';
import { buildTree, type TreeNode } from '../../src/model/tree.js';
import type { MapBundle, RatingValue } from '../../src/model/types.js';
import { treeOf, type Row } from './helpers.js';

// Every expected value is worked out by hand in the comments, never by calling the engine.
// Class default: P = (own*tau + sum rho*sigma over informed supporters) / (own + sum rho), 0.5 when
// 0/0; E = sum rho*sigma over informed objections; sigma = P * (1 - h(E)), h(x) = x^2/(1+x^2).
// rho = relevance/2 (unrated relevance: 1). own = 1 for a rated node, 0 for an unrated one.
const EPS = 1e-9;

/** Evaluates rows with some nodes rated (tau given) and some relevance weights. */
function run(rows: Row[], tau: Record<string, number>, weight: Record<string, number> = {}) {
  return evaluate(treeOf(rows), (id) => tau[id] ?? 0.5, 'class', {
    rated: (id) => id in tau,
    weight: (id) => weight[id] ?? 1,
  });
}

describe('class default: hand-computed trees', () => {
  it('a thesis with nothing rated is uninformed, neutral and says so', () => {
    const ev = run(
      [
        ['T', null, null],
        ['A', 'T', 's'],
        ['B', 'A', 'o'],
      ],
      {},
    );
    expect(ev.thesisInformed).to.equal(false);
    expect(ev.informedOf('A')).to.equal(false);
    // Uninformed: P = 0.5 (0/0), E = 0, sigma = 0.5 (never shown).
    expect(ev.thesis).to.equal(0.5);
    expect(ev.node('T')).to.deep.equal({
      nodeId: 'T',
      semantics: 'class',
      tau: 0.5,
      sigma: 0.5,
      rated: false,
      informed: false,
      weight: 1,
      support: 0.5,
      attack: 0,
    });
  });

  it('an unrated node stands as the mean of its rated supporters; unrated siblings are absent', () => {
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'T', 's'],
      ['C', 'T', 's'],
    ];
    // P = (1*1 + 1*0.25) / 2 = 0.625; C unrated is left out (not 0.5).
    const ev = run(rows, { A: 1, B: 0.25 });
    expect(ev.thesisInformed).to.equal(true);
    expect(ev.thesis).to.be.closeTo(0.625, EPS);
    expect(ev.informedOf('C')).to.equal(false);
  });

  it('a rated node combines its own evidence with its supporters', () => {
    // T rated 0.5 with one supporter at 1: P = (0.5 + 1) / 2 = 0.75.
    const ev = run(
      [
        ['T', null, null],
        ['A', 'T', 's'],
      ],
      { T: 0.5, A: 1 },
    );
    expect(ev.thesis).to.be.closeTo(0.75, EPS);
  });

  it('relevance weights the mean', () => {
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'T', 's'],
    ];
    // A relevance 4 (rho 2), B relevance 1 (rho 0.5): P = (2*1 + 0.5*0) / 2.5 = 0.8.
    expect(run(rows, { A: 1, B: 0 }, { A: 2, B: 0.5 }).thesis).to.be.closeTo(0.8, EPS);
    // B relevance 0: absent, so T = A = 1 and B does not inform T on its own.
    expect(run(rows, { A: 1, B: 0 }, { B: 0 }).thesis).to.be.closeTo(1, EPS);
    const onlyIrrelevant = run(rows, { B: 0 }, { B: 0 });
    expect(onlyIrrelevant.thesisInformed).to.equal(false);
  });

  it('objections add up and take a bounded share', () => {
    const one: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['O', 'T', 'o'],
    ];
    // P = 1 (A), E = 1, h(1) = 1/2: sigma = 0.5.
    expect(run(one, { A: 1, O: 1 }).thesis).to.be.closeTo(0.5, EPS);
    // Objection relevance 4 (rho 2): E = 2, h(2) = 4/5: sigma = 0.2.
    expect(run(one, { A: 1, O: 1 }, { O: 2 }).thesis).to.be.closeTo(0.2, EPS);
    const two: Row[] = [...one, ['Q', 'T', 'o']];
    // E = 0.5 + 0.5 = 1: sigma = 1 * (1 - 1/2) = 0.5; each alone: E = 0.5, h = 0.2, sigma = 0.8.
    expect(run(two, { A: 1, O: 0.5, Q: 0.5 }).thesis).to.be.closeTo(0.5, EPS);
    expect(run(one, { A: 1, O: 0.5 }).thesis).to.be.closeTo(0.8, EPS);
    // An unrated node with only a rated objection: P = 0.5 (neutral), E = 1, sigma = 0.25.
    const lone: Row[] = [
      ['T', null, null],
      ['O', 'T', 'o'],
    ];
    const ev = run(lone, { O: 1 });
    expect(ev.thesisInformed).to.equal(true);
    expect(ev.thesis).to.be.closeTo(0.25, EPS);
  });

  it('a rebuttal gives back what the objection took', () => {
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['O', 'T', 'o'],
      ['R', 'O', 'o'],
    ];
    // O rated 1, rebutted by R rated 1: O = 1 * (1 - h(1)) = 0.5. T: P = 1, E = 0.5,
    // h(0.5) = 0.25/1.25 = 0.2, sigma = 0.8 (0.5 without the rebuttal, 1 without the objection).
    expect(run(rows, { A: 1, O: 1, R: 1 }).thesis).to.be.closeTo(0.8, EPS);
    // Rebuttal rated 0.5 and relevance 4: O = 1 * (1 - h(1)) = 0.5 again, so T = 0.8.
    expect(run(rows, { A: 1, O: 1, R: 0.5 }, { R: 2 }).thesis).to.be.closeTo(0.8, EPS);
  });

  it('a chain with mixed children', () => {
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['P', 'A', 's'],
      ['Q', 'A', 's'],
      ['O', 'A', 'o'],
      ['B', 'T', 's'],
    ];
    // A rated 0.75, P 1 (relevance 3: rho 1.5), Q unrated, O 0.5.
    // A: P = (0.75 + 1.5*1) / (1 + 1.5) = 2.25/2.5 = 0.9; E = 0.5, h = 0.2; sigma = 0.72.
    // B rated 0 with relevance 1 (rho 0.5). T unrated: (1*0.72 + 0.5*0) / 1.5 = 0.48.
    const ev = run(rows, { A: 0.75, P: 1, O: 0.5, B: 0 }, { P: 1.5, B: 0.5 });
    expect(ev.sigmaOf('A')).to.be.closeTo(0.72, EPS);
    expect(ev.thesis).to.be.closeTo(0.48, EPS);
    // Incremental: B's relevance to 4 (rho 2): T = 0.72 / 3 = 0.24, same as a full pass.
    updateNode(ev, 'B', { weight: 2 });
    expect(ev.thesis).to.be.closeTo(0.24, EPS);
    expect(ev.thesis).to.equal(run(rows, { A: 0.75, P: 1, O: 0.5, B: 0 }, { P: 1.5, B: 2 }).thesis);
    // Unrating A: its P = (1.5*1) / 1.5 = 1, sigma = 0.8; T = (0.8 + 0) / 3 = 0.2666...
    updateNode(ev, 'A', { rated: false, tau: 0.5 });
    expect(ev.thesis).to.be.closeTo(0.8 / 3, EPS);
  });

  it('relevance ratings from base scores: mean over raters / 2, unrated 1', () => {
    const ratings: RatingInput[] = [
      { nodeId: 'A', rater: 'x', value: 4, relevance: 4 },
      { nodeId: 'A', rater: 'y', relevance: 2 },
      { nodeId: 'B', rater: 'x', value: 0 },
    ];
    const base = computeBaseScores(ratings);
    expect(base.weightOf('A')).to.equal(1.5); // mean 3
    expect(base.weightOf('B')).to.equal(1);
    expect(base.isRated('A')).to.equal(true);
    expect(base.relevance.get('A')?.count).to.equal(2);
    expect(base.raters).to.deep.equal(['x', 'y']);
    const ev = evaluateBase(
      treeOf([
        ['T', null, null],
        ['A', 'T', 's'],
        ['B', 'T', 's'],
      ]),
      base,
      'class',
    );
    // (1.5*1 + 1*0) / 2.5 = 0.6
    expect(ev.thesis).to.be.closeTo(0.6, EPS);
  });

  it('explains: shares add up, the counterfactual removes, the what-if rates', () => {
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'T', 's'],
      ['C', 'T', 's'],
    ];
    const ev = run(rows, { A: 1, B: 0 });
    // T unrated: tau 0.5, sigma = 0.5; split over A and B (C uninformed: 0).
    // v({A}) = 1 - 0.5 = 0.5, v({B}) = 0 - 0.5 = -0.5, v({A,B}) = 0. Shares: A 0.5, B -0.5.
    const split = localSplit(ev, 'T');
    expect(split.shares.map((s) => s.share)).to.deep.equal([0.5, -0.5, 0]);
    // Without B the thesis is A's 1; without A it is 0.
    expect(counterfactual(ev, 'B')).to.be.closeTo(1, EPS);
    expect(counterfactual(ev, 'A')).to.be.closeTo(0, EPS);
    // Without C (uninformed) nothing changes.
    expect(counterfactual(ev, 'C')).to.be.closeTo(0.5, EPS);
    // What-if C were rated 3 (one step up from the neutral 2): (1 + 0 + 0.75) / 3.
    const base = computeBaseScores([
      { nodeId: 'A', rater: 'x', value: 4 },
      { nodeId: 'B', rater: 'x', value: 0 },
    ]);
    const w = whatIf(evaluateBase(treeOf(rows), base, 'class'), base, 'C');
    expect(w.up?.thesis).to.be.closeTo(1.75 / 3, EPS);
    expect(w.down?.thesis).to.be.closeTo(1.25 / 3, EPS);
  });
});

// ---- The scenarios of issue 13 on the shipped essay map, default settings, one rater ----

async function essayMap(): Promise<MapBundle> {
  const result = importJson(await (await fetch('/claims/essay-map.json')).text());
  if (!result.ok) throw new Error('essay map does not import');
  return result.bundles[0]!;
}

/** The thesis's standing (undefined when uninformed) with the given ratings by one rater. */
function thesisWith(bundle: MapBundle, values: ReadonlyMap<string, RatingValue>): number | undefined {
  const ratings: RatingInput[] = [...values].map(([nodeId, value]) => ({ nodeId, rater: 'me', value }));
  const ev = evaluateBase(buildTree(bundle.nodes), computeBaseScores(ratings), 'class');
  return ev.thesisInformed ? ev.thesis : undefined;
}

describe('class default on the essay map (issue 13 scenarios)', () => {
  it('S0-S4', async () => {
    const bundle = await essayMap();
    const thesisId = bundle.map.rootId;
    const claims = bundle.nodes.filter((n) => n.parentId === thesisId && n.relation === 'supports');
    expect(claims).to.have.length(14);
    const claimIds = new Set(claims.map((c) => c.id));
    const counterpoints = bundle.nodes.filter(
      (n) => n.parentId !== null && claimIds.has(n.parentId) && n.relation === 'opposes',
    );
    expect(counterpoints.length).to.be.greaterThan(0);

    expect(thesisWith(bundle, new Map()), 'S0').to.equal(undefined);
    const s1 = thesisWith(bundle, new Map(claims.map((c, i) => [c.id, (i % 2) as RatingValue])))!;
    // (7*0 + 7*0.25) / 14 = 0.125
    expect(s1, 'S1').to.be.closeTo(0.125, EPS);
    const all4 = new Map<string, RatingValue>(claims.map((c) => [c.id, 4]));
    const s2 = thesisWith(bundle, all4)!;
    expect(s2, 'S2').to.equal(1);
    const s3 = thesisWith(bundle, new Map([...all4, ...counterpoints.map((c) => [c.id, 4] as const)]))!;
    // Second edition: every claim has a counterpoint now. 12 with one (1 - h(1) = 0.5), one with
    // two (1 - h(2) = 0.2), one with three (1 - h(3) = 0.1): (6 + 0.2 + 0.1) / 14 = 6.3/14 = 0.45.
    expect(s3, 'S3').to.be.closeTo(6.3 / 14, EPS);
    expect(s2 - s3).to.be.at.least(0.15);
    const s4 = thesisWith(bundle, new Map([...all4, [claims[0]!.id, 0]]))!;
    expect(s4, 'S4').to.be.closeTo(13 / 14, EPS);
    expect(s2 - s4).to.be.at.least(0.02);
  });
});

describe('class default: a neutral option', () => {
  // An option (relation 'neutral') under a question is in neither sum, as under QE and DF-QuAD.
  function withOption(option: boolean) {
    const nodes: TreeNode[] = [
      { id: 'T', parentId: null, relation: null, order: '0' },
      { id: 'A', parentId: 'T', relation: 'supports', order: '1' },
      { id: 'B', parentId: 'T', relation: 'opposes', order: '2' },
    ];
    if (option) {
      nodes.push({ id: 'N', parentId: 'T', relation: 'neutral', order: '3' });
      nodes.push({ id: 'M', parentId: 'N', relation: 'supports', order: '4' });
    }
    const tau: Record<string, number> = { T: 0.5, A: 1, B: 1, N: 1, M: 1 };
    return evaluate(buildTree(nodes), (id) => tau[id] ?? 0.5, 'class', { rated: (id) => id in tau });
  }

  it('an option child changes nothing: not its parent, not the split, not whether it is informed', () => {
    // P = (1*0.5 + 1*1) / 2 = 0.75; E = 1 (B only), h(1) = 0.5; sigma = 0.75 * 0.5 = 0.375 exactly.
    // Were N counted as an objection, E = 2, h = 0.8 and sigma = 0.15; as a supporter, P = 5/6.
    const without = withOption(false);
    const withN = withOption(true);
    expect(without.thesis).to.equal(0.375);
    expect(withN.thesis).to.equal(0.375);
    expect(withN.node('T')).to.include({ support: 0.75, attack: 1 });
    const split = localSplit(withN, 'T');
    expect(split.shares.find((s) => s.childId === 'N')).to.include({ relation: 'neutral', share: 0 });
    // A's share by hand (players A, B; values minus tau 0.5): v(A) = 0.25, v(B) = -0.25, v(AB) =
    // -0.125, so phi_A = (0.25 + 0.125) / 2 = 0.1875 with or without the option (to rounding).
    expect(localSplit(without, 'T').shares.find((s) => s.childId === 'A')!.share).to.equal(0.1875);
    expect(split.shares.find((s) => s.childId === 'A')!.share).to.be.closeTo(0.1875, 1e-12);
  });

  it('a rated option alone does not inform an unrated question', () => {
    const nodes: TreeNode[] = [
      { id: 'Q', parentId: null, relation: null, order: '0' },
      { id: 'N', parentId: 'Q', relation: 'neutral', order: '1' },
    ];
    const ev = evaluate(buildTree(nodes), () => 1, 'class', { rated: (id) => id === 'N' });
    expect(ev.informedOf('N')).to.equal(true);
    expect(ev.thesisInformed).to.equal(false);
    expect(ev.thesis).to.equal(0.5);
  });
});
