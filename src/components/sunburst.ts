/**
 * <warrant-sunburst>: the whole map as rings around the thesis (or around a branch zoomed into),
 * each wedge as wide as its subtree, shaded by standing, opposition hatched as well as red.
 * The wedges form one WAI-ARIA tree with a roving tab stop: arrows move round a ring and in and
 * out, Enter selects in the tree, + and - zoom. Parents do the selecting (events up).
 */
import { LitElement, html, svg, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KIND_LABELS } from '../model/types.js';
import { SHADES, NO_STANDING_FILL, describeLabels, spokenLabel, type PictureInput } from '../pictures/picture-data.js';
import { layoutSunburst, sunburstMove, type SunburstLayout, type Wedge } from '../pictures/sunburst-layout.js';
import './export-menu.js';
import { emitNode } from './picture-events.js';
import { nodeIdAt, pictureCard, pictureKeyDown } from './picture-nav.js';
import { saveBlob } from '../state/download.js';
import { exportSvg, pictureFileName, svgToPng } from './picture-export.js';
import { fillRef, hatchPatterns, legend } from './picture-legend.js';
import { pictureStyles } from './picture-styles.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-sunburst': WarrantSunburst;
  }
}

const HATCH = 'sb-hatch';
/** Height of everything around the stage, about (for the first layout, before it can be measured). */
const CHROME_PX = 215;
/** Above this width the card and legend sit beside the picture (picture-styles.ts), taking SIDE_PX. */
const WIDE_PX = 640;
const SIDE_PX = 260;
const TOOLBAR_PX = 50;
const OPPOSE_FILLS = [...SHADES.oppose, NO_STANDING_FILL];

@customElement('warrant-sunburst')
export class WarrantSunburst extends LitElement {
  static override styles = [baseStyles, pictureStyles];

  /** The map to draw (see state/picture-input.ts). A new object redraws. */
  @property({ attribute: false }) input?: PictureInput;
  /** The node selected in the tree. */
  @property({ attribute: false }) selectedId?: string;
  /** The map's title, for the picture's title and file names. */
  @property({ attribute: false }) mapTitle = '';

  /** The node whose branch fills the circle. */
  @state() focusId?: string;
  /** The wedge holding the tab stop. */
  @state() private activeId?: string;
  /** The wedge under the pointer. */
  @state() private hoverId?: string;
  @state() private radius = 0;
  @state() private focusInside = false;

