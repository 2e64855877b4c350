/**
 * The map view's layout when the essay is open: essay | tree | details on a wide screen, with
 * window splitters (WAI-ARIA: role=separator, aria-valuenow, arrow keys, Home/End, dragging), and
 * tabs "Essay" / "Map" on a phone. Widths are set through CSSOM custom properties on the host
 * (no style attributes: the CSP forbids them).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AppServices } from '../state/app-context.js';
import { mapHasDocument } from '../state/storage.js';

type Which = 'essay' | 'detail';

const LIMITS: Record<Which, { min: number; max: number; label: string }> = {
  essay: { min: 20, max: 60, label: 'Resize the essay column' },
  detail: { min: 18, max: 45, label: 'Resize the details column' },
};

/** The map view this layout serves: which map, in which database. */
type LayoutHost = ReactiveControllerHost & HTMLElement & { readonly mapId: string; readonly services?: AppServices };

/** Open/closed, the phone tab and the column widths (percent of the body). */
export class ReadingLayout implements ReactiveController {
  open = false;
  tab: 'essay' | 'map' = 'essay';
  widths: Record<Which, number> = { essay: 36, detail: 28 };
  /**
   * Whether the map has a document (undefined until known): a map without one offers "Load the
   * essay" in its header, so a teacher opening a new or imported map sees where the text goes.
   */
  hasDocument?: boolean;
  private checkedFor = '';

  constructor(private readonly host: LayoutHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.apply();
    this.host.addEventListener('warrant-document-change', this.onDocumentChange);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('warrant-document-change', this.onDocumentChange);
  }

  hostUpdate(): void {
    const db = this.host.services?.db;
    const key = db && this.host.mapId ? `${db.name}/${this.host.mapId}` : '';
    if (!db || key === this.checkedFor) return;
    this.checkedFor = key;
    this.hasDocument = undefined;
    void mapHasDocument(db, this.host.mapId).then(
      (has) => {
        if (this.checkedFor !== key) return;
        this.hasDocument = has;
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  private onDocumentChange = (e: CustomEvent<{ has: boolean }>): void => {
    this.hasDocument = e.detail.has;
    this.host.requestUpdate();
  };

  toggle(open = !this.open): void {
    this.open = open;
    if (open) this.tab = 'essay';
    this.host.requestUpdate();
  }

  private apply(): void {
    this.host.style.setProperty('--essay-w', `${this.widths.essay}%`);
    this.host.style.setProperty('--detail-w', `${this.widths.detail}%`);
  }

  /** Sets a width within its limits. */
  set(which: Which, value: number): void {
    const { min, max } = LIMITS[which];
    this.widths = { ...this.widths, [which]: Math.round(Math.max(min, Math.min(max, value))) };
    this.apply();
    this.host.requestUpdate();
  }

  private onKey(which: Which, e: KeyboardEvent): void {
    const now = this.widths[which];
    // The details splitter sits left of its column: moving it left widens the column.
    const sign = which === 'essay' ? 1 : -1;
    const step = e.shiftKey ? 10 : 2;
    const { min, max } = LIMITS[which];
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = now + sign * step;
    else if (e.key === 'ArrowLeft') next = now - sign * step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === undefined) return;
    e.preventDefault();
    this.set(which, next);
  }

  private onPointerDown(which: Which, e: PointerEvent): void {
    const bar = e.currentTarget as HTMLElement;
    const body = bar.parentElement;
    if (!body) return;
    bar.setPointerCapture(e.pointerId);
    const box = body.getBoundingClientRect();
    const move = (ev: PointerEvent): void => {
      const x = ((ev.clientX - box.left) / box.width) * 100;
      this.set(which, which === 'essay' ? x : 100 - x);
    };
    const up = (): void => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
  }

  /** A splitter between two columns. */
  splitter(which: Which, controls: string): TemplateResult {
    const { min, max, label } = LIMITS[which];
    return html`<div
      class="splitter ${which}"
      role="separator"
      tabindex="0"
      aria-orientation="vertical"
      aria-label=${label}
      aria-controls=${controls}
      aria-valuenow=${this.widths[which]}
      aria-valuemin=${min}
      aria-valuemax=${max}
      aria-valuetext="${this.widths[which]} percent"
      @keydown=${(e: KeyboardEvent) => this.onKey(which, e)}
      @pointerdown=${(e: PointerEvent) => this.onPointerDown(which, e)}
    ></div>`;
  }

  /** The phone's tabs: the essay or the map. */
  tabs(): TemplateResult {
    const tab = (id: 'essay' | 'map', label: string) =>
      html`<button
        role="tab"
        id="view-tab-${id}"
        aria-selected=${this.tab === id ? 'true' : 'false'}
        aria-controls=${id === 'essay' ? 'essay-pane' : 'map-column'}
        tabindex=${this.tab === id ? 0 : -1}
        @click=${() => ((this.tab = id), this.host.requestUpdate())}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          this.tab = this.tab === 'essay' ? 'map' : 'essay';
          this.host.requestUpdate();
          void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() =>
            (e.target as HTMLElement).parentElement?.querySelector<HTMLElement>(`#view-tab-${this.tab}`)?.focus(),
          );
        }}
      >
        ${label}
      </button>`;
    return html`<div class="reading-tabs" role="tablist" aria-label="Essay or map">
      ${tab('essay', 'Essay')}${tab('map', 'Map')}
    </div>`;
  }
}
