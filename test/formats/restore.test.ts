/**
 * restore() pinned exactly: the records, ids, order keys and errors (with their locations and
 * order) it gives for seeded valid and broken files are the ones the implementation before the
 * speed-up (issue #9) gave. The expected values below were produced by that implementation; a
 * change to any result changes them.
 */
import { expect } from '@open-wc/testing';
import type { ImportResult } from '../../src/formats/errors.js';
import { exportMarkdown, importMarkdown } from '../../src/formats/markdown/index.js';
import { restore } from '../../src/formats/restore.js';
import { randomMap, smallMap } from './helpers.js';
import { badCases, brokenCases, digest, mapFile, validCases } from './restore-cases.js';

const NOW = '2024-06-01T00:00:00.000Z';
const run = (file: unknown): ImportResult => restore(file, { now: NOW });
const errorLines = (r: ImportResult): string[] =>
  r.ok ? [] : r.errors.map((e) => `${e.field ?? '(none)'}: ${e.message}`);

/** Digests of restore()'s whole result for each of validCases(). */
const VALID: Array<[string, string]> = [
  ['small map', '163ef8e7fa76b171'],
  ['random map 1', '09bdbe5e6470c364'],
  ['random map 1, Markdown-shaped', '58770f9aa83f70b4'],
  ['random map 2', 'fae996d7bd94c12c'],
  ['random map 2, Markdown-shaped', 'd8214e074ac0f74a'],
  ['random map 3', '0d267b83c8d85bcd'],
  ['random map 3, Markdown-shaped', 'efc655ea5b613895'],
  ['random map 4', '1c0492aac4311ed3'],
  ['random map 4, Markdown-shaped', 'c2509b220ddaad10'],
  ['random map 5', '5b164348ecf4ff63'],
  ['random map 5, Markdown-shaped', '20d9c3ce345dd119'],
  ['random map 6', '653d70087de5fefe'],
  ['random map 6, Markdown-shaped', '528d47967ee4e6c2'],
  ['derived ids', '5f72868efc8f7721'],
  ['timestamps', '06be238a0c1f30c6'],
  ['mixed order keys, reversed, nulls', '0ccdaab4847dd2a3'],
  ['backup of three maps', '9fd41ed442b0e6cd'],
];

/** Digests of restore()'s results for brokenCases(300), 50 cases each. */
// Updated when "neutral" joined the relations named in the relation error message.
const BROKEN = [
  '7aa83912aaccaf4a',
  'd00a7ffdf5c88346',
  'ad5c270295ea545c',
  '8b0924eb2a71421e',
  '23f0b2e5f1173358',
  '749f88a613c87eeb',
];

