/**
 * Maps for the format tests: a small hand-made map with every feature (for exact expected
 * output), and seeded random maps full of awkward text (for round trips).
 */
import { prng } from '../helpers/fixtures.js';

/** The shared seeded PRNG, under the name these tests have always used. */
export { prng };
import { keysBetween } from '../../src/model/order-key.js';
import {
  Origin,
  Relation,
  Reliability,
  SourceType,
  type ArgNode,
  type Citation,
  type MapBundle,
  type Rating,
  type RatingValue,
  type Source,
} from '../../src/model/types.js';

export const T0 = '2025-03-01T09:00:00.000Z';

/**
 * The small hand-made map of the exact-output tests:
 *
 *     T  thesis (essay, quote ¶1, cites s2)
 *     ├ c1  claim (essay, reworded, quote ¶3, cites s1 p. 12 and s2, notes, rated 3 and 2)
 *     │  ├ p1  premise (added)
 *     │  └ k1  counterpoint (added, rated 1)
 *     │     └ r1  rebuttal (essay)
 *     └ k2  counterpoint (essay)
 */
export function smallMap(): MapBundle {
  const node = (
    id: string,
    parentId: string | null,
    relation: Relation | null,
    order: string,
    text: string,
    extra: Partial<ArgNode> = {},
  ): ArgNode => ({
    id,
    mapId: 'm1',
    parentId,
    relation,
    order,
    text,
    origin: Origin.essay,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  });
  const nodes: ArgNode[] = [
    node('T', null, null, 'V', 'Russia and America could have been partners.', {
      quote: { text: 'it wasn’t always a given', paragraph: 1 },
    }),
    node('c1', 'T', Relation.supports, 'V', 'The summits *worked*:\nboth sides cut arsenals.', {
      edited: true,
      quote: { text: 'the summit ended with Reagan and Gorbachev agreeing', paragraph: 3 },
      notes: 'Check the INF treaty date.',
      author: 'Ms. Lee',
    }),
    node('k2', 'T', Relation.opposes, 'k', 'Distrust never went away.'),
    node('p1', 'c1', Relation.supports, 'V', 'The INF Treaty was signed in 1987.', { origin: Origin.added }),
    node('k1', 'c1', Relation.opposes, 'k', 'Arms cuts are not friendship.', { origin: Origin.added }),
    node('r1', 'k1', Relation.opposes, 'V', '- They are a start, though.'),
  ];
  const source = (id: string, title: string, extra: Partial<Source>): Source => ({
    id,
    mapId: 'm1',
    title,
    type: SourceType.other,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  });
  const sources: Source[] = [
    source('s1', 'Reagan and Gorbachev', {
      authors: 'J. Matlock',
      publisher: 'Random House',
      date: '2004',
      type: SourceType.book,
      reliability: Reliability.B,
    }),
    source('s2', 'INF Treaty text', {
      url: 'https://www.state.gov/inf',
      type: SourceType.official,
      reliability: Reliability.A,
      reliabilityNote: 'primary text',
    }),
  ];
  const cite = (nodeId: string, sourceId: string, pinpoint?: string): Citation => ({
    id: `${nodeId}>${sourceId}`,
    mapId: 'm1',
    nodeId,
    sourceId,
    createdAt: T0,
    ...(pinpoint !== undefined && { pinpoint }),
  });
  const rate = (nodeId: string, rater: string, value: RatingValue, rationale?: string): Rating => ({
    id: `${nodeId}@${rater}`,
    mapId: 'm1',
    nodeId,
    rater,
    value,
    createdAt: T0,
    updatedAt: T0,
    ...(rationale !== undefined && { rationale }),
  });
  return {
    map: {
      id: 'm1',
      title: 'Was the partnership doomed?',
      description: 'A class map of one essay.',
      document: {
        title: 'America and Russia: The Alliance That Never Was',
        author: 'Grant Klusmann',
        date: '2025-02-24',
        url: 'https://example.org/essay',
      },
      rootId: 'T',
      createdAt: T0,
      updatedAt: T0,
      formatVersion: 1,
    },
    nodes,
    sources,
    citations: [cite('c1', 's2'), cite('c1', 's1', 'p. 12'), cite('T', 's2')],
    ratings: [rate('c1', 'ben', 2), rate('c1', 'ana', 3, 'good sources'), rate('k1', 'ana', 1)],
  };
}

