/**
 * A reactive controller for the one open editor of a map view: which node and field, the draft
 * being typed (saved a moment after the last keystroke and at least every so often), a new node
 * that is not stored until it has text, and how editing ends (commit, cancel, or quietly when the
 * user moves on or the page is hidden).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkText, newChild } from '../model/edits.js';
import { newId, now } from '../model/ids.js';
import type { Tree } from '../model/tree.js';
import { Origin, type ArgNode, type Relation } from '../model/types.js';
import { draftsOf, dropDraft, keepDraft, keepOpenEditor, takeOpenEditor, type DraftPlace } from './drafts.js';
import type { EditResult, MapEditor } from './editor.js';

/** Typing is saved this long after the last keystroke, and at least this often while typing. */
const SAVE_TEXT_DELAY_MS = 350;
const SAVE_TEXT_MAX_WAIT_MS = 900;

/** Save state shown beside the editor. */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

/** An open editor: which node and field, and the text it started from. */
export interface EditSession {
  id: string;
  field: 'text' | 'notes';
  isNew: boolean;
  original: string;
  originalEdited: boolean;
  draft: string;
  lastSaved: string;
  /** Where its drafts are kept: database name and map id (see drafts.ts). */
  scope: string;
  /** For a new node: where it goes (kept with the draft so a reload can put it back). */
  place?: DraftPlace;
  /** The stored value last reported as changed elsewhere, so it is said once. */
  seenElsewhere?: string;
  /** The value being written now, so its echo from the database is not taken for another tab's. */
  saving?: string;
}

/** Where a new node goes, and who writes it. */
export interface NewNodePlace {
  mapId: string;
  parentId: string;
  relation: Relation;
  /** The sibling it follows; last when absent. */
  afterId?: string;
  author?: string;
}

/** What the edit session needs from the view it serves. */
export interface EditSessionView {
  editor(): MapEditor | undefined;
  tree(): Tree<ArgNode> | undefined;
  announce(text: string, error?: boolean): void;
  selectAndFocus(id: string): void;
  applyResult(result: EditResult): void;
  /** Shows a node's new fields at once, before the database has them. */
  showNode(node: ArgNode): void;
  /** Re-reads the map after a failed write. */
  reload(): void;
  /** The database's name: drafts are kept per database, so two stores never mix theirs. */
  storeName(): string;
}

