/**
 * The one restore step every import goes through: validate a parsed map file whole, fill
 * defaults, migrate older format versions. Nothing here trusts its input, and nothing is
 * returned unless the whole input is valid, so callers can write the result in one transaction.
 */
import { LIMITS } from '../model/limits.js';
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
  type MapBundle,
  type Rating,
  type RatingValue,
  type Source,
} from '../model/types.js';
import { validateUrl } from '../model/url.js';
import type { FormatError, ImportResult } from './errors.js';

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
 */
function derivedId(a: string, sep: string, b: string): string {
  const plain = `${a}${sep}${b}`;
  if (ID.test(plain)) return plain;
  return `${a.slice(0, 60)}${sep}~${fnv1a(plain, 0x811c9dc5)}${fnv1a(plain, 0x01000193)}`;
}

/** Collects errors for one file; `at` names fields the way a person editing the file reads them. */
class Checker {
  readonly errors: FormatError[] = [];
  constructor(private readonly prefix: string) {}

  fail(field: string, message: string): void {
    this.errors.push({ field: this.prefix + field, message });
  }

  str(
    o: Obj,
    key: string,
    at: string,
    opts: { required?: boolean; max?: number; empty?: boolean } = {},
  ): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (opts.required) this.fail(`${at}.${key}`, 'is missing');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.fail(`${at}.${key}`, `must be text, not ${Array.isArray(v) ? 'a list' : typeof v}`);
      return undefined;
    }
    if (!opts.empty && v.trim() === '') {
      if (opts.required) this.fail(`${at}.${key}`, 'must not be empty');
      return undefined;
    }
    const max = opts.max ?? LIMITS.field;
    if (v.length > max) {
      this.fail(`${at}.${key}`, `is too long (${v.length} characters; at most ${max})`);
      return undefined;
    }
    return v;
  }

  time(o: Obj, key: string, at: string, fallback: string): string {
    const v = o[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string' || !ISO.test(v) || Number.isNaN(Date.parse(v))) {
      this.fail(`${at}.${key}`, 'must be an ISO timestamp like 2025-02-24T12:00:00.000Z');
      return fallback;
    }
    return v;
  }

  id(o: Obj, key: string, at: string, fallback?: () => string): string | undefined {
    const v = o[key];
    if ((v === undefined || v === null) && fallback) return fallback();
    if (typeof v !== 'string' || !ID.test(v)) {
      this.fail(
        `${at}.${key}`,
        v === undefined ? 'is missing' : 'must be an id of 1-100 letters, digits or - _ . : @ > ~',
      );
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, allowed: readonly T[], fallback?: T): T | undefined {
    const v = o[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(`${at}.${key}`, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
      return undefined;
    }
    return v as T;
  }

  unknownKeys(o: Obj, at: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!known.includes(k)) this.fail(`${at}.${k}`, 'is not a known field (a typo?)');
    }
  }
}

const MAP_KEYS = [
  'id',
  'title',
  'description',
  'document',
  'rootId',
  'createdAt',
  'updatedAt',
  'formatVersion',
] as const;
const NODE_KEYS = [
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
] as const;
const SOURCE_KEYS = [
  'id',
  'title',
  'url',
  'authors',
  'publisher',
  'date',
  'type',
  'reliability',
  'reliabilityNote',
  'createdAt',
  'updatedAt',
] as const;
const CITATION_KEYS = ['id', 'nodeId', 'sourceId', 'pinpoint', 'createdAt'] as const;
const RATING_KEYS = ['id', 'nodeId', 'rater', 'value', 'rationale', 'createdAt', 'updatedAt'] as const;

