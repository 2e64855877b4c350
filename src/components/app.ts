/**
 * <warrant-app>: the shell. Opens storage, loads the essay's map on first run, provides the
 * services context, and routes by URL hash (#/ maps, #/map/ID, #/settings) so the built app
 * works from any static server under any sub-path. The map view is part of the initial load;
 * the Maps and Settings pages load on first visit, so a map's first paint does not wait for them.
 */
import { provide } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { parseEvaluationSettings, type EvaluationSettings } from '../evaluation/index.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { isShareFragment } from '../state/share-link.js';
import {
  explainStorageError,
  getSetting,
  openDatabase,
  setSetting,
  StorageError,
  type WarrantDB,
} from '../state/storage.js';
import { fetchSample, loadSampleOnce, SAMPLE_MAP_ID, SAMPLE_PATH } from '../state/sample.js';
import { baseStyles } from './shared-styles.js';
import type { PersistenceState } from './settings-panel.js';
import './map-view.js';
import type { WarrantWho } from './who-dialog.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-app': WarrantApp;
  }
}

type Route = { page: 'list' } | { page: 'map'; mapId: string } | { page: 'settings' } | { page: 'share'; hash: string };

/** The pages whose code loads on first visit. */
type LazyPage = 'list' | 'settings';
const PAGE_MODULES: Record<LazyPage, () => Promise<unknown>> = {
  list: () => import('./map-list.js'),
  settings: () => import('./settings-panel.js'),
};

function parseRoute(hash: string): Route | undefined {
  if (isShareFragment(hash)) return { page: 'share', hash };
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return undefined;
  if (path === 'settings') return { page: 'settings' };
  const m = /^map\/([^/?]+)/.exec(path);
  if (m) return { page: 'map', mapId: decodeURIComponent(m[1]!) };
  return { page: 'list' };
}

const LAST_MAP = 'last-map';
const AUTHOR = 'author-name';
const EVALUATION = 'evaluation';

