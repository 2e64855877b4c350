/**
 * Writing nodes. Each function is ONE transaction that also stamps the map's updatedAt, and
 * returns what it replaced so the caller can undo it exactly. Updates write only the fields
 * that changed, so two tabs editing different fields or nodes never overwrite each other.
 */
import type { Placement } from '../model/edits.js';
import type { ArgNode, Citation, Link, Rating } from '../model/types.js';
import type { WarrantDB } from './database.js';

/** Fields of a node a user edits directly. */
export type NodeFields = Partial<Pick<ArgNode, 'text' | 'notes' | 'relation' | 'edited' | 'author'>>;

/** Rows removed with a subtree: everything needed to put it back. */
export interface RemovedRows {
  nodes: ArgNode[];
  citations: Citation[];
  ratings: Rating[];
  /** Links standing on the removed nodes or pointing into them (absent: none). */
  links?: Link[];
}

/** Thrown when a node changed elsewhere (another tab) since the caller last saw it. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

async function touchMap(db: WarrantDB, mapId: string, now: string): Promise<void> {
  await db.maps.update(mapId, { updatedAt: now });
}

/** Inserts nodes (and their citations and ratings, when restoring a deleted subtree). */
export async function insertRows(db: WarrantDB, mapId: string, rows: RemovedRows, now: string): Promise<void> {
  await db.transaction('rw', [db.maps, db.nodes, db.citations, db.ratings, db.links], async () => {
    await db.nodes.bulkAdd(rows.nodes);
    if (rows.citations.length) await db.citations.bulkPut(rows.citations);
    if (rows.ratings.length) await db.ratings.bulkPut(rows.ratings);
    if (rows.links?.length) await db.links.bulkPut(rows.links);
    await touchMap(db, mapId, now);
  });
}

/**
 * Updates some fields of one node. With `expected`, refuses (ConflictError) when any of those
 * fields no longer holds the expected value, so an undo never silently overwrites a newer edit
 * made in another tab. Returns the previous values of the changed fields.
 */
export async function updateNodeFields(
  db: WarrantDB,
  id: string,
  changes: NodeFields,
  now: string,
  expected?: NodeFields,
): Promise<NodeFields> {
  return db.transaction('rw', [db.maps, db.nodes], async () => {
    const node = await db.nodes.get(id);
    if (!node) throw new ConflictError('That node was deleted (perhaps in another tab).');
    if (expected) {
      for (const [key, value] of Object.entries(expected) as Array<[keyof NodeFields, unknown]>) {
        if ((node[key] ?? undefined) !== (value ?? undefined)) {
          throw new ConflictError(
            'That node was changed since (perhaps in another tab), so this step cannot be undone.',
          );
        }
      }
    }
    const previous: NodeFields = {};
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes) as Array<[keyof NodeFields, unknown]>) {
      (previous as Record<string, unknown>)[key] = node[key];
      // Dexie's update() deletes a key set to undefined, which is how optional fields are cleared.
      patch[key] = value;
    }
    await db.nodes.update(id, { ...patch, updatedAt: now });
    await touchMap(db, node.mapId, now);
    return previous;
  });
}

/** Moves a node (parent, relation, order). Returns its previous placement. */
export async function placeNode(db: WarrantDB, id: string, placement: Placement, now: string): Promise<Placement> {
  return db.transaction('rw', [db.maps, db.nodes], async () => {
    const node = await db.nodes.get(id);
    if (!node || node.parentId === null || node.relation === null) {
      throw new ConflictError('That node was deleted (perhaps in another tab).');
    }
    if (!(await db.nodes.get(placement.parentId))) {
      throw new ConflictError('The place it was moving to was deleted (perhaps in another tab).');
    }
    const previous: Placement = { parentId: node.parentId, relation: node.relation, order: node.order };
    await db.nodes.update(id, { ...placement, updatedAt: now });
    await touchMap(db, node.mapId, now);
    return previous;
  });
}

