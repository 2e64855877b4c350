/** Copying a whole map under new ids (duplicate a map, import a file as a new map). */
import type { MapBundle } from './types.js';

/**
 * A deep copy of `bundle` where the map and every node, source, citation, rating and link get a new id
 * from `newId`, with all references rewritten. Order keys, texts and timestamps are kept.
 */
export function cloneBundle(
  bundle: MapBundle,
  newId: () => string,
  overrides: { title?: string; now?: string } = {},
): MapBundle {
  const mapId = newId();
  const nodeIds = new Map(bundle.nodes.map((n) => [n.id, newId()]));
  const sourceIds = new Map(bundle.sources.map((s) => [s.id, newId()]));
  const node = (id: string) => nodeIds.get(id)!;
  const stamp = overrides.now;
  return {
    map: {
      ...bundle.map,
      id: mapId,
      rootId: node(bundle.map.rootId),
      ...(overrides.title !== undefined && { title: overrides.title }),
      ...(stamp && { createdAt: stamp, updatedAt: stamp }),
    },
    nodes: bundle.nodes.map((n) => ({
      ...n,
      id: node(n.id),
      mapId,
      parentId: n.parentId === null ? null : node(n.parentId),
    })),
    sources: bundle.sources.map((s) => ({ ...s, id: sourceIds.get(s.id)!, mapId })),
    citations: bundle.citations.map((c) => ({
      ...c,
      id: newId(),
      mapId,
      nodeId: node(c.nodeId),
      sourceId: sourceIds.get(c.sourceId)!,
    })),
    ratings: bundle.ratings.map((r) => ({ ...r, id: newId(), mapId, nodeId: node(r.nodeId) })),
    ...(bundle.links?.length && {
      links: bundle.links.map((l) => ({
        ...l,
        id: newId(),
        mapId,
        nodeId: node(l.nodeId),
        ...(l.targetId !== undefined && { targetId: node(l.targetId) }),
      })),
    }),
    ...(bundle.sourceText && { sourceText: bundle.sourceText }),
  };
}
