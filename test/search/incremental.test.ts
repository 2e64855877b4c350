import { expect } from '@open-wc/testing';
import Fuse from 'fuse.js';
import type { ArgNode, Citation, MapBundle, Rating, Source } from '../../src/model/types.js';
import { createSearchIndex, FUSE_OPTIONS, SEARCH_THRESHOLD, SearchIndex } from '../../src/search/index.js';
import type { SearchResults } from '../../src/search/results.js';
import { unfoldHighlights } from '../../src/search/hit-highlights.js';
import type { SearchFilters } from '../../src/search/filters.js';
import { foldText } from '../../src/search/fold.js';
import { applyChanges, diffBundles } from '../../src/search/sync.js';
import { citation, coldWarMap, fewestEdits, node, prng, rating, sentence, source } from './fixtures.js';

/** The map as the database holds it, edited alongside the index. */
class Db {
  nodes = new Map<string, ArgNode>();
  sources = new Map<string, Source>();
  citations = new Map<string, Citation>();
  ratings = new Map<string, Rating>();

  constructor(bundle: MapBundle) {
    for (const n of bundle.nodes) this.nodes.set(n.id, n);
    for (const s of bundle.sources) this.sources.set(s.id, s);
    for (const c of bundle.citations) this.citations.set(c.id, c);
    for (const r of bundle.ratings) this.ratings.set(r.id, r);
  }

  /** The bundle, each list shuffled: a rebuilt index must not depend on the order of rows. */
  bundle(rand: () => number): MapBundle {
    const shuffled = <T>(items: Iterable<T>): T[] => {
      const list = [...items];
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    };
    return {
      ...coldWarMap(),
      nodes: shuffled(this.nodes.values()),
      sources: shuffled(this.sources.values()),
      citations: shuffled(this.citations.values()),
      ratings: shuffled(this.ratings.values()),
    };
  }

  /**
   * Applies `edit` to the ratings, and hands `index` what changed as the page hands it to the
   * worker: diffed from bundles (with nothing but ratings), which say each touched node's ratings.
   */
  rate(index: SearchIndex, edit: () => void): void {
    const before = { ...UNRATED, ratings: [...this.ratings.values()] };
    edit();
    applyChanges(index, diffBundles(before, { ...UNRATED, ratings: [...this.ratings.values()] }));
  }

  subtree(id: string): string[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      for (const n of this.nodes.values()) if (n.parentId === out[i]) out.push(n.id);
    }
    return out;
  }
}

/** A bundle whose lists, shared, never differ: diffing two of them diffs only their ratings. */
const UNRATED: MapBundle = { ...coldWarMap(), nodes: [], sources: [], citations: [], ratings: [] };
const RATERS = ['Ana', 'Ben', 'Cleo'];
const VALUES = [0, 1, 2, 3, 4] as const;
const KEY = [...'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function date(rand: () => number): string {
  return new Date(
    Date.UTC(2025, 0, 1) + Math.floor(rand() * 200) * 86400000 + Math.floor(rand() * 86400000),
  ).toISOString();
}

