/**
 * The one restore step every import goes through: validate a parsed map file whole, fill
 * defaults, migrate older format versions. Nothing here trusts its input, and nothing is
 * returned unless the whole input is valid, so callers can write the result in one transaction.
 */
import { LIMITS, tooDeepMessage } from '../model/limits.js';
import { isOrderKey, keysBetween } from '../model/order-key.js';
import { checkTree } from '../model/tree.js';
import {
  FORMAT_VERSION,
  Origin,
  Relation,
  Reliability,
  SourceType,
  type ArgNode,
  type ArgumentMap,
  type Citation,
  type Link,
  type MapBundle,
  type Rating,
  type RatingValue,
  type Source,
} from '../model/types.js';
import { validateUrl } from '../model/url.js';
import type { FormatError, ImportResult } from './errors.js';
import { scrubDeep } from './scrub.js';
import { restoreSourceText } from './restore-source-text.js';

/** The `format` tag of a file holding one map. */
export const MAP_FORMAT = 'warrant-map';
/** The `format` tag of a backup holding several maps. */
export const BACKUP_FORMAT = 'warrant-backup';

/**
 * Upgrades for older format versions: MIGRATIONS[n] turns a version-n file into version n+1.
 * Empty while there is only version 1; every change of shape adds one here.
 */
const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

/** Options for restoring. */
export interface RestoreOptions {
  /** Timestamp used for missing createdAt/updatedAt (defaults to the map's own, then now). */
  now?: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ID = /^[A-Za-z0-9_.:@>~-]{1,100}$/;
/** Text made only of the characters ids may hold, of any length (see derivedId). */
const ID_CHARS = /^[A-Za-z0-9_.:@>~-]*$/;

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The id of a record the file gave none, made from what identifies it (node + source, node +
 * rater) so re-importing the same file is idempotent. The readable `a<sep>b` form is used when it
 * is itself a valid id; otherwise (a rater named "Ms. Lee", very long ids) a stable hash, so the
 * restored map can be exported and imported again.
 *
 * `a` is always a checked id or '' and `sep` one of the id characters, so only `b` and the
 * length need checking (the same answer as testing ID on the whole text, without scanning `a`).
 */
function derivedId(a: string, sep: string, b: string): string {
  const plain = a + sep + b;
  if (plain.length <= 100 && ID_CHARS.test(b)) return plain;
  return `${a.slice(0, 60)}${sep}~${fnv1a(plain, 0x811c9dc5)}${fnv1a(plain, 0x01000193)}`;
}

/** Days in each month of a common year (February's 29th takes the slow path in isIsoTime). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the two ASCII digits at `i` in `v`, or -1 when they are not both digits. */
function twoDigits(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Whether `v` is an ISO timestamp like 2025-02-24T12:00:00.000Z that Date.parse accepts.
 *
 * Date.parse is the costliest part of restoring a JSON file (two timestamps on nearly every row),
 * so the usual shape - `YYYY-MM-DDTHH:MM:SS[.sss]Z`, every field in range, at most 28 days in
 * February - is checked by hand: every engine must parse such a text (it is the ECMAScript date
 * format exactly). Anything else (leap days, hour 24, other fraction lengths, nonsense) gets the
 * original regex + Date.parse test, so what is accepted is unchanged.
 */
function isIsoTime(v: string): boolean {
  const len = v.length;
  if (
    (len === 20 || (len === 24 && v.charCodeAt(19) === 46 /* . */ && twoDigits(v, 20) >= 0 && twoDigits(v, 21) >= 0)) &&
    v.charCodeAt(len - 1) === 90 /* Z */ &&
    twoDigits(v, 0) >= 0 &&
    twoDigits(v, 2) >= 0 &&
    v.charCodeAt(4) === 45 /* - */ &&
    v.charCodeAt(7) === 45 &&
    v.charCodeAt(10) === 84 /* T */ &&
    v.charCodeAt(13) === 58 /* : */ &&
    v.charCodeAt(16) === 58
  ) {
    const month = twoDigits(v, 5);
    const day = twoDigits(v, 8);
    const hour = twoDigits(v, 11);
    const minute = twoDigits(v, 14);
    const second = twoDigits(v, 17);
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= MONTH_DAYS[month - 1]! &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59
    ) {
      return true;
    }
  }
  return ISO.test(v) && !Number.isNaN(Date.parse(v));
}

/**
 * Where a row of a list sits: `nodes[3]`, or `nodes[3] (id "c01")` once its id is known. One Row
 * per list is moved along the rows and spelled out only when an error is reported, instead of
 * building one or two location strings per row of a 10,000-node map that has no errors.
 */
class Row {
  index = 0;
  id: string | undefined = undefined;
  constructor(private readonly list: string) {}

