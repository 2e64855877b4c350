import { expect } from '@open-wc/testing';
import { buildSearchIndex, createSearchIndex } from '../../src/search/index.js';
import { coldWarMap } from './fixtures.js';

describe('search index built in slices', () => {
  it('gives the same results as the one-go build, pausing between slices', async () => {
    const map = coldWarMap();
    const whole = createSearchIndex(map);
    let pauses = 0;
    // Zero-length slices: one step (16 nodes) per slice. The fixture's 10 nodes make one slice,
    // with a pause before it and one before the tree order is computed.
    const sliced = await buildSearchIndex(map, () => Promise.resolve(pauses++), 0);
    expect(sliced.size).to.equal(whole.size);
    expect(pauses).to.equal(2);
    for (const q of ['Gorbachov', 'Kosvo', 'treaty', 'Two Plus Fuor', 'zzyzx']) {
      expect(sliced.search(q).ids, q).to.deep.equal(whole.search(q).ids);
      expect(sliced.search(q).hits, q).to.deep.equal(whole.search(q).hits);
    }
  });

  it('indexes an empty map', async () => {
    const map = { ...coldWarMap(), nodes: [] };
    const sliced = await buildSearchIndex(map, () => Promise.resolve());
    expect(sliced.size).to.equal(0);
    expect(sliced.search('treaty').ids).to.deep.equal([]);
  });
});
