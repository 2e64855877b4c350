/** <warrant-map-list>: every map in this browser, with its size and last change; open one. */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LiveQueryController } from '../state/live-query-controller.js';
import {
  createMap,
  deleteMap,
  duplicateMap,
  listMaps,
  putBundles,
  renameMap,
  type MapSummary,
} from '../state/storage.js';
import { now } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import type { MapBundle, SourceDocument } from '../model/types.js';
import { completeUrl, validateUrl } from '../model/url.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { loadMapDocument } from '../state/documents.js';
import { readDocumentFile } from '../state/read-document.js';
import { replaceSample, SAMPLE_MAP_ID } from '../state/sample.js';
import type { WarrantImportDialog } from './import-dialog.js';
import { baseStyles } from './shared-styles.js';
import { mapListStyles } from './map-list.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-list': WarrantMapList;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

@customElement('warrant-map-list')
export class WarrantMapList extends LitElement {
  static override styles = [baseStyles, mapListStyles];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  @state() private status = '';
  @state() private statusIsError = false;
  /** The last deleted map, offered for undo. */
  @state() private deleted?: MapBundle;
  @state() private formError = '';
  /** A refused document link or essay file, said at its field rather than under the form. */
  @state() private docUrlError = '';
  @state() private docFileError = '';
  /** The link as completed to https (shown under the field, so the change is visible). */
  @state() private docUrlAssumed = '';
  @state() private renaming?: MapSummary;
  @query('#new-map') private newDialog!: HTMLDialogElement;
  @query('#rename-map') private renameDialog!: HTMLDialogElement;
  @query('warrant-import-dialog') private importDialog!: WarrantImportDialog;

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
      !window.confirm(
        'Replace the essay map with the edition shipped with this version of Warrant? Your changes to it are replaced (Undo brings them back); your other maps are not touched.',
      )
    )
      return;
    try {
      this.status = 'Loading the essay map…';
      this.statusIsError = false;
      const { id, replaced } = await replaceSample(this.services.db);
      if (replaced) {
        // Stay on the list, where Undo puts the replaced copy back (the same machinery as delete).
        this.deleted = replaced;
        this.say('The essay map is now the shipped edition. Your other maps are unchanged.');
        return;
      }
      this.status = 'The essay map is back.';
      location.hash = `#/map/${encodeURIComponent(id)}`;
    } catch (error) {
      this.statusIsError = true;
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  private say(text: string, error = false): void {
    this.status = text;
    this.statusIsError = error;
  }

  private openNew(): void {
    this.formError = '';
    this.docUrlError = '';
    this.docFileError = '';
    this.docUrlAssumed = '';
    this.newDialog.querySelector('form')?.reset();
    this.newDialog.showModal();
  }

  /**
   * A link typed without its scheme ("nsarchive.gwu.edu/...") is taken as https, in the field
   * itself and said under it, as the source form does; a refused link is said at the field.
   */
  private completeDocUrl = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const completed = completeUrl(input.value);
    if (completed.assumed) input.value = completed.url;
    this.docUrlAssumed = completed.assumed ? completed.url : '';
    const u = input.value.trim() ? validateUrl(input.value.trim()) : undefined;
    this.docUrlError = u && !u.ok ? u.reason : '';
  };

  private async createFromForm(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.services) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const title = text('title');
    const thesis = text('thesis');
    this.formError = '';
    if (!title) return void (this.formError = 'Give the map a title.');
    if (title.length > LIMITS.title)
      return void (this.formError = `The title is too long (at most ${LIMITS.title} characters).`);
    if (!thesis) return void (this.formError = 'Write the thesis: the claim the whole map is about.');
    let document: SourceDocument | undefined;
    const urlInput = form.querySelector<HTMLInputElement>('#nm-du');
    const typedUrl = completeUrl(text('docUrl'));
    if (typedUrl.assumed && urlInput) {
      urlInput.value = typedUrl.url;
      this.docUrlAssumed = typedUrl.url;
    }
    if (text('docTitle') || typedUrl.url || text('docAuthor')) {
      if (!text('docTitle'))
        return void (this.formError = 'The source document needs a title (or leave all its fields empty).');
      document = { title: text('docTitle') };
      if (text('docAuthor')) document.author = text('docAuthor');
      if (text('docDate')) document.date = text('docDate');
      if (typedUrl.url) {
        const u = validateUrl(typedUrl.url);
        if (!u.ok) {
          this.docUrlError = u.reason;
          urlInput?.focus();
          return;
        }
        document.url = u.url;
      }
    }
    this.docUrlError = '';
    // The essay's full text, when the teacher gives it now: read (and refused) before anything
    // is created, so a bad file leaves no half-made map behind.
    const file = form.querySelector<HTMLInputElement>('#nm-df')?.files?.[0];
    const read = file ? await readDocumentFile(file) : undefined;
    if (read && !read.ok) {
      this.docFileError = read.message;
      form.querySelector<HTMLInputElement>('#nm-df')?.focus();
      return;
    }
    this.docFileError = '';
    const stamp = now();
    const id = await createMap(
      this.services.db,
      {
        title,
        thesis,
        ...(document && { document }),
        ...(this.services.authorName && { author: this.services.authorName }),
      },
      stamp,
    );
    if (read?.ok)
      await loadMapDocument(this.services.db, id, read.doc, [], {
        now: stamp,
        ...(read.fileName ? { fileName: read.fileName } : {}),
      });
    this.newDialog.close();
    location.hash = `#/map/${encodeURIComponent(id)}`;
  }

  private openRename(m: MapSummary): void {
    this.renaming = m;
    this.formError = '';
    this.renameDialog.showModal();
  }

  private async renameFromForm(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const m = this.renaming;
    if (!this.services || !m) return;
    const title = String(new FormData(e.target as HTMLFormElement).get('title') ?? '').trim();
    if (!title) return void (this.formError = 'The title cannot be empty.');
    if (title.length > LIMITS.title)
      return void (this.formError = `The title is too long (at most ${LIMITS.title} characters).`);
    await renameMap(this.services.db, m.id, title, now());
    this.renameDialog.close();
    this.say(`Renamed to “${title}”.`);
  }

  private async duplicate(m: MapSummary): Promise<void> {
    if (!this.services) return;
    const id = await duplicateMap(this.services.db, m.id, `Copy of ${m.title}`.slice(0, LIMITS.title), now());
    if (id) this.say(`Made a copy: “Copy of ${m.title}”.`);
  }

  private async deleteOne(m: MapSummary): Promise<void> {
    if (!this.services) return;
    const bundle = await deleteMap(this.services.db, m.id);
    if (!bundle) return;
    this.deleted = bundle;
    this.say(`Deleted “${m.title}” (${bundle.nodes.length} nodes).`);
  }

  /** The import dialog's code (and every file format) loads on first use. */
  private async openImport(): Promise<void> {
    await import('./import-dialog.js');
    await this.updateComplete;
    await this.importDialog.open();
  }

  private async backup(): Promise<void> {
    if (!this.services) return;
    const { backupAllMaps, download } = await import('../state/transfer.js');
    const b = await backupAllMaps(this.services.db);
    download(b.filename, b.text, 'application/json');
    this.say(`Downloaded a backup of ${b.maps} map${b.maps === 1 ? '' : 's'} (${b.filename}).`);
  }

  private async undoDelete(): Promise<void> {
    const bundle = this.deleted;
    if (!this.services || !bundle) return;
    await putBundles(this.services.db, [bundle]);
    this.deleted = undefined;
    this.say(`“${bundle.map.title}” is back.`);
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
                ${repeat(
                  maps,
                  (m) => m.id,
                  (m) =>
                    html`<li>
                      <span class="row-actions">
                        <button @click=${() => this.openRename(m)} aria-label="Rename “${m.title}”">Rename</button>
                        <button @click=${() => this.duplicate(m)} aria-label="Duplicate “${m.title}”">Duplicate</button>
                        <button @click=${() => this.deleteOne(m)} aria-label="Delete “${m.title}”">Delete</button>
                      </span>
                      <a href="#/map/${encodeURIComponent(m.id)}" title=${m.title}
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
        <button class="primary" @click=${this.openNew}>New map</button>
        <button @click=${() => void this.openImport()}>Import…</button>
        <button @click=${this.backup}>Back up all maps</button>
        <button @click=${this.restore}>Restore the essay map</button>
      </div>
      <p class="status ${this.statusIsError ? 'error' : ''}" role="status">
        ${this.status} ${this.deleted ? html`<button @click=${this.undoDelete}>Undo</button>` : nothing}
      </p>
      <warrant-import-dialog></warrant-import-dialog>
      <dialog id="new-map" aria-labelledby="new-h">
        <form @submit=${this.createFromForm} novalidate>
          <h2 id="new-h">New map</h2>
          <div class="field"><label for="nm-title">Title</label><input id="nm-title" name="title" required /></div>
          <div class="field">
            <label for="nm-thesis">Thesis</label>
            <textarea id="nm-thesis" name="thesis" rows="3" required></textarea>
          </div>
          <fieldset>
            <legend>The document it maps (optional)</legend>
            <div class="field"><label for="nm-dt">Title</label><input id="nm-dt" name="docTitle" /></div>
            <div class="field"><label for="nm-da">Author</label><input id="nm-da" name="docAuthor" /></div>
            <div class="field">
              <label for="nm-dd">Date</label><input id="nm-dd" name="docDate" placeholder="2025-02-24" />
            </div>
            <div class="field">
              <label for="nm-du">Link</label
              ><input
                id="nm-du"
                name="docUrl"
                type="url"
                placeholder="https://"
                aria-invalid=${this.docUrlError ? 'true' : 'false'}
                aria-describedby="nm-du-hint nm-du-error"
                @change=${this.completeDocUrl}
              />
              <p id="nm-du-hint" class="hint">
                ${
                  this.docUrlAssumed
                    ? `Taken as ${this.docUrlAssumed} (https:// added).`
                    : 'Only http:// and https:// links; https:// is added if you leave it out.'
                }
              </p>
              <p id="nm-du-error" class="field-error" role="alert">${this.docUrlError}</p>
            </div>
            <div class="field">
              <label for="nm-df">Load the essay: its full text</label
              ><input
                id="nm-df"
                name="docFile"
                type="file"
                accept=".txt,.md,.markdown,.html,.htm"
                aria-invalid=${this.docFileError ? 'true' : 'false'}
                aria-describedby="nm-df-hint nm-df-error"
                @change=${() => (this.docFileError = '')}
              />
              <p id="nm-df-hint" class="hint">
                A .txt, .md or .html file, shown beside the map so students can read it and quote it. You can also load
                or paste it later with Essay in the map’s header.
              </p>
              <p id="nm-df-error" class="field-error" role="alert">${this.docFileError}</p>
            </div>
          </fieldset>
          <p class="form-error" role="alert">${this.formError}</p>
          <div class="dialog-actions">
            <button type="button" @click=${() => this.newDialog.close()}>Cancel</button>
            <button class="primary" type="submit">Create</button>
          </div>
        </form>
      </dialog>
      <dialog id="rename-map" aria-labelledby="rn-h">
        <form @submit=${this.renameFromForm} novalidate>
          <h2 id="rn-h">Rename map</h2>
          <div class="field">
            <label for="rn-title">Title</label>
            <input id="rn-title" name="title" .value=${this.renaming?.title ?? ''} />
          </div>
          <p class="form-error" role="alert">${this.formError}</p>
          <div class="dialog-actions">
            <button type="button" @click=${() => this.renameDialog.close()}>Cancel</button>
            <button class="primary" type="submit">Rename</button>
          </div>
        </form>
      </dialog>
    `;
  }
}
