/**
 * What the sunburst and the diagram share in how they are used: the keys (arrows move between
 * boxes or wedges, Enter selects, + and - zoom), which node a pointer event is on, the hover card,
 * and the toolbar's Export menu that keeps the toolbar to one or two rows on a phone.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { KIND_LABELS } from '../model/types.js';
import { cardFacts, type MoveKey, type NodeLabel } from '../pictures/picture-data.js';

const MOVE_KEYS = new Set<string>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** What a picture does for each of its keys; `pan` and `fit` only where it pans (the diagram). */
export interface PictureKeyActions {
  move(key: MoveKey): void;
  select(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Shift+arrow: pans by a step the other way, as dragging the picture would. */
  pan?(key: MoveKey): void;
  /** 0: shows the whole picture. */
  fit?(): void;
}

/**
 * Handles a keydown inside a picture. Keys with Alt, Ctrl or Meta are left to the browser (Ctrl+
 * and Ctrl- zoom the page), as are keys the picture has no use for.
 */
export function pictureKeyDown(e: KeyboardEvent, actions: PictureKeyActions): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  let run: (() => void) | undefined;
  if (MOVE_KEYS.has(e.key)) {
    const key = e.key as MoveKey;
    const pan = actions.pan;
    run = e.shiftKey && pan && key.startsWith('Arrow') ? () => pan(key) : () => actions.move(key);
  } else if (e.key === 'Enter' || e.key === ' ') run = () => actions.select();
  else if (e.key === '+' || e.key === '=') run = () => actions.zoomIn();
  else if (e.key === '-' || e.key === '_') run = () => actions.zoomOut();
  else if (e.key === '0' && actions.fit) run = actions.fit.bind(actions);
  if (!run) return;
  e.preventDefault();
  run();
}

/** The id of the box or wedge an event happened on, if any. */
export function nodeIdAt(e: Event): string | undefined {
  return (e.target as Element).closest('[data-id]')?.getAttribute('data-id') ?? undefined;
}

/**
 * The card beside a picture: the pointed-at (or focused) node's kind, standing, marks and text.
 * Focusable, so a long text that scrolls inside it can be read from the keyboard too.
 */
export function pictureCard(shown: NodeLabel | undefined, label: string): TemplateResult {
  return html`<div class="card" tabindex="0" role="region" aria-label=${label}>
    ${
      shown
        ? html`<span class="kind">${KIND_LABELS[shown.kind]}</span> · ${cardFacts(shown)}<br />${shown.text}`
        : nothing
    }
  </div>`;
}
