import { expect } from '@open-wc/testing';
import { Best } from '../../src/search/best.js';
import { placeable, type NearWord } from '../../src/search/placement.js';

describe('search ranking parts', () => {
  it('Best keeps the best few by tier, then score, then order', () => {
    const best = new Best<string>(3);
    best.offer('fuzzy', 2, 0.1, 0);
    best.offer('phrase-late', 0, 0.3, 5);
    best.offer('field', 1, 0.0, 1);
    best.offer('phrase-early', 0, 0.3, 2);
    best.offer('phrase-better', 0, 0.1, 9);
    expect(best.sorted().map((r) => r.entry)).to.deep.equal(['phrase-better', 'phrase-early', 'phrase-late']);
    expect(new Best<string>(2).sorted()).to.deep.equal([]);
  });

  it('placeable lays query words on the text within the edit budget, inside one value', () => {
    // Vocabulary of 4 words; a query word is exact on one of them (0 edits), 3 edits from the rest.
    const near = (token: number, word: number): NearWord => ({
      token,
      edits: Uint8Array.from([0, 1, 2, 3], (w) => (w === word ? 0 : 3)),
    });
    // A node's two values (markers -1 and -2) in ids[1, 7); the rest is not the node's.
    const ids = Int32Array.from([2, -1, 0, 1, 2, -2, 3, 0]);
    const place = (words: NearWord[], budget: number, pivot: number) => placeable(ids, 1, 7, words, budget, pivot);
    expect(place([near(0, 0), near(1, 1)], 0, 0)).to.equal(true);
    // One word apart in the query, two in the text: one edit.
    expect(place([near(0, 0), near(1, 2)], 0, 0)).to.equal(false);
    expect(place([near(0, 0), near(1, 2)], 1, 1)).to.equal(true);
    // Word 3 is in the next value: no budget bridges the end of a value.
    expect(place([near(0, 2), near(1, 3)], 2, 0)).to.equal(false);
    // Nor the end of the node's words: the word 0 after word 3 is not the node's.
    expect(place([near(0, 3), near(1, 0)], 2, 0)).to.equal(false);
    expect(placeable(ids, 1, 8, [near(0, 3), near(1, 0)], 2, 0)).to.equal(true);
  });
});
