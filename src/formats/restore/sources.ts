/** The sources of a file, and the citations that tie them to nodes. */
import { SourceType, Reliability, type Citation, type Source } from '../../model/types.js';
import { validateUrl } from '../../model/url.js';
import { Checker, NAME, REQUIRED_TITLE, Row, derivedId, isObj, list, type Obj } from './checker.js';

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
const SOURCE_TYPES = Object.values(SourceType);
const RELIABILITIES = Object.values(Reliability);
const SOURCE_TEXT_KEYS = ['authors', 'publisher', 'date', 'reliabilityNote'] as const;

/** Restores `raw.sources` of map `mapId`, reporting problems to `c`. */
export function restoreSources(
  c: Checker,
  raw: Obj,
  mapId: string | undefined,
  createdAt: string,
): { sources: Source[]; sourceIds: Set<string> } {
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

  return { sources, sourceIds };
}

/** Restores `raw.citations` of map `mapId`, each naming a node and a source that exist. */
export function restoreCitations(
  c: Checker,
  raw: Obj,
  mapId: string | undefined,
  nodeIds: ReadonlyMap<string, number>,
  sourceIds: ReadonlySet<string>,
  createdAt: string,
): Citation[] {
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

  return citations;
}