  /** The current layout (tests and the bench read it). */
  layout?: SunburstLayout;
  private resize?: ResizeObserver;
  private moveFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.measure());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  override firstUpdated(): void {
    const stage = this.renderRoot.querySelector('.stage');
    if (stage) this.resize?.observe(stage);
    this.measure();
  }

  private measure(): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!stage) return;
    const { width, height } = stage.getBoundingClientRect();
    // Drawn at the size it is shown, so 11 px labels stay 11 px on a phone.
    const r = Math.max(90, Math.floor(Math.min(width, height) / 2 - 6));
    // The picture scales to its box (viewBox): lay it out again only when the size really changed.
    if (Math.abs(r - this.radius) > this.radius * 0.06) this.radius = r;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.input) return;
    if (!this.radius) {
      // Before the first render there is no stage to measure: estimate it from the element, less
      // the toolbar, card, description and legend around it, so the picture is laid out once.
      const box = this.getBoundingClientRect();
      const wide = box.width > WIDE_PX;
      const w = wide ? box.width - SIDE_PX : box.width;
      const h = wide ? box.height - TOOLBAR_PX : box.height - CHROME_PX;
      this.radius = Math.max(90, Math.floor(Math.min(w, h) / 2 - 6)) || 240;
    }
    const radius = this.radius;
    if (
      !this.layout ||
      changed.has('input') ||
      changed.has('focusId') ||
      changed.has('radius') ||
      this.layout.radius !== radius
    ) {
      if (this.focusId && !this.input.tree.byId.has(this.focusId)) this.focusId = undefined;
      this.layout = layoutSunburst(this.input, radius, this.focusId);
    }
    const layout = this.layout;
    if (changed.has('selectedId') && this.selectedId && layout.byId.has(this.selectedId) && !this.focusInside) {
      this.activeId = this.selectedId;
    }
    if (!this.activeId || !layout.byId.has(this.activeId)) {
      this.activeId = this.selectedId && layout.byId.has(this.selectedId) ? this.selectedId : layout.focusId;
    }
  }

  protected override updated(): void {
    if (this.moveFocus) {
      this.moveFocus = false;
      this.wedgeEl(this.activeId)?.focus();
    }
  }

  private wedgeEl(id: string | undefined): SVGElement | null {
    if (!id) return null;
    return this.renderRoot.querySelector<SVGElement>(`[role=treeitem][data-id="${CSS.escape(id)}"]`);
  }

  /** Zooms so that `id`'s branch fills the circle (the thesis's: the whole map). */
  zoomTo(id: string | undefined): void {
    this.focusId = id;
    if (id) this.activeId = id;
  }

  private zoomOut(): void {
    const layout = this.layout;
    if (!layout || !layout.path.length) return;
    const parent = layout.path[layout.path.length - 1]!;
    this.activeId = layout.focusId;
    this.zoomTo(parent === this.input?.tree.root.id ? undefined : parent);
    this.activeId = layout.focusId;
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
        this.activeId = sunburstMove(layout, id, key);
        this.moveFocus = true;
      },
      select: () => this.select(id),
      zoomIn: () => {
        if (layout.childIds.has(id) && id !== layout.focusId) this.zoomTo(id);
        this.moveFocus = true;
      },
      zoomOut: () => {
        this.zoomOut();
        this.moveFocus = true;
      },
    });
  }

  private onClick(e: MouseEvent): void {
    const id = nodeIdAt(e);
    if (id) this.select(id);
  }

  private onDblClick(e: MouseEvent): void {
    const id = nodeIdAt(e);
    if (!id || !this.layout) return;
    if (id === this.layout.focusId) this.zoomOut();
    else if (this.layout.childIds.has(id)) this.zoomTo(id);
  }

  private onPointerOver(e: PointerEvent): void {
    const id = nodeIdAt(e);
    if (id !== this.hoverId) this.hoverId = id;
  }

  /** The picture as a standalone SVG file's text. */
  svgText(): string {
    const svgEl = this.renderRoot.querySelector<SVGSVGElement>('svg.picture');
    const layout = this.layout;
    if (!svgEl || !layout) return '';
    const r = layout.radius + 4;
    return exportSvg(svgEl, { x: -r, y: -r, width: 2 * r, height: 2 * r }, (copy) => {
      // Hover text for each wedge in the file, where no card shows it.
      for (const path of copy.querySelectorAll('[data-id]')) {
        const w = layout.byId.get(path.getAttribute('data-id') ?? '');
        if (!w) continue;
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = spokenLabel(w, KIND_LABELS[w.kind]);
        path.append(title);
      }
    });
  }

  /** The toolbar's Export menu. */
  private readonly exportItems = [
    { label: 'SVG picture', run: () => this.exportSvgFile() },
    { label: 'PNG picture', run: () => void this.exportPng() },
  ];

  private exportSvgFile(): void {
    saveBlob(pictureFileName(this.mapTitle, 'sunburst', 'svg'), new Blob([this.svgText()], { type: 'image/svg+xml' }));
  }

  private async exportPng(): Promise<void> {
    const size = 2 * ((this.layout?.radius ?? 0) + 4);
    saveBlob(pictureFileName(this.mapTitle, 'sunburst', 'png'), await svgToPng(this.svgText(), size, size));
  }

  protected override render() {
    const layout = this.layout;
    if (!layout || !this.input) return html`<p class="description">Loading the picture…</p>`;
    const tree = this.input.tree;
    const active = this.activeId;
    const shown = layout.byId.get(this.hoverId ?? '') ?? layout.byId.get(active ?? '');
    const selected = layout.byId.get(this.selectedId ?? '');
    const focus = layout.byId.get(layout.focusId)!;
    const r = layout.radius + 4;
    const title = `Sunburst of ${this.mapTitle ? `“${this.mapTitle}”` : 'the map'}${layout.path.length ? `, zoomed into “${focus.text}”` : ''}`;
    const description = `${describeLabels(layout.wedges)}${layout.hidden ? ` ${layout.hidden} deeper nodes are not drawn: zoom in to see them.` : ''}`;
    const levels = (w: Wedge) => (w.depth > 0 && w.parentId ? (layout.childIds.get(w.parentId) ?? [w.id]) : [w.id]);
    return html`
      <div class="toolbar">
        <ol class="crumbs" aria-label="Zoom path">
          ${layout.path.map((id) => {
            const node = tree.byId.get(id);
            return html`<li>
              <button @click=${() => this.zoomTo(id === tree.root.id ? undefined : id)}>
                ${id === tree.root.id ? 'Whole map' : (layout.byId.get(id)?.text ?? node?.text ?? id)}
              </button>
              ›
            </li>`;
          })}
          <li aria-current="location">${layout.path.length ? focus.text.slice(0, 40) : 'Whole map'}</li>
        </ol>
        <span class="grow"></span>
        <button
          ?disabled=${!active || !layout.childIds.has(active) || active === layout.focusId}
          @click=${() => this.zoomTo(active)}
        >
          Zoom into branch
        </button>
        <button ?disabled=${!layout.path.length} @click=${() => this.zoomOut()}>Zoom out</button>
        <button ?disabled=${!active} @click=${() => active && emitNode(this, 'warrant-open-in-tree', active)}>
          Open in tree
        </button>
        <warrant-export-menu .items=${this.exportItems}></warrant-export-menu>
      </div>
      <div class="main">
        <div class="stage">
          <svg
            class="picture"
            viewBox=${`${-r} ${-r} ${2 * r} ${2 * r}`}
            aria-labelledby="sb-title sb-desc"
            @click=${this.onClick}
            @dblclick=${this.onDblClick}
            @pointerover=${this.onPointerOver}
            @pointerleave=${() => (this.hoverId = undefined)}
            @keydown=${this.onKeyDown}
            @focusin=${() => (this.focusInside = true)}
            @focusout=${() => (this.focusInside = false)}
          >
            <title id="sb-title">${title}</title>
            <desc id="sb-desc">${description}</desc>
            <defs>${hatchPatterns(HATCH, OPPOSE_FILLS)}</defs>
            <g role="tree" aria-label=${title}>
              ${layout.wedges.map((w) => {
                const siblings = levels(w);
                return svg`<path
                role="treeitem"
                data-id=${w.id}
                d=${w.d}
                fill=${fillRef(HATCH, w.fill, w.polarity === 'oppose')}
                stroke="#ffffff"
                stroke-width="1"
                tabindex=${w.id === active ? 0 : -1}
                aria-level=${w.depth + 1}
                aria-setsize=${siblings.length}
                aria-posinset=${siblings.indexOf(w.id) + 1}
                aria-selected=${w.id === this.selectedId ? 'true' : 'false'}
                aria-label=${spokenLabel(w, KIND_LABELS[w.kind])}
              ></path>`;
              })}
            </g>
            <g aria-hidden="true" pointer-events="none" fill="none" stroke-width="2" stroke-dasharray="2 3">
              ${layout.wedges.map((w) => (w.rim ? svg`<path d=${w.rim} stroke=${w.ink}></path>` : nothing))}
            </g>
            <g aria-hidden="true" pointer-events="none" font-size="11">
              ${layout.wedges.map((w) =>
                w.caption || w.marks
                  ? svg`${
                      w.caption
                        ? svg`<text transform=${w.caption.transform} text-anchor=${w.caption.anchor} fill=${w.ink}
                        stroke=${w.fill} stroke-width="3" paint-order="stroke" stroke-linejoin="round"
                        font-size=${w.depth === 0 ? 12 : 11} font-weight=${w.depth === 0 ? 650 : 400}>${w.caption.text}</text>`
                        : nothing
                    }${
                      w.marks
                        ? svg`<text x=${w.marks.x} y=${w.marks.y} text-anchor="middle" fill=${w.ink}
                        stroke=${w.fill} stroke-width="3" paint-order="stroke">${w.marks.text}</text>`
                        : nothing
                    }`
                  : nothing,
              )}
            </g>
            ${
              selected
                ? svg`<path class="ring" data-screen-only d=${selected.d} fill="none" stroke="#1c1f24" stroke-width="5"></path>
                <path class="ring" data-screen-only d=${selected.d} fill="none" stroke="#ffffff" stroke-width="2"></path>`
                : nothing
            }
            ${
              this.focusInside && active && active !== this.selectedId && layout.byId.get(active)
                ? svg`<path class="ring" data-screen-only d=${layout.byId.get(active)!.d} fill="none" stroke="#1a5fd0"
                stroke-width="4" stroke-dasharray="6 3"></path>`
                : nothing
            }
          </svg>
        </div>
        <div class="side">
          ${pictureCard(shown, 'Pointed-at wedge')}
          <p class="description">${description} Arrow keys move between wedges, Enter selects, + and − zoom.</p>
          ${legend('sb', false)}
        </div>
      </div>
    `;
  }
}
