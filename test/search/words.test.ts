// Forgiving multi-word search (words.ts) and "did you mean" (suggest.ts): exact values.
import { expect } from '@open-wc/testing';
import { createSearchIndex, SEARCH_THRESHOLD } from '../../src/search/index.js';
import { closestWord, editDistance, suggestionBudget, wordCore } from '../../src/search/suggest.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import { lookUpWords, NONE, OFF_TEXT_COST, splitQuery, STEM, STEM_COST, stemOf } from '../../src/search/words.js';
import { coldWarMap } from './fixtures.js';

// Tree order of the fixture: T, c1, p1, q1, cp1, r1, c2, p2, cp2, c3.
const index = createSearchIndex(coldWarMap());

/** [start, end) of `word` in `text`, the n-th time it occurs. */
function at(text: string, word: string, n = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(word, i + 1);
  return [i, i + word.length];
}

describe('search word by word', () => {
  it('splits a folded query into distinct words, each with its edit budget', () => {
    expect(splitQuery('gorbachov nato expantion nato', SEARCH_THRESHOLD)).to.deep.equal([
      { text: 'gorbachov', maxEdits: 2 },
      { text: 'nato', maxEdits: 0 },
      { text: 'expantion', maxEdits: 2 },
    ]);
    // Bitap's limit: a longer word is cut to 32 characters.
    expect(splitQuery('a'.repeat(40), SEARCH_THRESHOLD)[0]!.text).to.equal('a'.repeat(32));
  });

  it('stems only words that keep five characters', () => {
    expect(stemOf('expantion')).to.equal('expan');
    expect(stemOf('expansions')).to.equal('expan');
    expect(stemOf('enlarging')).to.equal('enlarg');
    expect(stemOf('assurances')).to.equal('assuranc');
    expect(stemOf('nation')).to.equal(null);
    expect(stemOf('bombing')).to.equal(null);
    expect(stemOf('gorbachev')).to.equal(null);
  });

  it('marks each vocabulary word as a match within the budget, a stem match or none', () => {
    const vocabulary = new Vocabulary();
    vocabulary.update(0, ['expand expansion explain']);
    const [w] = lookUpWords(vocabulary, 'expantion', SEARCH_THRESHOLD);
    // Word ids in order of first appearance: expand 0, expansion 1, explain 2.
    expect([...w!.match]).to.deep.equal([STEM, 1, NONE]);
    expect(w!.words).to.deep.equal([1, 0]);
    expect(w!.postings).to.equal(2);
  });

  it('finds nodes holding every word, apart and in any field, ranked by the cost of each word', () => {
    const r = index.search('gorbachev nato inch');
    // c1 holds the three words in its text; p1 holds "gorbachev" in its text, "nato" in a
    // source title and "inch" in a pinpoint. Neither holds the words as a phrase.
    expect(r.ids).to.deep.equal(['c1', 'p1']);
    expect(r.hits.map((h) => [h.id, h.score, h.byWords])).to.deep.equal([
      ['c1', 0, true],
      ['p1', (0 + OFF_TEXT_COST + OFF_TEXT_COST) / 3, true],
    ]);
    const c1 = coldWarMap().nodes.find((n) => n.id === 'c1')!;
    expect(r.hits[0]!.highlights).to.deep.equal([
      { field: 'text', text: c1.text, ranges: [at(c1.text, 'Gorbachev'), at(c1.text, 'NATO'), at(c1.text, 'inch')] },
      {
        field: 'quote',
        text: c1.quote!.text,
        ranges: [at(c1.quote!.text, 'Gorbachev'), at(c1.quote!.text, 'NATO'), at(c1.quote!.text, 'inch')],
      },
    ]);
  });

  it('forgives a typo in each word, and costs a word found only outside the text more', () => {
    const r = index.search('Gorbachov eastward promise');
    // cp1: "Gorbachev" (one edit of nine) and "promise" in its text, "eastward" only in its notes.
    expect(r.ids).to.deep.equal(['cp1']);
    expect(r.hits[0]!.score).to.equal((1 / 9 + OFF_TEXT_COST + 0) / 3);
    expect(r.hits[0]!.highlights.map((h) => [h.field, h.ranges.map(([s, e]) => h.text.slice(s, e))])).to.deep.equal([
      ['text', ['Gorbachev', 'promise']],
      ['sourceTitle', ['Gorbachev']],
      ['notes', ['eastward']],
    ]);
  });

  it('matches a word by its stem, at a fixed cost', () => {
    const r = index.search('enlarging poland');
    expect(r.ids).to.deep.equal(['c3']);
    expect(r.hits[0]!.score).to.equal((STEM_COST + 0) / 2);
  });

  it('ranks phrase matches before word-by-word ones', () => {
    // T holds "nato's eastward" as a phrase (one edit); c1 holds both words apart, p1 holds them
    // in a source title and a pinpoint.
    const hits = index.search('nato eastward').hits;
    expect(hits.map((h) => [h.id, h.byWords ?? false])).to.deep.equal([
      ['T', false],
      ['c1', true],
      ['p1', true],
    ]);
  });

  it('applies the filters to word-by-word matches too', () => {
    expect(index.search('gorbachev nato inch', { filters: { origins: ['essay'] } }).ids).to.deep.equal(['c1', 'p1']);
    expect(index.search('gorbachev nato inch', { filters: { noSource: true } }).ids).to.deep.equal(['c1']);
  });
});