/** Applies one random edit to both the database and the index. */
function randomEdit(rand: () => number, db: Db, index: SearchIndex, n: number): void {
  const nodes = [...db.nodes.values()];
  const nonRoot = nodes.filter((x) => x.parentId !== null);
  const op = Math.floor(rand() * 15);
  if (op <= 2) {
    // Add a node.
    const parent = pick(rand, nodes);
    const added = node(
      `n${n}`,
      parent.id,
      rand() < 0.6 ? 'supports' : 'opposes',
      pick(rand, KEY) + pick(rand, KEY),
      sentence(rand, 3, 25),
      {
        origin: rand() < 0.5 ? 'essay' : 'added',
        updatedAt: date(rand),
        ...(rand() < 0.3 ? { notes: sentence(rand, 2, 12) } : {}),
        ...(rand() < 0.3 ? { quote: { text: sentence(rand, 4, 16), paragraph: 1 } } : {}),
      },
    );
    db.nodes.set(added.id, added);
    index.upsertNode(added);
  } else if (op <= 4) {
    // Reword a node, its notes or its quote.
    const old = pick(rand, nodes);
    const field = Math.floor(rand() * 3);
    const edited: ArgNode = {
      ...old,
      updatedAt: date(rand),
      ...(field === 0
        ? { text: sentence(rand, 3, 25) }
        : field === 1
          ? { notes: sentence(rand, 1, 10) }
          : { quote: { text: sentence(rand, 3, 12), paragraph: 2 } }),
    };
    db.nodes.set(edited.id, edited);
    index.upsertNode(edited);
  } else if (op === 5 && nonRoot.length > 0) {
    // Move a node (with its subtree) under another that is not inside it.
    const moving = pick(rand, nonRoot);
    const inside = new Set(db.subtree(moving.id));
    const target = pick(
      rand,
      nodes.filter((x) => !inside.has(x.id)),
    );
    const moved: ArgNode = {
      ...moving,
      parentId: target.id,
      relation: rand() < 0.5 ? 'supports' : 'opposes',
      order: pick(rand, KEY),
    };
    db.nodes.set(moved.id, moved);
    index.upsertNode(moved);
  } else if (op === 6 && nonRoot.length > 12) {
    // Delete a small subtree, with its citations and ratings.
    const gone = db.subtree(pick(rand, nonRoot).id);
    if (gone.length > 4) return;
    for (const id of gone) db.nodes.delete(id);
    for (const c of [...db.citations.values()]) if (!db.nodes.has(c.nodeId)) db.citations.delete(c.id);
    for (const r of [...db.ratings.values()]) if (!db.nodes.has(r.nodeId)) db.ratings.delete(r.id);
    index.removeNodes(gone);
  } else if (op === 7) {
    // Add or edit a source.
    const s =
      rand() < 0.5 || db.sources.size === 0
        ? source(`s${n}`, sentence(rand, 2, 8), rand() < 0.7 ? sentence(rand, 1, 3) : undefined)
        : pick(rand, [...db.sources.values()]);
    const edited = { ...s, title: rand() < 0.7 ? sentence(rand, 2, 8) : s.title, authors: sentence(rand, 1, 3) };
    db.sources.set(edited.id, edited);
    index.upsertSource(edited);
  } else if (op === 8 && db.sources.size > 2) {
    const gone = pick(rand, [...db.sources.keys()]);
    db.sources.delete(gone);
    for (const c of [...db.citations.values()]) if (c.sourceId === gone) db.citations.delete(c.id);
    index.removeSources([gone]);
  } else if (op <= 10 && db.sources.size > 0) {
    // Cite a source, or move or re-pinpoint an existing citation.
    const old = rand() < 0.6 || db.citations.size === 0 ? null : pick(rand, [...db.citations.values()]);
    const c = citation(
      old ? old.id : `ci${n}`,
      old && rand() < 0.5 ? old.nodeId : pick(rand, nodes).id,
      old ? old.sourceId : pick(rand, [...db.sources.keys()]),
      rand() < 0.6 ? sentence(rand, 1, 8) : undefined,
      old ? old.createdAt : date(rand),
    );
    db.citations.set(c.id, c);
    index.upsertCitation(c);
  } else if (op === 11 && db.citations.size > 0) {
    const gone = pick(rand, [...db.citations.keys()]);
    db.citations.delete(gone);
    index.removeCitations([gone]);
  } else if (op === 12 || (op === 13 && rand() < 0.6)) {
    // Rate a node, or change a rating's value, relevance or rater (in its place among the node's).
    const old = rand() < 0.4 && db.ratings.size > 0 ? pick(rand, [...db.ratings.values()]) : null;
    const { relevance: _, ...base } = old ?? rating(`ra${n}`, pick(rand, nodes).id, pick(rand, RATERS), 2);
    const r: Rating = {
      ...base,
      value: pick(rand, VALUES),
      ...(rand() < 0.5 ? { relevance: pick(rand, VALUES) } : {}),
      ...(old && rand() < 0.3 ? { rater: pick(rand, RATERS) } : {}),
      updatedAt: date(rand),
    };
    db.rate(index, () => db.ratings.set(r.id, r));
  } else if (op === 13 && db.ratings.size > 0) {
    const gone = pick(rand, [...db.ratings.keys()]);
    db.rate(index, () => db.ratings.delete(gone));
  } else {
    // Touch a node without changing what is searched.
    const old = pick(rand, nodes);
    const touched = { ...old, updatedAt: date(rand), edited: true };
    db.nodes.set(touched.id, touched);
    index.upsertNode(touched);
  }
}

/** Queries: topic words, typos, phrases, and pieces of the map's own text with a typo. */
function queries(rand: () => number, db: Db): string[] {
  const fixed = [
    'gorbachov',
    'Pristna',
    'kosvo',
    'nato',
    'berlin wall',
    'soviet union',
    'eastward expansion',
    'inch',
    'the',
    'refugees',
    'Milosevic',
    'helsinki',
    'detente',
    'nato expanson',
    'two plus four',
    'baker kohl',
    'warsaw pact',
    'a',
    'of t',
    'reunification of germany and the warsaw pact countries after the berlin wall fell',
  ];
  const texts = [...db.nodes.values()].map((n) => foldText(n.text)).filter((t) => t.length > 12);
  const own: string[] = [];
  for (let i = 0; i < 25; i++) {
    const t = pick(rand, texts);
    const start = Math.floor(rand() * (t.length - 6));
    let q = t.slice(start, start + 4 + Math.floor(rand() * 14));
    const at = Math.floor(rand() * q.length);
    if (rand() < 0.7) q = q.slice(0, at) + (rand() < 0.5 ? '' : pick(rand, [...'aeiouxz'])) + q.slice(at + 1);
    own.push(q);
  }
  return [...fixed, ...own];
}

