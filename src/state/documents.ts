/**
 * A map's source document, as the reading pane and the "Load the essay" dialog use it. Components
 * call these; only these touch the documents table.
 */
import {
  anchorAll,
  DocumentIndex,
  type Anchoring,
  type QuoteSelector,
  type QuoteToAnchor,
} from '../anchoring/anchor.js';
import { foldQuote } from '../anchoring/fold.js';
import type { DocumentRow, WarrantDB } from '../db/database.js';
import { deleteDocument, getDocument, putAnchors, putDocument, setNodeQuote } from '../db/documents-repo.js';
import type { ArgNode, Quote, SourceText } from '../model/types.js';
import { undoStackFor } from './undo.js';

export type { DocumentRow };

/** The map's document, if one is loaded. */
export function mapDocument(db: WarrantDB, mapId: string): Promise<DocumentRow | undefined> {
  return getDocument(db, mapId);
}

/**
 * What to look for, per quoted node: the selector recorded when the quote last anchored (with its
 * prefix, suffix and position) while the node's quote is still that text, else the quote itself
 * with its ¶ as the position hint.
 */
export function selectorsFor(nodes: readonly ArgNode[], stored?: Record<string, QuoteSelector>): QuoteToAnchor[] {
  const out: QuoteToAnchor[] = [];
  for (const n of nodes) {
    if (!n.quote) continue;
    const known = stored?.[n.id];
    const selector =
      known && foldQuote(known.exact) === foldQuote(n.quote.text)
        ? known
        : { exact: n.quote.text, paragraph: n.quote.paragraph };
    out.push({ id: n.id, selector });
  }
  return out;
}

/** The selectors describing where each anchored quote stands now (stored for the next version). */
function describeAnchors(index: DocumentIndex, anchoring: Anchoring): Record<string, QuoteSelector> {
  const out: Record<string, QuoteSelector> = {};
  for (const [id, a] of anchoring.anchors) out[id] = index.describe(a.start, a.end);
  return out;
}

/**
 * Loads (or replaces) a map's document and anchors every quote in it: quotes anchored in the
 * previous version re-anchor from their recorded context. Returns the anchoring and the document
 * it replaced (for undo).
 */
export async function loadMapDocument(
  db: WarrantDB,
  mapId: string,
  doc: SourceText,
  nodes: readonly ArgNode[],
  meta: { fileName?: string; now: string },
): Promise<{ anchoring: Anchoring; previous?: DocumentRow }> {
  const before = await getDocument(db, mapId);
  const index = new DocumentIndex(doc);
  const anchoring = anchorAll(index, selectorsFor(nodes, before?.anchors));
  const previous = await putDocument(db, mapId, doc, {
    loadedAt: meta.now,
    ...(meta.fileName ? { fileName: meta.fileName } : {}),
    anchors: { ...before?.anchors, ...describeAnchors(index, anchoring) },
  });
  return { anchoring, ...(previous ? { previous } : {}) };
}

/** Records the selector of one quote just made from the text, so it re-anchors in later versions. */
export async function recordAnchor(
  db: WarrantDB,
  mapId: string,
  nodeId: string,
  selector: QuoteSelector,
): Promise<void> {
  const row = await getDocument(db, mapId);
  if (!row) return;
  await putAnchors(db, mapId, { ...row.anchors, [nodeId]: selector });
}

/** Removes the map's document (the map itself is untouched). Returns it, for undo. */
export function removeMapDocument(db: WarrantDB, mapId: string): Promise<DocumentRow | undefined> {
  return deleteDocument(db, mapId);
}

/** Puts back a document removed or replaced (undo). */
export async function restoreMapDocument(db: WarrantDB, row: DocumentRow): Promise<void> {
  await putDocument(db, row.mapId, row, {
    loadedAt: row.loadedAt,
    ...(row.fileName ? { fileName: row.fileName } : {}),
    ...(row.anchors ? { anchors: row.anchors } : {}),
  });
}

/**
 * Gives a node a new quote (re-selected in the text) or drops it (an orphan the class let go), as
 * one step on the map's undo stack: Undo puts the quote it had back.
 */
export async function setQuote(
  db: WarrantDB,
  mapId: string,
  nodeId: string,
  quote: Quote | undefined,
  before: Quote | undefined,
  now: () => string,
): Promise<void> {
  await setNodeQuote(db, mapId, nodeId, quote, now());
  undoStackFor(`${db.name}/${mapId}`).push({
    label: quote ? 're-select the quote' : 'drop the quote',
    undo: () => setNodeQuote(db, mapId, nodeId, before, now()),
    redo: () => setNodeQuote(db, mapId, nodeId, quote, now()),
    focusAfterUndo: nodeId,
    focusAfterRedo: nodeId,
  });
}
