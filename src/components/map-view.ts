/**
 * <warrant-map-view>: one map: its header, the argument tree and the detail panel of the
 * selected node. The element renders and wires; its state lives in reactive controllers from
 * state/: the map's rows (MapBundleController: one live query, patched after own writes), the
 * open editor (EditSessionController), the search index (SearchController), the saved UI state
 * (UiStateController) and the editor, undo stack and notice (MapHistoryController).
 *
 * Seams for what grows here: renderHeaderActions() (buttons in the header), renderMain() (the
 * columns under the header) and renderPanel() (the right-hand panel's tabs).
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SEMANTICS_LABELS } from '../evaluation/index.js';
import type { ArgNode, MapBundle, Relation } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { AnonymousView, type AnonymousMap } from '../state/anonymous-view.js';
import { CommandRunner } from '../state/command-runner.js';
import type { Derived } from '../state/derive.js';
import { EditSessionController } from '../state/edit-session.js';
import type { MapEditor } from '../state/editor.js';
import { MapBundleController } from '../state/map-bundle.js';
import { MapHistoryController } from '../state/map-history.js';
import { SearchController } from '../state/search-state.js';
import { UiStateController } from '../state/ui-state.js';
import { ContextMenuController } from './context-menu-controller.js';
import { mapHeading, thesisStanding } from './map-header.js';
import { panelTabs, type PanelId } from './map-panels.js';
import { viewTabs, type MapViewMode } from './map-pictures.js';
import type { PictureNodeDetail } from './picture-events.js';
import { mapViewStyles } from './map-view.styles.js';
import type { DraftDetail, EditDoneDetail } from './node-editor.js';
import type { RateDetail } from './rating.js';
import { baseStyles } from './shared-styles.js';
import type { WarrantShortcuts } from './shortcuts-dialog.js';
import './guided-rating.js';
import type { WarrantGuidedRating } from './guided-rating.js';
import type { MoveRequestDetail, WarrantTree } from './tree.js';
import type { WarrantNodeDetail } from './node-detail.js';
import './explanation.js';
import './gap-report.js';
import './sources-panel.js';
import './search-box.js';
import './print-outline.js';
import './map-pictures.js';
import type { SearchChangeDetail, WarrantSearch } from './search-box.js';
import './node-detail.js';
import './shortcuts-dialog.js';
import './tree.js';
import { onToolbarFocusIn, onToolbarKeyDown, syncToolbarTabStop } from './roving-toolbar.js';
import './reading-pane.js';
import { ReadingLayout } from './reading-layout.js';
import type { QuoteNewDetail, QuoteSetDetail, WarrantReadingPane } from './reading-pane.js';
import { setQuote } from '../state/documents.js';
import { now } from '../model/ids.js';
import { Origin } from '../model/types.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-view': WarrantMapView;
  }
}

/** One empty list, so a node without citations or ratings does not get a new array each render. */
const NO_ROWS: never[] = [];

@customElement('warrant-map-view')
export class WarrantMapView extends LitElement {
  static override styles = [baseStyles, mapViewStyles];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  /** Id of the map to show. */
  @property({ attribute: 'map-id' }) mapId = '';

  /** On narrow screens: whether the detail sheet is open. */
  @state() private sheetOpen = false;
  /** What the right-hand panel shows. */
  @state() private panel: PanelId = 'node';
  /** How the left column shows the map: the tree, or one of the pictures (loaded on first use). */
  @state() private viewMode: MapViewMode = 'tree';

  @query('warrant-tree') private treeEl?: WarrantTree;
  @query('warrant-node-detail') private detailEl?: WarrantNodeDetail;
  @query('warrant-shortcuts') private shortcutsEl?: WarrantShortcuts;
  @query('warrant-guided-rating') private guidedEl?: WarrantGuidedRating;
  @query('warrant-search') private searchEl?: WarrantSearch;
  @query('warrant-reading-pane') private readingEl?: WarrantReadingPane;