  /** Moves to row `index`, whose id is not known yet. */
  at(index: number): this {
    this.index = index;
    this.id = undefined;
    return this;
  }

  toString(): string {
    const at = `${this.list}[${this.index}]`;
    return this.id === undefined ? at : `${at} (id "${this.id}")`;
  }
}

/** A field holding an object inside a row (`nodes[3] (id "c01").quote`), spelled out lazily too. */
class Field {
  constructor(
    private readonly row: Row,
    private readonly name: string,
  ) {}

  toString(): string {
    return `${this.row.toString()}.${this.name}`;
  }
}

/** The place `Checker` methods report at: a plain path, or a row or field spelled out on error. */
type At = string | Row | Field;

/** How a text field is checked: required or not, its longest length, whether blank text is kept. */
interface TextRule {
  required?: boolean;
  max?: number;
  empty?: boolean;
}
// Shared rules, so no option object is made per field per row.
const OPTIONAL: TextRule = {};
const LONG: TextRule = { max: LIMITS.text };
const REQUIRED_TITLE: TextRule = { required: true, max: LIMITS.title };
const REQUIRED_TEXT: TextRule = { required: true, max: LIMITS.text };
const REQUIRED_QUOTE: TextRule = { required: true, max: LIMITS.quote };
const REQUIRED_RATER: TextRule = { required: true, max: LIMITS.name };
const NAME: TextRule = { max: LIMITS.name };

/** Collects errors for one file; `at` names fields the way a person editing the file reads them. */
class Checker {
  readonly errors: FormatError[] = [];
  constructor(private readonly prefix: string) {}

  fail(field: string, message: string): void {
    this.errors.push({ field: this.prefix + field, message });
  }

  /** fail() at `at.key` (or at `at` itself when key is ''), spelling the place out only now. */
  failAt(at: At, key: string, message: string): void {
    this.fail(key === '' ? String(at) : `${String(at)}.${key}`, message);
  }

  str(o: Obj, key: string, at: At, rule: TextRule = OPTIONAL): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (rule.required) this.failAt(at, key, 'is missing');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.failAt(at, key, `must be text, not ${Array.isArray(v) ? 'a list' : typeof v}`);
      return undefined;
    }
    if (!rule.empty && v.trim() === '') {
      if (rule.required) this.failAt(at, key, 'must not be empty');
      return undefined;
    }
    const max = rule.max ?? LIMITS.field;
    if (v.length > max) {
      this.failAt(at, key, `is too long (${v.length} characters; at most ${max})`);
      return undefined;
    }
    return v;
  }

  time(o: Obj, key: string, at: At, fallback: string): string {
    const v = o[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string' || !isIsoTime(v)) {
      this.failAt(at, key, 'must be an ISO timestamp like 2025-02-24T12:00:00.000Z');
      return fallback;
    }
    return v;
  }

  /** The id in `o[key]`; a missing one is an error (callers with a default check for absence first). */
  id(o: Obj, key: string, at: At): string | undefined {
    const v = o[key];
    if (typeof v !== 'string' || !ID.test(v)) {
      this.failAt(at, key, v === undefined ? 'is missing' : 'must be an id of 1-100 letters, digits or - _ . : @ > ~');
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, at: At, allowed: readonly T[], fallback?: T): T | undefined {
    const v = o[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.failAt(at, key, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
      return undefined;
    }
    return v as T;
  }

  unknownKeys(o: Obj, at: At, known: ReadonlySet<string>): void {
    // for...in visits the own keys Object.keys lists without making an array per row. Only when
    // it meets a key that is not known (which may also be an inherited one) are the own keys
    // listed, in Object.keys order, for the errors.
    for (const k in o) {
      if (!known.has(k)) {
        for (const own of Object.keys(o)) {
          if (!known.has(own)) this.failAt(at, own, 'is not a known field (a typo?)');
        }
        return;
      }
    }
  }
}

const MAP_KEYS = new Set([
  'id',
  'title',
  'description',
  'document',
  'rootId',
  'createdAt',
  'updatedAt',
  'formatVersion',
]);
const DOCUMENT_KEYS = new Set(['title', 'author', 'date', 'url']);
const NODE_KEYS = new Set([
  'id',
  'parentId',
  'relation',
  'order',
  'text',
  'notes',
  'quote',
  'origin',
  'edited',
  'author',
  'createdAt',
  'updatedAt',
]);
const QUOTE_KEYS = new Set(['text', 'paragraph']);
const SOURCE_KEYS = new Set([
  'id',
  'title',
  'url',
  'authors',
  'publisher',
  'date',
  'type',
  'reliability',
  'reliabilityNote',
  'author',
  'createdAt',
  'updatedAt',
]);
const CITATION_KEYS = new Set(['id', 'nodeId', 'sourceId', 'pinpoint', 'author', 'createdAt']);
const LINK_KEYS = new Set(['id', 'nodeId', 'targetId', 'external', 'createdAt']);
const EXTERNAL_KEYS = new Set(['title', 'ref']);
const RATING_KEYS = new Set(['id', 'nodeId', 'rater', 'value', 'relevance', 'rationale', 'createdAt', 'updatedAt']);

const RELATIONS = [Relation.supports, Relation.opposes, Relation.neutral] as const;
const ORIGINS = [Origin.essay, Origin.added] as const;
const SOURCE_TYPES = Object.values(SourceType);
const RELIABILITIES = Object.values(Reliability);
const SOURCE_TEXT_KEYS = ['authors', 'publisher', 'date', 'reliabilityNote'] as const;

function list(c: Checker, o: Obj, key: string): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.fail(key, 'must be a list');
    return [];
  }
  return v;
}

