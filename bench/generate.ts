/**
 * Seeded, reproducible argument maps for the benchmarks: the same seed and size give the same map,
 * byte for byte, in the browser and in Node. Shapes follow big classroom and Kialo debates:
 * branching 2-6, threads up to 12 deep, statements of 10-60 words about politics and history (so
 * search has real words to find), about a fifth of nodes citing shared sources, half rated by 1-5
 * raters, some notes and essay quotes. Every map passes the app's own validator (formats/restore).
 */
import { keysBetween } from '../src/model/order-key.js';
import {
  FORMAT_VERSION,
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
} from '../src/model/types.js';

/** Benchmark sizes by label. */
export const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 } as const;
/** A size label: "1k", "10k" or "100k". */
export type SizeLabel = keyof typeof SIZES;

/** Deepest level below the thesis (the thesis is depth 0). */
export const MAX_DEPTH = 12;

/** Options of `generateMap`. */
export interface GenerateOptions {
  /** Number of nodes, thesis included. */
  nodes: number;
  /** Same seed, same map. */
  seed?: number;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words of a history-and-politics debate; a few recur often (Zipf-like picking below) so common
// queries find many nodes and rare ones few, as in a real map.
const WORDS = (
  'the of and to in that a is for on as by with was were not this from it which be their its would ' +
  'an more than but have had been after could over against between under during when while ' +
  'Russia America Moscow Washington Kremlin Europe Ukraine Crimea Kosovo Serbia Belgrade Pristina ' +
  'Georgia Chechnya Poland Germany Berlin Baltic NATO OSCE UN Security Council treaty alliance ' +
  'sanctions embargo tariffs trade oil gas pipeline energy Gazprom ruble dollar economy recession ' +
  'default privatisation oligarchs reform democracy elections parliament Duma constitution president ' +
  'Yeltsin Gorbachev Putin Medvedev Primakov Lavrov Kozyrev Clinton Bush Obama Trump Biden Kissinger ' +
  'Kennan Brzezinski Albright Baker Kohl Chirac Blair Merkel Zelensky Milosevic Gaddafi Assad Saddam ' +
  'Cold War détente perestroika glasnost containment deterrence enlargement expansion sphere influence ' +
  'security guarantee memorandum Budapest Helsinki Yalta Potsdam Minsk Istanbul summit negotiation ' +
  'diplomacy ambassador envoy ministry foreign policy doctrine strategy realism liberal order ' +
  'hegemony multipolar unipolar balance power nuclear arsenal warheads missile defence ABM START ' +
  'INF arms control verification inspection reset partnership cooperation rivalry hostility mistrust ' +
  'humiliation grievance betrayal promise assurance pledge Versailles Weimar empire Soviet Union ' +
  'collapse revolution civil war intervention bombing campaign airstrikes peacekeepers occupation ' +
  'annexation referendum separatists insurgency terrorism September counterterrorism Afghanistan ' +
  'Iraq Libya Syria Iran Korea China Beijing Asia Pacific Arctic Caspian Black Sea navy fleet base ' +
  'troops army general soldiers casualties refugees humanitarian crisis famine inflation budget ' +
  'loan IMF World Bank investment market capital corruption propaganda media television newspaper ' +
  'historians archives documents evidence testimony memoirs interview speech address statement ' +
  'claim argue suggest show prove reject deny concede insist warn predict recall acknowledge ' +
  'public opinion voters poll support opposition protest dissent regime authoritarian sovereignty ' +
  'border territory frontier neighbours allies partners adversaries enemies interests values ' +
  'legitimacy law international court tribunal crimes genocide rights freedom press censorship ' +
  'century decade years months weeks 1945 1962 1989 1991 1994 1997 1999 2001 2003 2008 2014 2022 ' +
  'early late long short brief lasting fragile stable costly decisive gradual sudden mutual ' +
  'strong weak plausible doubtful clear unclear direct indirect likely unlikely real apparent'
).split(' ');

const RATERS = [
  'Amira',
  'Ben',
  'Chloe',
  'Dmitri',
  'Ebony',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tamsin',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
];
const PUBLISHERS = [
  'Foreign Affairs',
  'The Economist',
  'Reuters',
  'Oxford University Press',
  'RAND Corporation',
  'National Security Archive',
  'Kommersant',
  'The New York Times',
  'Cambridge University Press',
  'Carnegie Endowment',
];
const SOURCE_TYPES = Object.values(SourceType);
const RELIABILITIES = Object.values(Reliability);
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The generator's randomness with the helpers every part of the map uses. */
class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** A 12-character base-62 id, as the app's newId makes, but reproducible. */
  id(): string {
    let s = '';
    for (let i = 0; i < 12; i++) s += ID_ALPHABET[Math.floor(this.next() * 62)];
    return s;
  }
  /** A word, the first ones of the list far more often than the last (roughly Zipf). */
  word(): string {
    const r = this.next();
    return WORDS[Math.floor(r * r * WORDS.length)]!;
  }
  /** A statement: one or more sentences, occasionally with inline Markdown or a link. */
  sentence(min: number, max: number): string {
    const count = this.int(min, max);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(this.word());
    if (count > 6 && this.chance(0.06)) {
      const i = this.int(1, count - 2);
      words[i] = `*${words[i]}*`;
    }
    if (count > 6 && this.chance(0.03)) {
      const i = this.int(1, count - 2);
      words[i] = `[${words[i]}](https://example.org/${words[i]!.toLowerCase().replace(/[^a-z0-9]/g, '')})`;
    }
    let text = '';
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const startsSentence = i === 0 || text.endsWith('. ');
      text += startsSentence ? w.charAt(0).toUpperCase() + w.slice(1) : w;
      if (i === words.length - 1) text += '.';
      else if (i > 4 && this.chance(0.07)) text += '. ';
      else if (this.chance(0.05)) text += ', ';
      else text += ' ';
    }
    return text;
  }
}

