/**
 * <warrant-class-panel>: the class's side of a map. With no assignment, the teacher makes one
 * (instructions and tasks). With one, everybody sees the instructions and their own checklist,
 * which ticks itself from the map; a student hands in (Markdown + JSON) in one action and
 * imports the teacher's feedback; the teacher hands the assignment out as a file or a link and
 * opens the class section (collect, class table, feedback: <warrant-class-teacher>).
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LiveQueryController } from '../state/live-query-controller.js';
import { checklist, TASK_KINDS, taskLabel, type TaskKind } from '../model/assignment.js';
import { anonymousNames, peopleIn } from '../model/class-records.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import {
  assignmentFile,
  copyHandInLink,
  handIn,
  handOutFile,
  importFeedbackFile,
  loadClassState,
  makeAssignment,
  shareLink,
  type ClassState,
} from '../state/class-work.js';
import { copyToClipboard } from '../state/transfer.js';
import './class-teacher.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-class-panel': WarrantClassPanel;
  }
}

const KIND_WORDS: Record<TaskKind, string> = {
  counterpoints: 'Counterpoints to add',
  answers: 'Objections to answer',
  ratings: 'Nodes to rate',
  sources: 'Sources to cite',
};

@customElement('warrant-class-panel')
export class WarrantClassPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: 14px;
        padding: 8px 12px;
      }
      .contributors {
        margin: 0 0 8px;
      }
      h2 {
        font-size: 16px;
        margin: 0 0 6px;
      }
      h3 {
        font-size: 14px;
        margin: 12px 0 4px;
      }
      .instructions {
        white-space: pre-wrap;
        margin: 0 0 8px;
      }
      ul.checklist {
        list-style: none;
        padding: 0;
        margin: 0 0 8px;
      }
      ul.checklist li {
        display: flex;
        gap: 8px;
        align-items: baseline;
        padding: 2px 0;
      }
      .tick {
        font-weight: 700;
        width: 1.2em;
        text-align: center;
      }
      .done .tick {
        color: var(--support-ink, green);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 6px 0;
      }
      form label {
        display: block;
        font-weight: 600;
        margin: 8px 0 2px;
      }
      form input[type='text'],
      form textarea {
        width: 100%;
        font: inherit;
        padding: 4px 6px;
        box-sizing: border-box;
      }
      fieldset {
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        margin: 8px 0;
      }
      .task {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 4px 0;
      }
      .task input[type='number'] {
        width: 4.5em;
      }
      .task label {
        display: inline;
        font-weight: 400;
        margin: 0;
      }
      .status {
        min-height: 1.4em;
        margin: 4px 0;
      }
      .error {
        color: var(--error-ink);
      }
      .feedback {
        border-left: 3px solid var(--accent);
        padding-left: 8px;
        margin: 6px 0;
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @state()
  services?: AppServices;

  @property({ attribute: 'map-id' }) mapId = '';

  @state() private making = false;
  @state() private status = '';
  @state() private error = '';

  private data = new LiveQueryController<ClassState | undefined>(
    this,
    async () => (this.services && this.mapId ? loadClassState(this.services.db, this.mapId) : undefined),
    () => [this.services?.db, this.mapId],
  );

  /** The class state, once loaded (for tests). */
  get classState(): ClassState | undefined {
    return this.data.value;
  }

  /** A person's name as shown: in anonymous mode, Student A ... (or "you" for someone unnamed yet). */
  private shown(person: string): string {
    const st = this.data.value;
    if (!this.services?.anonymous || !st) return person;
    return anonymousNames(peopleIn(st.bundle)).get(person) ?? 'you';
  }

  private say(text: string, error = false): void {
    this.status = error ? '' : text;
    this.error = error ? text : '';
  }

  /** The name work is filed under; asks "Who are you?" when there is none yet. */
  private async name(): Promise<string | undefined> {
    const s = this.services;
    if (!s) return undefined;
    if (s.authorName.trim()) return s.authorName.trim();
    return s.askName?.();
  }

  private onMake = async (e: Event): Promise<void> => {
    e.preventDefault();
    const s = this.services;
    const bundle = this.data.value?.bundle;
    if (!s || !bundle) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const tasks = TASK_KINDS.flatMap((kind) => {
      const count = Number(data.get(`count-${kind}`) ?? 0);
      if (!Number.isInteger(count) || count < 1) return [];
      return [{ kind, count, ...(data.get(`source-${kind}`) === 'on' && { withSource: true }) }];
    });
    if (!tasks.length)
      return this.say('Ask for at least one thing: a number of counterpoints, answers, ratings or sources.', true);
    const a = await makeAssignment(s.db, bundle, {
      title: String(data.get('title') ?? ''),
      instructions: String(data.get('instructions') ?? ''),
      tasks,
    });
    this.making = false;
    this.say(`Assignment “${a.title}” made. Hand it out as a file or a link.`);
  };

  private onHandOutFile = (): void => {
    const st = this.data.value;
    if (!st?.assignment) return;
    this.say(`Saved ${handOutFile(st.bundle, st.assignment)}: give it to the class.`);
  };

  private onHandOutLink = async (): Promise<void> => {
    const st = this.data.value;
    if (!st?.assignment) return;
    const link = await shareLink(assignmentFile(st.bundle, st.assignment).text);
    if (!link.ok) return this.say(link.message, true);
    const copied = await copyToClipboard(link.url);
    this.lastLink = link.url;
    this.say(
      copied.ok ? 'Link copied: it carries the whole assignment, and no server sees it.' : copied.message,
      !copied.ok,
    );
  };

  /** The last link made (shown so it can be copied by hand; read by tests). */
  @state() lastLink = '';

  private onHandIn = async (): Promise<void> => {
    const st = this.data.value;
    if (!st?.assignment) return;
    const who = await this.name();
    if (!who) return this.say('Give your name first: a hand-in says whose work it is.', true);
    const names = handIn(st.bundle, st.assignment, who);
    this.say(`Handed in as ${this.shown(who)}: saved ${names.join(' and ')}. Give these files to your teacher.`);
  };

  private onHandInLink = async (): Promise<void> => {
    const st = this.data.value;
    if (!st?.assignment) return;
    const who = await this.name();
    if (!who) return this.say('Give your name first: a hand-in says whose work it is.', true);
    const r = await copyHandInLink(st.bundle, st.assignment, who);
    if (r.url) this.lastLink = r.url;
    this.say(r.message, !r.ok);
  };

  private onFeedbackFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.services) return;
    const r = await importFeedbackFile(this.services.db, await file.text(), file.name);
    if (!r.ok) return this.say(r.message, true);
    this.say(`Feedback imported from ${file.name}: ${r.count} ${r.count === 1 ? 'item' : 'items'}.`);
  };

  private renderMaker() {
    return html`<form @submit=${this.onMake} aria-label="Make assignment">
      <h2>Make assignment</h2>
      <label for="a-title">Title</label>
      <input id="a-title" name="title" type="text" value=${this.data.value?.bundle.map.title ?? ''} />
      <label for="a-instructions">Instructions</label>
      <textarea id="a-instructions" name="instructions" rows="3"></textarea>
      <fieldset>
        <legend>Tasks (leave 0 for none)</legend>
        ${TASK_KINDS.map(
          (kind) =>
            html`<div class="task">
              <input id="count-${kind}" name="count-${kind}" type="number" min="0" max="100" value="0" />
              <label for="count-${kind}">${KIND_WORDS[kind]}</label>
              ${
                kind === 'counterpoints' || kind === 'answers'
                  ? html`<input id="source-${kind}" name="source-${kind}" type="checkbox" /><label for="source-${kind}"
                        >each with a source</label
                      >`
                  : nothing
              }
            </div>`,
        )}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">Make assignment</button>
        <button type="button" @click=${() => (this.making = false)}>Cancel</button>
      </div>
    </form>`;
  }

  private renderAssignment(st: ClassState) {
    const a = st.assignment!;
    const who = this.services?.authorName.trim() ?? '';
    const states = who ? checklist(st.bundle, a, who) : [];
    const mine = who ? st.feedback.filter((f) => f.student === who) : [];
    const note = mine.find((f) => f.nodeId === undefined);
    const comments = mine.filter((f) => f.nodeId !== undefined);
    const nodeText = (id: string) => st.bundle.nodes.find((n) => n.id === id)?.text ?? '(a node no longer in the map)';
    return html`<section aria-labelledby="asg-title">
      <h2 id="asg-title">Assignment: ${a.title}</h2>
      ${a.instructions ? html`<p class="instructions">${a.instructions}</p>` : nothing}
      <h3 id="checklist-title">${who ? `Checklist for ${this.shown(who)}` : 'Checklist'}</h3>
      ${
        who
          ? html`<ul class="checklist" aria-labelledby="checklist-title">
              ${states.map(
                (t) =>
                  html`<li class=${t.complete ? 'done' : ''}>
                    <span class="tick" aria-hidden="true">${t.complete ? '✓' : '○'}</span>
                    <span>${t.label}: ${t.done} of ${t.required}${t.complete ? ' (done)' : ''}</span>
                  </li>`,
              )}
            </ul>`
          : html`<ul class="checklist" aria-labelledby="checklist-title">
              ${a.tasks.map((t) => html`<li><span class="tick" aria-hidden="true">○</span><span>${taskLabel(t)}</span></li>`)}
            </ul>`
      }
      <div class="row">
        <button class="primary" @click=${this.onHandIn}>Hand in</button>
        <button @click=${this.onHandInLink}>Copy hand-in link</button>
        <button @click=${this.onHandOutFile}>Assignment file</button>
        <button @click=${this.onHandOutLink}>Copy assignment link</button>
        <label class="button" for="feedback-file">Import feedback…</label>
        <input
          id="feedback-file"
          class="sr-only"
          type="file"
          accept=".json,application/json"
          @change=${this.onFeedbackFile}
        />
      </div>
      ${
        note || comments.length
          ? html`<h3>Feedback from your teacher</h3>
              ${
                note
                  ? html`<p class="feedback">
                      ${note.grade ? html`<strong>Grade: ${note.grade}.</strong> ` : nothing}${note.text}
                    </p>`
                  : nothing
              }
              <ul>
                ${comments.map((c) => html`<li><q>${nodeText(c.nodeId!).slice(0, 120)}</q>: ${c.text}</li>`)}
              </ul>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const st = this.data.value;
    if (!st) return html`<p role="status">Loading the class…</p>`;
    const people = peopleIn(st.bundle);
    return html`
      <p class="contributors">
        <strong>Contributors:</strong>
        ${people.length ? people.map((p) => this.shown(p)).join(', ') : 'none yet (the map as it shipped)'}
      </p>
      ${
        this.making
          ? this.renderMaker()
          : st.assignment
            ? this.renderAssignment(st)
            : html`<h2>Class</h2>
                <p class="muted">
                  Turn this map into an assignment: instructions and tasks, handed out as a file or a link.
                </p>
                <button class="primary" @click=${() => (this.making = true)}>Make assignment…</button>`
      }
      <div class="status" role="status">${this.status}</div>
      <div class="status error" role="alert">${this.error}</div>
      ${st.assignment && !this.making ? html`<warrant-class-teacher .state=${st}></warrant-class-teacher>` : nothing}
    `;
  }
}
