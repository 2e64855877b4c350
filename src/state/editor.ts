/**
 * MapEditor: the map-changing half of every command. Plans come from model/edits (pure), writes
 * go through db/nodes-repo (one transaction each), and each change pushes one undo entry.
 */
import type { WarrantDB } from '../db/database.js';
import {
  ConflictError,
  deleteSubtree,
  insertRows,
  placeNode,
  removeInserted,
  updateNodeFields,
  type NodeFields,
} from '../db/nodes-repo.js';
import {
  addSourceAndCitation,
  deleteSource,
  putCitation,
  removeCitation,
  replaceSource,
  restoreSource,
  changeRating,
  setRating,
} from '../db/sources-repo.js';
import { flipRelation, neighbourAfterDelete, type Placement } from '../model/edits.js';
import { newId, now } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import { applyRatingChange, type RatingChange, type RatingField } from '../model/ratings.js';
import type { SourceFields } from '../model/sources.js';
import { kindOf, type Tree } from '../model/tree.js';
import {
  KIND_LABELS,
  RATING_LABELS,
  RELEVANCE_LABELS,
  type ArgNode,
  type Citation,
  type Rating,
  type RatingValue,
  type Source,
} from '../model/types.js';
import type { UndoStack } from './undo.js';

/** What a command tells the UI: a message to announce, and where focus should go. */
export type EditResult = { ok: true; message?: string; focusId?: string } | { ok: false; message: string };

const refuse = (message: string): EditResult => ({ ok: false, message });

function describe(error: unknown): string {
  if (error instanceof ConflictError) return error.message;
  return `The change could not be saved: ${error instanceof Error ? error.message : String(error)}`;
}

/** Edits one map. Stateless apart from the undo stack it pushes to. */
export class MapEditor {
  constructor(
    readonly db: WarrantDB,
    readonly mapId: string,
    readonly undo: UndoStack,
  ) {}

  /** Stores a new node (already planned, e.g. by newChild) and makes the step undoable. */
  async add(tree: Tree, node: ArgNode): Promise<EditResult> {
    const rows = { nodes: [node], citations: [], ratings: [] };
    try {
      await insertRows(this.db, this.mapId, rows, now());
    } catch (e) {
      return refuse(describe(e));
    }
    const label = `add ${KIND_LABELS[kindOf(tree, node)].toLowerCase()}`;
    this.undo.push({
      label,
      undo: () => removeInserted(this.db, this.mapId, [node.id], now()),
      redo: () => insertRows(this.db, this.mapId, rows, now()),
      focusAfterUndo: node.parentId ?? undefined,
      focusAfterRedo: node.id,
    });
    return { ok: true, message: `Added ${label.slice(4)}.`, focusId: node.id };
  }

  /**
   * Writes edited fields without an undo entry: used for the debounced saves while typing.
   * The whole editing session becomes one undo entry through `recordEdit`.
   */
  async saveFields(id: string, fields: NodeFields): Promise<void> {
    await updateNodeFields(this.db, id, fields, now());
  }

  /** Pushes one undo entry for an editing session that changed `before` into `after`. */
  recordEdit(id: string, before: NodeFields, after: NodeFields, label = 'edit text'): void {
    this.undo.push({
      label,
      undo: async () => void (await updateNodeFields(this.db, id, before, now(), after)),
      redo: async () => void (await updateNodeFields(this.db, id, after, now(), before)),
      focusAfterUndo: id,
      focusAfterRedo: id,
    });
  }

  /** Switches supports <-> opposes. */
  async switchRelation(tree: Tree, id: string): Promise<EditResult> {
    const node = tree.byId.get(id);
    if (!node) return refuse('That node no longer exists.');
    if (node.relation === null) return refuse('The thesis has no relation to switch.');
    const after = { relation: flipRelation(node.relation) };
    const before = { relation: node.relation };
    try {
      await updateNodeFields(this.db, id, after, now(), before);
    } catch (e) {
      return refuse(describe(e));
    }
    this.recordEdit(id, before, after, 'switch relation');
    return {
      ok: true,
      message: after.relation === 'supports' ? 'Now supports its parent.' : 'Now opposes its parent.',
      focusId: id,
    };
  }

  /** Moves a node to a planned placement (see planMove / planStep). */
  async move(id: string, placement: Placement, label = 'move'): Promise<EditResult> {
    let previous: Placement;
    try {
      previous = await placeNode(this.db, id, placement, now());
    } catch (e) {
      return refuse(describe(e));
    }
    this.undo.push({
      label,
      undo: async () => void (await placeNode(this.db, id, previous, now())),
      redo: async () => void (await placeNode(this.db, id, placement, now())),
      focusAfterUndo: id,
      focusAfterRedo: id,
    });
    return { ok: true, message: 'Moved.', focusId: id };
  }

