// The order "Rate next" asks in: level by level from the claims down, the thesis last, leaving
// out what the rater has rated the evidence of (relevance alone does not count as rated).
import { expect } from '@open-wc/testing';
import { guidedOrder } from '../../src/evaluation/guided-order.js';
import { treeOf } from './helpers.js';

const tree = treeOf([
  ['t', null, null],
  ['a', 't', 's'],
  ['a1', 'a', 's'],
  ['a1x', 'a1', 'o'],
  ['a2', 'a', 'o'],
  ['b', 't', 'o'],
  ['b1', 'b', 'o'],
  ['c', 't', 's'],
]);

describe('guidedOrder', () => {
  it('goes top-down, claims first, the thesis last', () => {
    expect(guidedOrder(tree, [], 'me')).to.deep.equal(['a', 'b', 'c', 'a1', 'a2', 'b1', 'a1x', 't']);
  });

  it("leaves out what this rater rated, not others' ratings, and keeps a relevance-only rating in", () => {
    const ratings = [
      { nodeId: 'a', rater: 'me', value: 3 as const },
      { nodeId: 'b', rater: 'ana', value: 1 as const },
      { nodeId: 'c', rater: 'me' },
      { nodeId: 't', rater: 'me', value: 0 as const },
    ];
    expect(guidedOrder(tree, ratings, 'me')).to.deep.equal(['b', 'c', 'a1', 'a2', 'b1', 'a1x']);
    expect(guidedOrder(tree, ratings, 'ana')).to.deep.equal(['a', 'c', 'a1', 'a2', 'b1', 'a1x', 't']);
  });
});
