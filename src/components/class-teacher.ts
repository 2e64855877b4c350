/**
 * <warrant-class-teacher>: the teacher's class section of an assignment's map. Drop or choose
 * many hand-ins at once (Markdown or JSON): a summary lists what came in per student, the
 * conflicts (both texts), duplicates and refusals by file name. The class table counts each
 * student's work; anonymous mode shows Student A, B ... instead of names (for projecting);
 * "View as" and the author filter ask the map to show one student's work. Feedback: a note and a
 * grade per student, comments on their nodes, and "Return feedback" (a file per student).
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CollectResult } from '../formats/collect.js';
import { classTable } from '../model/assignment.js';
import { anonymousNames, peopleIn } from '../model/class-records.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import {
  collect,
  commentOnNode,
  copyFeedbackLink,
  feedbackFiles,
  readFiles,
  setNote,
  type ClassState,
} from '../state/class-work.js';
import { download } from '../state/transfer.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-class-teacher': WarrantClassTeacher;
  }
  interface HTMLElementEventMap {
    /** Show one person's work in the map (undefined: everyone's). */
    'warrant-view-as': CustomEvent<{ person: string | undefined }>;
    'warrant-anonymous-change': CustomEvent<{ anonymous: boolean }>;
  }
}

@customElement('warrant-class-teacher')
export class WarrantClassTeacher extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-top: 10px;
      }
      summary {
        font-weight: 650;
        cursor: pointer;
        padding: 4px 0;
      }
      .drop {
        border: 2px dashed var(--rule-strong);
        border-radius: 8px;
        padding: 12px;
        text-align: center;
        margin: 6px 0;
      }
      .drop.over {
        border-color: var(--accent);
        background: var(--hover);
      }
      .table {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 13px;
        margin: 6px 0;
      }
      th,
      td {
        border-bottom: 1px solid var(--rule);
        padding: 3px 6px;
        text-align: right;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      .summary li {
        margin: 2px 0;
      }
      .error {
        color: var(--error-ink);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        margin: 6px 0;
      }
      .student {
        border-top: 1px solid var(--rule);
        padding-top: 6px;
        margin-top: 6px;
      }
      .student label {
        display: block;
        font-weight: 600;
        margin-top: 4px;
      }
      textarea,
      input[type='text'] {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
      }
      .conflict blockquote {
        margin: 2px 0 2px 12px;
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @state()
  services?: AppServices;

  @property({ attribute: false }) state?: ClassState;

  @state() private result?: CollectResult;
  @state() private busy = false;
  @state() private over = false;
  @state() private viewAs = '';
  @state() private message = '';

  private get anonymous(): boolean {
    return this.services?.anonymous === true;
  }

  /** The name shown for a person: their own, or "Student A" ... in anonymous mode. */
  private shown(person: string): string {
    if (!this.anonymous || !this.state?.assignment) return person;
    return anonymousNames(peopleIn(this.state.bundle)).get(person) ?? person;
  }

  private async take(files: File[]): Promise<void> {
    const a = this.state?.assignment;
    if (!a || !this.services || !files.length) return;
    this.busy = true;
    try {
      this.result = await collect(this.services.db, a, await readFiles(files));
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private onChoose = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.take(files);
  };

  private onDrop = (e: DragEvent): void => {
    e.preventDefault();
    this.over = false;
    void this.take([...(e.dataTransfer?.files ?? [])]);
  };

  private onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    this.over = true;
  };

  private setViewAs(person: string): void {
    this.viewAs = person;
    this.dispatchEvent(
      new CustomEvent('warrant-view-as', { detail: { person: person || undefined }, bubbles: true, composed: true }),
    );
  }

  private setAnonymous(on: boolean): void {
    this.dispatchEvent(
      new CustomEvent('warrant-anonymous-change', { detail: { anonymous: on }, bubbles: true, composed: true }),
    );
  }

  private onReturn = (): void => {
    if (!this.state) return;
    const files = feedbackFiles(this.state);
    if (!files.length) {
      this.message = 'There is no feedback yet: write a note or a comment first.';
      return;
    }
    for (const f of files) download(f.filename, f.text, 'application/json');
    this.message = `Saved ${files.length} feedback ${files.length === 1 ? 'file' : 'files'}: ${files.map((f) => f.filename).join(', ')}.`;
  };

  private async onFeedbackLink(person: string): Promise<void> {
    if (!this.state) return;
    const file = feedbackFiles(this.state).find((f) => f.student === person);
    if (!file) {
      this.message = `There is no feedback for ${this.shown(person)} yet: write a note or a comment first.`;
      return;
    }
    const r = await copyFeedbackLink(file.text, this.shown(person));
    this.message = r.message;
  }

  private renderSummary(r: CollectResult) {
    if (r.refused.length) {
      return html`<div role="alert" class="summary">
        <p class="error">
          <strong>Nothing was collected.</strong> Leave out or fix these files, then drop the rest again:
        </p>
        <ul>
          ${r.refused.map((x) => html`<li class="error">${x.message}</li>`)}
        </ul>
      </div>`;
    }
    return html`<div role="status" class="summary">
      <p>
        <strong>Collected ${r.collected.length} ${r.collected.length === 1 ? 'hand-in' : 'hand-ins'}.</strong>
      </p>
      <ul>
        ${r.collected.map(
          (c) =>
            html`<li>
              ${this.shown(c.student)}${this.anonymous ? '' : ` (${c.fileName})`}: ${c.added.nodes} added,
              ${c.added.citations} citations, ${c.added.ratings} ratings${c.changed ? `, ${c.changed} reworded` : ''};
              tasks ${c.tasks.filter((t) => t.complete).length} of ${c.tasks.length}
              done${
                c.conflicts.length
                  ? html`; ${c.conflicts.length} ${c.conflicts.length === 1 ? 'conflict' : 'conflicts'}:
                      <ul>
                        ${c.conflicts.map(
                          (k) =>
                            html`<li class="conflict">
                              ${k.message}${
                                k.other
                                  ? html`<blockquote>Kept: ${k.kept}</blockquote>
                                      <blockquote>${this.shown(k.otherBy)}’s: ${k.other}</blockquote>`
                                  : nothing
                              }
                            </li>`,
                        )}
                      </ul>`
                  : ''
              }
            </li>`,
        )}
        ${r.duplicates.map(
          (d) =>
            html`<li>
              ${this.anonymous ? '' : `${d.fileName}: `}${this.shown(d.student)}’s hand-in was collected
              already${d.sameAs && !this.anonymous ? ` (as ${d.sameAs})` : ''}; nothing changed.
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderStudent(person: string) {
    const st = this.state!;
    const mine = st.feedback.filter((f) => f.student === person);
    const note = mine.find((f) => f.nodeId === undefined);
    const added = st.bundle.nodes.filter((n) => n.author === person && !(n.id in st.assignment!.baseline.nodes));
    const key = person.replace(/[^A-Za-z0-9]/g, '_');
    const db = this.services!.db;
    const save = (e: Event): void => {
      const box = (e.target as HTMLElement).closest('.student')!;
      const text = box.querySelector<HTMLTextAreaElement>('textarea.note')!.value;
      const grade = box.querySelector<HTMLInputElement>('input.grade')!.value;
      void setNote(db, st.bundle.map.id, person, text, grade, note);
    };
    return html`<div class="student">
      <strong>${this.shown(person)}</strong>
      <label for="note-${key}">Note</label>
      <textarea id="note-${key}" class="note" rows="2" .value=${note?.text ?? ''} @change=${save}></textarea>
      <label for="grade-${key}">Grade</label>
      <input id="grade-${key}" class="grade" type="text" .value=${note?.grade ?? ''} @change=${save} />
      ${added.map((n) => {
        const comment = mine.find((f) => f.nodeId === n.id);
        return html`<label for="c-${n.id}">Comment on “${n.text.slice(0, 80)}”</label>
          <input
            id="c-${n.id}"
            type="text"
            .value=${comment?.text ?? ''}
            ?disabled=${comment !== undefined}
            @change=${(e: Event) =>
              void commentOnNode(db, st.bundle.map.id, n.id, person, (e.target as HTMLInputElement).value)}
          />`;
      })}
      <div class="row">
        <button ?disabled=${!mine.length} @click=${() => void this.onFeedbackLink(person)}>
          Copy feedback link<span class="sr-only"> for ${this.shown(person)}</span>
        </button>
      </div>
    </div>`;
  }

  override render() {
    const st = this.state;
    if (!st?.assignment) return nothing;
    const rows = classTable(st.bundle, st.assignment);
    const people = rows.map((r) => r.person);
    return html`<details>
      <summary>Class: collect hand-ins, table, feedback</summary>
      <div
        class="drop ${this.over ? 'over' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.over = false)}
        @drop=${this.onDrop}
      >
        <p>Drop hand-ins here (Markdown or JSON, many at once), or</p>
        <label class="button" for="collect-files">Choose hand-ins…</label>
        <input
          id="collect-files"
          class="sr-only"
          type="file"
          multiple
          accept=".md,.markdown,.json,text/markdown,application/json"
          @change=${this.onChoose}
        />
      </div>
      ${this.busy ? html`<p role="status">Collecting…</p>` : nothing}
      ${this.result ? this.renderSummary(this.result) : nothing}
      <div class="row">
        <label
          ><input
            type="checkbox"
            .checked=${this.anonymous}
            @change=${(e: Event) => this.setAnonymous((e.target as HTMLInputElement).checked)}
          />
          Anonymous (Student A, B …)</label
        >
        <label for="view-as">Show the work of</label>
        <select id="view-as" @change=${(e: Event) => this.setViewAs((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.viewAs === ''}>everyone</option>
          ${people.map((p) => html`<option value=${p} ?selected=${this.viewAs === p}>${this.shown(p)}</option>`)}
        </select>
      </div>
      <div class="table" tabindex="0" role="region" aria-label="Class table (scrolls sideways)">
        <table aria-label="Class table">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Claims</th>
              <th scope="col">Premises</th>
              <th scope="col">Counterpoints</th>
              <th scope="col">Rebuttals</th>
              <th scope="col">Sources cited</th>
              <th scope="col">Ratings</th>
              <th scope="col">Tasks done</th>
              <th scope="col">Gaps closed</th>
            </tr>
          </thead>
          <tbody>
            ${
              rows.length
                ? rows.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">${this.shown(r.person)}</th>
                        <td>${r.added.claim}</td>
                        <td>${r.added.premise}</td>
                        <td>${r.added.counterpoint}</td>
                        <td>${r.added.rebuttal}</td>
                        <td>${r.cited}</td>
                        <td>${r.rated}</td>
                        <td>${r.tasksDone} of ${r.tasks}</td>
                        <td>${r.gapsClosed}</td>
                      </tr>`,
                  )
                : html`<tr>
                    <td colspan="9">No work yet: collect hand-ins to fill the table.</td>
                  </tr>`
            }
          </tbody>
        </table>
      </div>
      <h3>Feedback</h3>
      ${people.map((p) => this.renderStudent(p))}
      <div class="row">
        <button @click=${this.onReturn}>Return feedback</button>
      </div>
      <p role="status">${this.message}</p>
    </details>`;
  }
}
