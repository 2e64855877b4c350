/**
 * A map's source document (the essay's full text): one row per map, read by the reading pane on
 * its own so map views and their live queries never carry a 100-page text.
 */
import type { QuoteSelector } from '../anchoring/anchor.js';
import type { Quote, SourceText } from '../model/types.js';
import type { DocumentRow, WarrantDB } from './database.js';

/** The document of a map, if one is loaded. */
export async function getDocument(db: WarrantDB, mapId: string): Promise<DocumentRow | undefined> {
  return db.documents.get(mapId);
}

/** Whether a map has a document, without reading its text (a key-only count). */
export async function hasDocument(db: WarrantDB, mapId: string): Promise<boolean> {
  return (await db.documents.where('mapId').equals(mapId).count()) > 0;
}

/** Stores (or replaces) a map's document; returns the one it replaced, for undo. */
export async function putDocument(
  db: WarrantDB,
  mapId: string,
  doc: SourceText,
  meta: { fileName?: string; loadedAt: string; anchors?: Record<string, QuoteSelector> },
): Promise<DocumentRow | undefined> {
  return db.transaction('rw', db.documents, async () => {
    const previous = await db.documents.get(mapId);
    const row: DocumentRow = { mapId, title: doc.title, blocks: doc.blocks, loadedAt: meta.loadedAt };
    if (meta.fileName) row.fileName = meta.fileName;
    if (meta.anchors) row.anchors = meta.anchors;
    await db.documents.put(row);
    return previous;
  });
}

/** Records the selectors quotes anchored with (after a load, or a quote made from the text). */
export async function putAnchors(db: WarrantDB, mapId: string, anchors: Record<string, QuoteSelector>): Promise<void> {
  await db.documents.update(mapId, { anchors });
}

/** Removes a map's document; returns it, for undo. */
export async function deleteDocument(db: WarrantDB, mapId: string): Promise<DocumentRow | undefined> {
  return db.transaction('rw', db.documents, async () => {
    const previous = await db.documents.get(mapId);
    await db.documents.delete(mapId);
    return previous;
  });
}

/**
 * Sets or drops a node's quote (fixing an orphaned quote from the reading pane), stamping the map
 * so every view of it reloads.
 */
export async function setNodeQuote(
  db: WarrantDB,
  mapId: string,
  nodeId: string,
  quote: Quote | undefined,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.maps, db.nodes], async () => {
    const node = await db.nodes.get(nodeId);
    if (!node || node.mapId !== mapId) return;
    const next = { ...node, updatedAt: now };
    if (quote) next.quote = quote;
    else delete next.quote;
    await db.nodes.put(next);
    await db.maps.update(mapId, { updatedAt: now });
  });
}
