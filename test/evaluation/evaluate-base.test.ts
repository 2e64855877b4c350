// evaluateBase reads the base scores' maps into aligned arrays (one lookup per rated node, not
// three calls per node): it must give bit for bit what evaluate() gives from the lookup functions,
// under every semantics, perspective and mapping, with relevance, and on ids the tree lacks.
import { expect } from '@open-wc/testing';
import { computeBaseScores, evaluate, evaluateBase, RatingMapping, Semantics } from '../../src/evaluation/index.js';
import type { RatingValue } from '../../src/model/types.js';
import { pick, randomRatings, randomTree, seeded } from './helpers.js';

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
});
