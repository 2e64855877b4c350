import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  counterfactual,
  evaluate,
  explainInWords,
  explainNode,
  localSplit,
  polarityOf,
  thesisRange,
  whatIf,
  type RatingInput,
} from '../../src/evaluation/index.js';
import type { RatingValue } from '../../src/model/types.js';
import { seeded, taus, treeOf, type Row } from './helpers.js';

const EPS = 1e-9;

// The mixed tree: T (base 0.5) supported by A (1) and B (0.5), opposed by C (0.75).
// QE: E = 0.75, thesis 0.68. DF-QuAD: vs = 1, va = 0.75, thesis 0.625.
const mixedRows: Row[] = [
  ['T', null, null],
  ['A', 'T', 's'],
  ['B', 'T', 's'],
  ['C', 'T', 'o'],
];
const mixedTau = { T: 0.5, A: 1, B: 0.5, C: 0.75 };

// The chain T <-s- A <-o- B <-s- C with a rebuttal R of B: bases 0.5, 0.75, 0.5, 0.25 and R 0.
const chainRows: Row[] = [
  ['T', null, null],
  ['A', 'T', 's'],
  ['B', 'A', 'o'],
  ['C', 'B', 's'],
  ['R', 'B', 'o'],
];

const rate = (values: Record<string, RatingValue>): RatingInput[] =>
  Object.entries(values).map(([nodeId, value]) => ({ nodeId, rater: 'x', value }));