  /** Deletes a node with its subtree, its citations and ratings; undo puts every row back. */
  async deleteWithSubtree(tree: Tree, id: string): Promise<EditResult> {
    const node = tree.byId.get(id);
    if (!node) return refuse('That node no longer exists.');
    if (node.parentId === null) return refuse('The thesis cannot be deleted (delete the whole map instead).');
    const focusId = neighbourAfterDelete(tree, id);
    let removed;
    try {
      removed = await deleteSubtree(this.db, id, now());
    } catch (e) {
      return refuse(describe(e));
    }
    const count = removed.nodes.length;
    const label = count === 1 ? 'delete 1 node' : `delete ${count} nodes`;
    this.undo.push({
      label,
      undo: () => insertRows(this.db, this.mapId, removed, now()),
      redo: async () => void (await deleteSubtree(this.db, id, now())),
      focusAfterUndo: id,
      focusAfterRedo: focusId,
    });
    const what = KIND_LABELS[kindOf(tree, node)];
    const under = subtreeSize(tree, id) - 1;
    const standIns = count - 1 - under;
    const also =
      standIns > 0 ? ` ${standIns === 1 ? 'A link row' : `${standIns} link rows`} that stood for it went too.` : '';
    return {
      ok: true,
      message:
        (under <= 0
          ? `Deleted the ${what.toLowerCase()}.`
          : `Deleted the ${what.toLowerCase()} and ${under} nodes under it.`) + also,
      ...(focusId && { focusId }),
    };
  }

  // ---- sources and citations ----

  /** Creates a source card and cites it on a node, as one undoable step. */
  async citeNew(nodeId: string, fields: SourceFields, pinpoint?: string): Promise<EditResult & { sourceId?: string }> {
    const stamp = now();
    const source: Source = { ...fields, id: newId(), mapId: this.mapId, createdAt: stamp, updatedAt: stamp };
    const citation = this.citation(nodeId, source.id, pinpoint, stamp);
    try {
      await addSourceAndCitation(this.db, source, citation, stamp);
    } catch (e) {
      return refuse(describe(e));
    }
    this.undo.push({
      label: 'add source',
      undo: async () => void (await deleteSource(this.db, source.id, now())),
      redo: () => addSourceAndCitation(this.db, source, citation, now()),
      focusAfterUndo: nodeId,
      focusAfterRedo: nodeId,
    });
    return { ok: true, message: `Added the source “${source.title}”.`, sourceId: source.id };
  }

  /** Cites an existing source on a node. */
  async citeExisting(
    nodeId: string,
    sourceId: string,
    pinpoint: string | undefined,
    existing: readonly Citation[],
  ): Promise<EditResult> {
    if (existing.some((c) => c.nodeId === nodeId && c.sourceId === sourceId)) {
      return refuse('This node already cites that source: edit its pinpoint instead.');
    }
    const citation = this.citation(nodeId, sourceId, pinpoint, now());
    try {
      await putCitation(this.db, citation, now());
    } catch (e) {
      return refuse(describe(e));
    }
    this.undo.push({
      label: 'cite source',
      undo: async () => void (await removeCitation(this.db, citation.id, now())),
      redo: async () => void (await putCitation(this.db, citation, now())),
      focusAfterUndo: nodeId,
      focusAfterRedo: nodeId,
    });
    return { ok: true, message: 'Source cited.' };
  }

  /** Changes a citation's pinpoint (page, section, excerpt). */
  async editPinpoint(citation: Citation, pinpoint: string): Promise<EditResult> {
    const text = pinpoint.trim();
    if (text.length > LIMITS.field) return refuse(`The pinpoint is too long (at most ${LIMITS.field} characters).`);
    const next: Citation = { ...citation };
    if (text) next.pinpoint = text;
    else delete next.pinpoint;
    try {
      await putCitation(this.db, next, now());
    } catch (e) {
      return refuse(describe(e));
    }
    this.undo.push({
      label: 'edit pinpoint',
      undo: async () => void (await putCitation(this.db, citation, now())),
      redo: async () => void (await putCitation(this.db, next, now())),
    });
    return { ok: true, message: 'Pinpoint saved.' };
  }

  /** Removes a citation (the source card stays in the map). */
  async uncite(citation: Citation): Promise<EditResult> {
    try {
      await removeCitation(this.db, citation.id, now());
    } catch (e) {
      return refuse(describe(e));
    }
    this.undo.push({
      label: 'remove citation',
      undo: async () => void (await putCitation(this.db, citation, now())),
      redo: async () => void (await removeCitation(this.db, citation.id, now())),
      focusAfterUndo: citation.nodeId,
    });
    return { ok: true, message: 'Citation removed.' };
  }