/**
 * Deletes the subtree rooted at `id` with its citations and ratings, reading the subtree from the
 * database itself (so nodes another tab just added under it go too). Returns the removed rows.
 */
export async function deleteSubtree(db: WarrantDB, id: string, now: string): Promise<RemovedRows> {
  return db.transaction('rw', [db.maps, db.nodes, db.citations, db.ratings, db.links], async () => {
    const root = await db.nodes.get(id);
    if (!root) return { nodes: [], citations: [], ratings: [] };
    if (root.parentId === null) throw new ConflictError('The thesis cannot be deleted.');
    const mapNodes = await db.nodes.where('mapId').equals(root.mapId).toArray();
    const kids = new Map<string, ArgNode[]>();
    for (const n of mapNodes) {
      if (n.parentId === null) continue;
      const l = kids.get(n.parentId);
      if (l) l.push(n);
      else kids.set(n.parentId, [n]);
    }
    const nodes: ArgNode[] = [];
    const taken = new Set<string>();
    const take = (top: ArgNode): void => {
      const stack = [top];
      while (stack.length) {
        const n = stack.pop()!;
        if (taken.has(n.id)) continue;
        taken.add(n.id);
        nodes.push(n);
        for (const k of kids.get(n.id) ?? []) stack.push(k);
      }
    };
    take(root);
    // A link row standing for a deleted statement would stand for nothing (and a Kialo link's
    // "-> See 1.2." would point at whatever takes that number): it goes too, with what is under
    // it, until no link left points into what is deleted. Undo brings it all back.
    const byId = new Map(mapNodes.map((n) => [n.id, n]));
    const mapLinks = await db.links.where('mapId').equals(root.mapId).toArray();
    for (let grew = true; grew;) {
      grew = false;
      for (const l of mapLinks) {
        if (l.targetId === undefined || !taken.has(l.targetId) || taken.has(l.nodeId)) continue;
        const row = byId.get(l.nodeId);
        if (row) {
          take(row);
          grew = true;
        }
      }
    }
    const ids = nodes.map((n) => n.id);
    const citations = await db.citations.where('nodeId').anyOf(ids).toArray();
    const ratings = await db.ratings.where('nodeId').anyOf(ids).toArray();
    await db.nodes.bulkDelete(ids);
    await db.citations.bulkDelete(citations.map((c) => c.id));
    await db.ratings.bulkDelete(ratings.map((r) => r.id));
    // A link into a deleted subtree would point at nothing: it goes with the subtree (and comes
    // back on undo).
    const linkRows = new Map<string, Link>();
    for (const l of await db.links.where('nodeId').anyOf(ids).toArray()) linkRows.set(l.id, l);
    for (const l of await db.links.where('targetId').anyOf(ids).toArray()) linkRows.set(l.id, l);
    const links = [...linkRows.values()];
    if (links.length) await db.links.bulkDelete(links.map((l) => l.id));
    await touchMap(db, root.mapId, now);
    return links.length ? { nodes, citations, ratings, links } : { nodes, citations, ratings };
  });
}

/** Deletes nodes that were inserted (undo of an add). */
export async function removeInserted(db: WarrantDB, mapId: string, ids: string[], now: string): Promise<void> {
  await db.transaction('rw', [db.maps, db.nodes, db.citations, db.ratings, db.links], async () => {
    const citations = await db.citations.where('nodeId').anyOf(ids).primaryKeys();
    const ratings = await db.ratings.where('nodeId').anyOf(ids).primaryKeys();
    const links = await db.links.where('nodeId').anyOf(ids).primaryKeys();
    if (links.length) await db.links.bulkDelete(links);
    await db.nodes.bulkDelete(ids);
    await db.citations.bulkDelete(citations);
    await db.ratings.bulkDelete(ratings);
    await touchMap(db, mapId, now);
  });
}