/** Awkward text: Markdown and Argdown specials, unicode (emoji, RTL, combining), HTML and scripts. */
const PIECES = [
  'plain words',
  'Ünïcödé',
  '😀👍🏽',
  '👨‍👩‍👧',
  'مرحبا بالعالم',
  'שלום',
  'e\u0301',
  '日本語',
  '* _ [ ] ( ) # > | \\ ` < > &',
  '**bold**',
  '_under_',
  '[link](https://example.org)',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '<!--',
  '-->',
  '<!---->',
  '&amp;',
  '&#32;',
  '&#9;',
  '\\',
  '\\\\',
  '1. ',
  '2)',
  '- ',
  '+ ',
  '* ',
  '# ',
  '> ',
  '```',
  '~~~',
  '|a|b|',
  '---',
  '===',
  '[1]: x',
  '-> See 1.2.',
  'Pro: ',
  'Con: ',
  '**Claim** (supports): ',
  '*Notes:* ',
  '*Sources:* [1]',
  '“q” (¶3)',
  '1.1. Pro: ',
  'Discussion Title: x',
  '[Title]: ',
  '#tag',
  '@[x]',
  '{a: 1}',
  '// c',
  '/* c */',
  'e.g. U.S.',
  '10:30:00',
  '$$',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u3000',
  '\u2028',
  '*emph*',
  '`code`',
  '**Thesis:** ',
  '*Label:* ',
  '<b>x</b>',
  '<https://a.example/x>',
  '<div>',
  '[^1]: note',
  '[x\ny]: /u',
  '| --- |',
  ':--',
  '&#42;',
  '__init__',
  '___',
  '\\*',
  '\n',
  '\n\n',
  '\n  \n',
  ' \n',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Random awkward text; never empty or only whitespace (restore refuses those for node text). */
function randomText(rand: () => number, maxPieces = 6): string {
  const n = 1 + Math.floor(rand() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, PIECES);
  return s.trim() === '' ? `${s}x` : s;
}

/** A short single field (titles, authors ...): awkward but on one line unless `lines`. */
function randomField(rand: () => number, max: number): string {
  let s = randomText(rand, 3);
  if (s.length > max) s = s.slice(0, max);
  return s.trim() === '' ? 'x' : s;
}

export interface RandomMapOptions {
  nodes?: number;
  /** Build a chain this deep (plus the random nodes). */
  depth?: number;
  /** Give the thesis this many extra children. */
  width?: number;
  /** Include quotes, notes, sources, citations, ratings, authors (for Markdown and JSON). */
  rich?: boolean;
}

/** A random valid map from `seed`. */
export function randomMap(seed: number, options: RandomMapOptions = {}): MapBundle {
  const rand = prng(seed);
  const rich = options.rich ?? true;
  const mapId = `map${seed}`;
  const nodes: ArgNode[] = [];
  const add = (parent: ArgNode | null): ArgNode => {
    const n: ArgNode = {
      id: `n${nodes.length}`,
      mapId,
      parentId: parent ? parent.id : null,
      relation: parent ? (rand() < 0.5 ? Relation.supports : Relation.opposes) : null,
      order: '',
      text: randomText(rand),
      origin: rand() < 0.5 ? Origin.essay : Origin.added,
      createdAt: T0,
      updatedAt: T0,
    };
    if (n.origin === Origin.essay && rand() < 0.3) n.edited = true;
    if (rich) {
      if (rand() < 0.3) n.notes = randomText(rand);
      if (rand() < 0.3) n.quote = { text: randomText(rand, 3), paragraph: 1 + Math.floor(rand() * 43) };
      if (rand() < 0.2) n.author = randomField(rand, 100);
    }
    nodes.push(n);
    return n;
  };
  const root = add(null);
  const count = options.nodes ?? 30;
  for (let i = 1; i < count; i++) add(pick(rand, nodes));
  let tip = root;
  for (let i = 0; i < (options.depth ?? 0); i++) tip = add(tip);
  for (let i = 0; i < (options.width ?? 0); i++) add(root);
  // Order keys in creation order per parent.
  const byParent = new Map<string, ArgNode[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  root.order = 'V';
  for (const kids of byParent.values()) {
    const keys = keysBetween(null, null, kids.length);
    kids.forEach((k, i) => (k.order = keys[i]!));
  }
  const sources: Source[] = [];
  const citations: Citation[] = [];
  const ratings: Rating[] = [];
  if (rich) {
    const types = Object.values(SourceType);
    const grades = Object.values(Reliability);
    const nSources = Math.floor(rand() * 6);
    for (let i = 0; i < nSources; i++) {
      const s: Source = {
        id: `s${i}`,
        mapId,
        title: randomField(rand, 500),
        type: pick(rand, types),
        createdAt: T0,
        updatedAt: T0,
      };
      if (rand() < 0.5)
        s.url = pick(rand, [
          'https://example.org/a?b=1&c=2',
          'http://ex.com/x*y_(z)',
          'https://xn--nxasmq6b.example/😀',
        ]);
      if (rand() < 0.5) s.authors = randomField(rand, 200);
      if (rand() < 0.5) s.publisher = randomField(rand, 200);
      if (rand() < 0.5) s.date = pick(rand, ['1997', '1997-05-27', 'May 1997', ' 1997 ']);
      if (rand() < 0.5) s.reliability = pick(rand, grades);
      if (rand() < 0.3) s.reliabilityNote = randomField(rand, 200);
      sources.push(s);
    }
    for (const n of nodes) {
      for (const s of sources) {
        if (rand() < 0.15) {
          const c: Citation = { id: `${n.id}>${s.id}`, mapId, nodeId: n.id, sourceId: s.id, createdAt: T0 };
          if (rand() < 0.5) c.pinpoint = randomField(rand, 100);
          citations.push(c);
        }
      }
      for (const rater of ['ana', 'Ben Okafor', 'ÇA 😀', 'x<y>"z"']) {
        if (rand() < 0.15) {
          const r: Rating = {
            id: `${n.id}@${ratings.length}`,
            mapId,
            nodeId: n.id,
            rater,
            value: Math.floor(rand() * 5) as RatingValue,
            createdAt: T0,
            updatedAt: T0,
          };
          if (rand() < 0.3) r.rationale = randomText(rand, 3);
          ratings.push(r);
        }
      }
    }
  }
  const map: MapBundle['map'] = {
    id: mapId,
    title: randomField(rand, 500),
    rootId: root.id,
    createdAt: T0,
    updatedAt: T0,
    formatVersion: 1,
  };
  if (rich && rand() < 0.5) map.description = randomText(rand);
  if (rich && rand() < 0.5) {
    map.document = { title: randomField(rand, 500) };
    if (rand() < 0.5) map.document.author = randomField(rand, 100);
    if (rand() < 0.5) map.document.date = '2025-02-24';
    if (rand() < 0.5) map.document.url = 'https://example.org/essay?x=1&y=<2>';
  }
  return { map, nodes, sources, citations, ratings };
}