  /** Changes a source card; every node citing it shows the change. */
  async editSource(source: Source, fields: SourceFields): Promise<EditResult> {
    const next: Source = {
      id: source.id,
      mapId: source.mapId,
      createdAt: source.createdAt,
      updatedAt: source.updatedAt,
      ...fields,
    };
    let before: Source | undefined;
    try {
      before = await replaceSource(this.db, next, now());
    } catch (e) {
      return refuse(describe(e));
    }
    if (!before) return refuse('That source was deleted (perhaps in another tab).');
    const previous = before;
    this.undo.push({
      label: 'edit source',
      undo: async () => void (await replaceSource(this.db, previous, now())),
      redo: async () => void (await replaceSource(this.db, next, now())),
    });
    return { ok: true, message: 'Source saved.' };
  }

  /** Deletes a source card and every citation of it. */
  async removeSource(sourceId: string): Promise<EditResult> {
    let removed;
    try {
      removed = await deleteSource(this.db, sourceId, now());
    } catch (e) {
      return refuse(describe(e));
    }
    if (!removed) return refuse('That source was already deleted.');
    const gone = removed;
    this.undo.push({
      label: 'delete source',
      undo: () => restoreSource(this.db, gone, now()),
      redo: async () => void (await deleteSource(this.db, sourceId, now())),
    });
    const n = gone.citations.length;
    return { ok: true, message: `Deleted the source${n ? ` and its ${n} citation${n === 1 ? '' : 's'}` : ''}.` };
  }

  // ---- ratings ----

  /**
   * Sets (0-4) or clears (undefined) one field of one rater's rating of a node: its own evidence
   * (`value`) or its relevance to the point above it. The record keeps its id; clearing its last
   * field removes it, so the node is unrated, never 0. `current` is the rater's record as the view
   * knows it: `beforeWrite` hears, synchronously and before the database does, the record that will
   * replace it (undefined: none), so a view can show it without waiting.
   */
  async rate(
    nodeId: string,
    rater: string,
    value: RatingValue | undefined,
    rationale?: string,
    beforeWrite?: (next: Rating | undefined, rater: string) => void,
    options: { field?: RatingField; current?: Rating } = {},
  ): Promise<EditResult> {
    const who = rater.trim() || 'me';
    const stamp = now();
    const field = options.field ?? 'value';
    const change: RatingChange = { field, to: value };
    if (rationale !== undefined) change.rationale = rationale;
    const key = { mapId: this.mapId, nodeId, rater: who };
    const freshId = options.current?.id ?? newId();
    beforeWrite?.(applyRatingChange(options.current, change, { id: freshId, ...key }, stamp), who);
    let before: Rating | undefined;
    let after: Rating | undefined;
    try {
      ({ before, after } = await changeRating(this.db, key, change, freshId, stamp));
    } catch (e) {
      return refuse(describe(e));
    }
    const what = field === 'value' ? 'rating' : 'relevance';
    this.undo.push({
      label: value === undefined ? `clear ${what}` : field === 'value' ? 'rate' : 'rate relevance',
      undo: async () => void (await setRating(this.db, key, before, now())),
      redo: async () => void (await setRating(this.db, key, after, now())),
      focusAfterUndo: nodeId,
      focusAfterRedo: nodeId,
    });
    if (field === 'relevance') {
      return {
        ok: true,
        message:
          value === undefined
            ? 'Your relevance rating was cleared: it counts as an ordinary point again.'
            : `Relevance ${value} (${RELEVANCE_LABELS[value]}).`,
      };
    }
    return {
      ok: true,
      message:
        value === undefined
          ? 'Your rating was cleared: the node is unrated by you.'
          : `Rated ${value} (${RATING_LABELS[value]}).`,
    };
  }

  private citation(nodeId: string, sourceId: string, pinpoint: string | undefined, stamp: string): Citation {
    const c: Citation = { id: newId(), mapId: this.mapId, nodeId, sourceId, createdAt: stamp };
    const p = pinpoint?.trim();
    if (p) c.pinpoint = p.slice(0, LIMITS.field);
    return c;
  }
}

/** Number of nodes in the subtree rooted at `id` (itself included), as the view knows it. */
function subtreeSize(tree: Tree, id: string): number {
  let size = 0;
  const stack = [id];
  while (stack.length) {
    const n = stack.pop()!;
    size++;
    for (const k of tree.children.get(n) ?? []) stack.push(k.id);
  }
  return size;
}