@customElement('warrant-app')
export class WarrantApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr;
        height: 100%;
        min-height: 0;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 16px;
        background: var(--bar-bg);
        color: var(--bar-ink);
      }
      /* The first Tab stop on a map: straight past the header to the tree (WCAG 2.4.1). Out of the
         grid's flow, and off-screen until it has focus. */
      .skip {
        position: fixed;
        left: 8px;
        top: -100px;
        z-index: 100;
        padding: 8px 14px;
        border-radius: 6px;
        background: var(--surface);
        color: var(--ink);
        font-weight: 600;
      }
      .skip:focus {
        top: 8px;
      }
      .brand {
        font-weight: 750;
        font-size: 18px;
        letter-spacing: 0.02em;
        color: inherit;
        text-decoration: none;
        margin-right: auto;
      }
      nav {
        display: flex;
        gap: 4px;
      }
      nav a {
        color: inherit;
        text-decoration: none;
        padding: 6px 10px;
        border-radius: 6px;
        font-size: 14px;
      }
      nav a:hover,
      nav a[aria-current='page'] {
        background: rgb(255 255 255 / 14%);
      }
      @media (max-width: 760px) {
        .bar {
          padding: 2px 12px;
        }
      }
      main {
        min-height: 0;
        overflow: auto;
      }
      main.map {
        overflow: hidden;
      }
      .notice {
        padding: 10px 16px;
        background: var(--error-bg);
        color: var(--error-ink);
        border-bottom: 1px solid currentColor;
        font-size: 14px;
      }
      .fatal {
        max-width: 640px;
        margin: 40px auto;
        padding: 20px 24px;
        border: 2px solid var(--error-ink);
        border-radius: 8px;
        background: var(--error-bg);
        color: var(--error-ink);
      }
      .fatal h1 {
        font-size: 20px;
        margin-top: 0;
      }
      .loading {
        padding: 24px;
      }
      warrant-who {
        position: absolute;
      }
    `,
  ];

  @provide({ context: servicesContext })
  @state()
  services?: AppServices;

  /** IndexedDB database name (tests use their own). */
  @property({ attribute: 'db-name' }) dbName?: string;
  /** Path of the sample map file, relative to the page. */
  @property({ attribute: 'sample-path' }) samplePath = SAMPLE_PATH;

  @state() private route: Route = { page: 'list' };
  @state() private fatal?: string;
  @state() private notice?: string;
  @state() private persistence: PersistenceState = 'unknown';
  /** Lazy pages whose code has arrived, or failed to (then the page says so). */
  @state() private pages: ReadonlyMap<LazyPage, 'loaded' | 'failed'> = new Map();
  private pagesLoading = new Set<LazyPage>();

  private db?: WarrantDB;
  @query('warrant-who') private whoDialog?: WarrantWho;
  /** The one question in flight, so two quick actions ask once. */
  private asking?: Promise<string | undefined>;

  /** "Who are you?": keeps the answer in Settings and in the services every view reads. */
  private askName = (): Promise<string | undefined> => {
    const current = this.services?.authorName.trim();
    if (current) return Promise.resolve(current);
    this.asking ??= (async () => {
      // The dialog's code (and the name rules it shares with class files) loads when first asked.
      await import('./who-dialog.js');
      await this.updateComplete;
      const name = await this.whoDialog?.ask();
      this.asking = undefined;
      if (name && this.services) {
        this.services = { ...this.services, authorName: name };
        await setSetting(this.services.db, AUTHOR, name);
      }
      return name;
    })();
    return this.asking;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    // After the children's last writes (they flush as they disconnect, after this element).
    const db = this.db;
    setTimeout(() => db?.close(), 0);
  }

  /** The open database (for tests), once storage is ready. */
  get database(): WarrantDB | undefined {
    return this.db;
  }

  private onHashChange = (): void => {
    const route = parseRoute(location.hash) ?? { page: 'list' };
    if (route.page !== 'map' && route.page !== 'share' && this.pages.get(route.page) === 'failed') {
      const pages = new Map(this.pages);
      pages.delete(route.page);
      this.pages = pages;
    }
    this.route = route;
    if (route.page === 'map' && this.db) void setSetting(this.db, LAST_MAP, route.mapId);
  };

  private async start(): Promise<void> {
    try {
      this.db = await openDatabase(this.dbName);
    } catch (error) {
      this.fatal = error instanceof StorageError ? error.message : explainStorageError(error);
      return;
    }
    const db = this.db;
    try {
      await loadSampleOnce(db, () => fetchSample(document.baseURI, this.samplePath));
    } catch (error) {
      // A damaged or unreachable sample must not stop the class from using its own maps.
      this.notice = `The essay's map could not be loaded. ${error instanceof Error ? error.message : String(error)}`;
    }
    const authorName = await getSetting(db, AUTHOR, '');
    const evaluation = parseEvaluationSettings(await getSetting<unknown>(db, EVALUATION, undefined));
    let route = parseRoute(location.hash);
    if (!route) {
      const last = await getSetting<string | undefined>(db, LAST_MAP, undefined);
      const target =
        (last && (await db.maps.get(last))) ||
        (await db.maps.get(SAMPLE_MAP_ID)) ||
        (await db.maps.orderBy('updatedAt').last());
      route = target ? { page: 'map', mapId: target.id } : { page: 'list' };
      if (target) history.replaceState(null, '', `#/map/${encodeURIComponent(target.id)}`);
    }
    // Together, so the first page shown is the one routed to (and only its code loads).
    this.services = { db, authorName, evaluation, askName: this.askName, anonymous: false };
    this.route = route;
    void this.askToPersist();
  }

  /** Asks the browser to keep our data, so a class's work is not evicted under disk pressure. */
  private async askToPersist(): Promise<void> {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    try {
      let persisted = await storage.persisted();
      if (!persisted && storage.persist) persisted = await storage.persist();
      this.persistence = persisted ? 'persistent' : 'best-effort';
    } catch {
      this.persistence = 'unknown';
    }
  }

  private onEvaluationChange = (e: CustomEvent<EvaluationSettings>): void => {
    if (!this.services) return;
    this.services = { ...this.services, evaluation: e.detail };
    void setSetting(this.services.db, EVALUATION, e.detail);
  };

  private onAnonymousChange = (e: CustomEvent<{ anonymous: boolean }>): void => {
    if (this.services) this.services = { ...this.services, anonymous: e.detail.anonymous };
  };

  private onAuthorChange = (e: CustomEvent<{ name: string }>): void => {
    if (!this.services) return;
    this.services = { ...this.services, authorName: e.detail.name };
    void setSetting(this.services.db, AUTHOR, e.detail.name);
  };

  protected override willUpdate(): void {
    const page = this.route.page;
    if (this.services && page !== 'map' && page !== 'share' && !this.pages.has(page)) this.loadPage(page);
    if (page === 'share') void import('./share-open.js');
  }

  /** A pointer over (or focus on) a link to a lazy page starts loading it before the click. */
  private onNavIntent = (e: Event): void => {
    const page = (e.target as Element).closest<HTMLElement>('[data-page]')?.dataset['page'];
    if (page === 'list' || page === 'settings') this.loadPage(page);
  };

  /** Loads a lazy page's code (once); the page renders when it has arrived. */
  private loadPage(page: LazyPage): void {
    if (this.pagesLoading.has(page) || this.pages.get(page) === 'loaded') return;
    this.pagesLoading.add(page);
    PAGE_MODULES[page]().then(
      () => (this.pages = new Map(this.pages).set(page, 'loaded')),
      () => {
        // Tried again when the page is visited again.
        this.pagesLoading.delete(page);
        this.pages = new Map(this.pages).set(page, 'failed');
      },
    );
  }

  private renderPage() {
    const r = this.route;
    if (r.page === 'map') return html`<warrant-map-view map-id=${r.mapId}></warrant-map-view>`;
    if (r.page === 'share') return html`<warrant-share-open hash=${r.hash}></warrant-share-open>`;
    const state = this.pages.get(r.page);
    if (state === 'failed') {
      return html`<p class="loading" role="alert">
        This page could not be loaded. Check the connection, then reload the page.
      </p>`;
    }
    if (state !== 'loaded') {
      return html`<p class="loading" role="status">
        ${r.page === 'settings' ? 'Opening the settings…' : 'Opening your maps…'}
      </p>`;
    }
    if (r.page === 'settings') return html`<warrant-settings .persistence=${this.persistence}></warrant-settings>`;
    return html`<warrant-map-list></warrant-map-list>`;
  }

  private skipToMap = (e: Event): void => {
    e.preventDefault();
    this.renderRoot.querySelector('warrant-map-view')?.treeElement?.focusSelected();
  };

  override render() {
    if (this.fatal) {
      return html`<div class="fatal" role="alert">
        <h1>Warrant cannot open its storage</h1>
        <p>${this.fatal}</p>
        <p>Your maps are not lost by this message: nothing was changed.</p>
      </div>`;
    }
    const page = this.route.page;
    return html`
      ${
        page === 'map'
          ? html`<a class="skip" href=${location.hash || '#/'} @click=${this.skipToMap}>Skip to the map</a>`
          : nothing
      }
      <div class="bar" @pointerover=${this.onNavIntent} @focusin=${this.onNavIntent}>
        <!-- Not a Tab stop: "Maps" next to it goes to the same page. -->
        <a class="brand" href="#/" data-page="list" tabindex="-1">Warrant</a>
        <nav aria-label="Main">
          <a href="#/" data-page="list" aria-current=${page === 'list' ? 'page' : nothing}>Maps</a>
          <a href="#/settings" data-page="settings" aria-current=${page === 'settings' ? 'page' : nothing}>Settings</a>
        </nav>
      </div>
      ${this.notice ? html`<div class="notice" role="alert">${this.notice}</div>` : html`<div></div>`}
      <main
        class=${page === 'map' ? 'map' : ''}
        @warrant-author-change=${this.onAuthorChange}
        @warrant-evaluation-change=${this.onEvaluationChange}
        @warrant-anonymous-change=${this.onAnonymousChange}
      >
        ${this.services ? this.renderPage() : html`<p class="loading" role="status">Opening your maps…</p>`}
      </main>
      <warrant-who></warrant-who>
    `;
  }
}
