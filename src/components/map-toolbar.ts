/**
 * The map view's header toolbar (history, essay, export, import, print, help; folded into an
 * "Actions" menu on phones), the dialogs and printout its buttons open, and its notice region,
 * as template functions rendered into the
 * view's own shadow root (its styles and tests see them), taking what they show as arguments.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EvaluationSettings } from '../evaluation/index.js';
import type { ArgumentMap, MapBundle } from '../model/types.js';
import type { Derived } from '../state/derive.js';
import type { Notice } from '../state/map-history.js';
import type { RateDetail } from './rating.js';
import type { UndoStack } from '../state/undo.js';
import { onToolbarFocusIn, onToolbarKeyDown, syncToolbarTabStop } from './roving-toolbar.js';

/** What the toolbar shows and does. */
export interface ToolbarOptions {
  stack: UndoStack | undefined;
  /** Whether the phone's Actions menu is open. */
  toolsOpen: boolean;
  setToolsOpen(open: boolean): void;
  /** Whether the essay pane is open. */
  essayOpen: boolean;
  /** The essay button's label ('Load the essay' while the map has none). */
  essayLabel: string;
  toggleEssay(): void;
  /** Starts "Rate next", the walk through the points not rated yet. */
  rateNext(): void;
  undo(): void;
  redo(): void;
  exportMap(): void;
  importMap(): void;
  showShortcuts(): void;
}

/** The header's toolbar. New header actions go here. */
export function mapToolbar(o: ToolbarOptions): TemplateResult {
  const { stack } = o;
  // A phone's menu of actions closes once one is chosen (or on Escape).
  const onClick = (e: Event): void => {
    if ((e.target as Element).closest('button')) o.setToolsOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && o.toolsOpen) {
      e.preventDefault();
      e.stopPropagation();
      o.setToolsOpen(false);
      const root = (e.currentTarget as HTMLElement).getRootNode() as ParentNode;
      root.querySelector<HTMLElement>('.tools-toggle')?.focus();
      return;
    }
    onToolbarKeyDown(e);
  };
  // On phones the actions fold into a menu button, so the header stays small; wider screens
  // show the toolbar itself and never see the button.
  return html`<button
      class="tools-toggle"
      aria-expanded=${o.toolsOpen ? 'true' : 'false'}
      aria-controls="tools"
      @click=${() => o.setToolsOpen(!o.toolsOpen)}
    >
      Actions
    </button>
    <div
      id="tools"
      class="tools ${o.toolsOpen ? 'open' : ''}"
      @click=${onClick}
      role="toolbar"
      aria-label="Map actions"
      @keydown=${onKeyDown}
      @focusin=${onToolbarFocusIn}
    >
      <button
        ?disabled=${!stack?.canUndo}
        @click=${o.undo}
        title=${stack?.undoLabel ? `Undo ${stack.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        Undo<span class="sr-only">${stack?.undoLabel ? ` ${stack.undoLabel}` : ''}</span>
      </button>
      <button
        ?disabled=${!stack?.canRedo}
        @click=${o.redo}
        title=${stack?.redoLabel ? `Redo ${stack.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        Redo<span class="sr-only">${stack?.redoLabel ? ` ${stack.redoLabel}` : ''}</span>
      </button>
      <button
        class="essay-toggle"
        aria-pressed=${o.essayOpen ? 'true' : 'false'}
        title="Read the essay beside the map (a teacher loads it once: .txt, .md, .html or pasted)"
        @click=${o.toggleEssay}
      >
        ${o.essayLabel}
      </button>
      <button
        class="rate-next"
        title="Rate the points you have not rated, one by one, from the keyboard"
        @click=${o.rateNext}
      >
        Rate next
      </button>
      <button @click=${o.exportMap}>Export…</button>
      <button @click=${o.importMap}>Import…</button>
      <button @click=${() => window.print()}>Print</button>
      <button @click=${o.showShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
    </div>`;
}

/**
 * The one polite live region for outcomes and errors: it floats over the bottom of the view, so
 * a message never pushes the map down, and it is always in the DOM, so screen readers hear it.
 */
export function noticeRegion(
  notice: Notice | undefined,
  canUndo: boolean,
  undo: () => void,
  dismiss: () => void,
): TemplateResult {
  return html`<div
    class="notice-region ${notice ? 'shown' : ''} ${notice?.error ? 'error' : ''}"
    role="status"
    aria-live="polite"
  >
    <div class="notice">
      ${
        notice
          ? html`<span>${notice.text}</span>${
                notice.undo && canUndo ? html`<button @click=${undo}>Undo</button>` : nothing
              }`
          : nothing
      }
    </div>
    ${
      notice?.error
        ? html`<button class="dismiss" @click=${dismiss} aria-label="Dismiss this message">Dismiss</button>`
        : nothing
    }
  </div>`;
}

/** What the dialogs show. */
export interface DialogOptions {
  /** The map as exports and the printout get it (without names in anonymous mode). */
  exported: MapBundle | undefined;
  settings: EvaluationSettings;
  perspective: string | undefined;
  map: ArgumentMap;
  derived: Derived;
  ratings: MapBundle['ratings'];
  onRate(e: CustomEvent<RateDetail>): void;
  onSelect(e: CustomEvent<{ id: string }>): void;
}

/**
 * The dialogs the toolbar opens ("Rate next" after the shortcuts) and the printout (shown only
 * when printing): their code loads on first use or once the page is idle; the elements upgrade
 * when it arrives.
 */
export function mapDialogs(o: DialogOptions): TemplateResult {
  const ev = o.derived.evaluation;
  return html`<warrant-shortcuts></warrant-shortcuts>
    <warrant-guided-rating
      .tree=${o.derived.tree}
      .ratings=${o.ratings}
      .thesis=${ev.thesisInformed ? ev.thesis : undefined}
      @warrant-rate=${o.onRate}
      @warrant-select=${o.onSelect}
    ></warrant-guided-rating>
    <warrant-export-dialog
      .bundle=${o.exported}
      .evaluationSettings=${o.settings}
      .perspective=${o.perspective}
    ></warrant-export-dialog>
    <warrant-import-dialog .currentMapId=${o.map.id} .currentMapTitle=${o.map.title}></warrant-import-dialog>
    <warrant-print-outline
      .bundle=${o.exported}
      .evaluationSettings=${o.settings}
      .perspective=${o.perspective}
    ></warrant-print-outline>`;
}

/**
 * Keeps the toolbar one Tab stop as Undo and Redo enable and disable. Only when something it
 * depends on changed: finding the buttons shown lays the page out, and doing that after every
 * update of the view (each rating, each keystroke) forced a layout each time.
 */
export class ToolbarTabStop {
  private syncedFor = '';

  /** `state`: what else the buttons shown depend on (the phone's menu open or not). */
  sync(toolbar: HTMLElement | null, state: readonly unknown[]): void {
    const buttons = toolbar ? [...toolbar.querySelectorAll('button')] : [];
    const key = `${!!toolbar}|${buttons.map((b) => `${+b.disabled}${+b.hidden}${b.className}`).join()}|${state.join('|')}|${innerWidth}`;
    if (key === this.syncedFor) return;
    this.syncedFor = key;
    syncToolbarTabStop(toolbar);
  }
}
