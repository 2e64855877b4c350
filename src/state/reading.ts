/**
 * The reading pane's state: the map's source document, its quotes anchored in it, coverage and
 * orphans. A reactive controller: it reads the document when the map changes and re-anchors when
 * the map's quotes change (cheap: exact matches for unchanged quotes).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  anchorAll,
  coverage,
  DocumentIndex,
  type Anchor,
  type Anchoring,
  type Coverage,
  type QuoteSelector,
} from '../anchoring/anchor.js';
import type { WarrantDB } from '../db/database.js';
import { kindOf, type Tree } from '../model/tree.js';
import type { ArgNode, NodeKind, SourceText } from '../model/types.js';
import {
  loadMapDocument,
  mapDocument,
  recordAnchor,
  removeMapDocument,
  restoreMapDocument,
  selectorsFor,
  type DocumentRow,
} from './documents.js';
import { undoStackFor } from './undo.js';

/** One highlight inside one block, in that block's own offsets. */
export interface BlockMark {
  id: string;
  kind: NodeKind;
  start: number;
  end: number;
}

/** What the pane shows, derived from the document and the map. */
export interface Reading {
  row: DocumentRow;
  index: DocumentIndex;
  anchoring: Anchoring;
  coverage: Coverage;
  /** Highlights per block index. */
  marks: Map<number, BlockMark[]>;
}

/** Highlights per block, each clipped to the block it crosses. */
function blockMarks(
  index: DocumentIndex,
  anchors: ReadonlyMap<string, Anchor>,
  tree: Tree<ArgNode>,
): Map<number, BlockMark[]> {
  const out = new Map<number, BlockMark[]>();
  const starts = index.joined.starts;
  for (const [id, a] of anchors) {
    const node = tree.byId.get(id);
    if (!node) continue;
    const kind = kindOf(tree, node);
    for (let b = a.block; b < starts.length && starts[b]! < a.end; b++) {
      const len = index.doc.blocks[b]!.text.length;
      const start = Math.max(0, a.start - starts[b]!);
      const end = Math.min(len, a.end - starts[b]!);
      if (end <= start) continue;
      const list = out.get(b) ?? [];
      list.push({ id, kind, start, end });
      out.set(b, list);
    }
  }
  // Longer passages first, so a shorter quote inside one is drawn (and clicked) on top.
  for (const list of out.values()) list.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}

/** Holds the document of the host's map and keeps its anchoring current. */
export class ReadingController implements ReactiveController {
  reading?: Reading;
  loading = false;
  error = '';
  private mapId = '';
  private db?: WarrantDB;
  private tree?: Tree<ArgNode>;
  private nodesKey?: readonly ArgNode[];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call from the host's willUpdate with the current map. */
  sync(
    db: WarrantDB | undefined,
    mapId: string,
    tree: Tree<ArgNode> | undefined,
    nodes: readonly ArgNode[] | undefined,
  ): void {
    if (!db || !mapId) return;
    if (db !== this.db || mapId !== this.mapId) {
      this.db = db;
      this.mapId = mapId;
      this.reading = undefined;
      this.tree = tree;
      this.nodesKey = nodes;
      void this.read();
      return;
    }
    if (tree && nodes && nodes !== this.nodesKey) {
      this.tree = tree;
      this.nodesKey = nodes;
      if (this.reading) this.reading = this.derive(this.reading.row, this.reading.index);
    }
  }

  private async read(): Promise<void> {
    const { db, mapId } = this;
    if (!db) return;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const row = await mapDocument(db, mapId);
      if (mapId !== this.mapId) return;
      this.reading = row ? this.derive(row, new DocumentIndex(row)) : undefined;
      this.error = '';
    } catch (e) {
      this.error = `The document could not be read from storage: ${String(e)}`;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  private derive(row: DocumentRow, index: DocumentIndex): Reading {
    const nodes = this.nodesKey ?? [];
    const anchoring = anchorAll(index, selectorsFor(nodes, row.anchors));
    const marks = this.tree ? blockMarks(index, anchoring.anchors, this.tree) : new Map<number, BlockMark[]>();
    return { row, index, anchoring, coverage: coverage(index, anchoring.anchors.values()), marks };
  }

  /**
   * Loads (or replaces) the document; returns the anchoring for the message. A replacement is one
   * step on the map's undo stack (Undo puts the previous version back, with its anchors).
   */
  async load(doc: SourceText, fileName: string | undefined, now: string): Promise<Anchoring | undefined> {
    const db = this.db;
    if (!db) return undefined;
    const mapId = this.mapId;
    const { anchoring, previous } = await loadMapDocument(db, mapId, doc, this.nodesKey ?? [], {
      now,
      ...(fileName ? { fileName } : {}),
    });
    const loaded = await mapDocument(db, mapId);
    if (loaded) this.undoable(db, mapId, previous ? 'replace the essay' : 'load the essay', previous, loaded);
    await this.read();
    return anchoring;
  }

  /** Removes the map's document (the map keeps every quote); Undo brings it back. */
  async remove(): Promise<boolean> {
    const db = this.db;
    if (!db) return false;
    const mapId = this.mapId;
    const removed = await removeMapDocument(db, mapId);
    if (removed) this.undoable(db, mapId, 'remove the essay', removed, undefined);
    await this.read();
    return removed !== undefined;
  }

  /** One undo entry that swaps the document between `before` and `after` (undefined: none). */
  private undoable(
    db: WarrantDB,
    mapId: string,
    label: string,
    before: DocumentRow | undefined,
    after: DocumentRow | undefined,
  ): void {
    const put = async (row: DocumentRow | undefined): Promise<void> => {
      if (row) await restoreMapDocument(db, row);
      else await removeMapDocument(db, mapId);
      // This pane may show another map by now (or be closed): it re-reads only its own.
      if (db === this.db && mapId === this.mapId) await this.read();
    };
    undoStackFor(`${db.name}/${mapId}`).push({ label, undo: () => put(before), redo: () => put(after) });
  }

  /** Records where a quote made from the text stands, for later versions of the document. */
  async remember(nodeId: string, selector: QuoteSelector): Promise<void> {
    if (this.db) await recordAnchor(this.db, this.mapId, nodeId, selector);
  }
}