describe('did you mean', () => {
  it('measures edits with adjacent swaps counting one, up to a limit', () => {
    expect(editDistance('yelstin', 'yeltsin', 2)).to.equal(1);
    expect(editDistance('kitten', 'sitting', 3)).to.equal(3);
    expect(editDistance('kitten', 'sitting', 2)).to.equal(3);
    expect(editDistance('abc', 'abcdef', 2)).to.equal(3);
    expect(editDistance('', 'ab', 2)).to.equal(2);
  });

  it('allows more edits for longer words, none for one or two letters', () => {
    expect([1, 2, 3, 4, 5, 7, 8, 20].map(suggestionBudget)).to.deep.equal([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('takes the punctuation off the ends of a word', () => {
    expect(wordCore("nato's,")).to.equal("nato's");
    expect(wordCore('"(1990)"')).to.equal('1990');
    expect(wordCore('priština.')).to.equal('priština');
    expect(wordCore('--')).to.equal('');
  });

  it('picks the closest word, then the one more documents hold, then the first alphabetically', () => {
    const vocabulary = new Vocabulary();
    // "cake." and "cake" are one word held by two documents.
    vocabulary.update(0, ['bake cake. fake']);
    vocabulary.update(1, ['cake']);
    expect(closestWord(vocabulary, 'dake')).to.equal('cake');
    // Now every word is held once: alphabetical order decides.
    vocabulary.update(1, ['lake']);
    expect(closestWord(vocabulary, 'dake')).to.equal('bake');
    expect(closestWord(vocabulary, 'cakes')).to.equal('cake');
    expect(closestWord(vocabulary, 'zzzz')).to.equal(null);
  });

  it('suggests the map’s own words when nothing matches, and only a query that finds something', () => {
    expect(index.search('Gorbahcevv')).to.deep.equal({ hits: [], ids: [], suggestion: 'gorbachev' });
    // "eastwrad" is two edits from "eastward" (one allowed): corrected with the other word.
    expect(index.search('Gorbahcevv eastwrad').suggestion).to.equal('gorbachev eastward');
    expect(index.search('gorbachev eastwrad').suggestion).to.equal('gorbachev eastward');
    // Both words are in the map, never in one node: nothing to correct.
    expect(index.search('priština gorbachev')).to.deep.equal({ hits: [], ids: [] });
    // Nothing close enough.
    expect(index.search('zzyzx')).to.deep.equal({ hits: [], ids: [] });
    // The suggestion would find nothing with these filters, so none is made.
    expect(index.search('Gorbahcevv', { filters: { kinds: ['rebuttal'] } })).to.deep.equal({ hits: [], ids: [] });
  });
});