/**
 * Whether `nodes` certainly form one tree: no duplicate ids (the caller knows), one thesis with no
 * relation, every other node with an existing parent and a supports/opposes relation, and every
 * parent chain reaching the thesis. This is what checkTree checks, done on indexes with typed
 * arrays (restore already has the id -> index map) instead of the id-keyed maps checkTree builds.
 * When it answers no, checkTree is asked for the problems, so the messages and their order come
 * from the one place as before; a yes means checkTree would have found nothing.
 */
function isOneTree(nodes: readonly ArgNode[], indexOf: ReadonlyMap<string, number>): boolean {
  const count = nodes.length;
  const parent = new Int32Array(count);
  let root = -1;
  for (let i = 0; i < count; i++) {
    const n = nodes[i]!;
    if (n.parentId === null) {
      if (root !== -1 || n.relation !== null) return false;
      root = i;
      parent[i] = -1;
    } else {
      const p = indexOf.get(n.parentId);
      if (
        p === undefined ||
        (n.relation !== Relation.supports && n.relation !== Relation.opposes && n.relation !== Relation.neutral)
      )
        return false;
      parent[i] = p;
    }
  }
  if (root === -1) return false;
  // 0: not visited yet, 1: on the chain being walked, 2: known to reach the thesis.
  const state = new Uint8Array(count);
  state[root] = 2;
  for (let i = 0; i < count; i++) {
    let j = i;
    while (state[j] === 0) {
      state[j] = 1;
      j = parent[j]!;
    }
    if (state[j] === 1) return false; // the chain came back on itself: a cycle
    for (let k = i; state[k] === 1; k = parent[k]!) state[k] = 2;
  }
  return true;
}

/**
 * The first node (in list order) deeper than LIMITS.depth in a tree isOneTree accepted, with its
 * depth; null when none is. Each node's depth is found once, walking up only to the first node
 * whose depth is known, so this is linear and never recursive.
 */
function tooDeep(
  nodes: readonly ArgNode[],
  indexOf: ReadonlyMap<string, number>,
): { index: number; depth: number } | null {
  const depth = new Int32Array(nodes.length); // 0: not known yet; the thesis is 1
  const chain: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (depth[j] === 0) {
      const parentId = nodes[j]!.parentId;
      if (parentId === null) {
        depth[j] = 1;
        break;
      }
      chain.push(j);
      j = indexOf.get(parentId)!;
    }
    let d = depth[j]!;
    while (chain.length) depth[chain.pop()!] = ++d;
    if (depth[i]! > LIMITS.depth) return { index: i, depth: depth[i]! };
  }
  return null;
}

/** The raters seen on one node: a short list, or a Set once there are many (see addRater). */
type Raters = string[] | Set<string>;

