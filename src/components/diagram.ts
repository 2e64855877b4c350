/**
 * <warrant-diagram>: one branch as boxes and arrows (the branch's root on top, each point below
 * what it bears on), laid out by dagre, panned and zoomed with d3-zoom (mouse, touch, and keys:
 * + / - zoom, Shift+arrows pan, 0 fits). The boxes form one WAI-ARIA tree with a roving tab
 * stop: Up / Down go to the parent / first child, Left / Right to the siblings, Enter selects.
 * Supports and opposes differ by colour, by line style (solid / dashed arrows and box borders)
 * and by arrowhead shape.
 */
import { LitElement, html, svg, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { KIND_LABELS } from '../model/types.js';
import {
  BOX,
  diagramMove,
  layoutDiagram,
  printTiles,
  type DiagramKey,
  type DiagramLayout,
} from '../pictures/diagram-layout.js';
import {
  INK,
  MARK_INK,
  describeLabels,
  formatStanding,
  spokenLabel,
  type PictureInput,
} from '../pictures/picture-data.js';
import { saveBlob } from '../state/download.js';
import { exportSvg, pictureFileName, standaloneSvg, svgToPng } from './picture-export.js';
import { legend } from './picture-legend.js';
import { pictureStyles } from './picture-styles.js';
import { baseStyles } from './shared-styles.js';
import { emitNode } from './picture-events.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-diagram': WarrantDiagram;
  }
}

/** A picture file shows the whole branch, whatever the pan and zoom on screen. */
function resetPan(copy: SVGSVGElement): void {
  copy.querySelector('.viewport')?.removeAttribute('transform');
}

