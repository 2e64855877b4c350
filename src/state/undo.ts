/**
 * Undo and redo. Every command that changes a map pushes one entry holding both directions; a
 * multi-row change (delete a subtree, move) is one entry, as it was one transaction. Stacks are
 * kept per map for as long as the page lives.
 */

/** One undoable step. `undo`/`redo` may throw (e.g. a ConflictError): the entry is then dropped. */
export interface UndoEntry {
  /** What the step did, in words: "add counterpoint", "delete 4 nodes". */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Node to select after undoing / redoing, if any. */
  focusAfterUndo?: string;
  focusAfterRedo?: string;
}

const LIMIT = 200;

/** A linear history: pushing after an undo discards the redo branch, as every editor does. */
export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private listeners = new Set<() => void>();

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  /** Label of the step Undo would revert. */
  get undoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }
  get redoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.emit();
  }

  /** Reverts the last step. Returns it, or undefined when there is nothing to undo. */
  async undo(): Promise<UndoEntry | undefined> {
    const entry = this.done.pop();
    if (!entry) return undefined;
    try {
      await entry.undo();
      this.undone.push(entry);
      return entry;
    } finally {
      this.emit();
    }
  }

  /** Re-applies the last undone step. */
  async redo(): Promise<UndoEntry | undefined> {
    const entry = this.undone.pop();
    if (!entry) return undefined;
    try {
      await entry.redo();
      this.done.push(entry);
      return entry;
    } finally {
      this.emit();
    }
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

const stacks = new Map<string, UndoStack>();

/** The undo stack of one map (created on first use). */
export function undoStackFor(key: string): UndoStack {
  let s = stacks.get(key);
  if (!s) {
    s = new UndoStack();
    stacks.set(key, s);
  }
  return s;
}