/**
 * Notes that `rater` rated node `nodeKey`; false when it had already. A node has a class's worth
 * of raters at most, and a short list per node is cheaper than a Set per node (or a joined
 * string per rating); past 32 raters the list becomes a Set, so a file with thousands of raters
 * on one node is still checked in linear time.
 */
function addRater(ratersOf: Map<string, Raters>, nodeKey: string, rater: string): boolean {
  const raters = ratersOf.get(nodeKey);
  if (raters === undefined) {
    ratersOf.set(nodeKey, [rater]);
    return true;
  }
  if (Array.isArray(raters)) {
    if (raters.includes(rater)) return false;
    if (raters.length < 32) raters.push(rater);
    else ratersOf.set(nodeKey, new Set(raters).add(rater));
    return true;
  }
  if (raters.has(rater)) return false;
  raters.add(rater);
  return true;
}

/** Restores one map's part of a file (`{ map, nodes, sources, citations, ratings }`). */
function restoreOne(raw: Obj, prefix: string, options: RestoreOptions): { bundle?: MapBundle; errors: FormatError[] } {
  const c = new Checker(prefix);
  if (!isObj(raw.map)) {
    c.fail('map', 'is missing: a map file needs a "map" object with at least an id and a title');
    return { errors: c.errors };
  }
  const m = raw.map;
  c.unknownKeys(m, 'map', MAP_KEYS);
  const fallbackNow = options.now ?? new Date().toISOString();
  const mapId = c.id(m, 'id', 'map');
  const title = c.str(m, 'title', 'map', REQUIRED_TITLE);
  const description = c.str(m, 'description', 'map', LONG);
  const createdAt = c.time(m, 'createdAt', 'map', fallbackNow);
  const updatedAt = c.time(m, 'updatedAt', 'map', createdAt);
  let document: ArgumentMap['document'];
  if (m.document !== undefined) {
    if (!isObj(m.document)) c.fail('map.document', 'must be an object with a title');
    else {
      const d = m.document;
      c.unknownKeys(d, 'map.document', DOCUMENT_KEYS);
      const dt = c.str(d, 'title', 'map.document', REQUIRED_TITLE);
      document = { title: dt ?? '' };
      const author = c.str(d, 'author', 'map.document');
      const date = c.str(d, 'date', 'map.document');
      const url = c.str(d, 'url', 'map.document');
      if (author) document.author = author;
      if (date) document.date = date;
      if (url) {
        const u = validateUrl(url);
        if (u.ok) document.url = u.url;
        else c.fail('map.document.url', u.reason);
      }
    }
  }

  // Nodes.
  const nodes: ArgNode[] = [];
  const rawNodes = list(c, raw, 'nodes');
  if (rawNodes.length === 0 && raw.nodes !== undefined) c.fail('nodes', 'is empty: a map needs at least its thesis');
  if (raw.nodes === undefined) c.fail('nodes', 'is missing: a map needs at least its thesis');
  const needsOrder: ArgNode[] = [];
  // Where each id is first listed (also the set of node ids), and whether any is listed twice.
  const indexOf = new Map<string, number>();
  let duplicates = false;
  let rootId: string | undefined;
  const row = new Row('nodes');
  const quoteAt = new Field(row, 'quote');
  for (let i = 0; i < rawNodes.length; i++) {
    const rn = rawNodes[i];
    row.at(i);
    if (!isObj(rn)) {
      c.failAt(row, '', 'must be an object');
      continue;
    }
    const id = c.id(rn, 'id', row);
    if (id) row.id = id;
    c.unknownKeys(rn, row, NODE_KEYS);
    const parentId = rn.parentId === null || rn.parentId === undefined ? null : c.id(rn, 'parentId', row);
    let relation: Relation | null | undefined = null;
    if (parentId !== null) relation = c.oneOf(rn, 'relation', row, RELATIONS);
    else if (rn.relation !== null && rn.relation !== undefined) {
      c.failAt(row, 'relation', 'must be null on the thesis (the node with no parent)');
    }
    const text = c.str(rn, 'text', row, REQUIRED_TEXT);
    const origin = c.oneOf(rn, 'origin', row, ORIGINS, Origin.added);
    const nodeCreatedAt = c.time(rn, 'createdAt', row, createdAt);
    const node: ArgNode = {
      id: id ?? `?${i}`,
      mapId: mapId ?? '',
      parentId: parentId ?? null,
      relation: relation ?? null,
      order: '',
      text: text ?? '',
      origin: origin ?? Origin.added,
      createdAt: nodeCreatedAt,
      updatedAt: c.time(rn, 'updatedAt', row, nodeCreatedAt),
    };
    if (rn.order !== undefined) {
      if (typeof rn.order === 'string' && isOrderKey(rn.order)) node.order = rn.order;
      else c.failAt(row, 'order', 'must be an order key (letters and digits, not ending in 0)');
    } else needsOrder.push(node);
    const notes = c.str(rn, 'notes', row, LONG);
    if (notes) node.notes = notes;
    const author = c.str(rn, 'author', row);
    if (author) node.author = author;
    if (rn.edited !== undefined) {
      if (typeof rn.edited !== 'boolean') c.failAt(row, 'edited', 'must be true or false');
      else if (rn.edited) node.edited = true;
    }
    if (rn.quote !== undefined) {
      const q = rn.quote;
      if (!isObj(q)) c.failAt(row, 'quote', 'must be an object { "text", "paragraph" }');
      else {
        c.unknownKeys(q, quoteAt, QUOTE_KEYS);
        const qt = c.str(q, 'text', quoteAt, REQUIRED_QUOTE);
        const p = q.paragraph;
        if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) {
          c.failAt(quoteAt, 'paragraph', 'must be a paragraph number (1, 2, 3 ...)');
        } else if (qt) node.quote = { text: qt, paragraph: p };
      }
    }
    if (indexOf.has(node.id)) duplicates = true;
    else indexOf.set(node.id, nodes.length);
    if (rootId === undefined && node.parentId === null) rootId = node.id;
    nodes.push(node);
  }
  if (duplicates || !isOneTree(nodes, indexOf)) {
    // Where each id is listed: a duplicate is reported at its second listing, the rest at the first.
    const secondIndex = new Map<string, number>();
    nodes.forEach((n, i) => {
      if (indexOf.get(n.id) !== i && !secondIndex.has(n.id)) secondIndex.set(n.id, i);
    });
    for (const p of checkTree(nodes)) {
      const i =
        p.message === 'duplicate node id'
          ? (secondIndex.get(p.nodeId) ?? indexOf.get(p.nodeId))
          : indexOf.get(p.nodeId);
      c.fail(i !== undefined ? `nodes[${i}] (id "${p.nodeId}")` : 'nodes', p.message);
    }
  } else {
    const deep = tooDeep(nodes, indexOf);
    if (deep !== null) c.fail(`nodes[${deep.index}] (id "${nodes[deep.index]!.id}")`, tooDeepMessage(deep.depth));
  }
  if (m.rootId !== undefined && m.rootId !== rootId) {
    c.fail(
      'map.rootId',
      `names "${String(m.rootId)}", but the thesis (the node with no parent) is "${rootId ?? 'missing'}"`,
    );
  }
  // Nodes listed without an order key keep the order they are listed in among their siblings,
  // placed after any siblings that do have keys.
  if (needsOrder.length) {
    const byParent = new Map<string | null, ArgNode[]>();
    for (const n of needsOrder) {
      const l = byParent.get(n.parentId);
      if (l) l.push(n);
      else byParent.set(n.parentId, [n]);
    }
    // One pass for the largest existing key per parent (not one pass per parent: 10,000 nodes).
    const lastKey = new Map<string | null, string>();
    for (const n of nodes) {
      if (n.order === '') continue;
      const max = lastKey.get(n.parentId);
      if (max === undefined || n.order > max) lastKey.set(n.parentId, n.order);
    }
    for (const [parent, kids] of byParent) {
      const last = lastKey.get(parent) ?? null;
      const keys = keysBetween(last, null, kids.length);
      kids.forEach((k, j) => (k.order = keys[j]!));
    }
  }
  // indexOf holds every node id: it is the set citations and ratings are checked against.
  const nodeIds: ReadonlyMap<string, number> = indexOf;

  // Sources.
  const sources: Source[] = [];
  const sourceIds = new Set<string>();
  const rawSources = list(c, raw, 'sources');
  const sourceRow = new Row('sources');
  for (let i = 0; i < rawSources.length; i++) {
    const rs = rawSources[i];
    sourceRow.at(i);
    if (!isObj(rs)) {
      c.failAt(sourceRow, '', 'must be an object');
      continue;
    }
    const id = c.id(rs, 'id', sourceRow);
    if (id) sourceRow.id = id;
    c.unknownKeys(rs, sourceRow, SOURCE_KEYS);
    if (id && sourceIds.has(id)) c.failAt(sourceRow, '', 'duplicate source id');
    if (id) sourceIds.add(id);
    // Checked in this order so errors are listed in the order they always were.
    const sourceTitle = c.str(rs, 'title', sourceRow, REQUIRED_TITLE);
    const type = c.oneOf(rs, 'type', sourceRow, SOURCE_TYPES, SourceType.other);
    const sourceCreatedAt = c.time(rs, 'createdAt', sourceRow, createdAt);
    const s: Source = {
      id: id ?? '',
      mapId: mapId ?? '',
      title: sourceTitle ?? '',
      type: type ?? SourceType.other,
      createdAt: sourceCreatedAt,
      updatedAt: c.time(rs, 'updatedAt', sourceRow, sourceCreatedAt),
    };
    const url = c.str(rs, 'url', sourceRow);
    if (url) {
      const u = validateUrl(url);
      if (u.ok) s.url = u.url;
      else c.failAt(sourceRow, 'url', u.reason);
    }
    for (const key of SOURCE_TEXT_KEYS) {
      const v = c.str(rs, key, sourceRow);
      if (v) s[key] = v;
    }
    if (rs.reliability !== undefined) {
      const r = c.oneOf(rs, 'reliability', sourceRow, RELIABILITIES);
      if (r) s.reliability = r;
    }
    const sourceAuthor = c.str(rs, 'author', sourceRow, NAME);
    if (sourceAuthor) s.author = sourceAuthor;
    sources.push(s);
  }

  // Citations.
  const citations: Citation[] = [];
  const citationIds = new Set<string>();
  const rawCitations = list(c, raw, 'citations');
  const citationRow = new Row('citations');
  for (let i = 0; i < rawCitations.length; i++) {
    const rc = rawCitations[i];
    citationRow.at(i);
    if (!isObj(rc)) {
      c.failAt(citationRow, '', 'must be an object');
      continue;
    }
    c.unknownKeys(rc, citationRow, CITATION_KEYS);
    const nodeId = c.id(rc, 'nodeId', citationRow);
    const sourceId = c.id(rc, 'sourceId', citationRow);
    if (nodeId && !nodeIds.has(nodeId)) c.failAt(citationRow, 'nodeId', `node "${nodeId}" does not exist`);
    if (sourceId && !sourceIds.has(sourceId)) {
      c.failAt(citationRow, 'sourceId', `source "${sourceId}" does not exist`);
    }
    // A default id made from the pair keeps re-importing the same file idempotent.
    const id =
      rc.id === undefined || rc.id === null
        ? derivedId(nodeId ?? '', '>', sourceId ?? '')
        : c.id(rc, 'id', citationRow);
    if (id && citationIds.has(id)) {
      c.failAt(citationRow, '', `duplicate citation "${id}" (the same node cites the same source twice)`);
    }
    if (id) citationIds.add(id);
    const cit: Citation = {
      id: id ?? '',
      mapId: mapId ?? '',
      nodeId: nodeId ?? '',
      sourceId: sourceId ?? '',
      createdAt: c.time(rc, 'createdAt', citationRow, createdAt),
    };
    const pin = c.str(rc, 'pinpoint', citationRow);
    if (pin) cit.pinpoint = pin;
    const citationAuthor = c.str(rc, 'author', citationRow, NAME);
    if (citationAuthor) cit.author = citationAuthor;
    citations.push(cit);
  }

  // Ratings: one current rating per rater per node.
  const ratings: Rating[] = [];
  // The raters seen per node id. The node id is spelled as `${nodeId}` would (so 'undefined' for
  // a bad one) and the rater likewise: the same pairs as the one-string key `${nodeId}\0${rater}`
  // used before (an id holds no \0, so that key split the same way), without building that
  // string for every rating.
  const ratersOf = new Map<string, Raters>();
  const ratingIds = new Set<string>();
  const rawRatings = list(c, raw, 'ratings');
  const ratingRow = new Row('ratings');
  for (let i = 0; i < rawRatings.length; i++) {
    const rr = rawRatings[i];
    ratingRow.at(i);
    if (!isObj(rr)) {
      c.failAt(ratingRow, '', 'must be an object');
      continue;
    }
    c.unknownKeys(rr, ratingRow, RATING_KEYS);
    const nodeId = c.id(rr, 'nodeId', ratingRow);
    const rater = c.str(rr, 'rater', ratingRow, REQUIRED_RATER);
    if (nodeId && !nodeIds.has(nodeId)) c.failAt(ratingRow, 'nodeId', `node "${nodeId}" does not exist`);
    // Evidence (`value`) and relevance are each optional, but a rating carries at least one.
    const v = rr.value;
    const rel = rr.relevance;
    const onScale = (x: unknown): x is RatingValue => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 4;
    if (v !== undefined && !onScale(v))
      c.failAt(ratingRow, 'value', 'must be a whole number from 0 (none) to 4 (decisive)');
    if (rel !== undefined && !onScale(rel)) {
      c.failAt(ratingRow, 'relevance', 'must be a whole number from 0 (irrelevant) to 4 (essential)');
    }
    // Without either, the message older files have always got (a rating needs its value).
    if (v === undefined && rel === undefined) {
      c.failAt(ratingRow, 'value', 'must be a whole number from 0 (none) to 4 (decisive)');
    }
    const nodeKey = nodeId ?? 'undefined';
    const raterKey = rater ?? 'undefined';
    if (!addRater(ratersOf, nodeKey, raterKey) && nodeId && rater) {
      c.failAt(ratingRow, '', `rater "${rater}" rates node "${nodeId}" twice`);
    }
    // A default id made from node and rater keeps re-importing the same file idempotent.
    const id =
      rr.id === undefined || rr.id === null ? derivedId(nodeId ?? '', '@', rater ?? '') : c.id(rr, 'id', ratingRow);
    if (id && ratingIds.has(id)) c.failAt(ratingRow, 'id', `duplicate rating id "${id}"`);
    if (id) ratingIds.add(id);
    const ratingCreatedAt = c.time(rr, 'createdAt', ratingRow, createdAt);
    // Key order as files have always had it: value before the timestamps.
    const r: Rating = {
      id: id ?? '',
      mapId: mapId ?? '',
      nodeId: nodeId ?? '',
      rater: rater ?? '',
      ...(onScale(v) && { value: v }),
      ...(onScale(rel) && { relevance: rel }),
      createdAt: ratingCreatedAt,
      updatedAt: c.time(rr, 'updatedAt', ratingRow, ratingCreatedAt),
    };
    const rationale = c.str(rr, 'rationale', ratingRow);
    if (rationale) r.rationale = rationale;
    ratings.push(r);
  }

  const links = restoreLinks(c, raw, mapId ?? '', nodeIds, rootId, createdAt);

  if (c.errors.length || !mapId || !title || !rootId) return { errors: c.errors };
  const map: ArgumentMap = { id: mapId, title, rootId, createdAt, updatedAt, formatVersion: FORMAT_VERSION };
  if (description) map.description = description;
  if (document) map.document = document;
  const bundle: MapBundle = { map, nodes, sources, citations, ratings };
  // Left off when empty, so a map without links restores exactly as it did before links existed.
  if (links.length) bundle.links = links;
  if (raw.sourceText !== undefined) {
    const text = restoreSourceText(raw.sourceText, `${prefix}sourceText`);
    if (!text.ok) return { errors: text.errors };
    bundle.sourceText = text.value;
  }
  return { bundle, errors: [] };
}

