/** The events both pictures send up: typed, bubbling and composed, so the map view hears them. */

/** A node picked in a picture. */
export interface PictureNodeDetail {
  id: string;
}

declare global {
  interface HTMLElementEventMap {
    /** Select this node in the tree and details. */
    'warrant-select-node': CustomEvent<PictureNodeDetail>;
    /** Show this node in the tree (switch to the tree view). */
    'warrant-open-in-tree': CustomEvent<PictureNodeDetail>;
  }
}

/** Dispatches a bubbling, composed picture event from `from`. */
export function emitNode(from: HTMLElement, type: 'warrant-select-node' | 'warrant-open-in-tree', id: string): void {
  from.dispatchEvent(new CustomEvent<PictureNodeDetail>(type, { detail: { id }, bubbles: true, composed: true }));
}
