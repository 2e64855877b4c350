/**
 * A reactive controller for what the map view shows where: the right-hand panel (the selected
 * node or another panel), the phone's detail sheet and its Actions menu, and whether the left
 * column shows the tree or a picture; and how selection moves between them (a jump from a panel
 * or a picture shows the node's details; "Open in tree" goes back to the tree).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the panes need of the map view. */
export interface PanesView {
  /** Ends an open edit of another node than `id` (kept, quietly). */
  leaveEditFor(id: string): void;
  /** Whether an editor is open. */
  editing(): boolean;
  /** Selects `id` (expanding the way to it). */
  reveal(id: string): void;
  /** Selects `id` and moves focus to its row. */
  selectAndFocus(id: string): void;
  /** Moves focus to the tree's selected row, once rendered. */
  focusTree(): void;
  /** Selects `id` as it is (it is on screen). */
  select(id: string): void;
  /** Moves focus to the details' heading, once rendered. */
  focusDetails(): void;
  /** Moves focus to a panel's tab, once rendered. */
  focusTab(panel: string): void;
}

/** The panes of one map view; `Panel` and `Mode` are the view's panel ids and view modes. */
export class MapPanesController<Panel extends string, Mode extends string> implements ReactiveController {
  /** What the right-hand panel shows. */
  panel: Panel;
  /** How the left column shows the map: the tree, or one of the pictures. */
  mode: Mode;
  /** On narrow screens: whether the detail sheet is open. */
  sheetOpen = false;
  /** On narrow screens: whether the Actions menu is open. */
  toolsOpen = false;

  /** @param home the selected node's panel, and the tree's mode, which the view starts with */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly home: { panel: Panel; mode: Mode },
    private readonly view: PanesView,
  ) {
    host.addController(this);
    this.panel = home.panel;
    this.mode = home.mode;
  }

  hostConnected(): void {}

  private set(change: Partial<Pick<this, 'panel' | 'mode' | 'sheetOpen' | 'toolsOpen'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** Another map: the sheet starts closed. */
  mapChanged(): void {
    this.sheetOpen = false;
  }

  /** A node selected in the tree, or picked in a panel (then its details are shown and the tree focused). */
  select(id: string, fromTree: boolean): void {
    // Jumping from the gap report or the sources list shows the node in the tree and its details.
    if (this.panel !== this.home.panel && !fromTree) this.set({ panel: this.home.panel });
    this.view.leaveEditFor(id);
    this.view.reveal(id);
    if (!fromTree) this.view.focusTree();
  }

  /** A wedge or box picked in a picture: select it (details follow); focus stays in the picture. */
  pictureSelect(id: string): void {
    if (this.panel !== this.home.panel) this.set({ panel: this.home.panel });
    this.view.leaveEditFor(id);
    this.view.reveal(id);
  }

  /** "Open in tree" from a picture: back to the tree, at that node. */
  openInTree(id: string): void {
    this.set({ mode: this.home.mode, panel: this.home.panel });
    this.view.selectAndFocus(id);
  }

  readonly chooseView = (mode: Mode): void => this.set({ mode });

  /** A panel's tab chosen (`focus`: by keyboard, so focus follows to the tab). */
  readonly selectPanel = (panel: Panel, focus: boolean): void => {
    this.set({ panel });
    if (focus) this.view.focusTab(panel);
  };

  /** Opens a node's details (on a phone, the sheet). */
  open(id: string): void {
    this.view.select(id);
    this.set({ sheetOpen: true });
    this.view.focusDetails();
  }

  /** Shows the details sheet (an editor opened in it). */
  showSheet(): void {
    this.set({ sheetOpen: true });
  }

  readonly closeSheet = (): void => {
    this.set({ sheetOpen: false });
    this.view.focusTree();
  };

  readonly onDetailKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !this.view.editing()) {
      e.preventDefault();
      this.closeSheet();
    }
  };

  readonly setToolsOpen = (open: boolean): void => this.set({ toolsOpen: open });
}
