/** <warrant-map-list>: every map in this browser, with its size and last change; open one. */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LiveQueryController } from '../db/live-query-controller.js';
import { listMaps, type MapSummary } from '../db/maps-repo.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { restoreSample, SAMPLE_MAP_ID } from '../state/sample.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-list': WarrantMapList;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

@customElement('warrant-map-list')
export class WarrantMapList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 860px;
        margin: 0 auto;
        padding: 24px 20px 48px;
      }
      h1 {
        font-size: 24px;
        margin: 0 0 4px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 20px 0;
        display: grid;
        gap: 10px;
      }
      li a {
        display: block;
        padding: 14px 16px;
        border: 1px solid var(--rule-strong);
        border-radius: 8px;
        background: var(--surface);
        color: var(--ink);
        text-decoration: none;
      }
      li a:hover {
        background: var(--hover);
      }
      .title {
        font-size: 17px;
        font-weight: 600;
        display: block;
      }
      .facts {
        font-size: 13px;
        color: var(--muted);
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      .status {
        min-height: 1.5em;
        font-size: 14px;
      }
      .error {
        color: var(--error-ink);
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  @state() private status = '';
  @state() private statusIsError = false;

  private readonly maps = new LiveQueryController<MapSummary[]>(
    this,
    () => (this.services ? listMaps(this.services.db) : Promise.resolve([])),
    () => [this.services?.db],
  );

  private async restore(): Promise<void> {
    if (!this.services) return;
    const exists = this.maps.value?.some((m) => m.id === SAMPLE_MAP_ID);
    if (
      exists &&
      !window.confirm('The essay map is already here. Replace it with the original (your changes to it are lost)?')
    )
      return;
    try {
      this.status = 'Loading the essay map…';
      this.statusIsError = false;
      const id = await restoreSample(this.services.db);
      this.status = 'The essay map is back.';
      location.hash = `#/map/${encodeURIComponent(id)}`;
    } catch (error) {
      this.statusIsError = true;
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const maps = this.maps.value;
    return html`
      <h1>Your maps</h1>
      <p class="muted">Maps are kept in this browser only. Nothing is sent anywhere.</p>
      ${
        this.maps.pending
          ? html`<p role="status">Loading…</p>`
          : maps && maps.length
            ? html`<ul aria-label="Maps">
                ${maps.map(
                  (m) =>
                    html`<li>
                      <a href="#/map/${encodeURIComponent(m.id)}"
                        ><span class="title">${m.title}</span>
                        <span class="facts"
                          >${m.nodeCount} node${m.nodeCount === 1 ? '' : 's'} · changed
                          ${dateFormat.format(new Date(m.updatedAt))}${
                            m.documentTitle && m.documentTitle !== m.title
                              ? html` · maps “${m.documentTitle}”`
                              : nothing
                          }</span
                        ></a
                      >
                    </li>`,
                )}
              </ul>`
            : html`<p>No maps yet.</p>`
      }
      <div class="actions">
        <button @click=${this.restore}>Restore the essay map</button>
      </div>
      <p class="status ${this.statusIsError ? 'error' : ''}" role="status">${this.status}</p>
    `;
  }
}
