import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  evaluate,
  localSplit,
  polarityOf,
  ratingToTau,
  thesisRange,
  updateTau,
  type Evaluation,
  type Semantics,
} from '../../src/evaluation/index.js';
import { oppositionDepth } from '../../src/model/tree.js';
import { pick, randomRatings, randomTree, seeded } from './helpers.js';

const SEMANTICS: Semantics[] = ['qe', 'dfquad'];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function inUnitInterval(ev: Evaluation): boolean {
  for (const s of ev.sigma) if (!(s >= 0 && s <= 1)) return false;
  return true;
}

describe('evaluation properties on random trees', () => {
  for (const semantics of SEMANTICS) {
    describe(semantics, () => {
      it('keeps every standing in [0,1] and leaves childless nodes at their base', () => {
        for (const seed of SEEDS) {
          const random = seeded(seed);
          const tree = randomTree(random, 300);
          const base = computeBaseScores(randomRatings(random, tree), {
            mapping: seed % 2 ? 'linear' : 'avoid-extremes',
          });
          const ev = evaluate(tree, base.tauOf, semantics);
          expect(inUnitInterval(ev)).to.equal(true);
          for (const id of tree.byId.keys()) {
            if (!tree.children.has(id)) expect(ev.sigmaOf(id)).to.equal(base.tauOf(id));
          }
        }
      });

      it('is monotone: a better-rated supporter never lowers its parent, an attacker never raises it', () => {
        for (const seed of SEEDS) {
          const random = seeded(100 + seed);
          const tree = randomTree(random, 200);
          const base = computeBaseScores(randomRatings(random, tree));
          const ids = [...tree.byId.keys()];
          for (let trial = 0; trial < 40; trial++) {
            const id = ids[1 + pick(random, ids.length - 1)]!;
            const node = tree.byId.get(id)!;
            const score = base.get(id);
            const from = score.rated ? score.mean : 2;
            if (from >= 4) continue;
            const ev = evaluate(tree, base.tauOf, semantics);
            const before = ev.sigmaOf(node.parentId!)!;
            const thesisBefore = ev.thesis;
            updateTau(ev, id, ratingToTau(Math.min(4, from + 1), 'linear'));
            const after = ev.sigmaOf(node.parentId!)!;
            // 1e-12 allows for rounding only; the semantics are monotone exactly.
            if (node.relation === 'supports') expect(after).to.be.at.least(before - 1e-12);
            else expect(after).to.be.at.most(before + 1e-12);
            // And along the whole path: the thesis moves the way the node's polarity says.
            if (polarityOf(ev, id) === 'helps') expect(ev.thesis).to.be.at.least(thesisBefore - 1e-12);
            else expect(ev.thesis).to.be.at.most(thesisBefore + 1e-12);
            expect(polarityOf(ev, id) === 'helps').to.equal(oppositionDepth(tree, id) % 2 === 0);
          }
        }
      });

      it("splits each node's change into Shapley shares that sum to it", () => {
        for (const seed of SEEDS) {
          const random = seeded(200 + seed);
          const tree = randomTree(random, 150);
          const ev = evaluate(tree, computeBaseScores(randomRatings(random, tree)).tauOf, semantics);
          for (const [id, kids] of tree.children) {
            const split = localSplit(ev, id);
            const sum = split.shares.reduce((acc, s) => acc + s.share, 0);
            expect(sum).to.be.closeTo(ev.sigmaOf(id)! - ev.tauOf(id)!, 1e-9);
            expect(split.shares.map((s) => s.childId)).to.deep.equal(kids.map((k) => k.id));
            for (const s of split.shares) if (s.sigma === 0) expect(s.share).to.equal(0);
          }
        }
      });

      it('gives exactly the full-pass numbers after incremental rating changes', () => {
        for (const seed of SEEDS) {
          const random = seeded(300 + seed);
          const tree = randomTree(random, 400);
          const ids = [...tree.byId.keys()];
          const ev = evaluate(tree, computeBaseScores(randomRatings(random, tree)).tauOf, semantics);
          for (let change = 0; change < 100; change++) {
            const id = ids[pick(random, ids.length)]!;
            // Sometimes a rating step, sometimes any value (a mean of several raters).
            const tau = random() < 0.5 ? ratingToTau(pick(random, 5), 'linear') : random();
            const path = updateTau(ev, id, tau);
            expect(path[0]).to.equal(id);
            expect(path[path.length - 1]).to.equal('n0');
          }
          const full = evaluate(ev.index, Float64Array.from(ev.tau), semantics);
          let mismatches = 0;
          for (let i = 0; i < ev.index.size; i++) {
            if (!Object.is(ev.sigma[i], full.sigma[i])) mismatches++;
          }
          expect(mismatches).to.equal(0);
          expect(Array.from(ev.energy)).to.deep.equal(Array.from(full.energy));
          expect(Array.from(ev.vs)).to.deep.equal(Array.from(full.vs));
          expect(Array.from(ev.va)).to.deep.equal(Array.from(full.va));
        }
      });

      it('brackets the thesis within its range while nodes are unrated', () => {
        for (const seed of SEEDS) {
          const random = seeded(400 + seed);
          const tree = randomTree(random, 100);
          const base = computeBaseScores(randomRatings(random, tree));
          const ev = evaluate(tree, base.tauOf, semantics);
          const { min, max } = thesisRange(ev, base);
          expect(min).to.be.at.most(ev.thesis + 1e-12);
          expect(max).to.be.at.least(ev.thesis - 1e-12);
        }
      });

      it('evaluates a 10,000-node tree', () => {
        const random = seeded(10_000);
        const tree = randomTree(random, 10_000);
        const ev = evaluate(tree, computeBaseScores(randomRatings(random, tree)).tauOf, semantics);
        expect(ev.index.size).to.equal(10_000);
        expect(inUnitInterval(ev)).to.equal(true);
      });
    });
  }
});
