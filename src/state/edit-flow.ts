/**
 * How the map view starts editing: the text or notes of a node, a new node under another (its
 * parent expanded), and the editor a previous visit left with unsaved typing. Each first makes
 * sure work is filed under a name ("Who are you?"); the edit session keeps drafts and timers.
 */
import type { Tree } from '../model/tree.js';
import type { ArgNode, Relation } from '../model/types.js';
import type { EditSessionController } from './edit-session.js';

/** What starting an edit needs of the map view. */
export interface EditFlowView {
  /** The author's name, asked for when none is kept; undefined: nothing may be written. */
  named(): Promise<string | undefined>;
  tree(): Tree<ArgNode> | undefined;
  mapId(): string;
  /** Expands a node, so the new or restored node under it shows. */
  expand(id: string): void;
  /** Selects the node and opens its editor (on a phone, in the sheet). */
  showEditor(id: string): void;
}

/** Starts edits in one map view. */
export class EditFlow {
  constructor(
    private readonly edits: EditSessionController,
    private readonly view: EditFlowView,
  ) {}

  /** Opens the editor on a node's text or notes. */
  async startEdit(id: string, field: 'text' | 'notes'): Promise<void> {
    if (!(await this.view.named())) return;
    const node = this.view.tree()?.byId.get(id);
    if (!node) return;
    this.edits.begin(node, field);
    this.view.showEditor(id);
  }

  /** Opens the editor on a new node under `parentId` (after `afterId` among its siblings). */
  async startNew(parentId: string, relation: Relation, afterId?: string): Promise<void> {
    const author = await this.view.named();
    const tree = this.view.tree();
    if (!tree || !author) return;
    const node = this.edits.beginNew(tree, { mapId: this.view.mapId(), parentId, relation, afterId, author });
    this.view.expand(parentId);
    this.view.showEditor(node.id);
  }

  /** Reopens the editor with typing the last visit did not get to save (see state/drafts.ts). */
  restoreDraft(): void {
    const tree = this.view.tree();
    const restored = tree && this.edits.restoreDraft(tree);
    const id = tree && (this.edits.reopenAfterReload(tree) ?? restored);
    if (!id) return;
    const parent = tree.byId.get(id)?.parentId;
    if (parent) this.view.expand(parent);
    this.view.showEditor(id);
  }
}
