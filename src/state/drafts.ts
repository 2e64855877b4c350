/**
 * Every keystroke of an open editor, kept synchronously in localStorage until the database has
 * it. The database save is debounced (and IndexedDB writes are asynchronous), so a tab closed or
 * killed right after typing would lose the last fraction of a second; a synchronous
 * localStorage.setItem on each input cannot be overtaken by the close. On the next load the map
 * view finds the draft and reopens the editor with it.
 */
import type { Relation } from '../model/types.js';

const PREFIX = 'warrant-draft:';

/** Where a draft for a node not yet stored goes. */
export interface DraftPlace {
  parentId: string;
  relation: Relation;
  afterId?: string;
  author?: string;
}

/** One kept draft. */
export interface StoredDraft {
  mapId: string;
  nodeId: string;
  field: 'text' | 'notes';
  text: string;
  /** Set for a new node: where it was being added. */
  place?: DraftPlace;
  /** When it was typed (ms since the epoch): the newest is restored first. */
  at: number;
}

function key(mapId: string, nodeId: string, field: string): string {
  return `${PREFIX}${mapId}\u0000${nodeId}\u0000${field}`;
}

/** Keeps a draft; quietly does nothing when storage is unavailable or full (the database save still runs). */
export function keepDraft(d: StoredDraft): void {
  try {
    localStorage.setItem(key(d.mapId, d.nodeId, d.field), JSON.stringify(d));
  } catch {
    // Private mode or a full quota: the debounced database save is the fallback.
  }
}

/** Forgets a draft once the database has it (or it was cancelled). */
export function dropDraft(mapId: string, nodeId: string, field: string): void {
  try {
    localStorage.removeItem(key(mapId, nodeId, field));
  } catch {
    // Nothing kept, nothing to drop.
  }
}

/** The drafts kept for a map, newest first. */
export function draftsOf(mapId: string): StoredDraft[] {
  const out: StoredDraft[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(`${PREFIX}${mapId}\u0000`)) continue;
      try {
        const d = JSON.parse(localStorage.getItem(k) ?? '') as StoredDraft;
        if (d && typeof d.text === 'string' && d.mapId === mapId) out.push(d);
      } catch {
        localStorage.removeItem(k);
      }
    }
  } catch {
    return [];
  }
  return out.sort((a, b) => b.at - a.at);
}
