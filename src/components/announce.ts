/** `warrant-announce`: a message for screen readers (and the map view's notice line). */

/** A message for screen readers (and the map view's notice line). */
export interface AnnounceDetail {
  text: string;
  error: boolean;
  /** True when the change can be undone (the host may offer an Undo button beside it). */
  undo?: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'warrant-announce': CustomEvent<AnnounceDetail>;
  }
}

/** Dispatches `warrant-announce` from `el` (bubbles, composed). */
export function announce(el: HTMLElement, text: string, error = false, undo = false): void {
  const detail: AnnounceDetail = { text, error, ...(undo && { undo }) };
  el.dispatchEvent(new CustomEvent('warrant-announce', { detail, bubbles: true, composed: true }));
}
