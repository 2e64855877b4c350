/**
 * Inputs for restore.test.ts: parsed map files, valid and broken, built from seeds so the test can
 * pin restore()'s exact output for each (records, ids, order keys, errors and their order) by a
 * digest. The digests were taken with the restore() of before the speed-up (issue #9), so a change
 * in any result shows up as a changed digest.
 */
import { toMapFile } from '../../src/formats/json.js';
import type { MapBundle } from '../../src/model/types.js';
import { prng, randomMap, smallMap } from './helpers.js';

type Obj = Record<string, unknown>;
type MapFile = Obj & { map: Obj; nodes: Obj[]; sources: Obj[]; citations: Obj[]; ratings: Obj[] };

/** A case: a name to report and the parsed file handed to restore(). */
export interface RestoreCase {
  name: string;
  file: unknown;
}

/** The file toMapFile writes, parsed back (plain JSON data, as importJson gives restore()). */
export function mapFile(bundle: MapBundle): MapFile {
  return JSON.parse(JSON.stringify(toMapFile(bundle))) as MapFile;
}

/** FNV-1a over the JSON text, 2 x 32 bits as 16 hex digits: a stable fingerprint of a result. */
export function digest(value: unknown): string {
  const text = JSON.stringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b + (a >>> 7)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The file as the Markdown reader hands it over: no map ids, order keys, dates or derived ids. */
function markdownShaped(f: MapFile): MapFile {
  const drop = (o: Obj, keys: string[]): Obj => {
    const r = { ...o };
    for (const k of keys) delete r[k];
    return r;
  };
  return {
    format: f.format,
    version: f.version,
    map: drop(f.map, ['rootId', 'createdAt', 'updatedAt', 'formatVersion']),
    nodes: f.nodes.map((n) => drop(n, ['mapId', 'order', 'createdAt', 'updatedAt'])),
    sources: f.sources.map((s) => drop(s, ['mapId', 'createdAt', 'updatedAt'])),
    citations: f.citations.map((c) => drop(c, ['id', 'mapId', 'createdAt'])),
    ratings: f.ratings.map((r) => drop(r, ['id', 'mapId', 'createdAt', 'updatedAt'])),
  };
}

const RATERS = ['Ms. Lee', 'ana', 'B@b', 'x'.repeat(98), 'Zoë', 'a b', '@', '>'];
const TIMES = [
  '2025-03-01T09:00:00.000Z',
  '2025-03-01T09:00:00Z',
  '2024-02-29T23:59:59.999Z',
  '2025-02-28T00:00:00.000Z',
  '2025-02-30T12:00:00.000Z',
  '2025-04-31T12:00:00Z',
  '2025-12-31T23:59:59.5Z',
  '2025-01-01T24:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.123456Z',
  '2025-07-15T08:30:00.12Z',
];

/** Valid files: every record kind, defaults, derived ids and order keys, odd but valid values. */
export function validCases(): RestoreCase[] {
  const cases: RestoreCase[] = [{ name: 'small map', file: mapFile(smallMap()) }];
  for (let seed = 1; seed <= 6; seed++) {
    const f = mapFile(randomMap(seed, { nodes: 20 + seed * 15, depth: seed, width: seed % 3 }));
    cases.push({ name: `random map ${seed}`, file: f });
    cases.push({ name: `random map ${seed}, Markdown-shaped`, file: markdownShaped(f) });
  }
  {
    // Ratings and citations without ids, with raters and ids that need the hashed default id.
    const rand = prng(7);
    const f = markdownShaped(mapFile(randomMap(7, { nodes: 40 })));
    f.nodes[3]!.id = 'a@b';
    f.nodes[4]!.id = 'n>9';
    f.nodes[5]!.id = 'L'.repeat(100);
    for (const n of f.nodes) {
      if (n.parentId === 'n3') n.parentId = 'a@b';
      if (n.parentId === 'n4') n.parentId = 'n>9';
      if (n.parentId === 'n5') n.parentId = 'L'.repeat(100);
    }
    f.citations = [];
    f.ratings = [];
    for (const n of f.nodes) {
      for (const rater of RATERS) {
        if (rand() < 0.3) f.ratings.push({ nodeId: n.id, rater, value: Math.floor(rand() * 5) });
      }
    }
    f.sources = [
      { id: 's1', title: 'One' },
      { id: 's@2', title: 'Two', type: 'book' },
    ];
    for (const n of f.nodes.slice(0, 8)) {
      f.citations.push({ nodeId: n.id, sourceId: 's1' }, { nodeId: n.id, sourceId: 's@2', pinpoint: 'p. 3' });
    }
    cases.push({ name: 'derived ids', file: f });
  }
  {
    // Timestamps of every accepted shape, on every kind of record.
    const rand = prng(8);
    const f = mapFile(randomMap(8, { nodes: 50 }));
    const t = (): string => TIMES[Math.floor(rand() * TIMES.length)]!;
    for (const list of [[f.map], f.nodes, f.sources, f.ratings]) {
      for (const r of list) {
        r.createdAt = t();
        r.updatedAt = rand() < 0.3 ? undefined : t();
      }
    }
    for (const c of f.citations) c.createdAt = rand() < 0.5 ? undefined : t();
    cases.push({ name: 'timestamps', file: f });
  }
  {
    // Some order keys given, some not; nodes listed children first; nulls for optional fields.
    const rand = prng(9);
    const f = mapFile(randomMap(9, { nodes: 60, width: 5 }));
    for (const n of f.nodes) {
      if (rand() < 0.5) delete n.order;
      if (rand() < 0.2) n.notes = null;
      if (rand() < 0.2) n.edited = false;
      if (rand() < 0.1) n.origin = null;
      if (rand() < 0.1) n.author = '';
    }
    f.nodes.reverse();
    f.map.description = '';
    cases.push({ name: 'mixed order keys, reversed, nulls', file: f });
  }
  cases.push({
    name: 'backup of three maps',
    file: {
      format: 'warrant-backup',
      version: 1,
      maps: [mapFile(randomMap(10)), markdownShaped(mapFile(randomMap(11))), mapFile(smallMap())],
    },
  });
  return cases;
}

/** One random way to break a file; each changes one thing the validator must report (or not). */
const BREAKS: Array<(f: MapFile, rand: () => number) => void> = [
  (f, r) => (row(r, f.nodes).id = row(r, f.nodes).id), // duplicate id (or no change)
  (f, r) => (row(r, f.nodes).parentId = 'ghost'),
  (f, r) => (row(r, f.nodes).parentId = row(r, f.nodes).id), // may make a cycle
  (f, r) => (row(r, f.nodes).parentId = null), // a second root, or a thesis with a relation
  (f, r) => (row(r, f.nodes).relation = pick(r, ['supports', 'opposes', 'refutes', null, 3])),
  (f, r) => (row(r, f.nodes).text = pick(r, ['', '   ', 7, ['a'], 'x'.repeat(200_001)])),
  (f, r) => (row(r, f.nodes).id = pick(r, ['', 'has space', 'x'.repeat(101), 5, undefined])),
  (f, r) => (row(r, f.nodes).order = pick(r, ['', 'a0', '!', 3, 'V'])),
  (f, r) => (row(r, f.nodes).quote = pick(r, [{ text: 'q' }, { text: '', paragraph: 1 }, 'q', { paragraph: 0 }])),
  (f, r) => (row(r, f.nodes).quote = { text: 'q', paragraph: 2, page: 3 }),
  (f, r) => (row(r, f.nodes).edited = 'yes'),
  (f, r) => (row(r, f.nodes).origin = 'essays'),
  (f, r) => (row(r, f.nodes).colour = 'red'),
  (f, r) => (row(r, f.nodes).createdAt = pick(r, ['2025-13-01T00:00:00Z', '2025-01-01', 'yesterday', 1])),
  (f, r) => (row(r, f.nodes).updatedAt = pick(r, ['2025-01-01T23:60:00Z', '2025-01-01T00:00:00.Z'])),
  (f, r) => void f.nodes.splice(Math.floor(r() * f.nodes.length), 0, pick(r, [null, 'node', [1]]) as unknown as Obj),
  (f, r) => {
    row(r, f.ratings).value = pick(r, [5, -1, 1.5, '3', null]);
  },
  (f, r) => {
    push(f.ratings, { ...row(r, f.ratings) }); // rates twice, same id
  },
  (f, r) => {
    push(f.ratings, { ...row(r, f.ratings), id: undefined }); // rates twice
  },
  (f, r) => {
    row(r, f.ratings).nodeId = pick(r, ['ghost', undefined, 'undefined', '']);
  },
  (f, r) => {
    row(r, f.ratings).rater = pick(r, [undefined, '', 'x'.repeat(101), 4, 'undefined']);
  },
  (f, r) => {
    row(r, f.ratings).stars = 4;
  },
  (f, r) => {
    row(r, f.citations).sourceId = 'ghost';
  },
  (f, r) => {
    push(f.citations, { ...row(r, f.citations) });
  },
  (f, r) => {
    row(r, f.citations).id = pick(r, [null, 'c 1', '']);
  },
  (f, r) => {
    row(r, f.sources).id = pick(r, [row(r, f.sources).id, 'bad id', undefined]);
  },
  (f, r) => {
    row(r, f.sources).url = pick(r, ['javascript:alert(1)', 'not a url', 3]);
  },
  (f, r) => {
    row(r, f.sources).reliability = 'great';
  },
  (f, r) => (f.map.rootId = pick(r, ['ghost', 7])),
  (f) => (f.map.colour = 'blue'),
  (f, r) => (f.map.document = pick(r, ['doc', { title: '' }, { title: 'T', url: 'ftp://x', page: 1 }])),
  (f, r) => (f.map.title = pick(r, ['', undefined, 'x'.repeat(501)])),
  (f) => ((f as Obj).ratings = 'none'),
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** A random row of `list` to change, or a throwaway object when there is none (or it is no object). */
function row(rand: () => number, list: unknown): Obj {
  if (!Array.isArray(list) || list.length === 0) return {};
  const o: unknown = pick(rand, list);
  return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Obj) : {};
}

/** Appends to `list` when it is still a list (a break may have replaced it). */
function push(list: unknown, o: Obj): void {
  if (Array.isArray(list)) list.push(o);
}

/** Broken files: random maps (as JSON files and Markdown-shaped) with one to four random breaks. */
export function brokenCases(count: number): RestoreCase[] {
  const cases: RestoreCase[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const rand = prng(1000 + seed);
    const full = mapFile(randomMap(seed, { nodes: 12 + (seed % 9) * 4, depth: seed % 4 }));
    const f = seed % 3 === 0 ? markdownShaped(full) : full;
    const breaks = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < breaks; k++) pick(rand, BREAKS)(f, rand);
    cases.push({ name: `broken map ${seed}`, file: f });
  }
  return cases;
}

