/**
 * <warrant-share-open>: what a share link opens. The link's fragment is decoded here, in the
 * browser (it never reached a server); the page previews what it carries (a map, an assignment,
 * a hand-in, feedback) and offers to import it. A cut or damaged link says so.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { importAssignmentJson, importHandInJson, type HandIn } from '../formats/class-files.js';
import { describeError } from '../formats/errors.js';
import { importFeedback } from '../formats/feedback-file.js';
import { taskLabel } from '../model/assignment.js';
import type { MapBundle } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import type { Assignment } from '../model/assignment.js';
import { collect, collectTargetOf, importFeedbackFile, openAssignment, sniffClassFile } from '../state/class-work.js';
import { decodeShareFragment } from '../state/share-link.js';
import { readImportText } from '../state/import-read.js';
import { writeImport } from '../state/import-write.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-share-open': WarrantShareOpen;
  }
}

type Preview =
  | { kind: 'map'; bundle: MapBundle; text: string }
  | { kind: 'hand-in'; bundle: MapBundle; text: string; handIn?: HandIn; collectInto?: Assignment }
  | { kind: 'assignment'; bundle: MapBundle; text: string; title: string; tasks: string[]; instructions: string }
  | { kind: 'feedback'; text: string; title: string; student: string; count: number };

@customElement('warrant-share-open')
export class WarrantShareOpen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 680px;
        margin: 24px auto;
        padding: 0 16px;
      }
      h1 {
        font-size: 22px;
      }
      .error {
        color: var(--error-ink);
      }
      .row {
        display: flex;
        gap: 8px;
        margin-top: 12px;
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @state()
  services?: AppServices;

  /** The location hash carrying the link's data. */
  @property() hash = '';

  @state() private preview?: Preview;
  @state() private error = '';
  private decodedFor = '';

  protected override willUpdate(): void {
    if (this.hash !== this.decodedFor) {
      this.decodedFor = this.hash;
      this.preview = undefined;
      this.error = '';
      this.notice = '';
      void this.decode(this.hash);
    }
  }

  private async decode(hash: string): Promise<void> {
    const d = await decodeShareFragment(hash);
    if (hash !== this.hash) return;
    if (!d.ok) {
      this.error = d.message;
      return;
    }
    const kind = sniffClassFile(d.text);
    if (kind === 'assignment') {
      const r = importAssignmentJson(d.text);
      if (!r.ok) return void (this.error = `This link's assignment cannot be read: ${describeError(r.errors[0]!)}`);
      this.preview = {
        kind,
        bundle: r.bundle,
        text: d.text,
        title: r.value.title,
        instructions: r.value.instructions,
        tasks: r.value.tasks.map(taskLabel),
      };
      return;
    }
    if (kind === 'feedback') {
      const r = importFeedback(d.text);
      if (!r.ok) return void (this.error = `This link's feedback cannot be read: ${describeError(r.errors[0]!)}`);
      this.preview = { kind, text: d.text, title: r.map.title, student: r.student, count: r.rows.length };
      return;
    }
    const r = await readImportText(d.text, { format: 'json' });
    if (!r.ok) return void (this.error = `This link's map cannot be read: ${describeError(r.errors[0]!)}`);
    if (kind !== 'hand-in') return void (this.preview = { kind: 'map', bundle: r.bundles[0]!, text: d.text });
    // The teacher's browser has the assignment: the hand-in is collected into the class map.
    const db = this.services?.db;
    const into = db ? await collectTargetOf(db, d.text) : undefined;
    if (hash !== this.hash) return;
    const h = importHandInJson(d.text);
    this.preview = {
      kind: 'hand-in',
      bundle: r.bundles[0]!,
      text: d.text,
      ...(h.ok && { handIn: h.value }),
      ...(into && { collectInto: into }),
    };
  }

  private onCollect = async (): Promise<void> => {
    const p = this.preview;
    const db = this.services?.db;
    if (p?.kind !== 'hand-in' || !p.collectInto || !db) return;
    const r = await collect(db, p.collectInto, [{ name: 'The link', text: p.text }]);
    if (r.refused.length) return void (this.error = r.refused.map((x) => x.message).join(' '));
    if (r.duplicates.length) {
      this.notice = `${r.duplicates[0]!.student}’s hand-in was collected already; nothing changed.`;
      return;
    }
    location.hash = `#/map/${encodeURIComponent(p.collectInto.mapId)}`;
  };

  @state() private notice = '';

  private onImport = async (): Promise<void> => {
    const p = this.preview;
    const db = this.services?.db;
    if (!p || !db) return;
    let mapId: string;
    if (p.kind === 'assignment') {
      const r = await openAssignment(db, p.text, 'The link');
      if (!r.ok) return void (this.error = r.message);
      mapId = r.mapId;
    } else if (p.kind === 'feedback') {
      const r = await importFeedbackFile(db, p.text, 'The link');
      if (!r.ok) return void (this.error = r.message);
      mapId = r.mapId;
    } else {
      const written = await writeImport(db, [p.bundle], 'new');
      mapId = written.mapIds[0]!;
    }
    location.hash = `#/map/${encodeURIComponent(mapId)}`;
  };

  private onCancel = (): void => {
    location.hash = '#/';
  };

  override render() {
    if (this.error) {
      return html`<h1>This link cannot be opened</h1>
        <p class="error" role="alert">${this.error}</p>
        <div class="row"><button @click=${this.onCancel}>Go to your maps</button></div>`;
    }
    const p = this.preview;
    if (!p) return html`<p role="status">Opening the link…</p>`;
    if (p.kind === 'feedback') {
      return html`<h1>Feedback for ${p.student}</h1>
        <p>On the map “${p.title}”: ${p.count} ${p.count === 1 ? 'item' : 'items'} of feedback.</p>
        <div class="row">
          <button class="primary" @click=${this.onImport}>Import the feedback</button>
          <button @click=${this.onCancel}>Cancel</button>
        </div>`;
    }
    const b = p.bundle;
    const thesis = b.nodes.find((n) => n.id === b.map.rootId)?.text ?? '';
    const what = { map: 'A map', 'hand-in': 'A hand-in', assignment: 'An assignment' }[p.kind];
    const h = p.kind === 'hand-in' ? p.handIn : undefined;
    return html`<h1>
        ${
          h
            ? `A hand-in by ${h.student}: ${h.assignment.title}`
            : `${what}: ${p.kind === 'assignment' ? p.title : b.map.title}`
        }
      </h1>
      ${
        h
          ? html`<p>
              On the map “${h.map.title}”, handed in ${h.handedInAt.slice(0, 10)}; tasks
              ${h.tasks.filter((t) => t.complete).length} of ${h.tasks.length} done.
            </p>`
          : nothing
      }
      <p>Thesis: ${thesis.slice(0, 300)}</p>
      <p>
        ${b.nodes.length} statements, ${b.sources.length} sources, ${b.citations.length} citations, ${b.ratings.length}
        ratings. The link carried all of it; no server saw it.
      </p>
      ${
        p.kind === 'assignment'
          ? html`${p.instructions ? html`<p>${p.instructions}</p>` : nothing}
              <ul>
                ${p.tasks.map((t) => html`<li>${t}</li>`)}
              </ul>`
          : nothing
      }
      ${
        p.kind === 'hand-in' && p.collectInto
          ? html`<p>It is a hand-in for your assignment “${p.collectInto.title}”: collect it into the class map.</p>`
          : nothing
      }
      <p role="status">${this.notice}</p>
      <div class="row">
        ${
          p.kind === 'hand-in' && p.collectInto
            ? html`<button class="primary" @click=${this.onCollect}>Collect into the class map</button>
                <button @click=${this.onImport}>Import it as a map of its own</button>`
            : html`<button class="primary" @click=${this.onImport}>Import it</button>`
        }
        <button @click=${this.onCancel}>Cancel</button>
      </div>`;
  }
}
