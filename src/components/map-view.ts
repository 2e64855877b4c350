/**
 * <warrant-map-view>: one map: its header, the argument tree and the detail panel of the
 * selected node. One live query loads the whole map; rows get their data as properties.
 * Expanded nodes and the selection are UI state, saved per map apart from the map's data.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LiveQueryController } from '../db/live-query-controller.js';
import { loadBundle } from '../db/maps-repo.js';
import { getUiState, putUiState } from '../db/settings-repo.js';
import { buildTree, ancestors, TreeError, type Tree } from '../model/tree.js';
import type { ArgNode, Citation, MapBundle, Rating, Source } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { baseStyles } from './shared-styles.js';
import type { RowMeta, WarrantTree } from './tree.js';
import type { WarrantNodeDetail } from './node-detail.js';
import './tree.js';
import './node-detail.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-view': WarrantMapView;
  }
}

/** Maps up to this size open fully expanded; larger ones open at the thesis and its claims. */
const EXPAND_ALL_UP_TO = 250;
const SAVE_UI_DELAY_MS = 400;

interface Derived {
  bundle: MapBundle;
  tree: Tree<ArgNode>;
  meta: Map<string, RowMeta>;
  sourcesById: Map<string, Source>;
  citationsByNode: Map<string, Citation[]>;
  ratingsByNode: Map<string, Rating[]>;
}

function derive(bundle: MapBundle): Derived {
  const tree = buildTree(bundle.nodes);
  const meta = new Map<string, RowMeta>();
  const citationsByNode = new Map<string, Citation[]>();
  const ratingsByNode = new Map<string, Rating[]>();
  for (const c of bundle.citations) {
    const l = citationsByNode.get(c.nodeId);
    if (l) l.push(c);
    else citationsByNode.set(c.nodeId, [c]);
  }
  for (const r of bundle.ratings) {
    const l = ratingsByNode.get(r.nodeId);
    if (l) l.push(r);
    else ratingsByNode.set(r.nodeId, [r]);
  }
  for (const n of bundle.nodes) {
    meta.set(n.id, { sources: citationsByNode.get(n.id)?.length ?? 0, ratings: ratingsByNode.get(n.id)?.length ?? 0 });
  }
  return {
    bundle,
    tree,
    meta,
    sourcesById: new Map(bundle.sources.map((s) => [s.id, s])),
    citationsByNode,
    ratingsByNode,
  };
}