/** An ISO timestamp `days` (fractional) after the start of a school year. */
function timeAt(days: number): string {
  return new Date(Date.UTC(2024, 8, 2) + Math.floor(days * 86_400_000)).toISOString();
}

/** Shape statistics of a generated map (for the report). */
export interface MapStats {
  nodes: number;
  maxDepth: number;
  /** Nodes with children. */
  parents: number;
  sources: number;
  citations: number;
  ratings: number;
  ratedNodes: number;
  quotes: number;
  notes: number;
}

/**
 * A map of `nodes` nodes. Children are added to a random open node (70%) or to the newest one
 * (30%, which grows long threads), 2-6 at a time, until the size is reached; nodes at depth 12
 * get no children.
 */
export function generateMap({ nodes: size, seed = 20250224 }: GenerateOptions): MapBundle {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  const d = new Dice(seed ^ Math.imul(size, 2654435761));
  const mapId = `bench-${size}-${d.id().slice(0, 6)}`;
  const created = timeAt(0);

  const nodes: ArgNode[] = [];
  const depth: number[] = [];
  const newNode = (parent: ArgNode | null, relation: Relation | null, order: string, level: number): ArgNode => {
    const added = nodes.length;
    const days = (added / size) * 200;
    const quoted = parent === null || (level <= 3 && d.chance(0.5)) || d.chance(0.08);
    const node: ArgNode = {
      id: d.id(),
      mapId,
      parentId: parent?.id ?? null,
      relation,
      order,
      text: d.sentence(10, 60),
      origin: quoted ? Origin.essay : Origin.added,
      createdAt: timeAt(days),
      updatedAt: timeAt(days + d.next() * 10),
    };
    if (quoted) node.quote = { text: d.sentence(8, 30), paragraph: d.int(1, 40) };
    else node.author = d.pick(RATERS);
    if (d.chance(0.1)) node.notes = d.sentence(10, 40);
    if (quoted && d.chance(0.1)) node.edited = true;
    nodes.push(node);
    depth.push(level);
    return node;
  };

  newNode(null, null, keysBetween(null, null, 1)[0]!, 0);
  // Indices of nodes that may still get children.
  const open: number[] = [0];
  while (nodes.length < size && open.length > 0) {
    const slot = d.chance(0.3) ? open.length - 1 : Math.floor(d.next() * open.length);
    const parentIndex = open[slot]!;
    open[slot] = open[open.length - 1]!;
    open.pop();
    const parent = nodes[parentIndex]!;
    const level = depth[parentIndex]! + 1;
    const count = Math.min(d.int(2, 6), size - nodes.length);
    const keys = keysBetween(null, null, count);
    for (let k = 0; k < count; k++) {
      // Objections are rarer near the thesis, commoner deep in a thread.
      const relation = d.chance(level === 1 ? 0.25 : 0.45) ? Relation.opposes : Relation.supports;
      newNode(parent, relation, keys[k]!, level);
      if (level < MAX_DEPTH) open.push(nodes.length - 1);
    }
  }

  // Sources: about one per 25 nodes, shared by the fifth of nodes that cite one (a few cite two).
  const sources: Source[] = [];
  const sourceCount = Math.max(3, Math.round(size / 25));
  for (let i = 0; i < sourceCount; i++) {
    const title = d.sentence(3, 9).replace(/\.$/, '');
    const s: Source = {
      id: d.id(),
      mapId,
      title,
      type: d.pick(SOURCE_TYPES),
      createdAt: timeAt((i / sourceCount) * 200),
      updatedAt: timeAt((i / sourceCount) * 200 + 1),
    };
    if (d.chance(0.8)) s.url = `https://example.org/sources/${s.id}`;
    if (d.chance(0.8)) s.authors = `${d.pick(RATERS)} ${d.pick(WORDS.slice(60, 120))}`;
    if (d.chance(0.7)) s.publisher = d.pick(PUBLISHERS);
    if (d.chance(0.8)) s.date = String(d.int(1945, 2025));
    if (d.chance(0.7)) s.reliability = d.pick(RELIABILITIES);
    if (s.reliability && d.chance(0.3)) s.reliabilityNote = d.sentence(5, 15);
    sources.push(s);
  }
  const citations: Citation[] = [];
  const ratings: Rating[] = [];
  for (const node of nodes) {
    if (d.chance(0.2)) {
      const first = d.int(0, sources.length - 1);
      const cited = d.chance(0.25) ? [first, (first + d.int(1, sources.length - 1)) % sources.length] : [first];
      for (const si of cited) {
        const source = sources[si]!;
        const c: Citation = {
          id: `${node.id}>${source.id}`,
          mapId,
          nodeId: node.id,
          sourceId: source.id,
          createdAt: node.createdAt,
        };
        if (d.chance(0.4)) c.pinpoint = `p. ${d.int(1, 400)}`;
        citations.push(c);
      }
    }
    if (d.chance(0.5)) {
      const count = d.int(1, 5);
      const start = d.int(0, RATERS.length - 1);
      for (let k = 0; k < count; k++) {
        const rater = RATERS[(start + k * 7) % RATERS.length]!;
        const r: Rating = {
          id: `${node.id}@${rater}`,
          mapId,
          nodeId: node.id,
          rater,
          value: d.int(0, 4) as RatingValue,
          createdAt: node.updatedAt,
          updatedAt: node.updatedAt,
        };
        if (d.chance(0.1)) r.rationale = d.sentence(5, 20);
        ratings.push(r);
      }
    }
  }

  const root = nodes[0]!;
  return {
    map: {
      id: mapId,
      title: `Generated debate (${size.toLocaleString('en')} nodes): Russia and the West since 1991`,
      description: 'A generated map for the benchmarks: realistic in shape and wording, not in argument.',
      document: {
        title: 'The Alliance That Never Was (generated stand-in)',
        author: 'Bench Generator',
        date: '2025-02-24',
      },
      rootId: root.id,
      createdAt: created,
      updatedAt: timeAt(210),
      formatVersion: FORMAT_VERSION,
    },
    nodes,
    sources,
    citations,
    ratings,
  };
}