/**
 * The map's cross-links: each stands on one node (never the thesis, at most one link per node) and
 * points either at another node of the map or at another discussion ({ title, ref }).
 */
function restoreLinks(
  c: Checker,
  raw: Obj,
  mapId: string,
  nodeIds: ReadonlyMap<string, number>,
  rootId: string | undefined,
  createdAt: string,
): Link[] {
  const links: Link[] = [];
  const ids = new Set<string>();
  const linked = new Set<string>();
  const row = new Row('links');
  const externalAt = new Field(row, 'external');
  const rawLinks = list(c, raw, 'links');
  for (let i = 0; i < rawLinks.length; i++) {
    const rl = rawLinks[i];
    row.at(i);
    if (!isObj(rl)) {
      c.failAt(row, '', 'must be an object');
      continue;
    }
    c.unknownKeys(rl, row, LINK_KEYS);
    const nodeId = c.id(rl, 'nodeId', row);
    if (nodeId && !nodeIds.has(nodeId)) c.failAt(row, 'nodeId', `node "${nodeId}" does not exist`);
    else if (nodeId && nodeId === rootId) c.failAt(row, 'nodeId', 'the thesis cannot be a link');
    else if (nodeId && linked.has(nodeId)) c.failAt(row, 'nodeId', `node "${nodeId}" already has a link`);
    if (nodeId) linked.add(nodeId);
    // A default id made from the node keeps re-importing the same file idempotent.
    const id = rl.id === undefined || rl.id === null ? derivedId(nodeId ?? '', '~', 'link') : c.id(rl, 'id', row);
    if (id && ids.has(id)) c.failAt(row, 'id', `duplicate link id "${id}"`);
    if (id) ids.add(id);
    const link: Link = {
      id: id ?? '',
      mapId,
      nodeId: nodeId ?? '',
      createdAt: c.time(rl, 'createdAt', row, createdAt),
    };
    const hasTarget = rl.targetId !== undefined && rl.targetId !== null;
    const hasExternal = rl.external !== undefined && rl.external !== null;
    if (hasTarget === hasExternal) {
      c.failAt(row, '', 'needs exactly one of "targetId" (a node of this map) or "external" (another discussion)');
    } else if (hasTarget) {
      const targetId = c.id(rl, 'targetId', row);
      if (targetId && !nodeIds.has(targetId)) c.failAt(row, 'targetId', `node "${targetId}" does not exist`);
      else if (targetId && targetId === nodeId) c.failAt(row, 'targetId', 'a link cannot point at itself');
      if (targetId) link.targetId = targetId;
    } else if (!isObj(rl.external)) {
      c.failAt(row, 'external', 'must be an object { "title", "ref" }');
    } else {
      c.unknownKeys(rl.external, externalAt, EXTERNAL_KEYS);
      const title = c.str(rl.external, 'title', externalAt, { max: LIMITS.title, empty: true });
      const ref = c.str(rl.external, 'ref', externalAt, { required: true, max: LIMITS.field });
      link.external = { title: title ?? '', ref: ref ?? '' };
    }
    links.push(link);
  }
  return links;
}