/** The exact errors for each of badCases(). */
const BAD: Record<string, string[]> = {
  'duplicate node ids': ['nodes[3] (id "c1"): duplicate node id', 'nodes[3] (id "c1"): duplicate node id'],
  'unknown keys everywhere': [
    'map.colour: is not a known field (a typo?)',
    'map.document.page: is not a known field (a typo?)',
    'nodes[0] (id "T").quote.page: is not a known field (a typo?)',
    'nodes[1] (id "c1").colour: is not a known field (a typo?)',
    'nodes[1] (id "c1").weight: is not a known field (a typo?)',
    'sources[0] (id "s1").isbn: is not a known field (a typo?)',
    'citations[0].page: is not a known field (a typo?)',
    'ratings[0].stars: is not a known field (a typo?)',
  ],
  'bad ratings': [
    'ratings[0].value: must be a whole number from 0 (none) to 4 (decisive)',
    'ratings[1].value: must be a whole number from 0 (none) to 4 (decisive)',
    'ratings[2].value: must be a whole number from 0 (none) to 4 (decisive)',
    'ratings[3]: rater "ben" rates node "c1" twice',
    'ratings[3].id: duplicate rating id "c1@ben"',
    'ratings[4].nodeId: node "ghost" does not exist',
    'ratings[5].rater: must not be empty',
    'ratings[6].rater: is too long (101 characters; at most 100)',
    'ratings[6].id: duplicate rating id "c1@"',
    'ratings[7].nodeId: must be an id of 1-100 letters, digits or - _ . : @ > ~',
    'ratings[7].id: must be an id of 1-100 letters, digits or - _ . : @ > ~',
    'ratings[8].nodeId: is missing',
    'ratings[9].nodeId: node "undefined" does not exist',
    'ratings[9]: rater "Ana" rates node "undefined" twice',
    'ratings[11]: rater "Ms. Lee" rates node "k1" twice',
    'ratings[11].id: duplicate rating id "k1@~25ddfb4576bcad87"',
    'ratings[12]: must be an object',
  ],
  'dangling parents': [
    'nodes[2] (id "k2"): parent "ghost" does not exist',
    'nodes[4] (id "k1"): parent "nobody" does not exist',
  ],
  cycle: [
    'nodes[1] (id "c1"): not reachable from the thesis (its parents form a cycle)',
    'nodes[3] (id "p1"): not reachable from the thesis (its parents form a cycle)',
    'nodes[4] (id "k1"): not reachable from the thesis (its parents form a cycle)',
    'nodes[5] (id "r1"): not reachable from the thesis (its parents form a cycle)',
  ],
  'second root and relations': [
    'nodes[0] (id "T").relation: must be null on the thesis (the node with no parent)',
    'nodes[2] (id "k2").relation: must be null on the thesis (the node with no parent)',
    'nodes[3] (id "p1").relation: must be one of "supports", "opposes", "neutral"',
    'nodes[4] (id "k1").relation: must be one of "supports", "opposes", "neutral"',
    'nodes[2] (id "k2"): a second root (the thesis is "T")',
    'nodes[3] (id "p1"): relation must be "supports", "opposes" or "neutral"',
    'nodes[4] (id "k1"): relation must be "supports", "opposes" or "neutral"',
  ],
  'bad node fields': [
    'nodes[0] (id "T").quote.text: must not be empty',
    'nodes[0] (id "T").quote.paragraph: must be a paragraph number (1, 2, 3 ...)',
    'nodes[1].id: must be an id of 1-100 letters, digits or - _ . : @ > ~',
    'nodes[2] (id "k2").text: must not be empty',
    'nodes[3]: must be an object',
    'nodes[4] (id "p1").order: must be an order key (letters and digits, not ending in 0)',
    'nodes[5] (id "k1").edited: must be true or false',
    'nodes[6] (id "r1").origin: must be one of "essay", "added"',
    'nodes[6] (id "r1").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[6] (id "r1").updatedAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[3] (id "p1"): parent "c1" does not exist',
    'nodes[4] (id "k1"): parent "c1" does not exist',
    'citations[0].nodeId: node "c1" does not exist',
    'citations[1].nodeId: node "c1" does not exist',
    'ratings[0].nodeId: node "c1" does not exist',
    'ratings[1].nodeId: node "c1" does not exist',
  ],
  'bad sources and citations': [
    'sources[0] (id "s1").type: must be one of "primary", "official", "news", "scholarly", "book", "opinion", "dataset", "other"',
    'sources[0] (id "s1").url: "javascript:" links are not allowed: only http:// and https:// links are.',
    'sources[0] (id "s1").reliability: must be one of "A", "B", "C", "D", "E", "F"',
    'sources[1] (id "s1"): duplicate source id',
    'citations[0].sourceId: source "ghost" does not exist',
    'citations[2].sourceId: source "s2" does not exist',
    'citations[3]: duplicate citation "c1>s1" (the same node cites the same source twice)',
    'citations[5]: duplicate citation "T>s1" (the same node cites the same source twice)',
  ],
  'bad map': [
    'map.title: must not be empty',
    'map.createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'map.document.url: "ftp:" links are not allowed: only http:// and https:// links are.',
    'map.rootId: names "c1", but the thesis (the node with no parent) is "T"',
  ],
  'bad timestamps': [
    'nodes[0] (id "T").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[2] (id "k2").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[3] (id "p1").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[4] (id "k1").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'sources[0] (id "s1").updatedAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'ratings[0].createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
  ],
  'every field of a node wrong': [
    'nodes[1] (id "c1").colour: is not a known field (a typo?)',
    'nodes[1] (id "c1").relation: must be one of "supports", "opposes", "neutral"',
    'nodes[1] (id "c1").text: must not be empty',
    'nodes[1] (id "c1").origin: must be one of "essay", "added"',
    'nodes[1] (id "c1").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[1] (id "c1").updatedAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'nodes[1] (id "c1").order: must be an order key (letters and digits, not ending in 0)',
    'nodes[1] (id "c1").notes: must be text, not number',
    'nodes[1] (id "c1").author: must be text, not a list',
    'nodes[1] (id "c1").edited: must be true or false',
    'nodes[1] (id "c1").quote.p: is not a known field (a typo?)',
    'nodes[1] (id "c1").quote.text: must be text, not number',
    'nodes[1] (id "c1").quote.paragraph: must be a paragraph number (1, 2, 3 ...)',
    'nodes[1] (id "c1"): relation must be "supports", "opposes" or "neutral"',
  ],
  'every field of a source wrong': [
    'sources[0] (id "s1").colour: is not a known field (a typo?)',
    'sources[0] (id "s1").title: must not be empty',
    'sources[0] (id "s1").type: must be one of "primary", "official", "news", "scholarly", "book", "opinion", "dataset", "other"',
    'sources[0] (id "s1").createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'sources[0] (id "s1").updatedAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'sources[0] (id "s1").url: "ftp:" links are not allowed: only http:// and https:// links are.',
    'sources[0] (id "s1").authors: must be text, not number',
    'sources[0] (id "s1").publisher: must be text, not a list',
    'sources[0] (id "s1").date: must be text, not object',
    'sources[0] (id "s1").reliabilityNote: is too long (5001 characters; at most 5000)',
    'sources[0] (id "s1").reliability: must be one of "A", "B", "C", "D", "E", "F"',
  ],
  'every field of a citation wrong': [
    'citations[0].updatedAt: is not a known field (a typo?)',
    'citations[0].colour: is not a known field (a typo?)',
    'citations[0].nodeId: node "ghost" does not exist',
    'citations[0].sourceId: source "nowhere" does not exist',
    'citations[0].id: must be an id of 1-100 letters, digits or - _ . : @ > ~',
    'citations[0].createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'citations[0].pinpoint: must be text, not number',
  ],
  'every field of a rating wrong': [
    'ratings[0].colour: is not a known field (a typo?)',
    'ratings[0].rater: must be text, not number',
    'ratings[0].nodeId: node "ghost" does not exist',
    'ratings[0].value: must be a whole number from 0 (none) to 4 (decisive)',
    'ratings[0].id: must be an id of 1-100 letters, digits or - _ . : @ > ~',
    'ratings[0].createdAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'ratings[0].updatedAt: must be an ISO timestamp like 2025-02-24T12:00:00.000Z',
    'ratings[0].rationale: must be text, not a list',
  ],
  'many raters on one node, some twice': [
    'ratings[103]: rater "r5" rates node "k2" twice',
    'ratings[103].id: duplicate rating id "k2@r5"',
    'ratings[104]: rater "r80" rates node "k2" twice',
    'ratings[104].id: duplicate rating id "k2@r80"',
    'ratings[105]: rater "r31" rates node "k2" twice',
    'ratings[105].id: duplicate rating id "k2@r31"',
    'ratings[106]: rater "r32" rates node "k2" twice',
    'ratings[106].id: duplicate rating id "k2@r32"',
  ],
  'not a list': [
    'nodes: must be a list',
    'nodes: is empty: a map needs at least its thesis',
    'nodes: no thesis: every node has a parent',
    'map.rootId: names "T", but the thesis (the node with no parent) is "missing"',
    'citations[0].nodeId: node "c1" does not exist',
    'citations[1].nodeId: node "c1" does not exist',
    'citations[2].nodeId: node "T" does not exist',
    'ratings: must be a list',
  ],
  'no map': ['map: is missing: a map file needs a "map" object with at least an id and a title'],
  'backup with a bad second map': [
    'maps[1].nodes: is empty: a map needs at least its thesis',
    'maps[1].nodes: no thesis: every node has a parent',
    'maps[1].map.rootId: names "T", but the thesis (the node with no parent) is "missing"',
    'maps[1].citations[0].nodeId: node "c1" does not exist',
    'maps[1].citations[1].nodeId: node "c1" does not exist',
    'maps[1].citations[2].nodeId: node "T" does not exist',
    'maps[1].ratings[0].nodeId: node "c1" does not exist',
    'maps[1].ratings[1].nodeId: node "c1" does not exist',
    'maps[1].ratings[2].nodeId: node "k1" does not exist',
    'maps[2].map.id: map "m1" appears twice',
  ],
};

