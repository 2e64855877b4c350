/**
 * <warrant-map-pictures>: the map view's pictures, the sunburst of the whole map or the diagram
 * of a branch, loaded on first use (d3 and dagre stay out of the initial load). It turns what
 * the view derived into the pictures' input, so both follow every edit, rating and change of
 * perspective at once; picking a node in a picture bubbles up as `warrant-select-node`.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PictureInput } from '../pictures/picture-data.js';
import type { Derived } from '../state/derive.js';
import { pictureInput } from '../state/picture-input.js';
import type { MapViewMode } from './view-tabs.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-pictures': WarrantMapPictures;
  }
}

/** Loads a picture's code once (and again after a failed attempt). */
const loaders = {
  sunburst: () => import('./sunburst.js'),
  diagram: () => import('./diagram.js'),
};

@customElement('warrant-map-pictures')
export class WarrantMapPictures extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
    }
    warrant-sunburst,
    warrant-diagram {
      flex: 1;
    }
    p {
      margin: 16px;
    }
  `;

  /** What the map view derived from the map (tree, standings in the chosen perspective). */
  @property({ attribute: false }) derived?: Derived;
  /** Which picture to show. */
  @property({ attribute: false }) mode: Exclude<MapViewMode, 'tree'> = 'sunburst';
  @property({ attribute: false }) selectedId?: string;
  @property({ attribute: false }) mapTitle = '';

  @state() private ready: Partial<Record<'sunburst' | 'diagram', boolean>> = {};
  @state() private failed = '';
  /** The branch the diagram draws: the selection when the diagram opens or leaves the branch. */
  @state() private diagramRoot?: string;
  private input?: PictureInput;
  private inputFrom?: Derived;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.derived && this.derived !== this.inputFrom) {
      this.inputFrom = this.derived;
      this.input = pictureInput(this.derived);
    }
    if (!this.ready[this.mode]) void this.load(this.mode);
    if (this.mode === 'diagram' && (changed.has('mode') || changed.has('selectedId') || !this.diagramRoot)) {
      this.followSelection();
    }
  }

  /** Re-roots the diagram at the selection when the selection is not in the branch drawn. */
  private followSelection(): void {
    const tree = this.derived?.tree;
    const id = this.selectedId;
    if (!tree || !id) return;
    let inBranch = false;
    for (let n = tree.byId.get(id); n; n = n.parentId === null ? undefined : tree.byId.get(n.parentId)) {
      if (n.id === this.diagramRoot) {
        inBranch = true;
        break;
      }
    }
    if (!inBranch || !tree.byId.has(this.diagramRoot ?? '')) this.diagramRoot = id;
  }

  private async load(mode: 'sunburst' | 'diagram'): Promise<void> {
    try {
      await loaders[mode]();
      this.ready = { ...this.ready, [mode]: true };
      this.failed = '';
    } catch {
      this.failed = 'The picture could not be loaded. Check the connection and try again.';
    }
  }

  protected override render() {
    if (this.failed) return html`<p role="alert">${this.failed}</p>`;
    if (!this.ready[this.mode] || !this.input) return html`<p role="status">Drawing the picture…</p>`;
    return this.mode === 'sunburst'
      ? html`<warrant-sunburst
          .input=${this.input}
          .selectedId=${this.selectedId}
          .mapTitle=${this.mapTitle}
        ></warrant-sunburst>`
      : html`<warrant-diagram
          .input=${this.input}
          .rootId=${this.diagramRoot}
          .selectedId=${this.selectedId}
          .mapTitle=${this.mapTitle}
          @warrant-select-node=${(e: CustomEvent<{ id: string }>) => this.keepRoot(e)}
        ></warrant-diagram>`;
  }

  /** A box picked inside the branch keeps the branch; "Up a level" and re-rooting move it. */
  private keepRoot(e: CustomEvent<{ id: string }>): void {
    const diagram = e.currentTarget as HTMLElement & { rootId?: string };
    if (diagram.rootId) this.diagramRoot = diagram.rootId;
  }
}
