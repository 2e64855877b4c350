// The search index's compact storage: the pooled word-id sequences, the markers that say which
// field each value is, the exponents derived from word counts, and highlights finished where the
// text is (an index that keeps no node text). Exact values in, exact values out.
import { expect } from '@open-wc/testing';
import { fieldNorm } from '../../src/search/approx.js';
import { unfoldHighlights, type FieldHighlight } from '../../src/search/hit-highlights.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { exponentOf, FUSE_OPTIONS, joinWords, KEYS, nodeFields, valueEnd } from '../../src/search/scoring.js';
import { Postings } from '../../src/search/postings.js';
import { RatingTable, ratingsByNode } from '../../src/search/rating-table.js';
import { SequencePool } from '../../src/search/sequence-pool.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import { coldWarMap, rating } from './fixtures.js';

const seq = (...ids: number[]) => Int32Array.from(ids);
const list = (a: ArrayLike<number>) => Array.from(a);

describe('search: compact storage', () => {
  it('SequencePool keeps one sequence per slot end to end, in place when it does not grow', () => {
    const pool = new SequencePool();
    pool.set(0, seq(-1, 5, 6, 7), 4);
    pool.set(2, seq(-1, 8, 9, 99), 3); // only the first three
    expect(list(pool.get(0))).to.deep.equal([-1, 5, 6, 7]);
    expect(list(pool.get(1))).to.deep.equal([]);
    expect(list(pool.get(2))).to.deep.equal([-1, 8, 9]);
    expect(list(pool.get(40))).to.deep.equal([]);
    expect([pool.starts[0], pool.ends[0], pool.starts[2], pool.ends[2]]).to.deep.equal([0, 4, 4, 7]);
    expect(list(pool.ids.subarray(0, 7))).to.deep.equal([-1, 5, 6, 7, -1, 8, 9]);
    // Shorter: in place, leaving one id of waste.
    pool.set(0, seq(-1, 1, 2), 3);
    expect([pool.starts[0], pool.ends[0]]).to.deep.equal([0, 3]);
    expect(pool.stats).to.deep.equal({ used: 6, waste: 1, capacity: 256 });
    // Longer: moved to the end; its old place is waste.
    pool.set(2, seq(-1, 8, 9, -4, 3), 5);
    expect([pool.starts[2], pool.ends[2]]).to.deep.equal([7, 12]);
    expect(list(pool.get(2))).to.deep.equal([-1, 8, 9, -4, 3]);
    expect(pool.stats).to.deep.equal({ used: 8, waste: 4, capacity: 256 });
    pool.clear(0);
    expect(list(pool.get(0))).to.deep.equal([]);
    expect(pool.stats).to.deep.equal({ used: 5, waste: 7, capacity: 256 });
    // trim() compacts in slot order, with a little room to spare (at least 256).
    pool.trim();
    expect([pool.starts[0], pool.ends[0], pool.starts[2], pool.ends[2]]).to.deep.equal([0, 0, 0, 5]);
    expect(list(pool.ids.subarray(0, 5))).to.deep.equal([-1, 8, 9, -4, 3]);
    expect(pool.stats).to.deep.equal({ used: 5, waste: 0, capacity: 256 });
  });

  it('SequencePool holds 16-bit values until one needs 32', () => {
    const pool = new SequencePool();
    pool.set(0, seq(-6, 32767, -32768), 3);
    expect([pool.wide, pool.ids instanceof Int16Array]).to.deep.equal([false, true]);
    pool.set(1, seq(-1, 32768, 7), 3);
    expect([pool.wide, pool.ids instanceof Int32Array]).to.deep.equal([true, true]);
    expect([list(pool.get(0)), list(pool.get(1))]).to.deep.equal([
      [-6, 32767, -32768],
      [-1, 32768, 7],
    ]);
    pool.trim();
    expect(list(pool.ids.subarray(0, 6))).to.deep.equal([-6, 32767, -32768, -1, 32768, 7]);
  });

  it('SequencePool grows by a quarter, and compacts first when a quarter of it is waste', () => {
    const pool = new SequencePool();
    const long = Int32Array.from({ length: 200 }, (_, i) => i);
    pool.set(0, long, 200);
    pool.set(1, long, 50);
    // 250 of 256 used: 10 more do not fit and there is no waste, so the pool grows to 1.25 x 260.
    pool.set(2, long, 10);
    expect(pool.stats).to.deep.equal({ used: 260, waste: 0, capacity: 325 });
    expect(list(pool.get(2))).to.deep.equal(list(long.subarray(0, 10)));
    // Slot 0 grows: 201 more do not fit, and its old 200 are waste (more than a quarter), so the
    // pool is compacted first (in slot order, room for 261 and a 32nd more), then slot 0 goes last.
    pool.set(0, long, 200);
    pool.set(
      0,
      Int32Array.from({ length: 201 }, (_, i) => 1000 + i),
      201,
    );
    expect(pool.stats).to.deep.equal({ used: 261, waste: 0, capacity: 270 });
    expect([pool.starts[0], pool.ends[0], pool.starts[1], pool.ends[1], pool.starts[2], pool.ends[2]]).to.deep.equal([
      60, 261, 0, 50, 50, 60,
    ]);
    expect(pool.get(0)[200]).to.equal(1200);
    expect(list(pool.get(1))).to.deep.equal(list(long.subarray(0, 50)));
  });

  it('a vocabulary keeps each document as word ids after a marker per value, -(key + 1)', () => {
    const vocabulary = new Vocabulary();
    vocabulary.update(0, ['nato moved east', 'baker'], [0, 3]);
    vocabulary.update(1, ['east'], [1]);
    expect(list(vocabulary.sequenceOf(0))).to.deep.equal([-1, 0, 1, 2, -4, 3]);
    expect(list(vocabulary.sequenceOf(1))).to.deep.equal([-2, 2]);
    expect([...vocabulary.holders(2)].sort()).to.deep.equal([0, 1]);
    const s = vocabulary.sequences();
    expect(valueEnd(s.ids, s.starts[0]!, s.ends[0]!)).to.equal(s.starts[0]! + 4);
    expect(joinWords(s.words, s.ids, s.starts[0]! + 1, s.starts[0]! + 4)).to.equal('nato moved east');
    expect(nodeFields(s, 0)).to.deep.equal({ text: 'nato moved east', quote: '', notes: 'baker' });
    expect(nodeFields(s, 1)).to.deep.equal({ text: '', quote: 'east', notes: '' });
    // Retyped: only the new sequence remains, and words no document holds have no holders.
    vocabulary.update(0, ['nato stayed'], [0]);
    expect(list(vocabulary.sequenceOf(0))).to.deep.equal([-1, 0, 4]);
    expect([...vocabulary.holders(1)]).to.deep.equal([]);
    vocabulary.remove(1);
    expect(list(vocabulary.sequenceOf(1))).to.deep.equal([]);
    expect([...vocabulary.holders(2)]).to.deep.equal([]);
  });

  it('Postings keep a list for a rare word and a bitmap for a word more than one slot in 32 holds', () => {
    const postings = new Postings();
    const rare = postings.addWord();
    const common = postings.addWord();
    expect([rare, common, postings.words]).to.deep.equal([0, 1, 2]);
    // 1000 slots; the common word in every 10th (100 of them), the rare one in three.
    for (let slot = 0; slot < 1000; slot++) {
      if (slot % 10 === 0) postings.add(common, slot);
      if (slot === 5 || slot === 500 || slot === 999) postings.add(rare, slot);
    }
    expect([postings.dense(rare), postings.count(rare)]).to.deep.equal([false, 3]);
    expect(postings.holders(rare)).to.deep.equal([5, 500, 999]);
    // The 64th holder came with slot 630, when 64 * 32 > 631: from then on a bitmap.
    expect([postings.dense(common), postings.count(common)]).to.deep.equal([true, 100]);
    expect(postings.holders(common)).to.deep.equal(Array.from({ length: 100 }, (_, i) => i * 10));
    // Removing: a list swaps its last item in; a bitmap clears a bit; absent slots change nothing.
    postings.remove(rare, 5);
    postings.remove(rare, 6);
    expect(postings.holders(rare)).to.deep.equal([999, 500]);
    postings.remove(common, 990);
    postings.remove(common, 991);
    postings.remove(common, 5000);
    expect(postings.count(common)).to.equal(99);
    // The bitmap, made for 640 slots when slot 630 came, doubled for slot 640: 1030 fits.
    postings.add(common, 1030);
    expect(postings.holders(common).slice(-3)).to.deep.equal([970, 980, 1030]);
    // Fewer than one holder in 64 of its 1280 slots: back to a list.
    for (let slot = 0; slot < 800; slot += 10) postings.remove(common, slot);
    expect([postings.dense(common), postings.count(common)]).to.deep.equal([true, 20]);
    postings.remove(common, 800);
    expect([postings.dense(common), postings.count(common)]).to.deep.equal([false, 19]);
    expect(postings.holders(common)).to.deep.equal([
      810, 820, 830, 840, 850, 860, 870, 880, 890, 900, 910, 920, 930, 940, 950, 960, 970, 980, 1030,
    ]);
    // A list that grew dense again among many slots takes a bitmap again.
    for (let slot = 1031; slot < 1100; slot++) postings.add(common, slot);
    expect([postings.dense(common), postings.count(common)]).to.deep.equal([true, 88]);
  });

  it('RatingTable keeps ratings in columns, by node, in the order given', () => {
    const table = new RatingTable();
    table.setNode('a', [{ rater: 'Ana', value: 3 }, { rater: 'Ben', value: 0, relevance: 4 }, { rater: 'Cy' }]);
    table.setNode('b', [{ rater: 'Ben', relevance: 0 }]);
    expect(table.of('a')).to.deep.equal([
      { rater: 'Ana', value: 3 },
      { rater: 'Ben', value: 0, relevance: 4 },
      { rater: 'Cy' },
    ]);
    expect(table.of('b')).to.deep.equal([{ rater: 'Ben', relevance: 0 }]);
    expect(table.of('c')).to.deep.equal([]);
    expect([table.size, table.rows]).to.deep.equal([4, 4]);
    // Replaced: the node's list is the new one, in its order, in the rows it freed.
    table.setNode('a', [
      { rater: 'Cy', value: 1 },
      { rater: 'Ana', value: 1, relevance: 2 },
    ]);
    expect(table.of('a')).to.deep.equal([
      { rater: 'Cy', value: 1 },
      { rater: 'Ana', value: 1, relevance: 2 },
    ]);
    expect([table.size, table.rows]).to.deep.equal([3, 4]);
    // Grown: the freed row is taken first, then a new one.
    table.setNode('a', [{ rater: 'Ana' }, { rater: 'Ben', value: 2 }, { rater: 'Cy', relevance: 1 }, { rater: 'Dee' }]);
    expect(table.of('a').map((r) => r.rater)).to.deep.equal(['Ana', 'Ben', 'Cy', 'Dee']);
    expect([table.size, table.rows]).to.deep.equal([5, 5]);
    // Deleted, or set to none: the node has no ratings, the other keeps its own.
    table.deleteNode('a');
    table.deleteNode('nope');
    expect(table.of('a')).to.deep.equal([]);
    expect(table.nodeIdOf('a')).to.equal(undefined);
    expect(table.of('b')).to.deep.equal([{ rater: 'Ben', relevance: 0 }]);
    table.setNode('b', []);
    expect(table.of('b')).to.deep.equal([]);
    expect([table.size, table.rows]).to.deep.equal([0, 5]);
    // Free rows are reused, and a node's id string is shared by its ratings and kept when replaced.
    const id = ['x', 'y'].join('');
    table.setNode(id, [{ rater: 'Dee', value: 2 }, { rater: 'Dee' }]);
    table.setNode('xy', [{ rater: 'Ed', value: 4 }]);
    expect(table.nodeIdOf('xy')).to.equal(id);
    expect(table.of('xy')).to.deep.equal([{ rater: 'Ed', value: 4 }]);
    for (let i = 0; i < 7; i++) {
      table.setNode(
        `n${i}`,
        Array.from({ length: 14 }, (_, k) => ({ rater: `R${k}`, value: (k % 5) as 0 | 1 | 2 | 3 | 4 })),
      );
    }
    expect([table.size, table.rows]).to.deep.equal([99, 99]);
    expect(table.of('n3').map((r) => `${r.rater}:${r.value}`)).to.deep.equal(
      [...Array(14).keys()].map((k) => `R${k}:${k % 5}`),
    );
    table.deleteNode('n3');
    table.setNode('n3', [{ rater: 'Fay', relevance: 3 }]);
    expect([table.size, table.rows]).to.deep.equal([86, 99]);
    expect(table.of('n3')).to.deep.equal([{ rater: 'Fay', relevance: 3 }]);
    expect(table.of('n4')).to.have.length(14);
  });

  it('ratingsByNode groups the facts of ratings by node, in their order', () => {
    const ratings = [
      rating('r1', 'a', 'Ana', 3),
      { ...rating('r2', 'b', 'Ben', 1), relevance: 4 as const },
      { ...rating('r3', 'a', 'Cy', 0), rationale: 'not kept' },
      rating('r4', 'a', 'Ana', 2),
    ];
    expect(ratingsByNode(ratings)).to.deep.equal([
      {
        nodeId: 'a',
        ratings: [
          { rater: 'Ana', value: 3 },
          { rater: 'Cy', value: 0 },
          { rater: 'Ana', value: 2 },
        ],
      },
      { nodeId: 'b', ratings: [{ rater: 'Ben', value: 1, relevance: 4 }] },
    ]);
    // Only some nodes: each of them, the ones without ratings too.
    expect(ratingsByNode(ratings, new Set(['c', 'b']))).to.deep.equal([
      { nodeId: 'c', ratings: [] },
      { nodeId: 'b', ratings: [{ rater: 'Ben', value: 1, relevance: 4 }] },
    ]);
  });

  it('derives the exponent fuse gives a field from its key and number of words', () => {
    const total = KEYS.reduce((sum, k) => sum + k.weight, 0);
    for (const [k, text] of [
      [0, 'one'],
      [1, 'one two three four'],
      [3, 'a b c'],
      [5, 'the quick brown fox jumps over the lazy dog again and again'],
    ] as const) {
      expect(exponentOf(k, text.split(' ').length)).to.equal((KEYS[k]!.weight / total) * fieldNorm(text));
    }
    expect(exponentOf(0, 4)).to.equal((4 / 10.5) * 0.5);
    expect(FUSE_OPTIONS.keys).to.have.length(KEYS.length);
  });

  it('finishes folded highlights from the node text, as an index keeping the text would', () => {
    const folded: FieldHighlight[] = [
      {
        field: 'text',
        text: '',
        ranges: [
          [0, 4],
          [6, 6],
          [30, 40],
        ],
        folded: true,
      },
      { field: 'notes', text: '', ranges: [[4, 12]], folded: true },
      { field: 'quote', text: '', ranges: [[0, 3]], folded: true },
      { field: 'sourceTitle', text: 'Cold War', ranges: [[0, 4]], sourceId: 's1' },
    ];
    // "**Priština** is" folds to "pristina is": markers dropped, "š" one unit; [30, 40] is past the end.
    const node = { text: '**Priština** is', notes: 'The  Baker notes' };
    expect(unfoldHighlights(folded, node)).to.deep.equal([
      {
        field: 'text',
        text: '**Priština** is',
        ranges: [
          [2, 7],
          [8, 9],
        ],
      },
      { field: 'notes', text: 'The  Baker notes', ranges: [[5, 14]] },
      { field: 'sourceTitle', text: 'Cold War', ranges: [[0, 4]], sourceId: 's1' },
    ]);
    expect(unfoldHighlights(folded, undefined)).to.deep.equal([folded[3]]);
  });

  it('an index of more than 32,768 distinct words widens its word ids and still finds them', () => {
    const bundle = coldWarMap();
    const many = Array.from({ length: 33000 }, (_, i) => `w${i}`).join(' ');
    bundle.nodes = [
      ...bundle.nodes,
      { ...bundle.nodes[1]!, id: 'big', text: many },
      { ...bundle.nodes[1]!, id: 'two', text: 'alpha w32999 omega' },
    ];
    const index = new SearchIndex(bundle, true, { keepText: false });
    expect(index.search('w32999 omega').ids).to.deep.equal(['two']);
    expect(index.search('w1234 w1235').ids).to.deep.equal(['big']);
    const hit = index.search('w32999').hits.find((h) => h.id === 'two')!;
    expect(unfoldHighlights(hit.highlights, bundle.nodes.at(-1))).to.deep.equal([
      { field: 'text', text: 'alpha w32999 omega', ranges: [[6, 12]] },
    ]);
  });

  it('an index keeping no node text finds the same, with highlights left folded', () => {
    const bundle = coldWarMap();
    const full = new SearchIndex(bundle);
    const lean = new SearchIndex(bundle, true, { keepText: false });
    const byId = new Map(bundle.nodes.map((n) => [n.id, n]));
    for (const q of ['gorbachev', 'inch eastward', 'Gorbachov nato', 'baker', 'two plus four', 'pristina']) {
      const a = full.search(q);
      const b = lean.search(q);
      expect(b.ids, q).to.deep.equal(a.ids);
      expect(
        b.hits.some((h) => h.highlights.some((x) => x.folded)),
        q,
      ).to.equal(true);
      expect(
        b.hits.map((h) => ({ ...h, highlights: unfoldHighlights(h.highlights, byId.get(h.id)) })),
        q,
      ).to.deep.equal(a.hits);
    }
    expect(lean.node('c1')!.text).to.equal('');
    expect(lean.documents()).to.deep.equal(full.documents());
  });
});