describe('evaluation explanations', () => {
  describe('local Shapley split', () => {
    // Game of the mixed tree under QE, v(S) = sigma(S) - 0.5 with sigma(S) = 0.5 +- 0.5 h(|E|):
    // v() = 0; v(A): E = 1, h = 1/2, v = 1/4; v(B): E = 1/2, h = 1/5, v = 1/10; v(C): E = -3/4, h = 9/25,
    // v = -9/50; v(AB): E = 3/2, h = 9/13, v = 9/26; v(AC): E = 1/4, h = 1/17, v = 1/34;
    // v(BC): E = -1/4, v = -1/34; v(ABC): E = 3/4, v = 9/50.
    // Three players: phi_i = 1/3 v(i) + 1/6 [v(ij) - v(j)] + 1/6 [v(ik) - v(k)] + 1/3 [v(ijk) - v(jk)].
    const phiA = 1 / 3 / 4 + (9 / 26 - 1 / 10) / 6 + (1 / 34 + 9 / 50) / 6 + (9 / 50 + 1 / 34) / 3;
    const phiB = 1 / 3 / 10 + (9 / 26 - 1 / 4) / 6 + (-1 / 34 + 9 / 50) / 6 + (9 / 50 - 1 / 34) / 3;
    const phiC = -9 / 50 / 3 + (1 / 34 - 1 / 4) / 6 + (-1 / 34 - 1 / 10) / 6 + (9 / 50 - 9 / 26) / 3;

    it('QE on the mixed tree', () => {
      const split = localSplit(evaluate(treeOf(mixedRows), taus(mixedTau), 'qe'), 'T');
      expect(split.exact).to.equal(true);
      expect(split.delta).to.be.closeTo(0.18, EPS);
      expect(split.shares.map((s) => s.childId)).to.deep.equal(['A', 'B', 'C']);
      expect(split.shares.map((s) => s.relation)).to.deep.equal(['supports', 'supports', 'opposes']);
      expect(split.shares[0]!.share).to.be.closeTo(phiA, EPS); // 0.22906...
      expect(split.shares[1]!.share).to.be.closeTo(phiB, EPS); // 0.12465...
      expect(split.shares[2]!.share).to.be.closeTo(phiC, EPS); // -0.17372...
      expect(phiA + phiB + phiC).to.be.closeTo(0.18, 1e-12);
    });

    it('DF-QuAD on the mixed tree', () => {
      // v(A) = 1/2 (vs = 1); v(B) = 1/4; v(C) = 1/8 - 1/2 = -3/8; v(AB) = 1/2; v(AC) = 5/8 - 1/2 = 1/8;
      // v(BC): vs = 1/2, va = 3/4, 1/2 - 1/2 * 1/4 = 3/8, v = -1/8; v(ABC) = 1/8.
      // phi_A = 1/6 + 1/6 (1/2 - 1/4) + 1/6 (1/8 + 3/8) + 1/3 (1/8 + 1/8) = 3/8
      // phi_B = 1/12 + 1/6 (1/2 - 1/2) + 1/6 (-1/8 + 3/8) + 1/3 (1/8 - 1/8) = 1/8
      // phi_C = -1/8 + 1/6 (1/8 - 1/2) + 1/6 (-1/8 - 1/4) + 1/3 (1/8 - 1/2) = -3/8
      const split = localSplit(evaluate(treeOf(mixedRows), taus(mixedTau), 'dfquad'), 'T');
      expect(split.shares.map((s) => s.share)).to.satisfy((xs: number[]) =>
        [3 / 8, 1 / 8, -3 / 8].every((x, i) => Math.abs(xs[i]! - x) < EPS),
      );
      expect(split.delta).to.be.closeTo(0.125, EPS);
    });

    it('gives a child of strength 0 exactly 0 and a lone child the whole change', () => {
      const rows: Row[] = [
        ['T', null, null],
        ['z', 'T', 's'],
        ['x', 'T', 'o'],
        ['y', 'T', 's'],
      ];
      for (const semantics of ['qe', 'dfquad'] as const) {
        const split = localSplit(evaluate(treeOf(rows), taus({ T: 0.6, z: 0, x: 0.9, y: 0.4 }), semantics), 'T');
        expect(split.shares[0]!.share).to.equal(0);
      }
      const lone: Row[] = [
        ['T', null, null],
        ['a', 'T', 'o'],
      ];
      const ev = evaluate(treeOf(lone), taus({ T: 0.8, a: 0.6 }), 'qe');
      const split = localSplit(ev, 'T');
      expect(split.shares[0]!.share).to.be.closeTo(ev.thesis - 0.8, 1e-15);
      expect(localSplit(ev, 'a').shares).to.deep.equal([]);
      expect(localSplit(ev, 'a').delta).to.equal(0);
    });

    it('samples orderings beyond 12 children, reproducibly and summing to the change', () => {
      const random = seeded(7);
      const rows: Row[] = [['T', null, null]];
      const tau: Record<string, number> = { T: 0.4 };
      for (let i = 0; i < 16; i++) {
        rows.push([`c${i}`, 'T', random() < 0.4 ? 'o' : 's']);
        tau[`c${i}`] = i === 5 ? 0 : random() * 0.6;
      }
      for (const semantics of ['qe', 'dfquad'] as const) {
        const ev = evaluate(treeOf(rows), taus(tau), semantics);
        const sampled = localSplit(ev, 'T');
        expect(sampled.exact).to.equal(false);
        expect(sampled.samples).to.equal(2000);
        expect(sampled.shares.reduce((sum, s) => sum + s.share, 0)).to.be.closeTo(ev.thesis - 0.4, 1e-12);
        expect(sampled.shares[5]!.share).to.equal(0);
        expect(localSplit(ev, 'T')).to.deep.equal(sampled);
        expect(localSplit(ev, 'T', { seed: 99 })).to.not.deep.equal(sampled);
        // Close to the exact values (2^16 coalitions, enumerated on request).
        const exact = localSplit(ev, 'T', { exactLimit: 16 });
        expect(exact.exact).to.equal(true);
        exact.shares.forEach((s, i) => expect(sampled.shares[i]!.share).to.be.closeTo(s.share, 0.01));
      }
    });
  });

  describe('polarity', () => {
    it('helps with an even number of "opposes" links to the thesis, hurts with odd', () => {
      const ev = evaluate(treeOf(chainRows), taus({}));
      // T: 0 links; A: 0; B: 1; C: 1 (supports B); R: 2 (opposes B).
      expect(['T', 'A', 'B', 'C', 'R'].map((id) => polarityOf(ev, id))).to.deep.equal([
        'helps',
        'helps',
        'hurts',
        'hurts',
        'helps',
      ]);
      expect(polarityOf(ev.index, 'R')).to.equal('helps');
      expect(() => polarityOf(ev, 'nope')).to.throw(RangeError);
    });
  });

  describe('counterfactual', () => {
    it('the thesis without a node and its subtree (mixed tree)', () => {
      const qe = evaluate(treeOf(mixedRows), taus(mixedTau), 'qe');
      // Without C: E = 1.5, 0.5 + 0.5 * 2.25/3.25. Without A: E = -0.25, 0.5 - 0.5/17 = 8/17.
      // Without B: E = 0.25, 9/17.
      expect(counterfactual(qe, 'C')).to.be.closeTo(0.5 + 0.5 * (2.25 / 3.25), EPS);
      expect(counterfactual(qe, 'A')).to.be.closeTo(8 / 17, EPS);
      expect(counterfactual(qe, 'B')).to.be.closeTo(9 / 17, EPS);
      expect(counterfactual(qe, 'T')).to.equal(null);
      expect(qe.thesis).to.be.closeTo(0.68, EPS); // unchanged
      const df = evaluate(treeOf(mixedRows), taus(mixedTau), 'dfquad');
      // Without C: vs = 1, va = 0, 1. Without A: vs = 0.5, va = 0.75, 0.5 - 0.5 * 0.25 = 0.375.
      expect(counterfactual(df, 'C')).to.be.closeTo(1, EPS);
      expect(counterfactual(df, 'A')).to.be.closeTo(0.375, EPS);
    });

    it('removes the whole subtree (chain)', () => {
      const tree = treeOf(chainRows.slice(0, 4));
      const ev = evaluate(tree, taus({ T: 0.5, A: 0.75, B: 0.5, C: 0.25 }), 'qe');
      // Without B (and C): A is a leaf at 0.75, T: E = 0.75, 0.68.
      expect(counterfactual(ev, 'B')).to.be.closeTo(0.68, EPS);
      // Without C: B = 0.5; A: E = -0.5, h = 0.2, 0.75 * 0.8 = 0.6; T: E = 0.6, h = 0.36/1.36 = 9/34,
      // 0.5 + 0.5 * 9/34 = 43/68.
      expect(counterfactual(ev, 'C')).to.be.closeTo(43 / 68, EPS);
    });
  });

  describe('what-if', () => {
    // Ratings of the mixed tree: T 2 (0.5), A 4 (1), B unrated (0.5), C 3 (0.75).
    const tree = treeOf(mixedRows);
    const base = computeBaseScores(rate({ T: 2, A: 4, C: 3 }));

    it('one rating step up and down (QE)', () => {
      const ev = evaluate(tree, base.tauOf, 'qe');
      // C from 3: up to 4, tau 1, E = 1 + 0.5 - 1 = 0.5, h = 0.2, T = 0.6;
      // down to 2, tau 0.5, E = 1, T = 0.75.
      const c = whatIf(ev, base, 'C');
      expect(c).to.deep.include({ nodeId: 'C', rated: true, from: 3 });
      expect(c.up).to.deep.include({ rating: 4, tau: 1, sigma: 1 });
      expect(c.up!.parent).to.be.closeTo(0.6, EPS);
      expect(c.up!.thesis).to.be.closeTo(0.6, EPS);
      expect(c.down).to.deep.include({ rating: 2, tau: 0.5, sigma: 0.5 });
      expect(c.down!.thesis).to.be.closeTo(0.75, EPS);
      // A is at the top already; down to 3: E = 0.75 + 0.5 - 0.75 = 0.5, T = 0.6.
      const a = whatIf(ev, base, 'A');
      expect(a.up).to.equal(null);
      expect(a.down!.thesis).to.be.closeTo(0.6, EPS);
      // B unrated: steps start from the neutral 2. Up to 3 (0.75): E = 1, T = 0.75; down to 1: E = 0.5, T = 0.6.
      const b = whatIf(ev, base, 'B');
      expect(b).to.deep.include({ rated: false, from: 2 });
      expect(b.up!.thesis).to.be.closeTo(0.75, EPS);
      expect(b.down!.thesis).to.be.closeTo(0.6, EPS);
      // T itself (E = 0.75, h = 0.36): up to 3, 0.75 + 0.25 * 0.36 = 0.84; down to 1, 0.25 + 0.75 * 0.36 = 0.52.
      const t = whatIf(ev, base, 'T');
      expect(t.up!.parent).to.equal(null);
      expect(t.up!.thesis).to.be.closeTo(0.84, EPS);
      expect(t.down!.thesis).to.be.closeTo(0.52, EPS);
      expect(ev.thesis).to.be.closeTo(0.68, EPS); // unchanged
    });

    it('one rating step (DF-QuAD)', () => {
      const ev = evaluate(tree, base.tauOf, 'dfquad');
      // C up to 4: vs = 1, va = 1, tie, T = 0.5 - 0 = 0.5. Down to 2: va = 0.5, T = 0.5 + 0.5 * 0.5 = 0.75.
      const c = whatIf(ev, base, 'C');
      expect(c.up!.thesis).to.be.closeTo(0.5, EPS);
      expect(c.down!.thesis).to.be.closeTo(0.75, EPS);
    });

    it('reports the parent and the thesis separately deeper down', () => {
      // Chain with C rated 1 (0.25), B 2, A 3, T 2. C up to 2 (0.5): B: E = 0.5, h = 0.2, 0.6;
      // A: E = -0.6, h = 0.36/1.36 = 9/34, 0.75 * 25/34 = 75/136; T: E = 75/136,
      // h = 5625/(18496 + 5625) = 5625/24121, 0.5 + 0.5 * 5625/24121 = 14873/24121.
      const chainBase = computeBaseScores(rate({ T: 2, A: 3, B: 2, C: 1 }));
      const ev = evaluate(treeOf(chainRows.slice(0, 4)), chainBase.tauOf, 'qe');
      const up = whatIf(ev, chainBase, 'C').up!;
      expect(up.sigma).to.equal(0.5);
      expect(up.parent).to.be.closeTo(0.6, EPS);
      expect(up.thesis).to.be.closeTo(14873 / 24121, EPS);
    });

    it('uses the avoid-extremes mapping and clamps fractional means', () => {
      // C rated 3 and 4: mean 3.5. Up clamps to 4 (0.9), down to 2.5 ((2.5 + 0.5)/5 = 0.6).
      const mapped = computeBaseScores(
        [...rate({ T: 2 }), { nodeId: 'C', rater: 'x', value: 3 }, { nodeId: 'C', rater: 'y', value: 4 }],
        { mapping: 'avoid-extremes' },
      );
      const c = whatIf(evaluate(tree, mapped.tauOf), mapped, 'C');
      expect(c.from).to.equal(3.5);
      expect(c.up!.rating).to.equal(4);
      expect(c.up!.tau).to.be.closeTo(0.9, EPS);
      expect(c.down!.rating).to.equal(2.5);
      expect(c.down!.tau).to.be.closeTo(0.6, EPS);
    });
  });

  describe('thesis range while nodes are unrated', () => {
    // T rated 2 (0.5); A supports T, C opposes T, D opposes C: all unrated.
    const rows: Row[] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['C', 'T', 'o'],
      ['D', 'C', 'o'],
    ];
    const tree = treeOf(rows);
    const base = computeBaseScores(rate({ T: 2 }));

    it('QE', () => {
      const ev = evaluate(tree, base.tauOf, 'qe');
      // Now (all 0.5): C: E = -0.5, 0.5 - 0.5 * 0.2 = 0.4; T: E = 0.1, h = 0.01/1.01 = 1/101, 0.5 + 0.5/101 = 51/101.
      expect(ev.thesis).to.be.closeTo(51 / 101, EPS);
      // Max: A = 1, C = 0 (hurts), D = 1 (helps: two opposes). C: tau 0, E = -1, 0; T: E = 1, 0.75.
      // Min: A = 0, C = 1, D = 0. C: 1; T: E = -1, 0.25.
      const range = thesisRange(ev, base);
      expect(range.unrated).to.equal(3);
      expect(range.max).to.be.closeTo(0.75, EPS);
      expect(range.min).to.be.closeTo(0.25, EPS);
    });

    it('DF-QuAD', () => {
      // Max: C = 0 whatever attacks it; T: vs = 1, va = 0, 1. Min: C = 1 (va = 0); T: vs = 0, va = 1, 0.
      const range = thesisRange(evaluate(tree, base.tauOf, 'dfquad'), base);
      expect(range.max).to.be.closeTo(1, EPS);
      expect(range.min).to.be.closeTo(0, EPS);
    });

    it('collapses to the standing when everything is rated', () => {
      const all = computeBaseScores(rate({ T: 2, A: 3, C: 1, D: 4 }));
      const ev = evaluate(tree, all.tauOf, 'qe');
      expect(thesisRange(ev, all)).to.deep.equal({ min: ev.thesis, max: ev.thesis, unrated: 0 });
    });
  });

  describe('in words', () => {
    const labels: Record<string, string> = { T: 'Thesis', A: 'Claim A', B: 'Claim B', C: 'Counterpoint C' };
    const label = (id: string) => labels[id] ?? id;

    it('renders the split with two decimals', () => {
      // Shares from the hand computation above: +0.229, +0.125, -0.174; thesis 0.68, base 0.5.
      const ev = evaluate(treeOf(mixedRows), taus(mixedTau), 'qe');
      expect(explainInWords(localSplit(ev, 'T'), label)).to.equal(
        'Thesis 0.68 = base 0.50 + Claim A +0.23 + Claim B +0.12 - Counterpoint C 0.17',
      );
      expect(explainInWords(localSplit(ev, 'A'), label)).to.equal('Claim A 1.00 = base 1.00');
    });

    it('bundles every explanation of a node', () => {
      const base = computeBaseScores(rate({ T: 2, A: 4, C: 3 }));
      const ev = evaluate(treeOf(mixedRows), base.tauOf, 'qe');
      const e = explainNode(ev, base, 'C');
      expect(e).to.deep.include({ nodeId: 'C', tau: 0.75, sigma: 0.75, polarity: 'hurts', opposesOnPath: 1 });
      expect(e.base).to.deep.include({ rated: true, mean: 3 });
      expect(e.counterfactual).to.be.closeTo(0.5 + 0.5 * (2.25 / 3.25), EPS);
      expect(e.whatIf.up!.thesis).to.be.closeTo(0.6, EPS);
      expect(e.split.shares).to.deep.equal([]);
    });
  });
});