/** The open editor of a map view, its draft and its timers. */
export class EditSessionController implements ReactiveController {
  /** The open editor, if any. */
  session?: EditSession;
  /** A new node being written, not stored until it has text. */
  pending?: ArgNode;
  saveState: SaveState = 'saved';
  /** Why the draft cannot be saved (shown under the editor); '' when it can. */
  problem = '';
  private textTimer = 0;
  private firstUnsavedAt = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: EditSessionView,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushNow();
  }

  /** Opens an editor on a stored node's text or notes, quietly finishing one still open. */
  begin(node: ArgNode, field: 'text' | 'notes'): void {
    if (this.session) void this.finish('commit', { quiet: true });
    const original = field === 'text' ? node.text : (node.notes ?? '');
    this.session = {
      id: node.id,
      field,
      isNew: false,
      original,
      originalEdited: node.edited === true,
      draft: original,
      lastSaved: original,
      scope: this.scope(node.mapId),
    };
    this.saveState = 'saved';
    this.problem = '';
    this.host.requestUpdate();
  }

  /** Opens an editor on a new node, which is stored once it is committed with text. */
  beginNew(tree: Tree<ArgNode>, where: NewNodePlace): ArgNode {
    const node = newChild(tree, {
      id: newId(),
      mapId: where.mapId,
      parentId: where.parentId,
      relation: where.relation,
      text: '',
      now: now(),
      ...(where.author && { author: where.author }),
      ...(where.afterId && { afterId: where.afterId }),
    });
    this.pending = node;
    this.session = {
      id: node.id,
      field: 'text',
      isNew: true,
      original: '',
      originalEdited: false,
      draft: '',
      lastSaved: '',
      scope: this.scope(where.mapId),
      place: {
        parentId: where.parentId,
        relation: where.relation,
        ...(where.afterId && { afterId: where.afterId }),
        ...(where.author && { author: where.author }),
      },
    };
    this.saveState = 'unsaved';
    this.problem = '';
    this.host.requestUpdate();
    return node;
  }

  /** Takes what is typed now; an existing node's draft is saved a moment later. */
  draft(value: string): void {
    const s = this.session;
    if (!s) return;
    s.draft = value;
    // Synchronously, before anything else can happen: this is what survives an abrupt close.
    keepDraft({
      mapId: s.scope,
      nodeId: s.id,
      field: s.field,
      text: value,
      ...(s.place && { place: s.place }),
      at: Date.now(),
    });
    // Render only what changes: a keystroke alone re-renders nothing in the view.
    if (this.problem !== '') {
      this.problem = '';
      this.host.requestUpdate();
    }
    if (s.isNew) return; // stored only once it is committed (or the page is hidden)
    if (s.draft === s.lastSaved) return;
    if (this.saveState !== 'unsaved') {
      this.saveState = 'unsaved';
      this.host.requestUpdate();
    }
    const t = performance.now();
    if (!this.firstUnsavedAt) this.firstUnsavedAt = t;
    window.clearTimeout(this.textTimer);
    const wait = Math.max(0, Math.min(SAVE_TEXT_DELAY_MS, SAVE_TEXT_MAX_WAIT_MS - (t - this.firstUnsavedAt)));
    this.textTimer = window.setTimeout(() => void this.saveDraft(), wait);
  }

  /**
   * Puts back the newest draft kept for this map that the database does not have (the tab was
   * closed or killed before the save): the editor reopens with it and it is saved again.
   * Returns the node it reopened, if any.
   */
  restoreDraft(tree: Tree<ArgNode>): string | undefined {
    if (this.session) return undefined;
    const scope = this.scope(tree.root.mapId);
    const mapId = tree.root.mapId;
    for (const d of draftsOf(scope)) {
      const node = tree.byId.get(d.nodeId);
      if (node) {
        const stored = d.field === 'text' ? node.text : (node.notes ?? '');
        if (stored === d.text) {
          dropDraft(scope, d.nodeId, d.field);
          continue;
        }
        this.begin(node, d.field);
        // The editor starts from the node's fields: show the draft there at once.
        this.view.showNode({ ...node, ...(d.field === 'text' ? { text: d.text } : { notes: d.text }) });
      } else if (d.place && tree.byId.has(d.place.parentId)) {
        dropDraft(scope, d.nodeId, d.field);
        const pending = this.beginNew(tree, { mapId, ...d.place });
        this.pending = { ...pending, text: d.text };
      } else {
        dropDraft(scope, d.nodeId, d.field);
        continue;
      }
      this.draft(d.text);
      this.view.announce('Your unsaved typing was brought back into the editor.');
      return (this.session as EditSession | undefined)?.id;
    }
    return undefined;
  }

  /**
   * After a reload of this tab: reopens the editor that was open when the page went away (its
   * text was saved on the way out, so no draft says so). Returns the node it reopened, if any.
   */
  reopenAfterReload(tree: Tree<ArgNode>): string | undefined {
    // Taken even when a kept draft already reopened an editor, so it cannot reopen one later.
    const open = takeOpenEditor(this.scope(tree.root.mapId));
    const node = open && tree.byId.get(open.nodeId);
    if (!open || !node || this.session) return undefined;
    this.begin(node, open.field);
    const stored = open.field === 'text' ? node.text : (node.notes ?? '');
    if (open.text !== stored) {
      this.view.showNode({ ...node, ...(open.field === 'text' ? { text: open.text } : { notes: open.text }) });
      this.draft(open.text);
    }
    return node.id;
  }

  /**
   * Says when the node being edited was changed elsewhere (another tab), once per change, and
   * keeps the draft: what is typed here is saved over it, and the user knows.
   */
  noticeOutsideChange(tree: Tree<ArgNode>): void {
    const s = this.session;
    if (!s || s.isNew) return;
    const node = tree.byId.get(s.id);
    if (!node) return;
    const stored = s.field === 'text' ? node.text : (node.notes ?? '');
    if (stored === s.lastSaved || stored === s.draft || stored === s.saving || stored === s.seenElsewhere) return;
    s.seenElsewhere = stored;
    this.view.announce(
      'This node was changed in another tab while you were editing it. Your text is kept here; saving it replaces theirs.',
      true,
    );
  }

  /** The key drafts of a map are kept under: database and map. */
  private scope(mapId: string): string {
    return `${this.view.storeName()}/${mapId}`;
  }

  /** Closes the editor when its node is gone (deleted, perhaps in another tab). */
  dropIfGone(tree: Tree<ArgNode>): void {
    if (this.session && !tree.byId.has(this.session.id)) {
      this.session = undefined;
      this.host.requestUpdate();
      this.view.announce('The node you were editing was deleted (perhaps in another tab).', true);
    }
  }

  /**
   * Ends the editing session. commit: saves (refusing empty text with a message); cancel:
   * restores the text it started from, or discards a new node.
   */
  async finish(action: 'commit' | 'cancel', opts: { quiet?: boolean } = {}): Promise<void> {
    const s = this.session;
    const editor = this.view.editor();
    const tree = this.view.tree();
    if (!s || !editor || !tree) return;
    this.host.requestUpdate();
    if (s.isNew) {
      const pending = this.pending;
      if (action === 'cancel' || !pending || (opts.quiet && s.draft.trim() === '')) {
        dropDraft(s.scope, s.id, s.field);
        this.session = undefined;
        this.pending = undefined;
        const back = pending?.parentId ?? tree.root.id;
        if (opts.quiet) {
          if (pending) this.view.announce('The empty new node was discarded.');
        } else this.view.selectAndFocus(back);
        return;
      }
      const check = checkText(s.draft);
      if (!check.ok) {
        this.problem = check.reason;
        return;
      }
      this.session = undefined;
      this.pending = undefined;
      const stamp = now();
      const result = await editor.add(tree, { ...pending, text: s.draft, createdAt: stamp, updatedAt: stamp });
      this.host.requestUpdate();
      if (!result.ok) {
        // Keep what was typed: put the editor back with the message.
        this.pending = pending;
        this.session = s;
        this.problem = result.message;
        return;
      }
      dropDraft(s.scope, s.id, s.field);
      this.view.applyResult(opts.quiet ? ({ ...result, focusId: undefined } as EditResult) : result);
      return;
    }
    const node = tree.byId.get(s.id);
    if (action === 'cancel') {
      this.session = undefined;
      dropDraft(s.scope, s.id, s.field);
      window.clearTimeout(this.textTimer);
      if (s.lastSaved !== s.original) {
        try {
          await editor.saveFields(s.id, {
            ...this.fieldsFor(s, s.original, false),
            ...(s.field === 'text' && node?.origin === Origin.essay && { edited: s.originalEdited ? true : undefined }),
          });
        } catch (e) {
          this.view.announce(e instanceof Error ? e.message : String(e), true);
        }
      }
      if (!opts.quiet) this.view.selectAndFocus(s.id);
      return;
    }
    if (s.field === 'text') {
      const check = checkText(s.draft);
      if (!check.ok) {
        if (opts.quiet) {
          // Leaving an emptied text: keep the last saved text rather than lose the node's words.
          this.session = undefined;
          this.view.announce('The text cannot be empty, so the last saved text was kept.', true);
          return;
        }
        this.problem = check.reason;
        return;
      }
    }
    await this.saveDraft();
    this.session = undefined;
    this.host.requestUpdate();
    if (s.draft !== s.original) {
      const fromEssay = node?.origin === Origin.essay;
      const before =
        s.field === 'notes'
          ? { notes: s.original || undefined }
          : fromEssay
            ? { text: s.original, edited: s.originalEdited ? true : undefined }
            : { text: s.original };
      editor.recordEdit(
        s.id,
        before,
        this.fieldsFor(s, s.draft, fromEssay),
        s.field === 'notes' ? 'edit notes' : 'edit text',
      );
      if (!opts.quiet) this.view.announce('Saved.');
    }
    if (!opts.quiet) this.view.selectAndFocus(s.id);
  }

  /** Saves whatever is typed right now: the page is being hidden or closed. */
  readonly flushNow = (): void => {
    const s = this.session;
    const editor = this.view.editor();
    const tree = this.view.tree();
    if (!s || !editor || !tree) return;
    if (s.isNew) {
      if (this.pending && checkText(s.draft).ok) {
        const stamp = now();
        const node = { ...this.pending, text: s.draft, createdAt: stamp, updatedAt: stamp };
        this.pending = undefined;
        this.session = { ...s, isNew: false, original: '', lastSaved: s.draft };
        this.host.requestUpdate();
        void editor.add(tree, node).then((r) => {
          if (r.ok) dropDraft(s.scope, s.id, s.field);
        });
      }
      return;
    }
    void this.saveDraft();
  };

  /** The page goes away (closed, reloaded, navigated): save now, and say which editor was open. */
  private onPageHide = (): void => {
    const s = this.session;
    if (s && !(s.isNew && s.draft.trim() === ''))
      keepOpenEditor(s.scope, { nodeId: s.id, field: s.field, text: s.draft });
    this.flushNow();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** Writes the draft of an existing node if it changed. Empty node text is never written. */
  private async saveDraft(): Promise<void> {
    window.clearTimeout(this.textTimer);
    this.firstUnsavedAt = 0;
    const s = this.session;
    const editor = this.view.editor();
    if (!s || s.isNew || !editor || s.draft === s.lastSaved) return;
    if (s.field === 'text' && !checkText(s.draft).ok) return;
    const node = this.view.tree()?.byId.get(s.id);
    const value = s.draft;
    this.saveState = 'saving';
    this.host.requestUpdate();
    const fields = this.fieldsFor(s, value, node?.origin === Origin.essay);
    if (node) {
      const row: Record<string, unknown> = { ...node, updatedAt: now() };
      // As Dexie's update() does: a field set to undefined is removed.
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) delete row[k];
        else row[k] = v;
      }
      this.view.showNode(row as unknown as ArgNode);
    }
    s.saving = value;
    try {
      await editor.saveFields(s.id, fields);
      s.lastSaved = value;
      s.saving = undefined;
      if (s.draft === value) dropDraft(s.scope, s.id, s.field);
      if (this.session === s) {
        this.saveState = s.draft === value ? 'saved' : 'unsaved';
        this.host.requestUpdate();
      }
    } catch (e) {
      s.saving = undefined;
      this.saveState = 'error';
      this.host.requestUpdate();
      this.view.announce(e instanceof Error ? e.message : String(e), true);
      this.view.reload();
    }
  }

  private fieldsFor(s: EditSession, value: string, fromEssay: boolean) {
    if (s.field === 'notes') return { notes: value.trim() === '' ? undefined : value };
    // Rewording a node taken from the essay keeps its quote and marks it as edited.
    return fromEssay
      ? { text: value, edited: value !== s.original || s.originalEdited ? true : undefined }
      : { text: value };
  }
}
