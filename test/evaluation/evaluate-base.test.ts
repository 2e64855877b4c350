// evaluateBase reads the base scores' maps into aligned arrays (one lookup per rated node, not
// three calls per node): it must give bit for bit what evaluate() gives from the lookup functions,
// under every semantics, perspective and mapping, with relevance, and on ids the tree lacks.
import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  evaluate,
  evaluateBase,
  RatingMapping,
  Semantics,
  type RatingInput,
} from '../../src/evaluation/index.js';
import type { RatingValue } from '../../src/model/types.js';
import { pick, randomRatings, randomTree, seeded, treeOf } from './helpers.js';

describe('evaluateBase', () => {
  it('equals evaluate() from the lookup functions, bit for bit, on 60 random trees', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seeded(seed);
      const tree = randomTree(random, 1 + pick(random, 120));
      const ratings = randomRatings(random, tree).map((r) =>
        random() < 0.3 ? { ...r, relevance: pick(random, 5) as RatingValue } : r,
      );
      // A rating of a node the tree does not have (deleted meanwhile) is ignored by both.
      ratings.push({ nodeId: 'gone', rater: 'r0', value: 4, relevance: 0 });
      for (const semantics of [Semantics.class, Semantics.qe, Semantics.dfquad]) {
        for (const perspective of [undefined, 'r1']) {
          const mapping = seed % 2 ? RatingMapping.linear : RatingMapping.avoidExtremes;
          const base = computeBaseScores(ratings, {
            mapping,
            ...(perspective && { perspective: { rater: perspective } }),
          });
          const fast = evaluateBase(tree, base, semantics);
          const slow = evaluate(tree, base.tauOf, semantics, { rated: base.isRated, weight: base.weightOf });
          const label = `seed ${seed} ${semantics} ${perspective}`;
          expect([...fast.sigma], label).to.deep.equal([...slow.sigma]);
          expect([...fast.informed], label).to.deep.equal([...slow.informed]);
          expect([...fast.weight], label).to.deep.equal([...slow.weight]);
          expect([...fast.rated], label).to.deep.equal([...slow.rated]);
        }
      }
    }
  });

  it('a rater’s perspective takes their own relevance as the weight, and their own evidence only', () => {
    const ratings: RatingInput[] = [
      { nodeId: 'A', rater: 'x', value: 4, relevance: 4 },
      { nodeId: 'A', rater: 'y', relevance: 2 },
      { nodeId: 'B', rater: 'x', value: 0 },
      { nodeId: 'B', rater: 'y', value: 2, relevance: 1 },
    ];
    const tree = treeOf([
      ['T', null, null],
      ['A', 'T', 's'],
      ['B', 'T', 's'],
    ]);
    const as = (rater?: string) =>
      evaluateBase(tree, computeBaseScores(ratings, rater ? { perspective: { rater } } : {}), Semantics.class);
    // Everyone: A weight (4+2)/2/2 = 1.5, tau 1; B weight 0.5 (y's 1 alone), tau (0+2)/2/4 = 0.25:
    // (1.5*1 + 0.5*0.25) / 2 = 0.8125.
    expect(as().thesis).to.be.closeTo(0.8125, 1e-9);
    // x: A weight 2, tau 1; B weight 1 (x rated no relevance), tau 0: (2*1 + 0) / 3.
    expect(as('x').thesis).to.be.closeTo(2 / 3, 1e-9);
    // y: A has only y's relevance, no evidence: uninformed, left out; B weight 0.5, tau 0.5: 0.5.
    const y = as('y');
    expect(y.informedOf('A')).to.equal(false);
    expect(y.thesis).to.be.closeTo(0.5, 1e-9);
  });
});
