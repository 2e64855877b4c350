// shareStrings may only change which copy of a string a field holds, never its value: every
// row must read exactly as before, including rows that name nodes or sources the map lacks.
import { expect } from '@open-wc/testing';
import { shareStrings } from '../../src/model/share-strings.js';
import type { MapBundle } from '../../src/model/types.js';
import { randomMap } from '../formats/helpers.js';

describe('shareStrings', () => {
  it('leaves every value of a random map as it was, and returns the same bundle', () => {
    for (const seed of [1, 2, 3]) {
      const bundle = randomMap(seed, { nodes: 120 });
      const before = structuredClone(bundle);
      expect(shareStrings(bundle)).to.equal(bundle);
      expect(bundle).to.deep.equal(before);
    }
  });

  it('keeps ids it does not know and fields that are absent', () => {
    const bundle = randomMap(4, { nodes: 10 });
    const node = bundle.nodes[1]!;
    const map = bundle.map;
    const extra: MapBundle = {
      ...bundle,
      ratings: [
        { id: 'r1', mapId: map.id, nodeId: 'no-such-node', rater: 'Ana', value: 3, createdAt: 'a', updatedAt: 'a' },
        { id: 'r2', mapId: map.id, nodeId: node.id, rater: 'Ana', createdAt: 'a', updatedAt: 'b', relevance: 1 },
      ],
      citations: [{ id: 'c1', mapId: map.id, nodeId: node.id, sourceId: 'no-such-source', createdAt: 'a' }],
      links: [{ id: 'l1', mapId: map.id, nodeId: node.id, targetId: 'gone', createdAt: 'a' }],
    };
    const before = structuredClone(extra);
    shareStrings(extra);
    expect(extra).to.deep.equal(before);
    expect(extra.ratings[1]).not.to.have.property('value');
    expect(extra.citations[0]).not.to.have.property('author');
  });
});
