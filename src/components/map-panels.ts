/**
 * The map view's right-hand panels: which there are, and their tab bar (WAI-ARIA tabs pattern
 * with automatic activation: arrow keys move between tabs and show their panel). A new panel is
 * one more entry in PANELS and one more branch in the view's renderPanel().
 */
import { html, type TemplateResult } from 'lit';

/** The right-hand panel's tabs, in order. */
const PANELS = [
  { id: 'node', label: 'Selected node' },
  { id: 'sources', label: 'Sources' },
  { id: 'gaps', label: 'Evidence gaps' },
  { id: 'class', label: 'Class' },
] as const;

/** A panel's id. */
export type PanelId = (typeof PANELS)[number]['id'];

/**
 * The tab bar. `select` gets the chosen panel, and `focus` true when the tab was chosen with the
 * keyboard (focus then follows to the new tab once it is rendered).
 */
export function panelTabs(current: PanelId, select: (id: PanelId, focus: boolean) => void): TemplateResult {
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = PANELS.findIndex((p) => p.id === current);
    const step = e.key === 'ArrowRight' ? 1 : PANELS.length - 1;
    select(PANELS[(i + step) % PANELS.length]!.id, true);
  };
  return html`<div class="tabs" role="tablist" aria-label="Panels" @keydown=${onKey}>
    ${PANELS.map(
      ({ id, label }) =>
        html`<button
          role="tab"
          id="tab-${id}"
          aria-controls="panel"
          aria-selected=${current === id ? 'true' : 'false'}
          tabindex=${current === id ? 0 : -1}
          @click=${() => select(id, false)}
        >
          ${label}
        </button>`,
    )}
  </div>`;
}
