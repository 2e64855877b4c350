/**
 * A reactive controller for what a map view's commands share: the map's editor and undo stack,
 * the notice that reports their outcome (deletes offer Undo), and the node to focus once the
 * database has delivered it (after an add, a move or an undo).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Tree } from '../model/tree.js';
import type { ArgNode } from '../model/types.js';
import type { AppServices } from './app-context.js';
import { MapEditor, type EditResult } from './editor.js';
import { undoStackFor, type UndoStack } from './undo.js';

/**
 * A message announced to screen readers and shown over the bottom of the view (it never moves
 * the page); deletes offer Undo. Outcomes clear themselves; errors stay until dismissed.
 */
export interface Notice {
  text: string;
  error: boolean;
  undo: boolean;
}

/** How long an outcome stays on screen; one that offers Undo stays longer. */
const NOTICE_MS = 6000;
const NOTICE_UNDO_MS = 12000;

/** What the controller needs from the view it serves. */
export interface MapHistoryView {
  tree(): Tree<ArgNode> | undefined;
  selectAndFocus(id: string): void;
}

/** The editor, undo stack and notice of one map view. */
export class MapHistoryController implements ReactiveController {
  editor?: MapEditor;
  undoStack?: UndoStack;
  notice?: Notice;
  /** A node to select once the live query has delivered it (after add / undo). */
  private focusWhenPresent?: string;
  private unsubscribe?: () => void;
  private clearTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: MapHistoryView,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unsubscribe?.();
    clearTimeout(this.clearTimer);
  }

  /** Takes the editor and undo stack of another map (or database); undo stacks live per map. */
  connect(services: AppServices, mapId: string): void {
    this.unsubscribe?.();
    this.undoStack = undoStackFor(`${services.db.name}/${mapId}`);
    this.unsubscribe = this.undoStack.subscribe(() => this.host.requestUpdate());
    this.editor = new MapEditor(services.db, mapId, this.undoStack);
  }

  /** Shows (and announces) a message. */
  announce(text: string, error = false, undo = false): void {
    this.notice = { text, error, undo };
    clearTimeout(this.clearTimer);
    // Long enough to read (and to reach Undo by keyboard); an error waits for the student.
    if (!error) this.clearTimer = setTimeout(() => this.dismiss(), undo ? NOTICE_UNDO_MS : NOTICE_MS);
    this.host.requestUpdate();
  }

  /** Hides the message (the Dismiss button of an error; outcomes also clear themselves). */
  dismiss(): void {
    clearTimeout(this.clearTimer);
    if (!this.notice) return;
    this.notice = undefined;
    this.host.requestUpdate();
  }

  /** Reports a command's outcome and moves focus to the node it names. */
  applyResult(result: EditResult, offerUndo = false): void {
    if (!result.ok) {
      this.announce(result.message, true);
      return;
    }
    if (result.message) this.announce(result.message, false, offerUndo);
    if (result.focusId) {
      // The live query delivers the change a moment later; focus follows it then (and now, if
      // the node is already on screen, e.g. after a move).
      this.focusWhenPresent = result.focusId;
      if (this.view.tree()?.byId.has(result.focusId)) this.view.selectAndFocus(result.focusId);
    }
  }

  /** Whether a node is awaited (the selection must not fall back to the thesis meanwhile). */
  get awaitingFocus(): boolean {
    return this.focusWhenPresent !== undefined;
  }

  /** Focuses the awaited node if the new tree has it. */
  focusIfArrived(tree: Tree<ArgNode>): void {
    if (this.focusWhenPresent && tree.byId.has(this.focusWhenPresent)) {
      const id = this.focusWhenPresent;
      this.focusWhenPresent = undefined;
      this.view.selectAndFocus(id);
    }
  }

  /** Undoes the last change, announcing what was undone. */
  async undo(): Promise<void> {
    const stack = this.undoStack;
    if (!stack?.canUndo) return this.announce('Nothing to undo.', true);
    try {
      const entry = await stack.undo();
      if (entry) {
        this.announce(`Undone: ${entry.label}.`);
        if (entry.focusAfterUndo) this.applyResult({ ok: true, focusId: entry.focusAfterUndo });
      }
    } catch (e) {
      this.announce(e instanceof Error ? e.message : String(e), true);
    }
  }

  /** Redoes the last undone change. */
  async redo(): Promise<void> {
    const stack = this.undoStack;
    if (!stack?.canRedo) return this.announce('Nothing to redo.', true);
    try {
      const entry = await stack.redo();
      if (entry) {
        this.announce(`Redone: ${entry.label}.`);
        if (entry.focusAfterRedo) this.applyResult({ ok: true, focusId: entry.focusAfterRedo });
      }
    } catch (e) {
      this.announce(e instanceof Error ? e.message : String(e), true);
    }
  }
}
