/**
 * A tiny stand-in for the map view around the sources components: one live query loads the
 * map, and <warrant-citations> (for one node) and <warrant-sources-panel> get its rows as
 * properties, as the map view gives them. Records announcements and selections.
 */
import { fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../src/components/citations.js';
import type { WarrantCitations } from '../../src/components/citations.js';
import type { AnnounceDetail } from '../../src/components/announce.js';
import '../../src/components/sources-panel.js';
import type { WarrantSourcesPanel } from '../../src/components/sources-panel.js';
import { LiveQueryController } from '../../src/state/live-query-controller.js';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { buildTree, kindOf } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { MapEditor } from '../../src/state/editor.js';
import { UndoStack } from '../../src/state/undo.js';
import { fixtureBundles, freshDb } from './db.js';

declare global {
  interface HTMLElementTagNameMap {
    'test-sources-host': TestSourcesHost;
  }
}

@customElement('test-sources-host')
export class TestSourcesHost extends LitElement {
  @property({ attribute: false }) editor?: MapEditor;
  /** The node whose Sources section is shown (none when empty). */
  @property({ attribute: 'node-id' }) nodeId = '';
  /** Whether to show the map-wide Sources panel too. */
  @property({ type: Boolean }) panel = false;

  readonly announcements: AnnounceDetail[] = [];
  readonly selected: string[] = [];

  private readonly data = new LiveQueryController<MapBundle | undefined>(
    this,
    () => (this.editor ? loadBundle(this.editor.db, this.editor.mapId) : Promise.resolve(undefined)),
    () => [this.editor],
  );

  get bundle(): MapBundle | undefined {
    return this.data.value;
  }
  get citationsEl(): WarrantCitations | null {
    return this.renderRoot.querySelector('warrant-citations');
  }
  get panelEl(): WarrantSourcesPanel | null {
    return this.renderRoot.querySelector('warrant-sources-panel');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('warrant-announce', (e) => this.announcements.push(e.detail));
    this.addEventListener('warrant-select', (e) => this.selected.push(e.detail.id));
  }

  override render() {
    const b = this.data.value;
    if (!b) return html`<p>Loading…</p>`;
    const tree = buildTree(b.nodes);
    const node = tree.byId.get(this.nodeId);
    return html`<main>
      ${
        node
          ? html`<warrant-citations
              .editor=${this.editor}
              .node=${node}
              .citations=${b.citations.filter((c) => c.nodeId === node.id)}
              .sources=${b.sources}
              .allCitations=${b.citations}
              .nodeKind=${kindOf(tree, node)}
            ></warrant-citations>`
          : nothing
      }
      ${
        this.panel
          ? html`<warrant-sources-panel
              .editor=${this.editor}
              .sources=${b.sources}
              .citations=${b.citations}
              .nodes=${b.nodes}
            ></warrant-sources-panel>`
          : nothing
      }
    </main>`;
  }
}

/** Loads the app's colour tokens once, so axe checks contrast with the real colours. */
async function loadAppCss(): Promise<void> {
  if (document.querySelector('link[data-app-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/src/assets/app.css';
  link.dataset.appCss = '';
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
  document.head.append(link);
  await loaded;
}

/**
 * The small map in a fresh database, an editor with its own undo stack, and the host showing
 * `nodeId`'s sources and/or the Sources panel. `prepare` may add rows before mounting.
 */
export async function mountSources(opts: {
  nodeId?: string;
  panel?: boolean;
  prepare?: (editor: MapEditor) => Promise<void>;
}) {
  await loadAppCss();
  const db = freshDb();
  await putBundles(db, await fixtureBundles());
  const undo = new UndoStack();
  const editor = new MapEditor(db, 'small', undo);
  if (opts.prepare) await opts.prepare(editor);
  const host = await fixture<TestSourcesHost>(
    testHtml`<test-sources-host .editor=${editor} node-id=${opts.nodeId ?? ''} ?panel=${opts.panel === true}></test-sources-host>`,
  );
  await waitUntil(() => host.bundle, 'the map did not load');
  await host.updateComplete;
  return { db, undo, editor, host };
}

/** The element that really has focus, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