const MOVE_KEYS = new Set<string>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const PAN_STEP = 80;
const ZOOM_STEP = 1.25;
/** Below this scale a fitted branch is unreadable: show it at READABLE_SCALE from its root instead. */
const MIN_FIT_SCALE = 0.5;
const READABLE_SCALE = 0.75;
/** Class of the printed diagram's root in <body>; app.css prints it on A4 landscape pages. */
export const PRINT_DIAGRAM_CLASS = 'warrant-print-diagram';
/** A4 landscape, less the page margins of app.css (10 mm), in CSS px (96 per inch). */
const PAGE_PX = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((182 / 25.4) * 96) };

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
    const id = (e.target as Element).closest('[data-id]')?.getAttribute('data-id');
    if (id && id !== this.layout?.rootId && this.layout?.childIds.has(id)) this.showBranch(id);
  }

  private select(id: string): void {
    this.activeId = id;
    emitNode(this, 'warrant-select-node', id);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const layout = this.layout;
    const id = this.activeId;
    if (!layout || !id || e.altKey || e.ctrlKey || e.metaKey) return;
    if (MOVE_KEYS.has(e.key) && e.shiftKey && e.key.startsWith('Arrow')) {
      e.preventDefault();
      const d = {
        ArrowUp: [0, PAN_STEP],
        ArrowDown: [0, -PAN_STEP],
        ArrowLeft: [PAN_STEP, 0],
        ArrowRight: [-PAN_STEP, 0],
      }[e.key as 'ArrowUp']!;
      this.panBy(d[0]!, d[1]!);
    } else if (MOVE_KEYS.has(e.key)) {
      e.preventDefault();
      this.activeId = diagramMove(layout, id, e.key as DiagramKey);
      this.moveFocus = true;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select(id);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoomBy(ZOOM_STEP);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.zoomBy(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      e.preventDefault();
      this.fit();
    }
  }

  private onClick(e: MouseEvent): void {
    const id = (e.target as Element).closest('[data-id]')?.getAttribute('data-id');
    if (id) this.select(id);
  }

  private onPointerOver(e: PointerEvent): void {
    // Not while dragging the picture round: the card would redraw at every box passed.
    if (e.buttons) return;
    const id = (e.target as Element).closest('[data-id]')?.getAttribute('data-id') ?? undefined;
    if (id !== this.hoverId) this.hoverId = id;
  }

  /** The whole branch as a standalone SVG file's text (at full size, whatever the pan and zoom). */
  svgText(): string {
    const svgEl = this.svgEl();
    const layout = this.layout;
    if (!svgEl || !layout) return '';
    return exportSvg(svgEl, { x: 0, y: 0, width: layout.width, height: layout.height }, resetPan);
  }

  private exportSvgFile(): void {
    saveBlob(pictureFileName(this.mapTitle, 'diagram', 'svg'), new Blob([this.svgText()], { type: 'image/svg+xml' }));
  }

  private async exportPng(): Promise<void> {
    const l = this.layout;
    if (!l) return;
    saveBlob(pictureFileName(this.mapTitle, 'diagram', 'png'), await svgToPng(this.svgText(), l.width, l.height));
  }

  /**
   * Builds the printed diagram at the end of <body>: one A4 landscape page when the branch fits at
   * 60% or more, else full-size pages that overlap by a box, each showing its part of the picture.
   * Returns the print root (tests look at it); removed after printing.
   */
  preparePrint(): HTMLElement | null {
    this.clearPrint();
    const layout = this.layout;
    const svgEl = this.svgEl();
    if (!layout || !svgEl) return null;
    const source = standaloneSvg(svgEl, { x: 0, y: 0, width: layout.width, height: layout.height }, resetPan);
    const tiles = printTiles(layout.width, layout.height, PAGE_PX.width, PAGE_PX.height);
    const root = document.createElement('div');
    root.className = `warrant-print ${PRINT_DIAGRAM_CLASS}`;
    tiles.forEach((tile, i) => {
      const page = document.createElement('section');
      page.className = 'page';
      const head = document.createElement('p');
      head.className = 'page-head';
      head.textContent = `${this.mapTitle}: diagram${tiles.length > 1 ? `, page ${i + 1} of ${tiles.length}` : ''}`;
      const copy = document.importNode(source, true);
      copy.setAttribute('viewBox', `${tile.x} ${tile.y} ${tile.width} ${tile.height}`);
      copy.setAttribute('width', '100%');
      copy.setAttribute('height', '100%');
      copy.setAttribute('preserveAspectRatio', 'xMidYMin meet');
      page.append(head, copy);
      root.append(page);
    });
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
        <button @click=${() => this.exportSvgFile()}>Export SVG</button>
        <button @click=${() => void this.exportPng()}>Export PNG</button>
        <button @click=${() => this.print()}>Print</button>
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
              <defs>
                <marker
                  id="dg-arrow-supports"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="9"
                  markerHeight="9"
                  orient="auto-start-reverse"
                  markerUnits="userSpaceOnUse"
                >
                  <path d="M0,0L10,5L0,10Z" fill="#0a6b4c"></path>
                </marker>
                <marker
                  id="dg-arrow-opposes"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="11"
                  markerHeight="11"
                  orient="auto-start-reverse"
                  markerUnits="userSpaceOnUse"
                >
                  <path d="M1,1L9,5L1,9" fill="none" stroke="#b0261d" stroke-width="2"></path>
                  <path d="M9.5,0V10" stroke="#b0261d" stroke-width="2"></path>
                </marker>
              </defs>
              <g class="viewport">
                <g class="edges" aria-hidden="true" fill="none">
                  ${layout.edges.map(
                    (e) => svg`<path class=${`edge ${e.relation}`} data-from=${e.from} data-to=${e.to} d=${e.d}
                  stroke=${e.relation === 'opposes' ? '#b0261d' : e.relation === 'neutral' ? '#3d3d70' : '#0a6b4c'} stroke-width="2"
                  stroke-dasharray=${e.relation === 'opposes' ? '7 4' : 'none'}
                  marker-end=${`url(#dg-arrow-${e.relation === 'opposes' ? 'opposes' : 'supports'})`}></path>`,
                  )}
                </g>
                <g role="tree" aria-label=${title}>
                  ${layout.boxes.map((b) => {
                    const siblings = b.parentId === null ? [b.id] : (layout.childIds.get(b.parentId) ?? [b.id]);
                    const oppose = b.polarity === 'oppose';
                    return svg`<g role="treeitem" data-id=${b.id} class="box" transform=${`translate(${b.x},${b.y})`}
                  tabindex=${b.id === active ? 0 : -1}
                  aria-level=${b.depth + 1} aria-setsize=${siblings.length} aria-posinset=${siblings.indexOf(b.id) + 1}
                  aria-selected=${b.id === this.selectedId ? 'true' : 'false'}
                  aria-label=${spokenLabel(b, KIND_LABELS[b.kind])}>
                  <title>${b.text}</title>
                  <rect width=${b.width} height=${b.height} rx=${oppose ? 0 : 8} fill=${b.fill} stroke=${b.line}
                    stroke-width="2" stroke-dasharray=${oppose ? '6 3' : 'none'}></rect>
                  <rect x="1" y="1" width=${b.width - 2} height=${BOX.headerHeight} rx=${oppose ? 0 : 7}
                    fill=${b.headerFill}></rect>
                  ${
                    b.id === this.selectedId
                      ? svg`<rect class="ring" data-screen-only x="-4" y="-4" width=${b.width + 8} height=${b.height + 8}
                          rx="10" fill="none" stroke="#1c1f24" stroke-width="3"></rect>`
                      : nothing
                  }
                  ${
                    this.focusInside && b.id === active
                      ? svg`<rect class="ring" data-screen-only x="-7" y="-7" width=${b.width + 14} height=${b.height + 14}
                          rx="12" fill="none" stroke="#1a5fd0" stroke-width="3" stroke-dasharray="5 3"></rect>`
                      : nothing
                  }
                </g>`;
                  })}
                </g>
                <g aria-hidden="true" pointer-events="none">
                  ${layout.boxes.map((b) => {
                    const textTop = BOX.headerHeight + BOX.pad + BOX.font - 2;
                    return svg`<g data-text-for=${b.id} transform=${`translate(${b.x},${b.y})`}>
                  <text x=${BOX.pad} y=${BOX.headerHeight - 6} font-size=${BOX.headerFont} font-weight="650"
                    fill=${b.headerInk}>${b.header}</text>
                  <text font-size=${BOX.font} fill=${INK}>${b.lines.map(
                    (line, i) => svg`<tspan x=${BOX.pad} y=${textTop + i * BOX.lineHeight}>${line}</tspan>`,
                  )}</text>
                  ${
                    b.footer
                      ? svg`<text x=${BOX.pad} y=${b.height - BOX.pad + 2} font-size="11.5" fill=${MARK_INK}>${b.footer}</text>`
                      : nothing
                  }
                </g>`;
                  })}
                </g>
              </g>
            </svg>
          </div>
        </div>
        <div class="side">
          <div class="card">
            ${
              shown
                ? html`<span class="kind">${KIND_LABELS[shown.kind]}</span> · standing
                    ${formatStanding(shown.standing)}${
                      shown.unsourced ? ' · ⚠ no source' : ''
                    }${shown.rated ? '' : ' · ☆ unrated'}<br />${shown.text}`
                : nothing
            }
          </div>
          <p class="description">
            ${description} Arrow keys move between boxes, Enter selects; + and − zoom, Shift+arrows pan, 0 fits.
          </p>
          ${legend('dg', true)}
        </div>
      </div>
    `;
  }
}