/** An index that forwards every edit to `others` as well. */
function alongside(index: SearchIndex, ...others: SearchIndex[]): SearchIndex {
  return new Proxy(index, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        for (const other of others) (Reflect.get(other, key) as (...a: unknown[]) => unknown).apply(other, args);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Results of an index that keeps no node text, finished with the database's nodes (as the page does). */
function unfolded(results: SearchResults, db: Db): SearchResults {
  return {
    ...results,
    hits: results.hits.map((h) => ({ ...h, highlights: unfoldHighlights(h.highlights, db.nodes.get(h.id)) })),
  };
}

const FILTERS: SearchFilters[] = [
  {},
  { kinds: ['premise', 'rebuttal'] },
  { origins: ['added'], noSource: true },
  { unrated: true, changedSince: '2025-04-01' },
  { ratedBy: 'Ben' },
  { relevance: 'high' },
  { relevance: 'low', kinds: ['claim', 'premise'] },
  { relevance: 'unrated', ratedBy: 'Cleo' },
];

describe('search index, edited incrementally', function () {
  this.timeout(120000);

  it('gives the same results as an index rebuilt from the final data, after 600 random edits', () => {
    const rand = prng(1989);
    const start = coldWarMap();
    // Grow the fixture to a few hundred nodes first, through the index as well.
    const db = new Db(start);
    const index = createSearchIndex(start);
    // The worker's kind of index, which keeps only the words of nodes' text, edited alongside.
    const lean = new SearchIndex(start, true, { keepText: false });
    for (let n = 0; n < 600; n++) {
      randomEdit(rand, db, alongside(index, lean), n);
      if (n % 200 === 199 || n === 599) {
        const rebuilt = createSearchIndex(db.bundle(rand));
        for (const q of queries(rand, db)) {
          for (const filters of FILTERS) {
            const options = { filters, limit: 15 };
            const expected = rebuilt.search(q, options);
            expect(index.search(q, options), `after ${n + 1} edits: "${q}" ${JSON.stringify(filters)}`).to.deep.equal(
              expected,
            );
            expect(unfolded(lean.search(q, options), db), `lean: "${q}" ${JSON.stringify(filters)}`).to.deep.equal(
              expected,
            );
          }
        }
        for (const filters of FILTERS.slice(1)) {
          expect(index.search('', { filters, limit: 1000 })).to.deep.equal(
            rebuilt.search('', { filters, limit: 1000 }),
          );
        }
      }
    }
    expect(index.size).to.equal(db.nodes.size);
    expect(lean.size).to.equal(db.nodes.size);
    expect(index.size).to.be.greaterThan(60);
    // The rating filters compared above had nodes to find and nodes to leave out.
    for (const relevance of ['high', 'low', 'unrated'] as const) {
      const found = index.search('', { filters: { relevance }, limit: 1000 }).ids.length;
      expect(found, relevance).to.be.within(1, index.size - 1);
    }
  });

  it('scores like fuse over every node, and misses only matches that split a query word', () => {
    const rand = prng(1999);
    const db = new Db(coldWarMap());
    const index = createSearchIndex(coldWarMap());
    for (let n = 0; n < 400; n++) randomEdit(rand, db, index, n);
    // fuse itself over the same documents, as the index folds them.
    const docs = index.documents();
    const fuse = new Fuse(docs, FUSE_OPTIONS);
    const words = new Map(
      docs.map((d) => [
        d.id,
        [d.text, d.quote, d.notes, ...d.sourceTitles, ...d.sourceAuthors, ...d.pinpoints].join(' ').split(' '),
      ]),
    );
    let compared = 0;
    let singleWordMisses = 0;
    for (const q of queries(rand, db)) {
      const pattern = foldText(q);
      const ours = index.search(q, { limit: Infinity });
      const theirs = new Map(fuse.search(pattern).map((r) => [r.item.id, r.score]));
      // Same matches with the same scores (for matches as a phrase: those found word by word
      // are the index's own, and rank after them)...
      for (const h of ours.hits) if (!h.byWords) expect(h.score, `"${q}" ${h.id}`).to.equal(theirs.get(h.id));
      compared += ours.hits.length;
      const missed = [...theirs.keys()].filter((id) => !ours.ids.includes(id));
      expect(missed.length, `"${q}" missed ${missed.length} of ${theirs.size}`).to.be.at.most(
        Math.max(2, theirs.size / 10),
      );
      if (pattern.includes(' ') || pattern.length > 32) continue;
      // ...except, for a query of one word, nodes where no word holds it within the edit budget:
      // fuse matched them across a space ("kosovo" in "koso vo").
      let budget = 0;
      while (budget + 1 < pattern.length && (budget + 1) / pattern.length <= SEARCH_THRESHOLD) budget++;
      for (const id of missed) {
        expect(
          words.get(id)!.every((w) => fewestEdits(pattern, w) > budget),
          `"${q}" missed ${id}`,
        ).to.equal(true);
        singleWordMisses++;
      }
    }
    expect(compared).to.be.greaterThan(300);
    // Such misses are rare.
    expect(singleWordMisses).to.be.lessThan(compared / 20);
  });
});
