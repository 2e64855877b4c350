/**
 * Drag and drop in <warrant-tree>: a row dragged onto another lands before it, after it, or under
 * it as a support or an objection, by where the pointer is. The tree listens once on its scroller
 * and hands the events here; the map view plans and runs the move (warrant-move-request).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MoveTarget } from '../model/edits.js';
import type { VisibleRow } from '../model/tree.js';
import type { ArgNode } from '../model/types.js';

/** Where a dragged node would land on a row. */
export type DropZone = 'before' | 'after' | 'supports' | 'opposes';

const DRAG_TYPE = 'application/x-warrant-node';

/** The zone of `row` under the pointer: top and bottom quarters beside it, the middle under it. */
function zoneAt(e: DragEvent, row: HTMLElement): DropZone {
  const box = row.getBoundingClientRect();
  const y = (e.clientY - box.top) / box.height;
  if (y < 0.25) return 'before';
  if (y > 0.75) return 'after';
  return e.clientX - box.left < box.width / 2 ? 'supports' : 'opposes';
}

/** What the drag controller needs of the tree. */
export interface DragHost extends ReactiveControllerHost, HTMLElement {
  /** The row an event happened in, and its element. */
  rowAt(e: Event): { el: HTMLElement; row: VisibleRow<ArgNode> } | undefined;
}

/** Tracks the node being dragged and the drop zone under the pointer; asks for the move on drop. */
export class TreeDragController implements ReactiveController {
  /** The row and zone a drop would land on, shown on that row. */
  dropOn?: { id: string; zone: DropZone };
  private dragId?: string;

  constructor(private readonly host: DragHost) {
    host.addController(this);
  }

  /** A drag cut short by the tree leaving the page leaves nothing behind. */
  hostDisconnected(): void {
    this.dragId = undefined;
    this.dropOn = undefined;
  }

  private setDropOn(next: { id: string; zone: DropZone } | undefined): void {
    if (next === this.dropOn) return;
    this.dropOn = next;
    this.host.requestUpdate();
  }

  readonly onDragStart = (e: DragEvent): void => {
    const node = this.host.rowAt(e)?.row.node;
    if (!node || node.parentId === null || !e.dataTransfer) return e.preventDefault();
    this.dragId = node.id;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, node.id);
    e.dataTransfer.setData('text/plain', node.text.slice(0, 200));
  };

  readonly onDragOver = (e: DragEvent): void => {
    if (!this.dragId || !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    const at = this.host.rowAt(e);
    if (!at) return;
    const { node } = at.row;
    e.preventDefault();
    let zone = zoneAt(e, at.el);
    // Nothing stands beside the thesis: dropping near its edges means "under it".
    if (node.parentId === null && (zone === 'before' || zone === 'after')) zone = 'supports';
    e.dataTransfer.dropEffect = 'move';
    if (this.dropOn?.id !== node.id || this.dropOn.zone !== zone) this.setDropOn({ id: node.id, zone });
  };

  readonly onDragLeave = (e: DragEvent): void => {
    if (this.host.rowAt(e)) this.setDropOn(undefined);
  };

  readonly onDrop = (e: DragEvent): void => {
    const node = this.host.rowAt(e)?.row.node;
    const id = e.dataTransfer?.getData(DRAG_TYPE) || this.dragId;
    const zone = this.dropOn?.zone;
    this.setDropOn(undefined);
    this.dragId = undefined;
    if (!node || !id || !zone) return;
    e.preventDefault();
    const target: MoveTarget =
      zone === 'before' || zone === 'after'
        ? { kind: zone, targetId: node.id }
        : { kind: 'child', targetId: node.id, relation: zone };
    this.host.dispatchEvent(
      new CustomEvent('warrant-move-request', { detail: { id, target }, bubbles: true, composed: true }),
    );
  };

  readonly onDragEnd = (): void => {
    this.dragId = undefined;
    this.setDropOn(undefined);
  };
}