describe('formats/restore exact results', () => {
  it('restores valid files to the same records and ids as before', () => {
    const cases = validCases();
    expect(cases.map((c) => c.name)).to.deep.equal(VALID.map(([name]) => name));
    cases.forEach((c, i) => {
      const r = run(c.file);
      expect(r.ok, c.name).to.equal(true);
      expect(digest(r), c.name).to.equal(VALID[i]![1]);
    });
  });

  it('gives the same result twice for the same file, and leaves the file unchanged', () => {
    for (const c of validCases().slice(0, 6)) {
      const before = JSON.stringify(c.file);
      expect(digest(run(c.file))).to.equal(digest(run(c.file)));
      expect(JSON.stringify(c.file)).to.equal(before);
    }
  });

  it('reports the same errors, at the same places and in the same order, for randomly broken files', () => {
    const results = brokenCases(300).map((c) => run(c.file));
    // Nearly all must fail, with many errors between them, or the digests would pin little.
    expect(results.filter((r) => r.ok).length).to.equal(8);
    expect(results.reduce((n, r) => n + (r.ok ? 0 : r.errors.length), 0)).to.equal(894);
    const digests: string[] = [];
    for (let i = 0; i < results.length; i += 50) digests.push(digest(results.slice(i, i + 50)));
    expect(digests).to.deep.equal(BROKEN);
  });

  for (const c of badCases()) {
    it(`reports exactly the errors of: ${c.name}`, () => {
      const r = run(c.file);
      expect(r.ok).to.equal(false);
      expect(errorLines(r)).to.deep.equal(BAD[c.name]);
    });
  }
});

