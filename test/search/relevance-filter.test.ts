// The relevance filter: by the mean relevance raters gave a node to the point above it.
import { expect } from '@open-wc/testing';
import { createSearchIndex } from '../../src/search/index.js';
import { hasFilters, matchesRelevance } from '../../src/search/filters.js';
import type { Rating } from '../../src/model/types.js';
import { coldWarMap } from './fixtures.js';

const T0 = '2025-01-10T09:00:00.000Z';
const rel = (id: string, nodeId: string, rater: string, relevance: 0 | 1 | 2 | 3 | 4, value?: 0 | 4): Rating => ({
  id,
  mapId: 'm',
  nodeId,
  rater,
  ...(value !== undefined && { value }),
  relevance,
  createdAt: T0,
  updatedAt: T0,
});

describe('search: relevance filter', () => {
  it('matches by mean relevance: not rated, low (<= 1), high (>= 3)', () => {
    expect(matchesRelevance('unrated', [])).to.equal(true);
    expect(matchesRelevance('unrated', [2])).to.equal(false);
    expect(matchesRelevance('low', [0, 2])).to.equal(true); // mean 1
    expect(matchesRelevance('low', [1, 2])).to.equal(false); // mean 1.5
    expect(matchesRelevance('high', [4, 2])).to.equal(true); // mean 3
    expect(matchesRelevance('high', [])).to.equal(false);
    expect(hasFilters({ relevance: 'high' })).to.equal(true);
  });

  it('filters the map; a relevance-only record does not make a node rated', () => {
    const bundle = coldWarMap();
    // c1: relevance 4 and 3 (high); q1: relevance 0 only (low, evidence still unrated); p1 also
    // gets relevance 1 from Ana's record, which keeps her evidence rating.
    bundle.ratings = [
      ...bundle.ratings.filter((r) => r.id !== 'ra1'),
      { ...bundle.ratings.find((r) => r.id === 'ra1')!, relevance: 1 },
      rel('x1', 'c1', 'Ana', 4),
      rel('x2', 'c1', 'Ben', 3),
      rel('x3', 'q1', 'Ana', 0),
    ];
    const index = createSearchIndex(bundle);
    const ids = (filters: object) => index.search('', { filters }).ids;
    expect(ids({ relevance: 'high' })).to.deep.equal(['c1']);
    expect(ids({ relevance: 'low' })).to.deep.equal(['p1', 'q1']);
    expect(ids({ relevance: 'unrated' })).to.deep.equal(['T', 'cp1', 'r1', 'c2', 'p2', 'cp2', 'c3']);
    // Unrated means no evidence rating: c1 and q1 carry relevance only.
    expect(ids({ unrated: true })).to.deep.equal(['T', 'c1', 'q1', 'cp1', 'r1', 'p2', 'c3']);
  });
});
