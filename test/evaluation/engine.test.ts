import { expect } from '@open-wc/testing';
import { computeBaseScores, evaluate, indexTree, updateTau, type Semantics } from '../../src/evaluation/index.js';
import { taus, treeOf } from './helpers.js';

// Every expected value below is worked out by hand (arithmetic in the comments), never by calling
// the engine. QE: sigma = tau - tau*h(-E) + (1-tau)*h(E), h(x) = x^2/(1+x^2) for x > 0.
// DF-QuAD: vs/va = 1 - prod(1 - sigma); sigma = tau - tau*(va-vs) if va >= vs, else
// tau + (1-tau)*(vs-va).
const EPS = 1e-9;

function run(rows: Parameters<typeof treeOf>[0], tau: Record<string, number>, semantics: Semantics) {
  return evaluate(treeOf(rows), taus(tau), semantics);
}

describe('evaluation engine: hand-computed trees', () => {
  const single: Parameters<typeof treeOf>[0] = [
    ['T', null, null],
    ['S', 'T', 's'],
  ];
  const attacked: Parameters<typeof treeOf>[0] = [
    ['T', null, null],
    ['A', 'T', 'o'],
  ];

  it('single supporter of strength 1 on base 0.5', () => {
    // QE: E = 1, h(1) = 1/2, sigma = 0.5 + 0.5 * 1/2 = 0.75.
    const qe = run(single, { T: 0.5, S: 1 }, 'qe');
    expect(qe.sigmaOf('T')).to.be.closeTo(0.75, EPS);
    expect(qe.node('T')).to.deep.equal({ nodeId: 'T', semantics: 'qe', tau: 0.5, sigma: qe.sigmaOf('T'), energy: 1 });
    // DF-QuAD: vs = 1 - (1 - 1) = 1, va = 0, sigma = 0.5 + 0.5 * (1 - 0) = 1.
    const df = run(single, { T: 0.5, S: 1 }, 'dfquad');
    expect(df.sigmaOf('T')).to.be.closeTo(1, EPS);
    expect(df.node('T')).to.deep.equal({
      nodeId: 'T',
      semantics: 'dfquad',
      tau: 0.5,
      sigma: df.sigmaOf('T'),
      vs: 1,
      va: 0,
    });
  });

  it('single attacker of strength 1 on base 0.5', () => {
    // QE: E = -1, h(1) = 1/2, sigma = 0.5 - 0.5 * 1/2 = 0.25.
    expect(run(attacked, { T: 0.5, A: 1 }, 'qe').thesis).to.be.closeTo(0.25, EPS);
    // DF-QuAD: va = 1, vs = 0, sigma = 0.5 - 0.5 * (1 - 0) = 0.
    expect(run(attacked, { T: 0.5, A: 1 }, 'dfquad').thesis).to.be.closeTo(0, EPS);
  });

  it('balanced pair leaves the base unchanged', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['S', 'T', 's'],
      ['A', 'T', 'o'],
    ];
    // QE: E = 0.5 - 0.5 = 0, so sigma = tau = 0.75.
    expect(run(rows, { T: 0.75, S: 0.5, A: 0.5 }, 'qe').thesis).to.be.closeTo(0.75, EPS);
    // DF-QuAD: vs = va = 0.5, va >= vs, sigma = 0.75 - 0.75 * 0 = 0.75.
    expect(run(rows, { T: 0.75, S: 0.5, A: 0.5 }, 'dfquad').thesis).to.be.closeTo(0.75, EPS);
  });

  it('three supporters of 0.5 on base 0.5', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['a', 'T', 's'],
      ['b', 'T', 's'],
      ['c', 'T', 's'],
    ];
    // QE: E = 1.5, h = 2.25/3.25, sigma = 0.5 + 0.5 * 2.25/3.25 = 0.84615...
    const qe = run(rows, {}, 'qe');
    expect(qe.thesis).to.be.closeTo(0.5 + 0.5 * (2.25 / 3.25), EPS);
    expect(qe.thesis).to.be.closeTo(0.8462, 1e-4);
    // DF-QuAD: vs = 1 - 0.5^3 = 0.875, sigma = 0.5 + 0.5 * 0.875 = 0.9375.
    expect(run(rows, {}, 'dfquad').thesis).to.be.closeTo(0.9375, EPS);
  });

  it('mixed children: two supporters and an attacker', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'T', 's'],
      ['C', 'T', 'o'],
    ];
    const tau = { T: 0.5, A: 1, B: 0.5, C: 0.75 };
    // QE: E = 1 + 0.5 - 0.75 = 0.75, h = 0.5625/1.5625 = 0.36, sigma = 0.5 + 0.5 * 0.36 = 0.68.
    const qe = run(rows, tau, 'qe');
    expect(qe.thesis).to.be.closeTo(0.68, EPS);
    expect(qe.node('T')).to.include({ energy: 0.75 });
    // DF-QuAD: vs = 1 - (0 * 0.5) = 1, va = 0.75, sigma = 0.5 + 0.5 * 0.25 = 0.625.
    const df = run(rows, tau, 'dfquad');
    expect(df.thesis).to.be.closeTo(0.625, EPS);
    expect(df.node('T')).to.include({ vs: 1, va: 0.75 });
  });

  describe('chain of depth 3: T <-s- A <-o- B <-s- C', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'A', 'o'],
      ['C', 'B', 's'],
    ];
    const tau = { T: 0.5, A: 0.75, B: 0.5, C: 0.25 };

    it('QE', () => {
      const ev = run(rows, tau, 'qe');
      // C is a leaf: 0.25.
      expect(ev.sigmaOf('C')).to.be.closeTo(0.25, EPS);
      // B: E = 1/4, h = (1/16)/(17/16) = 1/17, sigma = 1/2 + 1/2 * 1/17 = 9/17.
      expect(ev.sigmaOf('B')).to.be.closeTo(9 / 17, EPS);
      // A: E = -9/17, h = (81/289)/(370/289) = 81/370, sigma = 3/4 * (1 - 81/370) = 3/4 * 289/370 = 867/1480.
      expect(ev.sigmaOf('A')).to.be.closeTo(867 / 1480, EPS);
      // T: E = 867/1480, E^2 = 751689/2190400, h = 751689/2942089,
      //    sigma = 1/2 + 1/2 * 751689/2942089 = 1846889/2942089 = 0.627747...
      expect(ev.thesis).to.be.closeTo(1846889 / 2942089, EPS);
    });

    it('DF-QuAD', () => {
      const ev = run(rows, tau, 'dfquad');
      // B: vs = 0.25, sigma = 0.5 + 0.5 * 0.25 = 0.625.
      expect(ev.sigmaOf('B')).to.be.closeTo(0.625, EPS);
      // A: va = 0.625, sigma = 0.75 - 0.75 * 0.625 = 0.28125.
      expect(ev.sigmaOf('A')).to.be.closeTo(0.28125, EPS);
      // T: vs = 0.28125, sigma = 0.5 + 0.5 * 0.28125 = 0.640625.
      expect(ev.thesis).to.be.closeTo(0.640625, EPS);
    });
  });

  it('chain of depth 4 of decisive supporters under QE', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['a', 'T', 's'],
      ['b', 'a', 's'],
      ['c', 'b', 's'],
      ['d', 'c', 's'],
    ];
    // Every node has base 0. d = 0; c: E = 0 so c = 0; likewise b = a = 0 and T = 0: nothing to pass up.
    const zeros = run(rows, { T: 0, a: 0, b: 0, c: 0, d: 0 }, 'qe');
    expect(Array.from(zeros.sigma)).to.deep.equal([0, 0, 0, 0, 0]);
    // Now d = 1: c = 0 + 1 * h(1) = 1/2; b = h(1/2) = (1/4)/(5/4) = 1/5; a = h(1/5) = (1/25)/(26/25) = 1/26;
    // T = h(1/26) = (1/676)/(677/676) = 1/677.
    const ev = run(rows, { T: 0, a: 0, b: 0, c: 0, d: 1 }, 'qe');
    expect(ev.sigmaOf('c')).to.be.closeTo(1 / 2, EPS);
    expect(ev.sigmaOf('b')).to.be.closeTo(1 / 5, EPS);
    expect(ev.sigmaOf('a')).to.be.closeTo(1 / 26, EPS);
    expect(ev.thesis).to.be.closeTo(1 / 677, EPS);
    // DF-QuAD passes full support up unchanged: each vs = 1 and sigma = 0 + 1 * 1 = 1.
    expect(run(rows, { T: 0, a: 0, b: 0, c: 0, d: 1 }, 'dfquad').thesis).to.be.closeTo(1, EPS);
  });

  it('rating-0 children', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['z', 'T', 's'],
      ['x', 'T', 'o'],
    ];
    const tau = { T: 0.75, z: 0, x: 1 };
    // QE: the 0 supporter adds nothing: E = 0 - 1 = -1, sigma = 0.75 - 0.75 * 1/2 = 0.375.
    expect(run(rows, tau, 'qe').thesis).to.be.closeTo(0.375, EPS);
    // DF-QuAD: vs = 1 - (1 - 0) = 0, va = 1, sigma = 0.75 - 0.75 * 1 = 0.
    expect(run(rows, tau, 'dfquad').thesis).to.be.closeTo(0, EPS);
    // A lone supporter of strength 0 changes nothing in either semantics.
    const lone: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['z', 'T', 's'],
    ];
    expect(run(lone, { T: 0.3, z: 0 }, 'qe').thesis).to.equal(0.3);
    expect(run(lone, { T: 0.3, z: 0 }, 'dfquad').thesis).to.equal(0.3);
    // A node rated 0 can still be lifted by its support (unlike Euler-based semantics):
    // QE 0 + 1 * h(1) = 0.5; DF-QuAD 0 + 1 * 1 = 1.
    expect(run(single, { T: 0, S: 1 }, 'qe').thesis).to.be.closeTo(0.5, EPS);
    expect(run(single, { T: 0, S: 1 }, 'dfquad').thesis).to.be.closeTo(1, EPS);
  });

  it('unrated nodes count as neutral 0.5, not as 0', () => {
    // T unrated (0.5), S rated 4 (1): same as the single-supporter case, 0.75 / 1.0.
    // S unrated instead, T rated 3 (0.75): QE E = 0.5, h = 0.25/1.25 = 0.2, sigma = 0.75 + 0.25 * 0.2 = 0.8;
    // DF-QuAD vs = 0.5, sigma = 0.75 + 0.25 * 0.5 = 0.875.
    const tree = treeOf(single);
    const sRated = computeBaseScores([{ nodeId: 'S', rater: 'x', value: 4 }]);
    expect(evaluate(tree, sRated.tauOf, 'qe').thesis).to.be.closeTo(0.75, EPS);
    expect(evaluate(tree, sRated.tauOf, 'dfquad').thesis).to.be.closeTo(1, EPS);
    const tRated = computeBaseScores([{ nodeId: 'T', rater: 'x', value: 3 }]);
    expect(tRated.get('S')).to.deep.equal({ nodeId: 'S', rated: false, count: 0, tau: 0.5 });
    expect(evaluate(tree, tRated.tauOf, 'qe').thesis).to.be.closeTo(0.8, EPS);
    expect(evaluate(tree, tRated.tauOf, 'dfquad').thesis).to.be.closeTo(0.875, EPS);
  });

  it('defaults to QE and accepts base scores as an array aligned with the index', () => {
    const tree = treeOf(single);
    const index = indexTree(tree);
    expect(index.ids).to.deep.equal(['T', 'S']);
    const ev = evaluate(index, [0.5, 1]);
    expect(ev.semantics).to.equal('qe');
    expect(ev.thesis).to.be.closeTo(0.75, EPS);
    expect(indexTree(tree)).to.equal(index);
  });

  it('rejects base scores outside [0,1] and unknown ids', () => {
    const tree = treeOf(single);
    expect(() => evaluate(tree, taus({ S: 1.5 }))).to.throw(RangeError);
    expect(() => evaluate(tree, taus({ S: Number.NaN }))).to.throw(RangeError);
    expect(() => evaluate(tree, [0.5])).to.throw(RangeError);
    const ev = evaluate(tree, taus({}));
    expect(() => updateTau(ev, 'nope', 0.5)).to.throw(RangeError);
    expect(() => updateTau(ev, 'S', -0.1)).to.throw(RangeError);
    expect(ev.sigmaOf('nope')).to.equal(undefined);
    expect(ev.node('nope')).to.equal(undefined);
  });

  it('updates one rating incrementally along the path to the thesis', () => {
    const rows: Parameters<typeof treeOf>[0] = [
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'A', 'o'],
      ['C', 'B', 's'],
      ['D', 'T', 'o'],
    ];
    const ev = run(rows, { T: 0.5, A: 0.75, B: 0.5, C: 0.5, D: 0.5 }, 'qe');
    const before = ev.sigmaOf('D');
    // C goes from 0.5 to 0.25: the chain case above plus D. Only C, B, A, T are recomputed.
    expect(updateTau(ev, 'C', 0.25)).to.deep.equal(['C', 'B', 'A', 'T']);
    expect(ev.sigmaOf('B')).to.be.closeTo(9 / 17, EPS);
    expect(ev.sigmaOf('A')).to.be.closeTo(867 / 1480, EPS);
    expect(ev.sigmaOf('D')).to.equal(before);
    // T: E = 867/1480 - 1/2 = 127/1480, h = 16129/(2190400 + 16129) = 16129/2206529,
    //    sigma = 1/2 + 1/2 * 16129/2206529 = 1111329/2206529.
    expect(ev.thesis).to.be.closeTo(1111329 / 2206529, EPS);
  });
});
