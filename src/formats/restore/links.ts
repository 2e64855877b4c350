/** The cross-links of a file. */
import { LIMITS } from '../../model/limits.js';
import type { Link } from '../../model/types.js';
import { Checker, Field, Row, derivedId, isObj, list, type Obj } from './checker.js';

const LINK_KEYS = new Set(['id', 'nodeId', 'targetId', 'external', 'createdAt']);
const EXTERNAL_KEYS = new Set(['title', 'ref']);

/**
 * The map's cross-links: each stands on one node (never the thesis, at most one link per node) and
 * points either at another node of the map or at another discussion ({ title, ref }).
 */
export function restoreLinks(
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