/** Hand-made broken files, one kind of mistake each, for tests that spell out the exact errors. */
export function badCases(): RestoreCase[] {
  const base = (): MapFile => mapFile(smallMap());
  const cases: RestoreCase[] = [];
  const add = (name: string, change: (f: MapFile) => void): void => {
    const f = base();
    change(f);
    cases.push({ name, file: f });
  };
  add('duplicate node ids', (f) => {
    f.nodes[3]!.id = 'c1';
    f.nodes[5]!.id = 'c1';
  });
  add('unknown keys everywhere', (f) => {
    f.map.colour = 'blue';
    (f.map.document as Obj).page = 4;
    f.nodes[1]!.colour = 'red';
    f.nodes[1]!.weight = 2;
    (f.nodes[0]!.quote as Obj).page = 1;
    f.sources[0]!.isbn = 'x';
    f.citations[0]!.page = 2;
    f.ratings[0]!.stars = 5;
  });
  add('bad ratings', (f) => {
    f.ratings[0]!.value = 5;
    f.ratings[1]!.value = 1.5;
    f.ratings[2]!.value = '3';
    f.ratings.push({ ...f.ratings[0]!, value: 2 });
    f.ratings.push({ nodeId: 'ghost', rater: 'Ana', value: 1 });
    f.ratings.push({ nodeId: 'c1', rater: '', value: 1 });
    f.ratings.push({ nodeId: 'c1', rater: 'x'.repeat(101), value: 1 });
    f.ratings.push({ nodeId: 'c 1', rater: 'Ana', value: 1, id: 'r 1' });
    f.ratings.push({ rater: 'Ana', value: 1 });
    f.ratings.push({ nodeId: 'undefined', rater: 'Ana', value: 1 });
    f.ratings.push({ nodeId: 'k1', rater: 'Ms. Lee', value: 0 }, { nodeId: 'k1', rater: 'Ms. Lee', value: 4 });
    f.ratings.push('rating' as unknown as Obj);
  });
  add('dangling parents', (f) => {
    f.nodes[2]!.parentId = 'ghost';
    f.nodes[4]!.parentId = 'nobody';
  });
  add('cycle', (f) => {
    f.nodes.find((n) => n.id === 'c1')!.parentId = 'r1';
  });
  add('second root and relations', (f) => {
    f.nodes[2]!.parentId = null;
    f.nodes[0]!.relation = 'supports';
    f.nodes[3]!.relation = 'refutes';
    f.nodes[4]!.relation = null;
  });
  add('bad node fields', (f) => {
    f.nodes[1]!.id = 'has space';
    f.nodes[2]!.text = '  ';
    f.nodes[3]!.order = 'a0';
    f.nodes[4]!.edited = 'yes';
    f.nodes[5]!.origin = 'essays';
    f.nodes[5]!.createdAt = '2025-13-01T00:00:00Z';
    f.nodes[5]!.updatedAt = '2025-01-01T23:60:00Z';
    f.nodes[0]!.quote = { text: '', paragraph: 0 };
    f.nodes.splice(3, 0, null as unknown as Obj);
  });
  add('bad sources and citations', (f) => {
    f.sources[1]!.id = f.sources[0]!.id;
    f.sources[0]!.url = 'javascript:alert(1)';
    f.sources[0]!.reliability = 'great';
    f.sources[0]!.type = 'tweet';
    f.citations[0]!.sourceId = 'ghost';
    f.citations.push({ ...f.citations[1]! });
    f.citations.push({ nodeId: 'T', sourceId: f.sources[0]!.id, id: null });
    f.citations.push({ nodeId: 'T', sourceId: f.sources[0]!.id });
  });
  add('bad map', (f) => {
    f.map.title = '';
    f.map.rootId = 'c1';
    f.map.createdAt = 'yesterday';
    f.map.document = { title: 'T', url: 'ftp://example.org' };
  });
  add('bad timestamps', (f) => {
    f.nodes[0]!.createdAt = '2025-01-01';
    f.nodes[1]!.createdAt = '2025-02-29T00:00:00Z'; // accepted by Chromium's Date.parse
    f.nodes[2]!.createdAt = '2025-01-01T00:00:00.Z';
    f.nodes[3]!.createdAt = '2025-1-01T00:00:00Z';
    f.nodes[4]!.createdAt = ' 2025-01-01T00:00:00Z';
    f.sources[0]!.updatedAt = 20250101;
    f.ratings[0]!.createdAt = '2025-01-01T00:00:00+01:00';
  });
  // Every field of one row wrong at once: pins the order in which a row's fields are checked.
  const wrong = { createdAt: 'x', updatedAt: 'y', colour: 1 };
  add('every field of a node wrong', (f) => {
    f.nodes[1] = { ...wrong, id: 'c1', parentId: 'T', relation: 'x', order: '0', text: '', notes: 1 };
    Object.assign(f.nodes[1], { origin: 'x', author: [], edited: 1, quote: { text: 2, paragraph: 'a', p: 1 } });
  });
  add('every field of a source wrong', (f) => {
    f.sources[0] = { ...wrong, id: 's1', title: '', url: 'ftp://x', authors: 1, publisher: [], date: {} };
    Object.assign(f.sources[0], { type: 'x', reliability: 'Z', reliabilityNote: 'x'.repeat(5001) });
  });
  add('every field of a citation wrong', (f) => {
    f.citations[0] = { ...wrong, id: 'c 1', nodeId: 'ghost', sourceId: 'nowhere', pinpoint: 3 };
  });
  add('every field of a rating wrong', (f) => {
    f.ratings[0] = { ...wrong, id: 'r 1', nodeId: 'ghost', rater: 7, value: 9, rationale: [] };
  });
  add('many raters on one node, some twice', (f) => {
    for (let i = 0; i < 100; i++) f.ratings.push({ nodeId: 'k2', rater: `r${i}`, value: i % 5 });
    f.ratings.push({ nodeId: 'k2', rater: 'r5', value: 1 }, { nodeId: 'k2', rater: 'r80', value: 1 });
    f.ratings.push({ nodeId: 'k2', rater: 'r31', value: 1 }, { nodeId: 'k2', rater: 'r32', value: 1 });
  });
  cases.push({ name: 'not a list', file: { ...base(), nodes: {}, ratings: 'none' } });
  cases.push({ name: 'no map', file: { ...base(), map: 'm1' } });
  cases.push({
    name: 'backup with a bad second map',
    file: { format: 'warrant-backup', version: 1, maps: [base(), { ...base(), nodes: [] }, base()] },
  });
  return cases;
}
