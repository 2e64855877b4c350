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

const OPEN_PREFIX = 'warrant-open-editor:';

/** An editor that was open when the page went away (a reload reopens it). */
export interface OpenEditor {
  nodeId: string;
  field: 'text' | 'notes';
  text: string;
}

/**
 * Keeps, for this tab only (sessionStorage), which editor was open as the page went away: the
 * database may have all of its text by then, but a reload should still put the student back in it.
 */
export function keepOpenEditor(scope: string, open: OpenEditor): void {
  try {
    sessionStorage.setItem(`${OPEN_PREFIX}${scope}`, JSON.stringify(open));
  } catch {
    // No storage: the text is saved all the same; only the open editor is not brought back.
  }
}

/** The editor open when this tab's previous page went away, taken once. */
export function takeOpenEditor(scope: string): OpenEditor | undefined {
  try {
    const key = `${OPEN_PREFIX}${scope}`;
    const raw = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    const open = raw ? (JSON.parse(raw) as OpenEditor) : undefined;
    return open && typeof open.nodeId === 'string' && typeof open.text === 'string' ? open : undefined;
  } catch {
    return undefined;
  }
}

const FORM_PREFIX = 'warrant-form:';

/** Keeps a half-filled form's fields for this tab (sessionStorage), so a reload can refill it. */
export function keepForm(key: string, fields: Record<string, string>): void {
  try {
    sessionStorage.setItem(`${FORM_PREFIX}${key}`, JSON.stringify(fields));
  } catch {
    // No storage: the form works, a reload just does not refill it.
  }
}

/** The fields kept for a form, if a previous page of this tab left some. */
export function formDraft(key: string): Record<string, string> | undefined {
  try {
    const raw = sessionStorage.getItem(`${FORM_PREFIX}${key}`);
    const parsed = raw ? (JSON.parse(raw) as unknown) : undefined;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets a form's kept fields (it was closed: saved or cancelled). */
export function dropForm(key: string): void {
  try {
    sessionStorage.removeItem(`${FORM_PREFIX}${key}`);
  } catch {
    // Nothing kept.
  }
}