/** Counts that describe a map's shape. */
export function mapStats(bundle: MapBundle): MapStats {
  const depthOf = new Map<string, number>();
  const parents = new Set<string>();
  let maxDepth = 0;
  // Parents are generated before their children, so one pass in list order finds every depth.
  for (const n of bundle.nodes) {
    const level = n.parentId === null ? 0 : (depthOf.get(n.parentId) ?? 0) + 1;
    depthOf.set(n.id, level);
    if (level > maxDepth) maxDepth = level;
    if (n.parentId !== null) parents.add(n.parentId);
  }
  return {
    nodes: bundle.nodes.length,
    maxDepth,
    parents: parents.size,
    sources: bundle.sources.length,
    citations: bundle.citations.length,
    ratings: bundle.ratings.length,
    ratedNodes: new Set(bundle.ratings.map((r) => r.nodeId)).size,
    quotes: bundle.nodes.filter((n) => n.quote).length,
    notes: bundle.nodes.filter((n) => n.notes).length,
  };
}

/** Queries of 3-10 characters a student would type: common, rare, a phrase, a typo, a miss. */
export const SEARCH_QUERIES = [
  'war',
  'treaty',
  'sanctions',
  'Gorbachev',
  'Gorbachov',
  'détente',
  'Kosovo',
  'arms race',
  'pipeline',
  'zzyzx',
] as const;