function list(c: Checker, o: Obj, key: string): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.fail(key, 'must be a list');
    return [];
  }
  return v;
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
  const title = c.str(m, 'title', 'map', { required: true, max: LIMITS.title });
  const description = c.str(m, 'description', 'map', { max: LIMITS.text });
  const createdAt = c.time(m, 'createdAt', 'map', fallbackNow);
  const updatedAt = c.time(m, 'updatedAt', 'map', createdAt);
  let document: ArgumentMap['document'];
  if (m.document !== undefined) {
    if (!isObj(m.document)) c.fail('map.document', 'must be an object with a title');
    else {
      const d = m.document;
      c.unknownKeys(d, 'map.document', ['title', 'author', 'date', 'url']);
      const dt = c.str(d, 'title', 'map.document', { required: true, max: LIMITS.title });
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
  rawNodes.forEach((rn, i) => {
    let at = `nodes[${i}]`;
    if (!isObj(rn)) {
      c.fail(at, 'must be an object');
      return;
    }
    const id = c.id(rn, 'id', at);
    if (id) at = `nodes[${i}] (id "${id}")`;
    c.unknownKeys(rn, at, NODE_KEYS);
    const parentId = rn.parentId === null || rn.parentId === undefined ? null : c.id(rn, 'parentId', at);
    const relation =
      parentId === null
        ? rn.relation === null || rn.relation === undefined
          ? null
          : (c.fail(`${at}.relation`, 'must be null on the thesis (the node with no parent)'), null)
        : c.oneOf(rn, 'relation', at, [Relation.supports, Relation.opposes]);
    const text = c.str(rn, 'text', at, { required: true, max: LIMITS.text });
    const origin = c.oneOf(rn, 'origin', at, [Origin.essay, Origin.added], Origin.added);
    const node: ArgNode = {
      id: id ?? `?${i}`,
      mapId: mapId ?? '',
      parentId: parentId ?? null,
      relation: relation ?? null,
      order: '',
      text: text ?? '',
      origin: origin ?? Origin.added,
      createdAt: c.time(rn, 'createdAt', at, createdAt),
      updatedAt: '',
    };
    node.updatedAt = c.time(rn, 'updatedAt', at, node.createdAt);
    if (rn.order !== undefined) {
      if (typeof rn.order === 'string' && isOrderKey(rn.order)) node.order = rn.order;
      else c.fail(`${at}.order`, 'must be an order key (letters and digits, not ending in 0)');
    } else needsOrder.push(node);
    const notes = c.str(rn, 'notes', at, { max: LIMITS.text });
    if (notes) node.notes = notes;
    const author = c.str(rn, 'author', at);
    if (author) node.author = author;
    if (rn.edited !== undefined) {
      if (typeof rn.edited !== 'boolean') c.fail(`${at}.edited`, 'must be true or false');
      else if (rn.edited) node.edited = true;
    }
    if (rn.quote !== undefined) {
      const q = rn.quote;
      if (!isObj(q)) c.fail(`${at}.quote`, 'must be an object { "text", "paragraph" }');
      else {
        c.unknownKeys(q, `${at}.quote`, ['text', 'paragraph']);
        const qt = c.str(q, 'text', `${at}.quote`, { required: true, max: LIMITS.quote });
        const p = q.paragraph;
        if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) {
          c.fail(`${at}.quote.paragraph`, 'must be a paragraph number (1, 2, 3 ...)');
        } else if (qt) node.quote = { text: qt, paragraph: p };
      }
    }
    nodes.push(node);
  });
  // Where each id is listed: a duplicate is reported at its second listing, the rest at the first.
  const indexOf = new Map<string, number>();
  const secondIndex = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!indexOf.has(n.id)) indexOf.set(n.id, i);
    else if (!secondIndex.has(n.id)) secondIndex.set(n.id, i);
  });
  for (const p of checkTree(nodes)) {
    const i =
      p.message === 'duplicate node id' ? (secondIndex.get(p.nodeId) ?? indexOf.get(p.nodeId)) : indexOf.get(p.nodeId);
    c.fail(i !== undefined ? `nodes[${i}] (id "${p.nodeId}")` : 'nodes', p.message);
  }
  const rootId = nodes.find((n) => n.parentId === null)?.id;
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
  const nodeIds = new Set(nodes.map((n) => n.id));

  // Sources.
  const sources: Source[] = [];
  const sourceIds = new Set<string>();
  list(c, raw, 'sources').forEach((rs, i) => {
    let at = `sources[${i}]`;
    if (!isObj(rs)) return c.fail(at, 'must be an object');
    const id = c.id(rs, 'id', at);
    if (id) at = `sources[${i}] (id "${id}")`;
    c.unknownKeys(rs, at, SOURCE_KEYS);
    if (id && sourceIds.has(id)) c.fail(at, 'duplicate source id');
    if (id) sourceIds.add(id);
    const s: Source = {
      id: id ?? '',
      mapId: mapId ?? '',
      title: c.str(rs, 'title', at, { required: true, max: LIMITS.title }) ?? '',
      type: c.oneOf(rs, 'type', at, Object.values(SourceType), SourceType.other) ?? SourceType.other,
      createdAt: c.time(rs, 'createdAt', at, createdAt),
      updatedAt: '',
    };
    s.updatedAt = c.time(rs, 'updatedAt', at, s.createdAt);
    const url = c.str(rs, 'url', at);
    if (url) {
      const u = validateUrl(url);
      if (u.ok) s.url = u.url;
      else c.fail(`${at}.url`, u.reason);
    }
    for (const key of ['authors', 'publisher', 'date', 'reliabilityNote'] as const) {
      const v = c.str(rs, key, at);
      if (v) s[key] = v;
    }
    if (rs.reliability !== undefined) {
      const r = c.oneOf(rs, 'reliability', at, Object.values(Reliability));
      if (r) s.reliability = r;
    }
    sources.push(s);
  });

  // Citations.
  const citations: Citation[] = [];
  const citationIds = new Set<string>();
  list(c, raw, 'citations').forEach((rc, i) => {
    const at = `citations[${i}]`;
    if (!isObj(rc)) return c.fail(at, 'must be an object');
    c.unknownKeys(rc, at, CITATION_KEYS);
    const nodeId = c.id(rc, 'nodeId', at);
    const sourceId = c.id(rc, 'sourceId', at);
    if (nodeId && !nodeIds.has(nodeId)) c.fail(`${at}.nodeId`, `node "${nodeId}" does not exist`);
    if (sourceId && !sourceIds.has(sourceId)) c.fail(`${at}.sourceId`, `source "${sourceId}" does not exist`);
    // A default id made from the pair keeps re-importing the same file idempotent.
    const id = c.id(rc, 'id', at, () => derivedId(nodeId ?? '', '>', sourceId ?? ''));
    if (id && citationIds.has(id)) c.fail(at, `duplicate citation "${id}" (the same node cites the same source twice)`);
    if (id) citationIds.add(id);
    const cit: Citation = {
      id: id ?? '',
      mapId: mapId ?? '',
      nodeId: nodeId ?? '',
      sourceId: sourceId ?? '',
      createdAt: c.time(rc, 'createdAt', at, createdAt),
    };
    const pin = c.str(rc, 'pinpoint', at);
    if (pin) cit.pinpoint = pin;
    citations.push(cit);
  });

  // Ratings: one current rating per rater per node.
  const ratings: Rating[] = [];
  const ratingKeys = new Set<string>();
  const ratingIds = new Set<string>();
  list(c, raw, 'ratings').forEach((rr, i) => {
    const at = `ratings[${i}]`;
    if (!isObj(rr)) return c.fail(at, 'must be an object');
    c.unknownKeys(rr, at, RATING_KEYS);
    const nodeId = c.id(rr, 'nodeId', at);
    const rater = c.str(rr, 'rater', at, { required: true, max: 100 });
    if (nodeId && !nodeIds.has(nodeId)) c.fail(`${at}.nodeId`, `node "${nodeId}" does not exist`);
    const v = rr.value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4) {
      c.fail(`${at}.value`, 'must be a whole number from 0 (none) to 4 (decisive)');
    }
    const key = `${nodeId}\u0000${rater}`;
    if (nodeId && rater && ratingKeys.has(key)) c.fail(at, `rater "${rater}" rates node "${nodeId}" twice`);
    ratingKeys.add(key);
    // A default id made from node and rater keeps re-importing the same file idempotent.
    const id = c.id(rr, 'id', at, () => derivedId(nodeId ?? '', '@', rater ?? ''));
    if (id && ratingIds.has(id)) c.fail(`${at}.id`, `duplicate rating id "${id}"`);
    if (id) ratingIds.add(id);
    const r: Rating = {
      id: id ?? '',
      mapId: mapId ?? '',
      nodeId: nodeId ?? '',
      rater: rater ?? '',
      value: (typeof v === 'number' ? v : 0) as RatingValue,
      createdAt: c.time(rr, 'createdAt', at, createdAt),
      updatedAt: '',
    };
    r.updatedAt = c.time(rr, 'updatedAt', at, r.createdAt);
    const rationale = c.str(rr, 'rationale', at, { max: LIMITS.field });
    if (rationale) r.rationale = rationale;
    ratings.push(r);
  });

  if (c.errors.length || !mapId || !title || !rootId) return { errors: c.errors };
  const map: ArgumentMap = { id: mapId, title, rootId, createdAt, updatedAt, formatVersion: FORMAT_VERSION };
  if (description) map.description = description;
  if (document) map.document = document;
  return { bundle: { map, nodes, sources, citations, ratings }, errors: [] };
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
  let current: Obj = file;
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
  return { ok: true, bundles, warnings: [] };
}
