/**
 * The map view's switcher between the tree and the pictures of the map (Tree | Sunburst | Diagram).
 * Apart from <warrant-map-pictures>, so the tabs paint with the tree while the pictures' code
 * loads on first use.
 */
import { html, type TemplateResult } from 'lit';

/** The ways the map view can show a map. */
export const MapViewMode = { tree: 'tree', sunburst: 'sunburst', diagram: 'diagram' } as const;
export type MapViewMode = (typeof MapViewMode)[keyof typeof MapViewMode];

/** Tab labels of the view switcher, in order. */
const MAP_VIEW_MODES: ReadonlyArray<readonly [MapViewMode, string]> = [
  ['tree', 'Tree'],
  ['sunburst', 'Sunburst'],
  ['diagram', 'Diagram'],
];

/**
 * The view switcher (Tree | Sunburst | Diagram) as a WAI-ARIA tablist: one Tab stop, ←/→ and
 * Home/End move between the tabs and show them. Each tab controls the panel `view-panel`.
 */
export function viewTabs(mode: MapViewMode, choose: (mode: MapViewMode) => void): TemplateResult {
  const onKey = (e: KeyboardEvent): void => {
    const i = MAP_VIEW_MODES.findIndex(([m]) => m === mode);
    const n = MAP_VIEW_MODES.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    const [m] = MAP_VIEW_MODES[next]!;
    choose(m);
    const list = e.currentTarget as HTMLElement;
    void Promise.resolve().then(() => list.querySelector<HTMLElement>(`#view-tab-${m}`)?.focus());
  };
  return html`<div class="view-tabs" role="tablist" aria-label="Show the map as" @keydown=${onKey}>
    ${MAP_VIEW_MODES.map(
      ([m, label]) =>
        html`<button
          role="tab"
          id="view-tab-${m}"
          aria-controls="view-panel"
          aria-selected=${m === mode ? 'true' : 'false'}
          tabindex=${m === mode ? 0 : -1}
          @click=${() => choose(m)}
        >
          ${label}
        </button>`,
    )}
  </div>`;
}
