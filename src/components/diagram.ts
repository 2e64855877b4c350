/**
 * <warrant-diagram>: one branch as boxes and arrows (the branch's root on top, each point below
 * what it bears on), laid out by dagre, panned and zoomed with d3-zoom (mouse, touch, and keys:
 * + / - zoom, Shift+arrows pan, 0 fits). The boxes form one WAI-ARIA tree with a roving tab
 * stop: Up / Down go to the parent / first child, Left / Right to the siblings, Enter selects.
 * Supports and opposes differ by colour, by line style (solid / dashed arrows and box borders)
 * and by arrowhead shape.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { diagramMove, layoutDiagram, type DiagramLayout } from '../pictures/diagram-layout.js';
import { describeLabels, type MoveKey, type PictureInput } from '../pictures/picture-data.js';
import { saveBlob } from '../state/download.js';
import { diagramPrintPages, resetPan } from './diagram-print.js';
import { diagramDrawing } from './diagram-svg.js';
import './export-menu.js';
import { exportSvg, pictureFileName, svgToPng } from './picture-export.js';
import { legend } from './picture-legend.js';
import { nodeIdAt, pictureCard, pictureKeyDown } from './picture-nav.js';
import { pictureStyles } from './picture-styles.js';
import { baseStyles } from './shared-styles.js';
import { emitNode } from './picture-events.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-diagram': WarrantDiagram;
  }
}

const PAN_STEP = 80;
/** Shift+arrow pans the picture the other way, as if dragging it. */
const PAN: Readonly<Record<Exclude<MoveKey, 'Home' | 'End'>, [number, number]>> = {
  ArrowUp: [0, PAN_STEP],
  ArrowDown: [0, -PAN_STEP],
  ArrowLeft: [PAN_STEP, 0],
  ArrowRight: [-PAN_STEP, 0],
};
const ZOOM_STEP = 1.25;
/** Below this scale a fitted branch is unreadable: show it at READABLE_SCALE from its root instead. */
const MIN_FIT_SCALE = 0.5;
const READABLE_SCALE = 0.75;

@customElement('warrant-diagram')
export class WarrantDiagram extends LitElement {
  static override styles = [baseStyles, pictureStyles];

  /** The map (see state/picture-input.ts). A new object redraws. */
  @property({ attribute: false }) input?: PictureInput;
  /** The root of the branch drawn; the thesis when absent or unknown. */
  @property({ attribute: false }) rootId?: string;
  /** The node selected in the tree. */
  @property({ attribute: false }) selectedId?: string;
  /** The map's title, for the picture's title and file names. */
  @property({ attribute: false }) mapTitle = '';
  /** Most boxes drawn before the branch is cut to its top levels. */
  @property({ attribute: false }) limit?: number;

  @state() private activeId?: string;
  @state() private hoverId?: string;
  @state() private focusInside = false;

