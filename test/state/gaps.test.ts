import { expect } from '@open-wc/testing';
import { computeBaseScores, evaluate, type RatingInput, type Semantics } from '../../src/evaluation/index.js';
import { buildTree } from '../../src/model/tree.js';
import type { RatingValue } from '../../src/model/types.js';
import { argNode } from '../helpers/fixtures.js';
import { evidenceGaps } from '../../src/state/gaps.js';

const EPS = 1e-9;

const node = argNode;

const rate = (rater: string, values: Record<string, RatingValue>): RatingInput[] =>
  Object.entries(values).map(([nodeId, value]) => ({ nodeId, rater, value }));

// Tree order: T, A, A1, A2, B, B1, C, R.
//   T  thesis, unrated (0.5)
//   ├ A  claim, rated 3 (0.75), cited
//   │ ├ A1 premise, rated 4 (1)
//   │ └ A2 counterpoint, rated 2 (0.5), unanswered
//   ├ B  claim, rated 1 (0.25)
//   │ └ B1 premise, unrated (0.5)
//   └ C  counterpoint, rated 4 (1), answered by R
//     └ R  rebuttal, rated 2 (0.5), unanswered
const tree = buildTree([
  node('T', null, null, 'a'),
  node('A', 'T', 'supports', 'a'),
  node('A1', 'A', 'supports', 'a'),
  node('A2', 'A', 'opposes', 'b'),
  node('B', 'T', 'supports', 'b'),
  node('B1', 'B', 'supports', 'a'),
  node('C', 'T', 'opposes', 'c'),
  node('R', 'C', 'opposes', 'a'),
]);
const ratings = rate('x', { A: 3, A1: 4, A2: 2, B: 1, C: 4, R: 2 });
// A citation on a counterpoint counts for nothing here, and one for a node not in the tree is ignored.
const citations = [{ nodeId: 'A' }, { nodeId: 'C' }, { nodeId: 'ghost' }];

function gapsOf(semantics: Semantics, rater?: string, extra: RatingInput[] = []) {
  const base = computeBaseScores([...ratings, ...extra], { perspective: rater === undefined ? {} : { rater } });
  const ev = evaluate(tree, base.tauOf, semantics);
  return { gaps: evidenceGaps(tree, citations, base, ev), ev };
}

