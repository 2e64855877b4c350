import type { ArgNode, Citation, MapBundle, Rating, Source } from '../../src/model/types.js';
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const COMMON =
  'the of and to a in that is was he for it with as his on be at by had are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place american around however home small found thought went say part once general high upon school every does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didnt eyes find going look asked later knew point next program city business give group toward young days let room president side social given present several order national possible rather second face per among form important often things looked early white case john become large big need four within felt along children saw best church ever least power development thing light seemed family interest want members mind country area others done turned although open god service certain kind problem began different door thus help sense means whole matter perhaps itself york times law human line above name example action company hands local show whether five history gave today either act feet across taken past quite anything seen having death week experience'.split(
    ' ',
  );
const TOPIC =
  'nato soviet union gorbachev reagan bush kosovo pristina serbia belgrade milosevic expansion alliance treaty warsaw pact berlin wall cold war missile europe security guarantee promise assurance baker kohl yeltsin russia ukraine crimea intervention bombing campaign humanitarian sovereignty nations council resolution veto enlargement eastern poland hungary czech baltic democracy summit negotiations reunification germany moscow washington diplomacy historian archive memorandum evidence claim argument essay scholars dispute albanians refugees rambouillet kla clinton blair primakov shevardnadze genscher helsinki osce containment detente perestroika glasnost'.split(
    ' ',
  );
const SYL = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vis',
  'an',
  'el',
  'dor',
  'pra',
  'su',
  'qui',
  'ven',
  'ox',
  'ur',
  'bel',
  'ti',
  'ma',
  'ser',
  'gon',
  'fal',
  'ri',
  'nu',
  'est',
  'ap',
  'lem',
  'cor',
  'dis',
  'pen',
  'tra',
];
function zipf(r: () => number, n: number) {
  return Math.min(n - 1, Math.floor(Math.pow(n, r()) - 1));
}
export function makeRare(r: () => number, n: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const k = 2 + Math.floor(r() * 3);
    for (let j = 0; j < k; j++) w += SYL[Math.floor(r() * SYL.length)];
    out.push(w);
  }
  return out;
}
export function sentence(r: () => number, rare: string[], min: number, max: number, topic = 0.12) {
  const n = min + Math.floor(r() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    let w =
      x < 0.6
        ? COMMON[zipf(r, COMMON.length)]!
        : x < 0.6 + topic
          ? TOPIC[zipf(r, TOPIC.length)]!
          : rare[zipf(r, rare.length)]!;
    if (x >= 0.6 && x < 0.6 + topic && r() < 0.7) w = w[0]!.toUpperCase() + w.slice(1);
    words.push(w);
  }
  let s = words.join(' ');
  s = s[0]!.toUpperCase() + s.slice(1) + '.';
  return s;
}
export function makeMap(count: number, seed = 1, topic = 0.12): MapBundle {
  const r = rng(seed);
  const rare = makeRare(r, 4000);
  const sentence_ = sentence;
  const sentence2 = (a: () => number, b: string[], c: number, d: number) => sentence_(a, b, c, d, topic);
  const t = '2025-01-01T00:00:00.000Z';
  const nodes: ArgNode[] = [
    {
      id: 'n0',
      mapId: 'm',
      parentId: null,
      relation: null,
      order: 'V',
      text: sentence2(r, rare, 10, 30),
      origin: 'essay',
      createdAt: t,
      updatedAt: t,
    },
  ];
  for (let i = 1; i < count; i++) {
    const parent = nodes[Math.floor(Math.pow(r(), 2) * nodes.length)]!;
    const node: ArgNode = {
      id: 'n' + i,
      mapId: 'm',
      parentId: parent.id,
      relation: r() < 0.7 ? 'supports' : 'opposes',
      order: 'V' + i.toString(36).padStart(4, '0').replace(/0/g, 'z'),
      text: sentence2(r, rare, 10, 60),
      origin: r() < 0.5 ? 'essay' : 'added',
      createdAt: t,
      updatedAt: t,
    };
    if (r() < 0.25) node.notes = sentence2(r, rare, 5, 30);
    if (node.origin === 'essay' && r() < 0.6)
      node.quote = { text: sentence2(r, rare, 10, 40), paragraph: 1 + Math.floor(r() * 30) };
    nodes.push(node);
  }
  const sources: Source[] = [];
  for (let i = 0; i < 300; i++)
    sources.push({
      id: 's' + i,
      mapId: 'm',
      title: sentence2(r, rare, 3, 10),
      authors: sentence2(r, rare, 2, 3),
      type: 'book',
      createdAt: t,
      updatedAt: t,
    });
  const citations: Citation[] = [];
  for (let i = 0; i < 3000; i++) {
    const c: Citation = {
      id: 'c' + i,
      mapId: 'm',
      nodeId: 'n' + Math.floor(r() * count),
      sourceId: 's' + Math.floor(r() * 300),
      createdAt: t,
    };
    if (r() < 0.5) c.pinpoint = 'p. ' + Math.floor(r() * 300) + ' ' + sentence2(r, rare, 3, 15);
    citations.push(c);
  }
  const ratings: Rating[] = [];
  for (let i = 0; i < 2000; i++)
    ratings.push({
      id: 'r' + i,
      mapId: 'm',
      nodeId: 'n' + Math.floor(r() * count),
      rater: 'rater' + Math.floor(r() * 5),
      value: 2,
      createdAt: t,
      updatedAt: t,
    });
  return {
    map: { id: 'm', title: 'Map', rootId: 'n0', createdAt: t, updatedAt: t, formatVersion: 1 },
    nodes,
    sources,
    citations,
    ratings,
  };
}

