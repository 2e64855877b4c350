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
import { flipRelation, neighbourAfterDelete, type Placement } from '../model/edits.js';
import { now } from '../model/ids.js';
import { kindOf, type Tree } from '../model/tree.js';
import { KIND_LABELS, type ArgNode } from '../model/types.js';
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
    return {
      ok: true,
      message:
        count === 1
          ? `Deleted the ${what.toLowerCase()}.`
          : `Deleted the ${what.toLowerCase()} and ${count - 1} nodes under it.`,
      ...(focusId && { focusId }),
    };
  }
}