  /** The essay beside the map: open or not, its column widths, the phone's tab. */
  readonly layout = new ReadingLayout(this);
  @query('warrant-export-dialog') private exportDialog?: HTMLElementTagNameMap['warrant-export-dialog'];
  @query('warrant-import-dialog') private importDialog?: HTMLElementTagNameMap['warrant-import-dialog'];

  /** The map's rows and what is derived from them. */
  private readonly data = new MapBundleController(this);
  /** The open editor; before the UI state, so a new node is stored before the state is saved. */
  private readonly edits = new EditSessionController(this, {
    editor: () => this.history.editor,
    tree: () => this.data.derived?.tree,
    announce: (text, error) => this.history.announce(text, error),
    selectAndFocus: (id) => this.selectAndFocus(id),
    applyResult: (result) => this.history.applyResult(result),
    showNode: (node) => this.data.applyLocal('nodes', [node]),
    reload: () => this.data.reload(),
    storeName: () => this.services?.db.name ?? '',
  });
  /** Expanded nodes, selection, perspective: saved per map. */
  private readonly ui = new UiStateController(this, () => this.edits.pending?.id);
  private readonly history = new MapHistoryController(this, {
    tree: () => this.data.derived?.tree,
    selectAndFocus: (id) => this.selectAndFocus(id),
  });
  private readonly search = new SearchController(this, () => this.data.bundle);
  private readonly menu = new ContextMenuController(this, {
    tree: () => this.treeEl,
    menu: () => this.renderRoot.querySelector('warrant-command-menu') ?? undefined,
    items: () => this.commands.menuItems(),
    select: (id) => this.revealAndSelect(id),
    run: (id) => this.run(id),
    editing: () => this.edits.session !== undefined,
  });
  private readonly commands = new CommandRunner(this, {
    tree: () => this.data.derived?.tree,
    selectedId: () => this.ui.selectedId,
    actions: {
      startEdit: (id, field) => void this.startEdit(id, field),
      startNew: (parentId, relation, afterId) => void this.startNew(parentId, relation, afterId),
      showHelp: () => void this.shortcutsEl?.open(),
      openMenu: () => this.menu.openAtRow(this.ui.selectedId),
      focusSearch: () => this.searchEl?.focusSearch(),
    },
    rateSelected: (value) => void this.commands.rate(this.raterName, value, this.currentRationale()),
    data: this.data,
    edits: this.edits,
    history: this.history,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Shortcuts work anywhere in the view (header included), and when nothing has focus at all.
    this.addEventListener('keydown', this.commands.onKeyDown);
    window.addEventListener('keydown', this.onPageKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.commands.onKeyDown);
    window.removeEventListener('keydown', this.onPageKeyDown);
  }

  /** Keys pressed with focus on the page itself (after a click on empty space, or on load). */
  private onPageKeyDown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0];
    if (target === document.body || target === document.documentElement) this.commands.onKeyDown(e);
  };

  /** The rationale the selected node's rating has now, so rating by digit keeps it. */
  private currentRationale(): string {
    const id = this.ui.selectedId;
    const mine = id ? this.data.derived?.ratingsByNode.get(id)?.find((r) => r.rater === this.raterName) : undefined;
    return mine?.rationale ?? '';
  }

  /** The tree element (for tests and keyboard focus). */
  get treeElement(): WarrantTree | undefined {
    return this.treeEl;
  }

  /** The map's editor (commands run through it). */
  get editor(): MapEditor | undefined {
    return this.history.editor;
  }

  private scrolledFor?: string;
  /** The toolbar's buttons (enabled or not) when its Tab stop was last set. */
  private toolsKey = '';
  /** Whether the phone's Actions menu is open. */
  @state() private toolsOpen = false;

  protected override updated(): void {
    // Undo and Redo enable and disable as the history changes: keep the toolbar one Tab stop.
    // Only when a button may have changed: the check reads layout (which buttons are shown), and
    // forcing it after every update (a search marking 1,000 rows) cost a 90 ms task at 4x.
    const tools = this.renderRoot.querySelector<HTMLElement>('.tools');
    const toolsKey = tools
      ? `${[...tools.querySelectorAll('button')].map((b) => `${b.disabled ? 0 : 1}${b.hidden ? 0 : 1}${b.className}`).join()}|${this.toolsOpen}|${innerWidth}`
      : '';
    if (toolsKey !== this.toolsKey) {
      this.toolsKey = toolsKey;
      syncToolbarTabStop(tools);
    }
    // Another node's details start at their top, not where the previous node's were scrolled to.
    if (this.ui.selectedId !== this.scrolledFor) {
      this.scrolledFor = this.ui.selectedId;
      const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
      if (panel && this.panel === 'node') panel.scrollTop = 0;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const mapChanged = changed.has('mapId');
    if ((mapChanged || changed.has('services')) && this.services && this.mapId) {
      this.history.connect(this.services, this.mapId);
    }
    this.data.sync(mapChanged);
    const settings = this.services?.evaluation;
    if (settings && this.data.derive({ settings, pending: this.edits.pending, perspective: this.ui.perspective })) {
      const bundle = this.data.bundle!;
      if (this.ui.loadedFor !== bundle.map.id) void this.ui.load(bundle).then(() => this.restoreDraft());
      this.afterDataChange();
    }
    this.search.sync();
    if (mapChanged) this.sheetOpen = false;
  }

  /** Keeps selection and editing valid when the map changed (here or in another tab). */
  private afterDataChange(): void {
    const tree = this.data.derived?.tree;
    if (!tree) return;
    this.history.focusIfArrived(tree);
    this.edits.dropIfGone(tree);
    this.edits.noticeOutsideChange(tree);
    if (this.ui.selectedId && !tree.byId.has(this.ui.selectedId) && !this.history.awaitingFocus) {
      this.ui.selectedId = tree.root.id;
    }
  }

  // ---- selection and focus ----

  private revealAndSelect(id: string): void {
    const tree = this.data.derived?.tree;
    if (tree) this.ui.reveal(tree, id);
  }

  private selectAndFocus(id: string): void {
    this.revealAndSelect(id);
    void this.updateComplete.then(() => this.treeEl?.focusSelected());
  }

  private onSelect = (e: CustomEvent<{ id: string }>): void => {
    const id = e.detail.id;
    // Jumping from the gap report or the sources list shows the node in the tree and its details.
    if (this.panel !== 'node' && e.target !== this.treeEl) this.panel = 'node';
    if (this.edits.session && id !== this.edits.session.id) void this.edits.finish('commit', { quiet: true });
    this.revealAndSelect(id);
    if (e.target !== this.treeEl) void this.updateComplete.then(() => this.treeEl?.focusSelected());
  };

  /** A wedge or box picked in a picture: select it (details follow); focus stays in the picture. */
  private onPictureSelect = (e: CustomEvent<PictureNodeDetail>): void => {
    const id = e.detail.id;
    if (this.panel !== 'node') this.panel = 'node';
    if (this.edits.session && id !== this.edits.session.id) void this.edits.finish('commit', { quiet: true });
    this.revealAndSelect(id);
  };

  /** "Open in tree" from a picture: back to the tree, at that node. */
  private onOpenInTree = (e: CustomEvent<PictureNodeDetail>): void => {
    this.viewMode = 'tree';
    this.panel = 'node';
    this.selectAndFocus(e.detail.id);
  };

  private chooseView = (mode: MapViewMode): void => {
    this.viewMode = mode;
  };

  private onToggle = (e: CustomEvent<{ ids: string[]; expanded: boolean }>): void =>
    this.ui.toggle(e.detail.ids, e.detail.expanded);

  private onOpen = (e: CustomEvent<{ id: string }>): void => {
    this.ui.selectedId = e.detail.id;
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusHeading());
  };

  private closeSheet(): void {
    this.sheetOpen = false;
    this.treeEl?.focusSelected();
  }

  private onDetailKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !this.edits.session) {
      e.preventDefault();
      this.closeSheet();
    }
  };

  // ---- commands ----

  /** Runs a command by id (buttons, menu, keys and tests all come here). */
  async run(id: string): Promise<void> {
    await this.commands.run(id);
  }

  private onMoveRequest = (e: CustomEvent<MoveRequestDetail>): void => void this.commands.move(e.detail);

  private get raterName(): string {
    return this.services?.authorName.trim() || 'me';
  }

  /** "Rate next": the walk rates under the rater's name, so it is asked for first. */
  private startGuided = async (): Promise<void> => {
    const name = await this.named();
    if (name) await this.guidedEl?.start(name);
  };

  private onRate = (e: CustomEvent<RateDetail>): void =>
    void this.named().then((name) => {
      if (name) {
        void this.commands.rate(name, e.detail.value, e.detail.rationale, e.detail.field ?? 'value', e.detail.nodeId);
      }
    });

  /**
   * The name work is filed under. With none kept yet, asks "Who are you?" first (the app keeps the
   * answer in Settings); undefined when the person would not say, and then nothing is written.
   */
  private async named(): Promise<string | undefined> {
    const kept = this.services?.authorName.trim();
    if (kept) return kept;
    const asked = await this.services?.askName?.();
    if (!asked) this.history.announce('Give your name first: your work is filed under it.', true);
    return asked;
  }

  /** Shows one person's work: their ratings as the perspective, the tree down to their nodes. */
  private onViewAs = (e: CustomEvent<{ person: string | undefined }>): void => {
    const person = e.detail.person;
    const tree = this.data.derived?.tree;
    this.ui.setPerspective(person ?? '');
    const ids =
      person && tree ? [...tree.byId.values()].filter((n) => n.author === person).map((n) => n.id) : undefined;
    this.search.setResults(tree, ids?.length ? ids : undefined, true);
  };

  private readonly anonymous = new AnonymousView();

  /** The anonymous version of the map (Student A, B ...), when anonymous mode is on. */
  private anonymousView(bundle: MapBundle): AnonymousMap | undefined {
    return this.anonymous.of(bundle, this.services?.anonymous);
  }

  /** The map as exports and the printout get it: without names in anonymous mode. */
  exportedBundle(): MapBundle | undefined {
    const b = this.data.derived?.bundle;
    return b && (this.anonymousView(b)?.shown ?? b);
  }

  private onAnnounce = (e: CustomEvent<{ text: string; error?: boolean; undo?: boolean }>): void => {
    this.history.announce(e.detail.text, e.detail.error === true, e.detail.undo === true);
  };

  private ensureSearchIndex = (): void => this.search.ensure();
  /** A node of the map as the view has it now (the search box's results show its current text). */
  private nodeOf = (id: string): ArgNode | undefined => this.data.derived?.tree.byId.get(id);

  /** Opens a dialog whose code loads on first use. */
  private async openLazy(which: 'export' | 'import'): Promise<void> {
    if (which === 'export') await import('./export-dialog.js');
    else await import('./import-dialog.js');
    await this.updateComplete;
    await (which === 'export' ? this.exportDialog : this.importDialog)?.open();
  }

  private onSearchChange = (e: CustomEvent<SearchChangeDetail>): void => {
    this.search.setResults(this.data.derived?.tree, e.detail.ids, e.detail.onlyMatches);
  };

  // ---- editing ----

  private async startEdit(id: string, field: 'text' | 'notes'): Promise<void> {
    if (!(await this.named())) return;
    const node = this.data.derived?.tree.byId.get(id);
    if (!node) return;
    this.edits.begin(node, field);
    this.showEditor(id);
  }

  private async startNew(parentId: string, relation: Relation, afterId?: string): Promise<void> {
    const author = await this.named();
    const tree = this.data.derived?.tree;
    if (!tree || !this.services || !author) return;
    const node = this.edits.beginNew(tree, { mapId: this.mapId, parentId, relation, afterId, author });
    this.ui.expanded = new Set([...this.ui.expanded, parentId]);
    this.showEditor(node.id);
  }

  /** Reopens the editor with typing the last visit did not get to save (see state/drafts.ts). */
  private restoreDraft(): void {
    const tree = this.data.derived?.tree;
    const restored = tree && this.edits.restoreDraft(tree);
    const id = tree && (this.edits.reopenAfterReload(tree) ?? restored);
    if (!id) return;
    if (tree.byId.get(id)?.parentId) this.ui.expanded = new Set([...this.ui.expanded, tree.byId.get(id)!.parentId!]);
    this.showEditor(id);
  }

  private showEditor(id: string): void {
    this.ui.selectedId = id;
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusEditor());
  }

  /** A passage of the essay becomes a new node with its verbatim quote, its text editor open. */
  private onQuoteNew = async (e: CustomEvent<QuoteNewDetail>): Promise<void> => {
    const { parentId, relation, quote, selector } = e.detail;
    // Starting a node may first ask "Who are you?": the quote goes on the node that then exists.
    await this.startNew(parentId, relation);
    const pending = this.edits.pending;
    if (!pending) return;
    pending.quote = quote;
    pending.origin = Origin.essay;
    void this.readingEl?.reading.remember(pending.id, selector);
    // On a phone the new node's editor is in the map tab.
    this.layout.tab = 'map';
  };

  /** An orphaned quote re-selected in the text, or dropped. */
  private onQuoteSet = async (e: CustomEvent<QuoteSetDetail>): Promise<void> => {
    const { id, quote, selector } = e.detail;
    if (!this.services) return;
    try {
      const before = this.data.derived?.tree.byId.get(id)?.quote;
      await setQuote(this.services.db, this.mapId, id, quote, before, now);
      if (quote && selector) await this.readingEl?.reading.remember(id, selector);
      this.history.announce(
        quote ? `The quote now reads “${quote.text}” (¶${quote.paragraph}).` : 'The quote was dropped.',
        false,
        true,
      );
    } catch (err) {
      this.history.announce(`The quote could not be saved: ${String(err)}`, true);
    }
  };

  private onDraft = (e: CustomEvent<DraftDetail>): void => this.edits.draft(e.detail.value);

  private onEditDone = (e: CustomEvent<EditDoneDetail>): void => {
    if (this.edits.session) this.edits.session.draft = e.detail.value;
    void this.edits.finish(e.detail.action);
  };

  private selectPanel = (id: PanelId, focus: boolean): void => {
    // The class panel's code loads on first use (the initial load stays small).
    if (id === 'class') void import('./class-panel.js');
    this.panel = id;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus());
  };

  // ---- rendering ----

  override render() {
    const { loadError, loading, bundle, derived, structureError } = this.data;
    if (loadError) {
      return html`<div class="error" role="alert">This map could not be read from storage: ${String(loadError)}</div>`;
    }
    if (loading) return html`<p class="message muted" role="status">Opening the map…</p>`;
    if (!bundle) {
      return html`<div class="message">
        <p>This map does not exist (it may have been deleted).</p>
        <a href="#/">Back to all maps</a>
      </div>`;
    }
    if (structureError || !derived) {
      return html`<div class="error" role="alert">This map's tree is damaged: ${structureError}</div>`;
    }
    return html`
      ${this.renderHeader(derived, bundle)} ${this.renderMain(derived, bundle)} ${this.renderNotice()}
      <warrant-shortcuts></warrant-shortcuts>
      <warrant-guided-rating
        .tree=${derived.tree}
        .ratings=${bundle.ratings}
        .thesis=${derived.evaluation.thesisInformed ? derived.evaluation.thesis : undefined}
        @warrant-rate=${this.onRate}
        @warrant-select=${this.onSelect}
      ></warrant-guided-rating>
      <warrant-export-dialog
        .bundle=${this.exportedBundle()}
        .evaluationSettings=${this.services!.evaluation}
        .perspective=${this.ui.perspective}
      ></warrant-export-dialog>
      <warrant-import-dialog .currentMapId=${this.mapId} .currentMapTitle=${bundle.map.title}></warrant-import-dialog>
      <warrant-print-outline
        .bundle=${this.exportedBundle()}
        .evaluationSettings=${this.services!.evaluation}
        .perspective=${this.ui.perspective}
      ></warrant-print-outline>
    `;
  }

  /** The header: the map's title and document, the thesis's standing, the actions, the notice. */
  private renderHeader(d: Derived, bundle: MapBundle): TemplateResult {
    return html`<header>
      <div class="head-row">
        ${mapHeading(bundle.map)}
        ${thesisStanding(d, {
          semanticsLabel: SEMANTICS_LABELS[this.services!.evaluation.semantics],
          perspective: this.ui.perspective,
          onPerspective: (value) => this.ui.setPerspective(value),
          shown: (name) => this.anonymousView(bundle)?.names.get(name) ?? name,
        })}
        ${this.renderHeaderActions()}
      </div>
    </header>`;
  }

  /**
   * The one polite live region for outcomes and errors: it floats over the bottom of the view, so
   * a message never pushes the map down, and it is always in the DOM, so screen readers hear it.
   */
  private renderNotice(): TemplateResult {
    const notice = this.history.notice;
    return html`<div
      class="notice-region ${notice ? 'shown' : ''} ${notice?.error ? 'error' : ''}"
      role="status"
      aria-live="polite"
    >
      <div class="notice">
        ${
          notice
            ? html`<span>${notice.text}</span>${
                  notice.undo && this.history.undoStack?.canUndo
                    ? html`<button @click=${() => this.history.undo()}>Undo</button>`
                    : nothing
                }`
            : nothing
        }
      </div>
      ${
        notice?.error
          ? html`<button class="dismiss" @click=${() => this.history.dismiss()} aria-label="Dismiss this message">
              Dismiss
            </button>`
          : nothing
      }
    </div>`;
  }

  /** A phone's menu of actions closes once one is chosen (or on Escape). */
  private onToolsClick = (e: Event): void => {
    if ((e.target as Element).closest('button')) this.toolsOpen = false;
  };

  private onToolsKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.toolsOpen) {
      e.preventDefault();
      e.stopPropagation();
      this.toolsOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.tools-toggle')?.focus();
      return;
    }
    onToolbarKeyDown(e);
  };

  /** The header's toolbar: history, export, import, print, help. New header actions go here. */
  private renderHeaderActions(): TemplateResult {
    const stack = this.history.undoStack;
    // On phones the actions fold into a menu button, so the header stays small; wider screens
    // show the toolbar itself and never see the button.
    return html`<button
        class="tools-toggle"
        aria-expanded=${this.toolsOpen ? 'true' : 'false'}
        aria-controls="tools"
        @click=${() => (this.toolsOpen = !this.toolsOpen)}
      >
        Actions
      </button>
      <div
        id="tools"
        class="tools ${this.toolsOpen ? 'open' : ''}"
        @click=${this.onToolsClick}
        role="toolbar"
        aria-label="Map actions"
        @keydown=${this.onToolsKeyDown}
        @focusin=${onToolbarFocusIn}
      >
        <button
          ?disabled=${!stack?.canUndo}
          @click=${() => this.history.undo()}
          title=${stack?.undoLabel ? `Undo ${stack.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        >
          Undo<span class="sr-only">${stack?.undoLabel ? ` ${stack.undoLabel}` : ''}</span>
        </button>
        <button
          ?disabled=${!stack?.canRedo}
          @click=${() => this.history.redo()}
          title=${stack?.redoLabel ? `Redo ${stack.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          Redo<span class="sr-only">${stack?.redoLabel ? ` ${stack.redoLabel}` : ''}</span>
        </button>
        <button
          class="essay-toggle"
          aria-pressed=${this.layout.open ? 'true' : 'false'}
          title="Read the essay beside the map (a teacher loads it once: .txt, .md, .html or pasted)"
          @click=${() => this.layout.toggle()}
        >
          ${this.layout.hasDocument === false ? 'Load the essay' : 'Essay'}
        </button>
        <button
          class="rate-next"
          title="Rate the points you have not rated, one by one, from the keyboard"
          @click=${() => void this.startGuided()}
        >
          Rate next
        </button>
        <button @click=${() => void this.openLazy('export')}>Export…</button>
        <button @click=${() => void this.openLazy('import')}>Import…</button>
        <button @click=${() => window.print()}>Print</button>
        <button
          @click=${() => void this.shortcutsEl?.open()}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>`;
  }

  /**
   * The area under the header: the tree column and the detail column. Events from every child
   * are wired here; another view of the map (or a third column) belongs inside this element.
   */
  private renderMain(d: Derived, bundle: MapBundle): TemplateResult {
    const reading = this.layout.open;
    return html`<div
      class="body ${reading ? `reading tab-${this.layout.tab}` : ''}"
      @warrant-quote-new=${this.onQuoteNew}
      @warrant-quote-set=${this.onQuoteSet}
      @warrant-select=${this.onSelect}
      @warrant-toggle=${this.onToggle}
      @warrant-open=${this.onOpen}
      @warrant-move-request=${this.onMoveRequest}
      @warrant-menu-run=${this.menu.onRun}
      @warrant-menu-close=${this.menu.onClose}
      @warrant-draft=${this.onDraft}
      @warrant-edit-done=${this.onEditDone}
      @warrant-rate=${this.onRate}
      @warrant-announce=${this.onAnnounce}
      @contextmenu=${this.menu.onContextMenu}
    >
      ${reading ? this.layout.tabs() : nothing}
      ${
        reading
          ? html`<warrant-reading-pane
                id="essay-pane"
                .mapId=${this.mapId}
                .tree=${d.tree}
                .nodes=${bundle.nodes}
                .selectedId=${this.ui.selectedId}
              ></warrant-reading-pane>
              ${this.layout.splitter('essay', 'essay-pane')}`
          : nothing
      }
      ${this.renderTreeColumn(d, bundle)} ${reading ? this.layout.splitter('detail', 'details') : nothing}
      <section
        id="details"
        class="detail ${this.sheetOpen ? 'open' : ''}"
        aria-label="Details"
        @keydown=${this.onDetailKeyDown}
      >
        <div class="detail-bar"><button @click=${this.closeSheet}>Close</button></div>
        ${panelTabs(this.panel, this.selectPanel)}
        <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.panel}">
          ${this.renderPanel(d, bundle)}
        </div>
      </section>
      ${this.menu.render()}
    </div>`;
  }

  /**
   * The left column: the view switcher over the search box and the argument tree, or over a
   * picture of the map. The tree stays mounted (hidden) under a picture, so its scroll position
   * and focus logic are there on the way back.
   */
  private renderTreeColumn(d: Derived, bundle: MapBundle): TemplateResult {
    const mode = this.viewMode;
    return html`<div class="left" id="map-column">
      ${viewTabs(mode, this.chooseView)}
      <div
        class="tree-pane"
        ?hidden=${mode !== 'tree'}
        id=${mode === 'tree' ? 'view-panel' : nothing}
        role=${mode === 'tree' ? 'tabpanel' : nothing}
        aria-labelledby=${mode === 'tree' ? 'view-tab-tree' : nothing}
      >
        <warrant-search
          .index=${this.search.index}
          .version=${this.search.version}
          .lookup=${this.nodeOf}
          .raters=${this.anonymousView(bundle) ? [] : d.raters}
          @focusin=${this.ensureSearchIndex}
          @warrant-search-wanted=${this.ensureSearchIndex}
          @warrant-search-change=${this.onSearchChange}
        ></warrant-search>
        <warrant-tree
          .tree=${d.tree}
          .expanded=${this.search.withMatchAncestors(this.ui.expanded)}
          .only=${this.search.only}
          .matchIds=${this.search.matches}
          .selectedId=${this.ui.selectedId}
          .metaOf=${d.metaOf}
          .links=${bundle.links}
          .anonymousNames=${this.anonymousView(bundle)?.names}
          .cutId=${this.commands.cutId}
          label="Argument map: ${bundle.map.title}"
        ></warrant-tree>
      </div>
      ${
        mode === 'tree'
          ? nothing
          : html`<warrant-map-pictures
              id="view-panel"
              role="tabpanel"
              aria-labelledby="view-tab-${mode}"
              .derived=${d}
              .mode=${mode}
              .selectedId=${this.ui.selectedId}
              .mapTitle=${bundle.map.title}
              @warrant-select-node=${this.onPictureSelect}
              @warrant-open-in-tree=${this.onOpenInTree}
            ></warrant-map-pictures>`
      }
    </div>`;
  }

  /** What the right-hand panel shows: the selected node, the sources or the evidence gaps. */
  private renderPanel(d: Derived, bundle: MapBundle): TemplateResult {
    const perspective = this.ui.perspective;
    if (this.panel === 'gaps') {
      return html`<warrant-gap-report
        .tree=${d.tree}
        .citations=${bundle.citations}
        .evaluation=${d.evaluation}
        .base=${d.base}
        .perspectiveLabel=${perspective ?? 'everyone (mean)'}
      ></warrant-gap-report>`;
    }
    if (this.panel === 'class') {
      return html`<warrant-class-panel map-id=${this.mapId} @warrant-view-as=${this.onViewAs}></warrant-class-panel>`;
    }
    if (this.panel === 'sources') {
      return html`<warrant-sources-panel
        .editor=${this.history.editor}
        .sources=${d.bundle.sources}
        .citations=${d.bundle.citations}
        .nodes=${d.tree.byId}
      ></warrant-sources-panel>`;
    }
    const selected = this.ui.selectedId ? d.tree.byId.get(this.ui.selectedId) : undefined;
    const anon = this.anonymousView(bundle);
    const who = (name: string): string => anon?.names.get(name) ?? name;
    const ratings = (selected && d.ratingsByNode.get(selected.id)) ?? NO_ROWS;
    const session = this.edits.session;
    const actions = this.commands.buttons(selected);
    const editingHere = session && selected && session.id === selected.id ? session.field : undefined;
    return html`<warrant-node-detail
      .tree=${d.tree}
      .node=${anon && selected?.author !== undefined ? { ...selected, author: who(selected.author) } : selected}
      .allSources=${bundle.sources}
      .allCitations=${bundle.citations}
      .editor=${this.history.editor}
      .citations=${(selected && d.citationsByNode.get(selected.id)) ?? NO_ROWS}
      .ratings=${anon ? ratings.map((r) => ({ ...r, rater: who(r.rater) })) : ratings}
      .actions=${actions}
      .editing=${editingHere}
      ?isNew=${session?.isNew === true && editingHere !== undefined}
      .saveState=${this.edits.saveState}
      .problem=${this.edits.problem}
      .rater=${who(this.raterName)}
      .perspective=${perspective && who(perspective)}
    >
      <warrant-explanation
        slot="explanation"
        .tree=${d.tree}
        .evaluation=${d.evaluation}
        .base=${d.base}
        .nodeId=${selected && !session?.isNew ? selected.id : undefined}
        .semanticsLabel=${SEMANTICS_LABELS[this.services!.evaluation.semantics]}
      ></warrant-explanation>
    </warrant-node-detail>`;
  }
}
