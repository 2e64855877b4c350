/**
 * <warrant-map-view>: one map: its header, the argument tree and the detail panel of the
 * selected node. The element renders and wires; its state lives in reactive controllers from
 * state/: the map's rows (MapBundleController), the open editor (EditSessionController, EditFlow),
 * the search index (SearchController), the saved UI state (UiStateController), the editor, undo
 * stack and notice (MapHistoryController), the panes (MapPanesController) and the code loaded on
 * first use (LazyPartsController: the essay pane, the pictures and all panels but the selected
 * node's, so the first paint loads only the tree and its details). Seams for what grows here, as
 * template functions beside it: mapToolbar() (header buttons, map-toolbar.ts), treeColumn()
 * (map-columns.ts), panelBody() (the right-hand panel's tabs, map-detail.ts).
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { SEMANTICS_LABELS } from '../evaluation/index.js';
import type { ArgNode, MapBundle } from '../model/types.js';
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
import { mapHeading, mapStatus, thesisStanding } from './map-header.js';
import { panelTabs, type PanelId } from './map-panels.js';
import type { MapViewMode } from './view-tabs.js';
import type { PictureNodeDetail } from './picture-events.js';
import { mapViewStyles } from './map-view.styles.js';
import type { DraftDetail, EditDoneDetail } from './node-editor.js';
import type { RateDetail } from './rating.js';
import { baseStyles } from './shared-styles.js';
import './guided-rating.js';
import type { WarrantGuidedRating } from './guided-rating.js';
import type { MoveRequestDetail, WarrantTree } from './tree.js';
import type { WarrantNodeDetail } from './node-detail.js';
import './search-box.js';
import type { SearchChangeDetail, WarrantSearch } from './search-box.js';
import './tree.js';
import { ReadingLayout } from './reading-layout.js';
import { panelBody } from './map-detail.js';
import { mapDialogs, mapToolbar, noticeRegion, ToolbarTabStop } from './map-toolbar.js';
import { AuthorName } from '../state/author-name.js';
import { LazyPartsController } from '../state/lazy-parts.js';
import { MapPanesController } from '../state/map-panes.js';
import type { QuoteNewDetail, QuoteSetDetail, WarrantReadingPane } from './reading-pane.js';
import { QuoteActions } from '../state/quote-actions.js';
import { EditFlow } from '../state/edit-flow.js';
import { treeColumn } from './map-columns.js';
import { LAZY_PARTS, SOON, type LazyPart } from './map-parts.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-view': WarrantMapView;
  }
}

@customElement('warrant-map-view')
export class WarrantMapView extends LitElement {
  static override styles = [baseStyles, mapViewStyles];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  /** Id of the map to show. */
  @property({ attribute: 'map-id' }) mapId = '';

  /** The right-hand panel, the phone's sheet and menu, the tree or a picture. */
  private readonly panes = new MapPanesController<PanelId, MapViewMode>(
    this,
    { panel: 'node', mode: 'tree' },
    {
      leaveEditFor: (id) => {
        if (this.edits.session && id !== this.edits.session.id) void this.edits.finish('commit', { quiet: true });
      },
      editing: () => this.edits.session !== undefined,
      reveal: (id) => this.revealAndSelect(id),
      selectAndFocus: (id) => this.selectAndFocus(id),
      focusTree: () => void this.updateComplete.then(() => this.treeEl?.focusSelected()),
      select: (id) => (this.ui.selectedId = id),
      focusDetails: () => void this.updateComplete.then(() => this.detailEl?.focusHeading()),
      focusTab: (id) =>
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus()),
    },
  );

  @query('warrant-tree') private treeEl?: WarrantTree;
  @query('warrant-node-detail') private detailEl?: WarrantNodeDetail;
  @query('warrant-guided-rating') private guidedEl?: WarrantGuidedRating;
  @query('warrant-search') private searchEl?: WarrantSearch;
  @query('warrant-reading-pane') private readingEl?: WarrantReadingPane;

  /** The essay beside the map: open or not, its column widths, the phone's tab. */
  readonly layout = new ReadingLayout(this);

  /** The code of the essay pane, the pictures and the panels, loaded when first shown. */
  private readonly parts = new LazyPartsController<LazyPart>(this, LAZY_PARTS, () =>
    this.history.announce('This part of the app could not be loaded. Check the connection and try again.', true),
  );
  /** Who work is filed under ("Who are you?" on the first edit or rating). */
  private readonly author = new AuthorName(
    () => this.services,
    (text, error) => this.history.announce(text, error),
  );

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
  private readonly search = new SearchController(this, this.data);
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
      startEdit: (id, field) => void this.flow.startEdit(id, field),
      startNew: (parentId, relation, afterId) => void this.flow.startNew(parentId, relation, afterId),
      showHelp: () => void this.openLazy('shortcuts'),
      openMenu: () => this.menu.openAtRow(this.ui.selectedId),
      focusSearch: () => this.searchEl?.focusSearch(),
    },
    rateSelected: (value) => void this.commands.rate(this.author.rater, value, this.currentRationale()),
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
    const mine = id ? this.data.derived?.ratingsByNode.get(id)?.find((r) => r.rater === this.author.rater) : undefined;
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
  private readonly toolbarStop = new ToolbarTabStop();

  protected override updated(): void {
    const s = this.history.undoStack;
    this.toolbarStop.sync(this.renderRoot.querySelector('.tools'), [s?.canUndo, s?.canRedo, this.panes.toolsOpen]);
    // Another node's details start at their top, not where the previous node's were scrolled to.
    if (this.ui.selectedId !== this.scrolledFor) {
      this.scrolledFor = this.ui.selectedId;
      const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
      if (panel && this.panes.panel === 'node') panel.scrollTop = 0;
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
      if (this.ui.loadedFor !== bundle.map.id) void this.ui.load(bundle).then(() => this.flow.restoreDraft());
      this.afterDataChange();
    }
    this.search.sync();
    if (mapChanged) this.panes.mapChanged();
    if (this.layout.open) void this.parts.want('reading');
    if (this.panes.mode !== 'tree') void this.parts.want('pictures');
    if (this.panes.panel !== 'node') void this.parts.want(this.panes.panel);
    if (this.data.derived) for (const part of SOON) this.parts.wantSoon(part);
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

  private onSelect = (e: CustomEvent<{ id: string }>): void => this.panes.select(e.detail.id, e.target === this.treeEl);
  private onPictureSelect = (e: CustomEvent<PictureNodeDetail>): void => this.panes.pictureSelect(e.detail.id);
  private onOpenInTree = (e: CustomEvent<PictureNodeDetail>): void => this.panes.openInTree(e.detail.id);
  private onOpen = (e: CustomEvent<{ id: string }>): void => this.panes.open(e.detail.id);
  private onToggle = (e: CustomEvent<{ ids: string[]; expanded: boolean }>): void =>
    this.ui.toggle(e.detail.ids, e.detail.expanded);

  // ---- commands ----

  /** Runs a command by id (buttons, menu, keys and tests all come here). */
  async run(id: string): Promise<void> {
    await this.commands.run(id);
  }

  private onMoveRequest = (e: CustomEvent<MoveRequestDetail>): void => void this.commands.move(e.detail);

  /** "Rate next": the walk rates under the rater's name, so it is asked for first. */
  private startGuided = async (): Promise<void> => {
    const name = await this.author.named();
    if (name) await this.guidedEl?.start(name);
  };

  private onRate = (e: CustomEvent<RateDetail>): void =>
    void this.author.named().then((name) => {
      if (name) {
        void this.commands.rate(name, e.detail.value, e.detail.rationale, e.detail.field ?? 'value', e.detail.nodeId);
      }
    });

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

  /** Opens a dialog whose code loads on first use (or may still be on its way). */
  private async openLazy(which: 'export' | 'import' | 'shortcuts'): Promise<void> {
    await this.parts.want(which);
    await this.updateComplete;
    const tag = which === 'shortcuts' ? 'warrant-shortcuts' : (`warrant-${which}-dialog` as const);
    await this.renderRoot.querySelector(tag)?.open();
  }

  private onSearchChange = (e: CustomEvent<SearchChangeDetail>): void => {
    this.search.setResults(this.data.derived?.tree, e.detail.ids, e.detail.onlyMatches);
  };

  // ---- editing ----

  private readonly flow = new EditFlow(this.edits, {
    named: () => this.author.named(),
    tree: () => this.data.derived?.tree,
    mapId: () => this.mapId,
    expand: (id) => (this.ui.expanded = new Set([...this.ui.expanded, id])),
    showEditor: (id) => {
      this.ui.selectedId = id;
      this.panes.showSheet();
      void this.updateComplete.then(() => this.detailEl?.focusEditor());
    },
  });

  private readonly quotes = new QuoteActions({
    services: () => this.services,
    mapId: () => this.mapId,
    startNew: (parentId, relation) => this.flow.startNew(parentId, relation),
    pending: () => this.edits.pending,
    quoteOf: (id) => this.data.derived?.tree.byId.get(id)?.quote,
    remember: (id, selector) => this.readingEl?.reading.remember(id, selector),
    announce: (text, error, undo) => this.history.announce(text, error, undo),
    showMap: () => (this.layout.tab = 'map'),
  });

  private onQuoteNew = (e: CustomEvent<QuoteNewDetail>): void => {
    const { parentId, relation, quote, selector } = e.detail;
    void this.quotes.newFromQuote(parentId, relation, quote, selector);
  };

  private onQuoteSet = (e: CustomEvent<QuoteSetDetail>): void =>
    void this.quotes.setQuote(e.detail.id, e.detail.quote, e.detail.selector);

  private onDraft = (e: CustomEvent<DraftDetail>): void => this.edits.draft(e.detail.value);

  private onEditDone = (e: CustomEvent<EditDoneDetail>): void => {
    if (this.edits.session) this.edits.session.draft = e.detail.value;
    void this.edits.finish(e.detail.action);
  };

  // ---- rendering ----

  override render() {
    const { loadError, loading, bundle, derived, structureError } = this.data;
    if (loadError || loading || !bundle || structureError || !derived) return mapStatus(this.data);
    return html`
      ${this.renderHeader(derived, bundle)} ${this.renderMain(derived, bundle)}
      ${noticeRegion(
        this.history.notice,
        this.history.undoStack?.canUndo === true,
        () => this.history.undo(),
        () => this.history.dismiss(),
      )}
      ${mapDialogs({
        exported: this.exportedBundle(),
        settings: this.services!.evaluation,
        perspective: this.ui.perspective,
        map: bundle.map,
        derived,
        ratings: bundle.ratings,
        onRate: this.onRate,
        onSelect: this.onSelect,
      })}
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
        ${mapToolbar({
          stack: this.history.undoStack,
          toolsOpen: this.panes.toolsOpen,
          setToolsOpen: this.panes.setToolsOpen,
          essayOpen: this.layout.open,
          essayLabel: this.layout.hasDocument === false ? 'Load the essay' : 'Essay',
          toggleEssay: () => this.layout.toggle(),
          rateNext: () => void this.startGuided(),
          undo: () => this.history.undo(),
          redo: () => this.history.redo(),
          exportMap: () => void this.openLazy('export'),
          importMap: () => void this.openLazy('import'),
          showShortcuts: () => void this.openLazy('shortcuts'),
        })}
      </div>
    </header>`;
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
      ${treeColumn({
        mode: this.panes.mode,
        chooseView: this.panes.chooseView,
        derived: d,
        bundle,
        search: this.search,
        raters: this.anonymousView(bundle) ? [] : d.raters,
        expanded: this.ui.expanded,
        selectedId: this.ui.selectedId,
        cutId: this.commands.cutId,
        anonymousNames: this.anonymousView(bundle)?.names,
        ensureSearchIndex: this.ensureSearchIndex,
        lookup: this.nodeOf,
        onSearchChange: this.onSearchChange,
        onPictureSelect: this.onPictureSelect,
        onOpenInTree: this.onOpenInTree,
      })}
      ${reading ? this.layout.splitter('detail', 'details') : nothing}
      <section
        id="details"
        class="detail ${this.panes.sheetOpen ? 'open' : ''}"
        aria-label="Details"
        @keydown=${this.panes.onDetailKeyDown}
      >
        <div class="detail-bar"><button @click=${this.panes.closeSheet}>Close</button></div>
        ${panelTabs(this.panes.panel, this.panes.selectPanel)}
        <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.panes.panel}">
          ${panelBody({
            panel: this.panes.panel,
            mapId: this.mapId,
            derived: d,
            bundle,
            selectedId: this.ui.selectedId,
            perspective: this.ui.perspective,
            anonymous: this.anonymousView(bundle),
            editor: this.history.editor,
            settings: this.services!.evaluation,
            session: this.edits.session,
            saveState: this.edits.saveState,
            problem: this.edits.problem,
            rater: this.author.rater,
            actions: (node) => this.commands.buttons(node),
            onViewAs: this.onViewAs,
          })}
        </div>
      </section>
      ${this.menu.render()}
    </div>`;
  }
}
