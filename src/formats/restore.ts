/**
 * The one restore step every import goes through: validate a parsed map file whole, fill
 * defaults, migrate older format versions. Nothing here trusts its input, and nothing is
 * returned unless the whole input is valid, so callers can write the result in one transaction.
 */
import { FORMAT_VERSION, type ArgumentMap, type MapBundle } from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import { scrubDeep } from './scrub.js';
import { restoreSourceText } from './restore-source-text.js';
import { Checker, isObj, type Obj } from './restore/checker.js';
import { restoreLinks } from './restore/links.js';
import { restoreMapRecord } from './restore/map-record.js';
import { restoreNodes } from './restore/nodes.js';
import { restoreRatings } from './restore/ratings.js';
import { restoreCitations, restoreSources } from './restore/sources.js';

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

/** Restores one map's part of a file (`{ map, nodes, sources, citations, ratings, links }`). */
function restoreOne(raw: Obj, prefix: string, options: RestoreOptions): { bundle?: MapBundle; errors: FormatError[] } {
  const c = new Checker(prefix);
  if (!isObj(raw.map)) {
    c.fail('map', 'is missing: a map file needs a "map" object with at least an id and a title');
    return { errors: c.errors };
  }
  const m = raw.map;
  const { mapId, title, description, createdAt, updatedAt, document } = restoreMapRecord(
    c,
    m,
    options.now ?? new Date().toISOString(),
  );
  const { nodes, indexOf, rootId } = restoreNodes(c, raw, mapId, createdAt);
  if (m.rootId !== undefined && m.rootId !== rootId) {
    c.fail(
      'map.rootId',
      `names "${String(m.rootId)}", but the thesis (the node with no parent) is "${rootId ?? 'missing'}"`,
    );
  }
  // indexOf holds every node id: it is the set citations and ratings are checked against.
  const nodeIds: ReadonlyMap<string, number> = indexOf;
  const { sources, sourceIds } = restoreSources(c, raw, mapId, createdAt);
  const citations = restoreCitations(c, raw, mapId, nodeIds, sourceIds, createdAt);
  const ratings = restoreRatings(c, raw, mapId, nodeIds, createdAt);
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