@customElement('warrant-map-view')
export class WarrantMapView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 0;
        height: 100%;
      }
      header {
        padding: 12px 20px 10px;
        border-bottom: 1px solid var(--rule);
        background: var(--surface);
      }
      h1 {
        font-size: 20px;
        line-height: 1.25;
        margin: 0;
      }
      .doc {
        font-size: 13px;
        color: var(--muted);
        margin: 2px 0 0;
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 1.5fr) minmax(300px, 1fr);
        min-height: 0;
      }
      warrant-tree {
        height: 100%;
        min-height: 0;
        border-right: 1px solid var(--rule);
      }
      .detail {
        min-height: 0;
        display: grid;
        grid-template-rows: auto 1fr;
        background: var(--panel);
      }
      .detail-bar {
        display: none;
      }
      warrant-node-detail {
        min-height: 0;
      }
      .message {
        padding: 20px;
      }
      .error {
        color: var(--error-ink);
        background: var(--error-bg);
        border: 1px solid currentColor;
        border-radius: 6px;
        padding: 12px 16px;
        margin: 20px;
      }
      /* Phones and narrow windows: the tree takes the screen; details open as a sheet. */
      @media (max-width: 760px) {
        header {
          padding: 8px 12px;
        }
        h1 {
          font-size: 17px;
        }
        .body {
          grid-template-columns: 1fr;
        }
        warrant-tree {
          border-right: none;
        }
        .detail {
          display: none;
          position: fixed;
          inset: 30% 0 0 0;
          z-index: 10;
          border-top: 2px solid var(--rule-strong);
          box-shadow: 0 -8px 24px rgb(0 0 0 / 18%);
          border-radius: 12px 12px 0 0;
        }
        .detail.open {
          display: grid;
        }
        .detail-bar {
          display: flex;
          justify-content: flex-end;
          padding: 6px 8px 0;
        }
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  /** Id of the map to show. */
  @property({ attribute: 'map-id' }) mapId = '';

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private selectedId?: string;
  /** On narrow screens: whether the detail sheet is open. */
  @state() private sheetOpen = false;
  @state() private uiLoadedFor = '';

  @query('warrant-tree') private treeEl?: WarrantTree;
  @query('warrant-node-detail') private detailEl?: WarrantNodeDetail;

  private derived?: Derived;
  private derivedFrom?: MapBundle;
  private structureError?: string;
  private saveTimer = 0;

  private readonly data = new LiveQueryController<MapBundle | undefined>(
    this,
    () => (this.services && this.mapId ? loadBundle(this.services.db, this.mapId) : Promise.resolve(undefined)),
    () => [this.services?.db, this.mapId],
  );

  /** The tree element (for tests and keyboard focus). */
  get treeElement(): WarrantTree | undefined {
    return this.treeEl;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const bundle = this.data.value;
    if (bundle && bundle !== this.derivedFrom) {
      this.derivedFrom = bundle;
      try {
        this.derived = derive(bundle);
        this.structureError = undefined;
      } catch (e) {
        this.derived = undefined;
        this.structureError = e instanceof TreeError ? e.message : String(e);
      }
      if (this.uiLoadedFor !== bundle.map.id) void this.loadUiState(bundle);
    }
    if (changed.has('mapId')) this.sheetOpen = false;
  }

  private async loadUiState(bundle: MapBundle): Promise<void> {
    const id = bundle.map.id;
    this.uiLoadedFor = id;
    const saved = this.services ? await getUiState(this.services.db, id) : undefined;
    if (saved) {
      this.expanded = new Set(saved.expanded);
      this.selectedId = saved.selectedId ?? bundle.map.rootId;
    } else {
      const all = bundle.nodes.length <= EXPAND_ALL_UP_TO;
      this.expanded = new Set(
        bundle.nodes.filter((n) => all || n.parentId === null || n.parentId === bundle.map.rootId).map((n) => n.id),
      );
      this.selectedId = bundle.map.rootId;
    }
  }

  private saveUiState(): void {
    window.clearTimeout(this.saveTimer);
    const services = this.services;
    const mapId = this.uiLoadedFor;
    if (!services || !mapId) return;
    const state = { mapId, expanded: [...this.expanded], ...(this.selectedId && { selectedId: this.selectedId }) };
    this.saveTimer = window.setTimeout(() => void putUiState(services.db, state), SAVE_UI_DELAY_MS);
  }

  private onSelect = (e: CustomEvent<{ id: string }>): void => {
    const id = e.detail.id;
    const tree = this.derived?.tree;
    if (!tree) return;
    // Selecting a node that is hidden (e.g. from the detail panel) expands its ancestors first.
    const hidden = ancestors(tree, id).filter((a) => !this.expanded.has(a));
    if (hidden.length) this.expanded = new Set([...this.expanded, ...hidden]);
    this.selectedId = id;
    this.saveUiState();
    if (e.target !== this.treeEl) {
      void this.updateComplete.then(() => this.treeEl?.focusSelected());
    }
  };

  private onToggle = (e: CustomEvent<{ ids: string[]; expanded: boolean }>): void => {
    const next = new Set(this.expanded);
    for (const id of e.detail.ids) {
      if (e.detail.expanded) next.add(id);
      else next.delete(id);
    }
    this.expanded = next;
    this.saveUiState();
  };

  private onOpen = (e: CustomEvent<{ id: string }>): void => {
    this.selectedId = e.detail.id;
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusHeading());
  };

  private closeSheet(): void {
    this.sheetOpen = false;
    this.treeEl?.focusSelected();
  }

  private onDetailKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.closeSheet();
    }
  };

  override render() {
    if (this.data.error) {
      return html`<div class="error" role="alert">
        This map could not be read from storage: ${String(this.data.error)}
      </div>`;
    }
    if (this.data.pending) return html`<p class="message muted" role="status">Opening the map…</p>`;
    const bundle = this.data.value;
    if (!bundle) {
      return html`<div class="message">
        <p>This map does not exist (it may have been deleted).</p>
        <a href="#/">Back to all maps</a>
      </div>`;
    }
    if (this.structureError || !this.derived) {
      return html`<div class="error" role="alert">This map's tree is damaged: ${this.structureError}</div>`;
    }
    const d = this.derived;
    const doc = bundle.map.document;
    const selected = this.selectedId ? d.tree.byId.get(this.selectedId) : undefined;
    return html`
      <header>
        <h1>${bundle.map.title}</h1>
        ${
          doc
            ? html`<p class="doc">
                Maps:
                ${doc.url ? html`<a href=${doc.url} target="_blank" rel="noopener noreferrer">${doc.title}</a>` : html`<cite>${doc.title}</cite>`}${
                  doc.author ? html` by ${doc.author}` : nothing
                }${doc.date ? html`, ${doc.date}` : nothing}
              </p>`
            : nothing
        }
      </header>
      <div class="body" @warrant-select=${this.onSelect} @warrant-toggle=${this.onToggle} @warrant-open=${this.onOpen}>
        <warrant-tree
          .tree=${d.tree}
          .expanded=${this.expanded}
          .selectedId=${this.selectedId}
          .meta=${d.meta}
          label="Argument map: ${bundle.map.title}"
        ></warrant-tree>
        <section
          class="detail ${this.sheetOpen ? 'open' : ''}"
          aria-label="Selected node"
          @keydown=${this.onDetailKeyDown}
        >
          <div class="detail-bar"><button @click=${this.closeSheet}>Close</button></div>
          <warrant-node-detail
            .tree=${d.tree}
            .node=${selected}
            .sources=${d.sourcesById}
            .citations=${(selected && d.citationsByNode.get(selected.id)) ?? []}
            .ratings=${(selected && d.ratingsByNode.get(selected.id)) ?? []}
          ></warrant-node-detail>
        </section>
      </div>
    `;
  }
}
