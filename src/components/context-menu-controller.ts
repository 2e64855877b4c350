/**
 * Where the map view's context menu is open, and how it opens and closes: right-click on a row,
 * Shift+F10 or the Menu key at the selected row; focus goes into the menu and back to the tree.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MenuItem } from '../state/command-runner.js';
import type { WarrantCommandMenu } from './command-menu.js';
import type { WarrantTree } from './tree.js';

/** What the menu needs from the view. */
export interface ContextMenuView {
  tree(): WarrantTree | undefined;
  menu(): WarrantCommandMenu | undefined;
  items(): MenuItem[];
  /** Selects the row that was right-clicked. */
  select(id: string): void;
  run(id: string): Promise<void>;
  /** Whether an editor is open (the command opened one: focus stays there). */
  editing(): boolean;
}

/** The context menu of one map view. */
export class ContextMenuController implements ReactiveController {
  private at?: { x: number; y: number };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: ContextMenuView,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the menu under the selected row (or near the top left when it is not on screen). */
  openAtRow(id: string | undefined): void {
    const row = this.view.tree()?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id ?? '')}"]`);
    const box = row?.getBoundingClientRect();
    this.open(box ? box.left + 40 : 40, box ? box.bottom : 80);
  }

  private open(x: number, y: number): void {
    this.at = { x, y };
    this.host.requestUpdate();
    // The menu's code loads on first use (the view also loads it once the page is idle).
    void import('./command-menu.js').then(() => this.host.updateComplete).then(() => this.view.menu()?.focusFirst());
  }

  readonly onContextMenu = (e: MouseEvent): void => {
    const row = (e.composedPath() as HTMLElement[]).find((el) => el instanceof HTMLElement && el.dataset?.id);
    if (!row || !this.view.tree()?.shadowRoot?.contains(row)) return;
    e.preventDefault();
    this.view.select(row.dataset.id!);
    this.open(e.clientX, e.clientY);
  };

  readonly onRun = (e: CustomEvent<{ id: string }>): void => {
    const fromMenu = this.at !== undefined;
    this.close(false);
    void this.view.run(e.detail.id).then(() => {
      if (fromMenu && !this.view.editing()) this.view.tree()?.focusSelected();
    });
  };

  readonly onClose = (): void => this.close(true);

  private close(refocus: boolean): void {
    this.at = undefined;
    this.host.requestUpdate();
    if (refocus) this.view.tree()?.focusSelected();
  }

  /** The menu while it is open. */
  render(): TemplateResult | typeof nothing {
    const at = this.at;
    if (!at) return nothing;
    return html`<warrant-command-menu .items=${this.view.items()} .x=${at.x} .y=${at.y}></warrant-command-menu>`;
  }
}