describe('evidenceGaps (pure)', () => {
  it('lists unsourced claims and premises, unrated nodes and unanswered counterpoints in tree order', () => {
    const { gaps } = gapsOf('qe');
    expect(gaps.unsourced).to.deep.equal(['A1', 'B', 'B1']);
    expect(gaps.unrated).to.deep.equal(['T', 'B1']);
    expect(gaps.perspective).to.deep.equal({});
    // C has an opposing child (R); A2 and R have none.
    expect(gaps.unanswered).to.deep.equal(['A2', 'R']);
    expect(gaps.checked).to.deep.equal({ claimsAndPremises: 4, nodes: 8, opposers: 3 });
  });

  it('counts only the chosen rater for "unrated", and says whose ratings those are', () => {
    const { gaps } = gapsOf('qe', 'y', rate('y', { A: 1 }));
    expect(gaps.unrated).to.deep.equal(['T', 'A1', 'A2', 'B', 'B1', 'C', 'R']);
    expect(gaps.perspective).to.deep.equal({ rater: 'y' });
    const everyone = gapsOf('qe', undefined, rate('y', { A: 1 })).gaps;
    expect(everyone.unrated).to.deep.equal(['T', 'B1']);
  });

  it('finds the weakest link and the costliest counterpoint under Quadratic Energy', () => {
    // h(x) = x^2 / (1 + x^2) for x > 0.
    // A: E = 1 - 0.5 = 0.5, h = 0.2, sigma = 0.75 + 0.25 * 0.2 = 0.8.
    // B: E = 0.5, sigma = 0.25 + 0.75 * 0.2 = 0.4.   C: E = -0.5, sigma = 1 - 1 * 0.2 = 0.8.
    // T: E = 0.8 + 0.4 - 0.8 = 0.4, h = 4/29, sigma = 0.5 + 2/29 = 33/58 (0.5690).
    const { gaps, ev } = gapsOf('qe');
    expect(ev.thesis).to.be.closeTo(33 / 58, EPS);
    expect(gaps.weakestLink!.id).to.equal('B');
    expect(gaps.weakestLink!.sigma).to.be.closeTo(0.4, EPS);
    // Without C: E = 1.2, h = 36/61, thesis = 0.5 + 18/61 = 97/122 (0.7951): cost 0.2261.
    // Without A2: A = 0.875, E = 0.475, h = 361/1961, thesis = 1161/1961 (0.5921): cost 0.0231.
    // Without R: C = 1, E = 0.2, thesis = 27/52 (0.5192): lower, so no cost at all.
    const c = gaps.costliest!;
    expect(c.id).to.equal('C');
    expect(c.thesisNow).to.be.closeTo(33 / 58, EPS);
    expect(c.thesisWithout).to.be.closeTo(97 / 122, EPS);
    expect(c.cost).to.be.closeTo(97 / 122 - 33 / 58, EPS);
  });

  it('finds the weakest link and the costliest counterpoint under DF-QuAD', () => {
    // A: vs = 1, va = 0.5, sigma = 0.75 + 0.25 * 0.5 = 0.875.   B: vs = 0.5, sigma = 0.25 + 0.75 * 0.5 = 0.625.
    // C: va = 0.5, sigma = 1 - 0.5 = 0.5.   T: vs = 1 - 0.125 * 0.375 = 0.953125, va = 0.5,
    // sigma = 0.5 + 0.5 * 0.453125 = 0.7265625.
    const { gaps, ev } = gapsOf('dfquad');
    expect(ev.thesis).to.be.closeTo(0.7265625, EPS);
    expect(gaps.weakestLink!.id).to.equal('B');
    expect(gaps.weakestLink!.sigma).to.be.closeTo(0.625, EPS);
    // Without C: va = 0, thesis = 0.5 + 0.5 * 0.953125 = 0.9765625: cost 0.25.
    // Without A2: A = 1, vs = 1, thesis = 0.75: cost 0.0234375.
    const c = gaps.costliest!;
    expect(c.id).to.equal('C');
    expect(c.thesisWithout).to.be.closeTo(0.9765625, EPS);
    expect(c.cost).to.be.closeTo(0.25, EPS);
  });

  it('judges the costliest counterpoint by its effect, not its kind', () => {
    // T <-o- C (rated 3) <-s- P (unrated) <-o- X (rated 4): X is a counterpoint, yet it helps the thesis.
    // QE: P: E = -1, sigma = 0.5 - 0.5 * 0.5 = 0.25. C: E = 0.25, h = 1/17, sigma = 0.75 + 0.25/17 = 13/17.
    // T: E = -13/17, h = 169/458, sigma = 0.5 - 169/916 = 289/916 (0.3155).
    // Without X: P = 0.5, C = 0.8, T = 0.5 - 8/41 = 25/82 (0.3049): lower. Without C: T = 0.5.
    const t = buildTree([
      node('T', null, null, 'a'),
      node('C', 'T', 'opposes', 'a'),
      node('P', 'C', 'supports', 'a'),
      node('X', 'P', 'opposes', 'a'),
    ]);
    const base = computeBaseScores(rate('x', { C: 3, X: 4 }));
    const ev = evaluate(t, base.tauOf, 'qe');
    const gaps = evidenceGaps(t, [], base, ev);
    expect(ev.thesis).to.be.closeTo(289 / 916, EPS);
    expect(gaps.unanswered).to.deep.equal(['C', 'X']);
    expect(gaps.unsourced).to.deep.equal(['P']);
    expect(gaps.weakestLink).to.equal(undefined);
    expect(gaps.costliest!.id).to.equal('C');
    expect(gaps.costliest!.cost).to.be.closeTo(0.5 - 289 / 916, EPS);
  });

  it('breaks ties by tree order and names no costliest counterpoint when none costs anything', () => {
    // Two unrated leaf claims stand at 0.5 each; the counterpoint rated 0 stands at 0 and changes nothing.
    const t = buildTree([
      node('T', null, null, 'a'),
      node('K1', 'T', 'supports', 'a'),
      node('K2', 'T', 'supports', 'b'),
      node('Z', 'T', 'opposes', 'c'),
    ]);
    const base = computeBaseScores(rate('x', { Z: 0 }));
    const gaps = evidenceGaps(t, [{ nodeId: 'K2' }], base, evaluate(t, base.tauOf, 'qe'));
    expect(gaps.weakestLink).to.deep.equal({ id: 'K1', sigma: 0.5 });
    expect(gaps.costliest).to.equal(undefined);
    expect(gaps.unsourced).to.deep.equal(['K1']);
    expect(gaps.unanswered).to.deep.equal(['Z']);
  });

  it('reports a lone thesis as only unrated', () => {
    const t = buildTree([node('T', null, null, 'a')]);
    const base = computeBaseScores([]);
    const gaps = evidenceGaps(t, [], base, evaluate(t, base.tauOf));
    expect(gaps).to.deep.equal({
      unsourced: [],
      unrated: ['T'],
      perspective: {},
      unanswered: [],
      checked: { claimsAndPremises: 0, nodes: 1, opposers: 0 },
    });
  });
});
