import { expect } from '@open-wc/testing';
import { buildTree } from '../../src/model/tree.js';
import {
  createSearchIndex,
  DEFAULT_LIMIT,
  formatPath,
  highlight,
  visibleWithAncestors,
  type SearchHit,
} from '../../src/search/index.js';
import { citation, coldWarMap, node, source } from './fixtures.js';

// Tree order of the fixture: T, c1, p1, q1, cp1, r1, c2, p2, cp2, c3.
const index = createSearchIndex(coldWarMap());
const ids = (query: string, filters = {}): string[] => index.search(query, { filters }).ids;
const hitIds = (query: string): string[] => index.search(query).hits.map((h) => h.id);
const hit = (query: string, id: string): SearchHit => index.search(query).hits.find((h) => h.id === id)!;

describe('search index', () => {
  it('finds words despite typos', () => {
    expect(ids('Gorbachov')).to.deep.equal(['c1', 'p1', 'cp1']);
    expect(ids('Gorbechov')).to.deep.equal(['c1', 'p1', 'cp1']);
    expect(ids('Pristna')).to.deep.equal(['cp2']);
    expect(ids('Kosvo')).to.deep.equal(['c2', 'cp2']);
    expect(ids('Two Plus Fuor')).to.deep.equal(['c1', 'r1']);
    // Too far from anything: "Gorbatschow" needs four edits.
    expect(ids('Gorbatschow')).to.deep.equal([]);
  });

  it('ranks exact phrases first, then fuse score, then tree order', () => {
    // c1's text holds the phrase; p1 only in a citation's pinpoint; q1 and cp1 say "an inch".
    const hits = index.search('one inch eastward').hits;
    expect(hits.map((h) => h.id)).to.deep.equal(['c1', 'p1', 'q1', 'cp1']);
    // fuse alone would put q1 (a short text, fuzzy) above p1 (a phrase in a pinpoint).
    const score = Object.fromEntries(hits.map((h) => [h.id, h.score]));
    expect(score.q1).to.be.lessThan(score.p1!);
    // Every hit holds "gorbachev" in its text, so fuse's score decides: shorter texts first.
    expect(hitIds('gorbachev')).to.deep.equal(['cp1', 'p1', 'c1']);
    // A phrase in a source title counts as a phrase, below those in the node's own text.
    expect(hitIds('NATO')).to.deep.equal(['c1', 'T', 'c2', 'p1']);
    // With equal scores, tree order decides.
    const twins = createSearchIndex({
      ...coldWarMap(),
      nodes: [
        node('T', null, null, 'V', 'Thesis'),
        node('b', 'T', 'supports', 'k', 'Kosovo'),
        node('a', 'T', 'supports', 'V', 'Kosovo'),
      ],
      citations: [],
      ratings: [],
    });
    expect(twins.search('kosovo').hits.map((h) => h.id)).to.deep.equal(['a', 'b']);
  });

  it('finds a node by the title, authors or pinpoint of a source it cites', () => {
    const byTitle = index.search('what gorbachev heard').hits;
    expect(byTitle.map((h) => h.id)).to.deep.equal(['p1']);
    expect(byTitle[0]!.highlights).to.deep.equal([
      { field: 'sourceTitle', text: 'NATO Expansion: What Gorbachev Heard', sourceId: 's1', ranges: [[16, 36]] },
    ]);
    expect(hit('Savranskaya', 'p1').highlights).to.deep.equal([
      { field: 'sourceAuthors', text: 'Svetlana Savranskaya; Tom Blanton', sourceId: 's1', ranges: [[9, 20]] },
    ]);
    expect(index.search('850,000 refugees').hits.map((h) => [h.id, h.highlights])).to.deep.equal([
      [
        'cp2',
        [
          {
            field: 'pinpoint',
            text: 'p. 214, on the return of 850,000 refugees',
            sourceId: 's3',
            citationId: 'ci4',
            ranges: [[25, 41]],
          },
        ],
      ],
    ]);
    expect(ids('memorandum of conversation')).to.deep.equal(['p1']);
  });

  it('highlights ranges of the original text, diacritics and Markdown included', () => {
    const cp2 = hit('Pristina', 'cp2');
    const text = 'The intervention ended ethnic cleansing in Kosovo and let refugees return to Priština.';
    expect(cp2.highlights).to.deep.equal([{ field: 'text', text, ranges: [[77, 85]] }]);
    expect(highlight(text, cp2.highlights[0]!.ranges)).to.deep.equal([
      { text: 'The intervention ended ethnic cleansing in Kosovo and let refugees return to ', match: false },
      { text: 'Priština', match: true },
      { text: '.', match: false },
    ]);
    // "**Kosovo**": the mark covers the word, not the asterisks around it.
    expect(hit('kosovo', 'c2').highlights.map((h) => [h.field, h.ranges])).to.deep.equal([['text', [[34, 40]]]]);
    expect(hit('gorbachev', 'p1').highlights.map((h) => [h.field, h.ranges])).to.deep.equal([
      ['text', [[36, 45]]],
      ['sourceTitle', [[21, 30]]],
    ]);
    // fuse marks each exact occurrence; fuzzy windows keep only runs of two or more.
    expect(hit('Gorbechov', 'cp1').highlights.map((h) => [h.field, h.ranges])).to.deep.equal([
      [
        'text',
        [
          [0, 4],
          [5, 9],
        ],
      ],
      [
        'sourceTitle',
        [
          [8, 12],
          [13, 17],
        ],
      ],
    ]);
  });

  it('gives each hit its kind and path', () => {
    const r1 = hit('two plus four', 'r1');
    expect([r1.kind, r1.path]).to.deep.equal(['rebuttal', ['T', 'c1', 'cp1']]);
    expect(formatPath(r1.path, (id) => index.node(id)?.text)).to.equal(
      'Thesis > Western leaders assured… > Gorbachev later denied…',
    );
    const kinds = Object.fromEntries(
      index.search('', { filters: { origins: ['essay', 'added'] } }).hits.map((h) => [h.id, h.kind]),
    );
    expect(kinds).to.deep.equal({
      T: 'thesis',
      c1: 'claim',
      p1: 'premise',
      q1: 'premise',
      cp1: 'counterpoint',
      r1: 'rebuttal',
      c2: 'claim',
      p2: 'premise',
      cp2: 'counterpoint',
      c3: 'counterpoint',
    });
    expect(hit('NATO', 'T').path).to.deep.equal([]);
  });

  it('filters by kind, origin, sources, ratings and date, alone and combined', () => {
    expect(ids('', { kinds: ['counterpoint', 'rebuttal'] })).to.deep.equal(['cp1', 'r1', 'cp2', 'c3']);
    expect(ids('', { kinds: ['premise'], origins: ['essay'] })).to.deep.equal(['p1', 'q1', 'p2']);
    expect(ids('', { origins: ['added'] })).to.deep.equal(['cp1', 'r1', 'cp2', 'c3']);
    expect(ids('', { noSource: true })).to.deep.equal(['T', 'c1', 'q1', 'r1', 'c2', 'p2', 'c3']);
    expect(ids('', { unrated: true })).to.deep.equal(['T', 'c1', 'q1', 'cp1', 'r1', 'p2', 'c3']);
    expect(ids('', { ratedBy: 'Ana' })).to.deep.equal(['p1', 'cp2']);
    expect(ids('', { ratedBy: 'Ben' })).to.deep.equal(['p1', 'c2']);
    expect(ids('', { ratedBy: 'Nobody' })).to.deep.equal([]);
    expect(ids('', { changedSince: '2025-02-24' })).to.deep.equal(['c1', 'cp1', 'r1', 'cp2']);
    // An offset is converted, not compared as text: this is 2025-02-24T00:00Z.
    expect(ids('', { changedSince: '2025-02-24T01:00:00+01:00' })).to.deep.equal(['c1', 'cp1', 'r1', 'cp2']);
    expect(ids('', { changedSince: '2025-02-24T09:00:00.000Z' })).to.deep.equal(['c1', 'cp2']);
    expect(ids('', { kinds: ['counterpoint', 'rebuttal'], unrated: true, changedSince: '2025-02-24' })).to.deep.equal([
      'cp1',
      'r1',
    ]);
    expect(ids('', { unrated: true, ratedBy: 'Ana' })).to.deep.equal([]);
    expect(ids('', { noSource: true, kinds: ['claim'], origins: ['essay'] })).to.deep.equal(['c1', 'c2']);
    // With a query, filters narrow its matches.
    expect(ids('gorbachev', { kinds: ['premise'] })).to.deep.equal(['p1']);
    expect(ids('kosovo', { ratedBy: 'Ana' })).to.deep.equal(['cp2']);
    expect(ids('kosovo', { noSource: true })).to.deep.equal(['c2']);
    expect(ids('one inch eastward', { origins: ['essay'], noSource: true })).to.deep.equal(['c1', 'q1']);
    expect(() => ids('', { changedSince: 'last week' })).to.throw(RangeError);
  });

  it('returns nothing without a query or a filter, and every match in ids', () => {
    expect(index.search('')).to.deep.equal({ hits: [], ids: [] });
    expect(index.search('   ', { filters: { kinds: [], origins: [] } })).to.deep.equal({ hits: [], ids: [] });
    const some = index.search('', { filters: { unrated: true }, limit: 2 });
    expect(some.hits.map((h) => [h.id, h.score, h.highlights])).to.deep.equal([
      ['T', 0, []],
      ['c1', 0, []],
    ]);
    expect(some.ids).to.have.length(7);
    const one = index.search('gorbachev', { limit: 1 });
    expect(one.hits.map((h) => h.id)).to.deep.equal(['cp1']);
    expect(one.ids).to.deep.equal(['c1', 'p1', 'cp1']);
    expect(DEFAULT_LIMIT).to.equal(50);
  });

  it('does not find a query word split by a space in the text, which fuse alone would', () => {
    const split = createSearchIndex({
      ...coldWarMap(),
      nodes: [
        node('T', null, null, 'V', 'Refugees fled Koso vo in 1999.'),
        node('a', 'T', 'supports', 'V', 'Kosovo declared independence.'),
      ],
      citations: [],
      ratings: [],
    });
    expect(split.search('kosovo').ids).to.deep.equal(['a']);
    // fuse matches "koso vo" with one edit (the space); the index looks words up whole.
    expect(split.search('koso vo').ids).to.deep.equal(['T', 'a']);
  });

  it('keeps searching while a batch of edits leaves the tree broken', () => {
    const live = createSearchIndex(coldWarMap());
    // cp1 deleted before its child r1: r1 is still found, last in tree order, without a path.
    live.removeNodes(['cp1']);
    const r1 = live.search('two plus four').hits.find((h) => h.id === 'r1')!;
    expect([r1.kind, r1.path]).to.deep.equal(['counterpoint', []]);
    expect(live.search('', { filters: { origins: ['added'] } }).ids).to.deep.equal(['cp2', 'c3', 'r1']);
    // c2 moved under its own child: a cycle, cut off from the thesis, must not hang a search.
    live.upsertNode(node('c2', 'cp2', 'supports', 'V', 'The 1999 bombing of Serbia over Kosovo.'));
    expect(live.search('kosovo').ids).to.deep.equal(['c2', 'cp2']);
    expect(live.search('kosovo').hits.find((h) => h.id === 'cp2')!.path).to.deep.equal(['c2']);
  });

  it('shows matches with their ancestors', () => {
    const tree = buildTree(coldWarMap().nodes);
    expect([...visibleWithAncestors(tree, ids('Kosvo'))].sort()).to.deep.equal(['T', 'c2', 'cp2']);
    expect([...visibleWithAncestors(tree, ids('two plus four'))].sort()).to.deep.equal(['T', 'c1', 'cp1', 'r1']);
  });

  it('follows edits of nodes, sources, citations and ratings', () => {
    const live = createSearchIndex(coldWarMap());
    live.upsertNode(
      node('c3', 'T', 'opposes', 'k', 'Enlargement anchored the Baltic states as democracies.', { origin: 'added' }),
    );
    expect(live.search('Poland').ids).to.deep.equal([]);
    expect(live.search('baltic').ids).to.deep.equal(['c3']);
    // A new source title reaches the nodes citing it, and only through them.
    live.upsertSource(source('s3', 'Kosovo: War and Revenge', 'Tim Judah'));
    expect(live.search('revenge').ids).to.deep.equal(['cp2']);
    expect(live.search('Independent International Commission').ids).to.deep.equal([]);
    live.upsertCitation(citation('ci5', 'c3', 's3', 'ch. 9'));
    expect(live.search('tim judah').ids).to.deep.equal(['cp2', 'c3']);
    live.removeCitations(['ci4']);
    expect(live.search('tim judah').ids).to.deep.equal(['c3']);
    live.removeSources(['s3']);
    expect(live.search('tim judah').ids).to.deep.equal([]);
    expect(live.search('', { filters: { noSource: true, kinds: ['counterpoint'] } }).ids).to.deep.equal(['cp2', 'c3']);
    live.setRatings('c3', [{ rater: 'Cleo', value: 4 }]);
    expect(live.search('', { filters: { ratedBy: 'Cleo' } }).ids).to.deep.equal(['c3']);
    live.setRatings('c3', [{ rater: 'Ana', relevance: 4 }]);
    expect(live.search('', { filters: { ratedBy: 'Cleo' } }).ids).to.deep.equal([]);
    expect(live.search('', { filters: { ratedBy: 'Ana', relevance: 'high' } }).ids).to.deep.equal(['c3']);
    live.setRatings('c3', []);
    expect(live.search('', { filters: { ratedBy: 'Cleo' } }).ids).to.deep.equal([]);
    expect(live.search('', { filters: { ratedBy: 'Ana', relevance: 'high' } }).ids).to.deep.equal([]);
    // Moving r1 under c2 changes its kind (an opposer of a claim is a counterpoint) and path.
    live.upsertNode(
      node(
        'r1',
        'c2',
        'opposes',
        'z',
        'His 2014 interview contradicts what he said about the Two Plus Four talks in 1990.',
      ),
    );
    const moved = live.search('two plus four').hits.find((h) => h.id === 'r1')!;
    expect([moved.kind, moved.path]).to.deep.equal(['counterpoint', ['T', 'c2']]);
    expect(live.search('two plus four').ids).to.deep.equal(['c1', 'r1']);
    live.removeNodes(['c2', 'p2', 'cp2', 'r1']);
    expect(live.search('kosovo').ids).to.deep.equal([]);
    expect(live.search('', { filters: { ratedBy: 'Ana' } }).ids).to.deep.equal(['p1']);
    expect(live.size).to.equal(6);
  });
});