import { createSearchIndex } from '../../src/search/index.js';
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, type SearchDocument } from '../../src/search/index.js';

const TARGETS = [
  'gorbachev',
  'kosovo',
  'pristina',
  'nato expansion',
  'berlin wall',
  'milosevic',
  'sovereignty',
  'warsaw pact',
  'gorbachov',
  'pristna',
  'kosvo',
  'milosevich',
  'the soviet',
  'renvenpra',
];
const stats = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(1)} p90 ${q(0.9).toFixed(1)} max ${s[s.length - 1]!.toFixed(1)} (n=${s.length})`;
};

describe('TEMP search timing', function () {
  this.timeout(600000);
  it('measures', () => {
    const out: string[] = [];
    const cal: number[] = [];
    for (let k = 0; k < 7; k++) {
      let s = '';
      for (let i = 0; i < 300000; i++) s += 'abcdefghij'[i % 10];
      s = s.split('').join('');
      const t = performance.now();
      let y = 0;
      for (let i = 0; i < s.length; i++) y = (y + s.charCodeAt(i)) | 0;
      cal.push(((performance.now() - t) * 1e6) / s.length + (y === 0.5 ? 1 : 0));
    }
    out.push(`calibration (charCodeAt loop): ${Math.min(...cal).toFixed(2)} ns/char`);
    for (const [label, topic] of [
      ['dense', 0.12],
      ['typical', 0.04],
    ] as const) {
      const bundle = makeMap(10000, 1, topic);
      const builds: number[] = [];
      let index = createSearchIndex(bundle);
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        index = createSearchIndex(bundle);
        builds.push(performance.now() - t);
      }
      let t = performance.now();
      index.search('x');
      out.push(
        `[${label}] build ${builds.map((b) => b.toFixed(0)).join('/')} ms; first search ${(performance.now() - t).toFixed(1)} ms`,
      );
      const queries: string[] = [];
      for (const target of TARGETS)
        for (let n = 3; n <= Math.min(10, target.length); n++) queries.push(target.slice(0, n));
      for (const q of queries) index.search(q);
      const best: number[] = [];
      const all: number[] = [];
      const perLen = new Map<number, number[]>();
      for (const q of queries) {
        const ts: number[] = [];
        for (let i = 0; i < 5; i++) {
          t = performance.now();
          index.search(q);
          ts.push(performance.now() - t);
        }
        all.push(...ts);
        best.push(Math.min(...ts));
        const l = perLen.get(q.length) ?? [];
        l.push(...ts);
        perLen.set(q.length, l);
      }
      out.push(`[${label}] ${queries.length} queries of 3-10 chars, all runs: ${stats(all)}`);
      out.push(`[${label}] best of 5 per query: ${stats(best)}`);
      for (const [len, ts] of [...perLen].sort((a, b) => a[0] - b[0])) out.push(`   len ${len}: ${stats(ts)}`);
      const worst = queries
        .map((q, i) => [q, best[i]!] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5);
      out.push(
        `[${label}] slowest: ${worst.map(([q, v]) => `"${q}" ${v.toFixed(1)}`).join(', ')}; matches of "the": ${index.search('the').ids.length}, "gorbachev": ${index.search('gorbachev').ids.length}`,
      );
      // Edit then search.
      const editTimes: number[] = [];
      const addTimes: number[] = [];
      const base = bundle.nodes[7]!;
      for (let i = 0; i < 10; i++) {
        let t2 = performance.now();
        index.upsertNode({ ...base, text: base.text + ' kosovo edit ' + i });
        index.search('kosovo');
        editTimes.push(performance.now() - t2);
        t2 = performance.now();
        index.upsertNode({ ...base, id: 'added' + i, order: 'zz' + i, text: 'A new claim about Gorbachev ' + i });
        index.search('gorbachev');
        addTimes.push(performance.now() - t2);
      }
      out.push(`[${label}] text edit + search: ${stats(editTimes)}; add node + search: ${stats(addTimes)}`);
      const docs = [...(index as unknown as { entries: Map<string, { doc: SearchDocument }> }).entries.values()].map(
        (e) => e.doc,
      );
      t = performance.now();
      const fuse = new Fuse(docs, FUSE_OPTIONS);
      out.push(`[${label}] fuse.js alone: build ${(performance.now() - t).toFixed(0)} ms`);
      const fz: number[] = [];
      for (const q of ['gor', 'gorbachov', 'kosov', 'nato expa', 'pristna']) {
        t = performance.now();
        fuse.search(q);
        fz.push(performance.now() - t);
      }
      out.push(`[${label}] fuse.js alone, 5 queries: ${fz.map((v) => v.toFixed(0)).join('/')} ms`);
    }
    console.log(out.join('\n'));
  });
});