  /** The current layout (tests and the bench read it). */
  layout?: DiagramLayout;
  private zoomer?: ZoomBehavior<HTMLElement, unknown>;
  private transform: ZoomTransform = zoomIdentity;
  private moveFocus = false;
  private fitPending = true;
  private printRoot: HTMLElement | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearPrint();
    window.removeEventListener('afterprint', this.clearPrint);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.input) return;
    if (!this.layout || changed.has('input') || changed.has('rootId') || changed.has('limit')) {
      const previousRoot = this.layout?.rootId;
      this.layout = layoutDiagram(this.input, this.rootId ?? this.input.tree.root.id, this.limit);
      if (this.layout.rootId !== previousRoot) this.fitPending = true;
    }
    const layout = this.layout;
    if (changed.has('selectedId') && this.selectedId && layout.byId.has(this.selectedId) && !this.focusInside) {
      this.activeId = this.selectedId;
    }
    if (!this.activeId || !layout.byId.has(this.activeId)) {
      this.activeId = this.selectedId && layout.byId.has(this.selectedId) ? this.selectedId : layout.rootId;
    }
  }

  protected override firstUpdated(): void {
    const stage = this.stageEl();
    if (!stage) return;
    this.zoomer = zoom<HTMLElement, unknown>()
      .scaleExtent([0.1, 4])
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.transform = e.transform;
        // An attribute, not a style: the Content-Security-Policy allows no inline styles.
        // A CSS transform of the drawing's own compositor layer: panning and zooming move pixels
        // already painted instead of painting 300 boxes again on every wheel step. Set through
        // the CSSOM (the Content-Security-Policy allows no style= attribute).
        const canvas = this.renderRoot.querySelector<HTMLElement>('.canvas');
        if (canvas) canvas.style.transform = `translate(${e.transform.x}px,${e.transform.y}px) scale(${e.transform.k})`;
        this.sharpenLater();
      });
    select(stage).call(this.zoomer).on('dblclick.zoom', null);
  }

  protected override updated(): void {
    if (this.fitPending && this.layout && this.stageEl()?.clientWidth) {
      this.fitPending = false;
      this.fit();
    }
    if (this.moveFocus) {
      this.moveFocus = false;
      const el = this.boxEl(this.activeId);
      el?.focus({ preventScroll: true });
      this.reveal(this.activeId);
    }
  }

  private stageEl(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.stage');
  }

  private sharpenTimer = 0;

  /**
   * A layer scaled up is drawn from its old pixels (blurred); once the zooming stops, drop the
   * layer for a frame so the browser paints it again at the new scale.
   */
  private sharpenLater(): void {
    clearTimeout(this.sharpenTimer);
    this.sharpenTimer = window.setTimeout(() => {
      const canvas = this.renderRoot.querySelector<HTMLElement>('.canvas');
      if (!canvas) return;
      canvas.classList.add('still');
      requestAnimationFrame(() => requestAnimationFrame(() => canvas.classList.remove('still')));
    }, 200);
  }

  private svgEl(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('svg.picture');
  }

  private boxEl(id: string | undefined): SVGElement | null {
    if (!id) return null;
    return this.renderRoot.querySelector<SVGElement>(`[role=treeitem][data-id="${CSS.escape(id)}"]`);
  }

  /**
   * Scales and centres the whole branch in view (never above full size). A branch too wide to
   * read whole starts at a readable size with its root at the top middle, to be panned round.
   */
  fit(): void {
    const stage = this.stageEl();
    const layout = this.layout;
    if (!stage || !layout || !this.zoomer) return;
    const w = stage.clientWidth;
    const h = stage.clientHeight;
    if (!w || !h) return;
    let k = Math.min(1, w / layout.width, h / layout.height);
    let t = zoomIdentity.translate((w - layout.width * k) / 2, Math.max(0, (h - layout.height * k) / 2)).scale(k);
    if (k < MIN_FIT_SCALE) {
      k = READABLE_SCALE;
      const root = layout.byId.get(layout.rootId)!;
      t = zoomIdentity.translate(w / 2 - (root.x + root.width / 2) * k, 8).scale(k);
    }
    select(stage).call(this.zoomer.transform, t);
  }

  /** Zooms by `factor` about the middle of the view. */
  zoomBy(factor: number): void {
    const stage = this.stageEl();
    if (stage && this.zoomer) select(stage).call(this.zoomer.scaleBy, factor);
  }

  /** Pans by (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    const stage = this.stageEl();
    if (stage && this.zoomer) select(stage).call(this.zoomer.translateBy, dx / this.transform.k, dy / this.transform.k);
  }

  /** Pans just enough to bring box `id` into view. */
  private reveal(id: string | undefined): void {
    const box = this.layout?.byId.get(id ?? '');
    const stage = this.stageEl();
    if (!box || !stage) return;
    const t = this.transform;
    const [x0, y0] = t.apply([box.x, box.y]);
    const [x1, y1] = t.apply([box.x + box.width, box.y + box.height]);
    const w = stage.clientWidth;
    const h = stage.clientHeight;
    const m = 12;
    const dx = x0 < m ? m - x0 : x1 > w - m ? Math.max(w - m - x1, m - x0) : 0;
    const dy = y0 < m ? m - y0 : y1 > h - m ? Math.max(h - m - y1, m - y0) : 0;
    if (dx || dy) this.panBy(dx, dy);
  }

  /** Draws the branch under `id` and selects it. */
  showBranch(id: string): void {
    this.rootId = id;
    this.activeId = id;
    this.select(id);
  }

  private onDblClick(e: MouseEvent): void {
    const id = nodeIdAt(e);
    if (id && id !== this.layout?.rootId && this.layout?.childIds.has(id)) this.showBranch(id);
  }

  private select(id: string): void {
    this.activeId = id;
    emitNode(this, 'warrant-select-node', id);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const layout = this.layout;
    const id = this.activeId;
    if (!layout || !id) return;
    pictureKeyDown(e, {
      move: (key) => {
        this.activeId = diagramMove(layout, id, key);
        this.moveFocus = true;
      },
      pan: (key) => this.panBy(...PAN[key as keyof typeof PAN]),
      select: () => this.select(id),
      zoomIn: () => this.zoomBy(ZOOM_STEP),
      zoomOut: () => this.zoomBy(1 / ZOOM_STEP),
      fit: () => this.fit(),
    });
  }

  private onClick(e: MouseEvent): void {
    const id = nodeIdAt(e);
    if (id) this.select(id);
  }

  private onPointerOver(e: PointerEvent): void {
    // Not while dragging the picture round: the card would redraw at every box passed.
    if (e.buttons) return;
    const id = nodeIdAt(e);
    if (id !== this.hoverId) this.hoverId = id;
  }

  /** The whole branch as a standalone SVG file's text (at full size, whatever the pan and zoom). */
  svgText(): string {
    const svgEl = this.svgEl();
    const layout = this.layout;
    if (!svgEl || !layout) return '';
    return exportSvg(svgEl, { x: 0, y: 0, width: layout.width, height: layout.height }, resetPan);
  }

  /** The toolbar's Export menu. */
  private readonly exportItems = [
    { label: 'SVG picture', run: () => this.exportSvgFile() },
    { label: 'PNG picture', run: () => void this.exportPng() },
    { label: 'Print…', run: () => this.print() },
  ];

  private exportSvgFile(): void {
    saveBlob(pictureFileName(this.mapTitle, 'diagram', 'svg'), new Blob([this.svgText()], { type: 'image/svg+xml' }));
  }

  private async exportPng(): Promise<void> {
    const l = this.layout;
    if (!l) return;
    saveBlob(pictureFileName(this.mapTitle, 'diagram', 'png'), await svgToPng(this.svgText(), l.width, l.height));
  }

  /**
   * Builds the printed diagram at the end of <body> (see diagramPrintPages). Returns the print
   * root (tests look at it); removed after printing.
   */
  preparePrint(): HTMLElement | null {
    this.clearPrint();
    const layout = this.layout;
    const svgEl = this.svgEl();
    if (!layout || !svgEl) return null;
    const root = diagramPrintPages(svgEl, layout, this.mapTitle);
    document.body.append(root);
    this.printRoot = root;
    return root;
  }

  private clearPrint = (): void => {
    this.printRoot?.remove();
    this.printRoot = null;
  };

  private print(): void {
    this.preparePrint();
    window.addEventListener('afterprint', this.clearPrint, { once: true });
    window.print();
  }

  protected override render() {
    const layout = this.layout;
    if (!layout || !this.input) return html`<p class="description">Loading the picture…</p>`;
    const root = layout.byId.get(layout.rootId)!;
    const active = this.activeId;
    const shown = layout.byId.get(this.hoverId ?? '') ?? layout.byId.get(active ?? '');
    const title = `Diagram of the branch “${root.text.slice(0, 80)}”${this.mapTitle ? ` in “${this.mapTitle}”` : ''}`;
    const description = `${describeLabels(layout.boxes)} Arrows point from each point to what it supports (solid) or opposes (dashed).`;
    const parent = root.parentId ?? this.input.tree.byId.get(layout.rootId)?.parentId ?? null;
    return html`
      <div class="toolbar">
        <button ?disabled=${parent === null} @click=${() => parent && this.showBranch(parent)}>Up a level</button>
        <button
          ?disabled=${!active || active === layout.rootId || !layout.childIds.has(active)}
          @click=${() => active && this.showBranch(active)}
        >
          Draw this branch
        </button>
        <span class="grow"></span>
        <button aria-label="Zoom in" title="Zoom in (+)" @click=${() => this.zoomBy(ZOOM_STEP)}>+</button>
        <button aria-label="Zoom out" title="Zoom out (−)" @click=${() => this.zoomBy(1 / ZOOM_STEP)}>−</button>
        <button title="Fit the branch in view (0)" @click=${() => this.fit()}>Fit</button>
        <button ?disabled=${!active} @click=${() => active && emitNode(this, 'warrant-open-in-tree', active)}>
          Open in tree
        </button>
        <warrant-export-menu .items=${this.exportItems}></warrant-export-menu>
      </div>
      ${
        layout.cut
          ? html`<p class="notice" role="status">
              This branch is too large to draw whole (${layout.cut.total} nodes): showing the top
              ${layout.cut.levels === 1 ? 'level' : `${layout.cut.levels} levels`} (${layout.cut.shown} boxes). Pick a
              smaller branch, or use the tree for the rest.
            </p>`
          : nothing
      }
      <div class="main">
        <div class="stage">
          <div class="canvas">
            <svg
              class="picture"
              width=${layout.width}
              height=${layout.height}
              viewBox=${`0 0 ${layout.width} ${layout.height}`}
              aria-labelledby="dg-title dg-desc"
              @click=${this.onClick}
              @dblclick=${this.onDblClick}
              @pointerover=${this.onPointerOver}
              @pointerleave=${() => (this.hoverId = undefined)}
              @keydown=${this.onKeyDown}
              @focusin=${() => (this.focusInside = true)}
              @focusout=${() => (this.focusInside = false)}
            >
              <title id="dg-title">${title}</title>
              <desc id="dg-desc">${description}</desc>
              ${diagramDrawing(layout, { title, selectedId: this.selectedId, activeId: active, focusInside: this.focusInside })}
            </svg>
          </div>
        </div>
        <div class="side">
          ${pictureCard(shown, 'Pointed-at box')}
          <p class="description">
            ${description} Arrow keys move between boxes, Enter selects; + and − zoom, Shift+arrows pan, 0 fits.
          </p>
          ${legend('dg', true)}
        </div>
      </div>
    `;
  }
}