/**
 * Validates and restores a parsed map file or backup (`JSON.parse` output). Returns every map in
 * it, or every error found; never a partial result.
 */
export function restore(file: unknown, options: RestoreOptions = {}): ImportResult {
  if (!isObj(file))
    return { ok: false, errors: [{ message: 'This is not a Warrant map file: expected a JSON object.' }] };
  const format = file.format;
  if (format !== MAP_FORMAT && format !== BACKUP_FORMAT) {
    return {
      ok: false,
      errors: [
        {
          field: 'format',
          message: `is ${JSON.stringify(format) ?? 'missing'}: expected "${MAP_FORMAT}" or "${BACKUP_FORMAT}"`,
        },
      ],
    };
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [{ field: 'version', message: 'must be a format version number (1, 2 ...)' }] };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          field: 'version',
          message: `is ${version}: this file was made by a newer Warrant (this one reads format versions up to ${FORMAT_VERSION}). Update the app to open it.`,
        },
      ],
    };
  }
  const warnings: FormatError[] = [];
  let current = scrubDeep(file, '', warnings) as Obj;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, errors: [{ field: 'version', message: `format version ${v} cannot be upgraded` }] };
    current = step(current);
  }
  const parts: Array<[Obj, string]> = [];
  if (format === MAP_FORMAT) parts.push([current, '']);
  else {
    const maps = current.maps;
    if (!Array.isArray(maps)) return { ok: false, errors: [{ field: 'maps', message: 'must be a list of maps' }] };
    maps.forEach((m, i) => {
      if (isObj(m)) parts.push([m, `maps[${i}].`]);
    });
    if (parts.length !== maps.length)
      return { ok: false, errors: [{ field: 'maps', message: 'every entry must be a map object' }] };
  }
  const bundles: MapBundle[] = [];
  const errors: FormatError[] = [];
  const seenMaps = new Set<string>();
  for (const [raw, prefix] of parts) {
    const r = restoreOne(raw, prefix, options);
    errors.push(...r.errors);
    if (r.bundle) {
      if (seenMaps.has(r.bundle.map.id))
        errors.push({ field: `${prefix}map.id`, message: `map "${r.bundle.map.id}" appears twice` });
      seenMaps.add(r.bundle.map.id);
      bundles.push(r.bundle);
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, bundles, warnings };
}