describe('formats/restore details', () => {
  it('keeps the readable default ids, and hashes the ones that would not be valid ids', () => {
    const f = mapFile(smallMap());
    f.citations = [{ nodeId: 'c1', sourceId: 's1' }];
    f.ratings = [
      { nodeId: 'c1', rater: 'ana', value: 1 },
      { nodeId: 'c1', rater: 'Ms. Lee', value: 2 },
      { nodeId: 'c1', rater: 'x'.repeat(98), value: 3 },
      { nodeId: 'c1', rater: 'x'.repeat(97), value: 3 },
      { nodeId: 'c1', rater: 'a@b', value: 4 },
    ];
    const r = run(f);
    if (!r.ok) throw new Error(errorLines(r).join('\n'));
    expect(r.bundles[0]!.citations.map((c) => c.id)).to.deep.equal(['c1>s1']);
    expect(r.bundles[0]!.ratings.map((x) => x.id)).to.deep.equal([
      'c1@ana',
      'c1@~93bf746d4f96e0cf',
      'c1@~685d0fb3c745cf81',
      `c1@${'x'.repeat(97)}`,
      'c1@a@b',
    ]);
  });

  it('gives nodes listed without order keys keys after their ordered siblings, in listing order', () => {
    const f = mapFile(smallMap());
    for (const n of f.nodes) if (n.id !== 'k1' && n.id !== 'T') delete n.order;
    f.nodes.reverse();
    const r = run(f);
    if (!r.ok) throw new Error(errorLines(r).join('\n'));
    expect(r.bundles[0]!.nodes.map((n) => `${n.id}=${n.order}`)).to.deep.equal([
      'r1=V',
      'k1=k',
      'p1=s',
      'k2=G',
      'c1=V',
      'T=V',
    ]);
  });

  it('accepts every timestamp Date.parse accepts in the ISO shape, and nothing else', () => {
    const accepted = (t: unknown): boolean => {
      const f = mapFile(smallMap());
      f.nodes[1]!.createdAt = t;
      return run(f).ok;
    };
    for (const t of [
      '2025-02-24T12:00:00.000Z',
      '2025-02-24T12:00:00Z',
      '2025-02-24T12:00:00.5Z',
      '2025-02-24T12:00:00.123456Z',
      '2024-02-29T23:59:59.999Z',
      '2025-01-31T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(accepted(t), t).to.equal(true);
    }
    for (const t of [
      '2025-13-01T00:00:00Z',
      '2025-00-01T00:00:00Z',
      '2025-01-00T00:00:00Z',
      '2025-01-01T23:60:00Z',
      '2025-01-01T23:59:60Z',
      '2025-01-01T00:00:00.Z',
      '2025-01-01T00:00:00.000',
      '2025-01-01 00:00:00Z',
      '2025-1-01T00:00:00Z',
      '+02025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.000Z ',
      '２０２５-01-01T00:00:00Z',
      20250101,
    ]) {
      expect(accepted(t), String(t)).to.equal(false);
    }
    // Outside the shape checked by hand, Date.parse still decides (these are Chromium's answers).
    for (const t of ['2025-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-01-01T24:00:00Z']) {
      expect(accepted(t), t).to.equal(!Number.isNaN(Date.parse(t)));
    }
  });

  it('reads a Markdown export back to the same records as before', () => {
    const r = importMarkdown(exportMarkdown(randomMap(21, { nodes: 80, depth: 6 })), { now: NOW });
    expect(r.ok).to.equal(true);
    expect(digest(r)).to.equal('1b6368fae972c95e');
  });
});
