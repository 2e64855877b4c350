// What the page's diff tells the search worker of ratings: each node whose ratings changed, with
// all its ratings now, in the bundle's order (the worker keeps no rating id). Exact values.
import { expect } from '@open-wc/testing';
import type { MapBundle, Rating } from '../../src/model/types.js';
import { createSearchIndex } from '../../src/search/index.js';
import { applyChanges, diffBundles, noChanges } from '../../src/search/sync.js';
import { coldWarMap, rating } from './fixtures.js';

const withRatings = (bundle: MapBundle, ratings: Rating[]): MapBundle => ({ ...bundle, ratings });
const rated = (bundle: MapBundle, rater: string): string[] =>
  createSearchIndex(bundle).search('', { filters: { ratedBy: rater } }).ids;

describe('diffBundles and ratings', () => {
  // ra1 p1 Ana 3, ra2 p1 Ben 2, ra3 c2 Ben 2, ra4 cp2 Ana 1
  const before = coldWarMap();
  const [ra1, ra2, ra3, ra4] = before.ratings as [Rating, Rating, Rating, Rating];

  it('sends nothing for the same ratings', () => {
    const changes = diffBundles(before, withRatings(before, [...before.ratings]));
    expect(changes.ratings).to.deep.equal([]);
    expect(noChanges(changes)).to.equal(true);
  });

  it('sends a changed rating as all the ratings of its node, in place', () => {
    const after = withRatings(before, [ra1, { ...ra2, relevance: 4, updatedAt: '2025-03-01T00:00:00.000Z' }, ra3, ra4]);
    expect(diffBundles(before, after).ratings).to.deep.equal([
      {
        nodeId: 'p1',
        ratings: [
          { rater: 'Ana', value: 3 },
          { rater: 'Ben', value: 2, relevance: 4 },
        ],
      },
    ]);
  });

  it('sends an added rating with the ratings its node had, in the new bundle order', () => {
    const after = withRatings(before, [rating('ra5', 'p1', 'Cleo', 0), ra1, ra2, ra3, ra4]);
    expect(diffBundles(before, after).ratings).to.deep.equal([
      {
        nodeId: 'p1',
        ratings: [
          { rater: 'Cleo', value: 0 },
          { rater: 'Ana', value: 3 },
          { rater: 'Ben', value: 2 },
        ],
      },
    ]);
  });

  it('sends the node of a removed rating from the old bundle, with what it has left or nothing', () => {
    const changes = diffBundles(before, withRatings(before, [ra2, ra3]));
    expect(changes.ratings).to.deep.equal([
      { nodeId: 'p1', ratings: [{ rater: 'Ben', value: 2 }] },
      { nodeId: 'cp2', ratings: [] },
    ]);
    const index = createSearchIndex(before);
    applyChanges(index, changes);
    expect(index.search('', { filters: { ratedBy: 'Ana' } }).ids).to.deep.equal([]);
    expect(index.search('', { filters: { ratedBy: 'Ben' } }).ids).to.deep.equal(
      rated(withRatings(before, [ra2, ra3]), 'Ben'),
    );
  });

  it('sends both nodes of a rating that moved to another node', () => {
    const after = withRatings(before, [ra1, ra2, { ...ra3, nodeId: 'cp2' }, ra4]);
    const changes = diffBundles(before, after);
    expect(changes.ratings).to.deep.equal([
      { nodeId: 'c2', ratings: [] },
      {
        nodeId: 'cp2',
        ratings: [
          { rater: 'Ben', value: 2 },
          { rater: 'Ana', value: 1 },
        ],
      },
    ]);
    const index = createSearchIndex(before);
    applyChanges(index, changes);
    expect(index.search('', { filters: { ratedBy: 'Ben' } }).ids).to.deep.equal(rated(after, 'Ben'));
    expect(rated(after, 'Ben')).to.not.include('c2');
  });
});
