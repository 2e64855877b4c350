/**
 * Templates of <warrant-citations>: one cited source (its card and pinpoint, or the pinpoint
 * editor, or the source form, with the row's actions), and the offer of an existing card when a
 * new source duplicates it. The host owns the state and the writes (handlers in `CitedRowHost`).
 */
import { html, nothing } from 'lit';
import type { Citation, Source } from '../model/types.js';
import { sourceCard } from './source-card.js';
import type { SourceSubmitDetail } from './source-form.js';

/** What a row shows and whom it calls. */
export interface CitedRowHost {
  source?: Source;
  /** How many nodes of the map cite the source. */
  uses: number;
  /** The row's error message ('' for none). */
  error: string;
  busy: boolean;
  editingPin: boolean;
  pinEditDraft: string;
  editingSource: boolean;
  editProblem: string;
  setPinEditDraft(value: string): void;
  setRowError(message: string): void;
  onPinEditKeyDown(e: KeyboardEvent): void;
  startPinEdit(): void;
  endPinEdit(): void;
  savePin(): void;
  startSourceEdit(): void;
  endSourceEdit(): void;
  saveSource(e: CustomEvent<SourceSubmitDetail>, source: Source): void;
  uncite(): void;
}

export function citedSourceRow(c: Citation, h: CitedRowHost) {
  const { source, error, uses } = h;

  if (!source) {
    return html`<li data-cid=${c.id}>
      <p class="muted">A source that is no longer in the map.</p>
      <div class="actions">
        <button data-action="remove" ?disabled=${h.busy} @click=${() => h.uncite()}>
          Remove<span class="sr-only"> this citation</span>
        </button>
      </div>
    </li>`;
  }
  const title = source.title;
  if (h.editingSource) {
    return html`<li data-cid=${c.id}>
      <warrant-source-form
        frameless
        label="Edit source"
        submit-label="Save source"
        .source=${source}
        note=${uses > 1 ? `Changes show on all ${uses} nodes that cite it.` : ''}
        .problem=${h.editProblem}
        ?busy=${h.busy}
        @warrant-source-submit=${(e: CustomEvent<SourceSubmitDetail>) => h.saveSource(e, source)}
        @warrant-source-cancel=${(e: Event) => {
          e.stopPropagation();
          h.endSourceEdit();
        }}
      ></warrant-source-form>
    </li>`;
  }
  const errorId = `err-${c.id}`;
  return html`<li data-cid=${c.id}>
    ${sourceCard(source)}
    ${
      h.editingPin
        ? html`<div class="pin-edit">
            <label for="pin-${c.id}">Pinpoint <span class="sr-only">in “${title}”</span></label>
            <input
              id="pin-${c.id}"
              autocomplete="off"
              .value=${h.pinEditDraft}
              aria-describedby="pin-hint-${c.id} ${errorId}"
              aria-invalid=${error ? 'true' : 'false'}
              @input=${(e: Event) => {
                h.setPinEditDraft((e.target as HTMLInputElement).value);
                h.setRowError('');
              }}
              @keydown=${(e: KeyboardEvent) => h.onPinEditKeyDown(e)}
            />
            <p class="hint" id="pin-hint-${c.id}">
              Page, section or a short quoted excerpt. Enter saves, Escape cancels.
            </p>
            <div class="row">
              <button class="primary" ?disabled=${h.busy} @click=${() => h.savePin()}>Save pinpoint</button>
              <button
                @click=${() => {
                  h.setRowError('');
                  h.endPinEdit();
                }}
              >
                Cancel
              </button>
            </div>
          </div>`
        : c.pinpoint
          ? html`<p class="pinpoint"><span class="muted">Pinpoint:</span> ${c.pinpoint}</p>`
          : nothing
    }
    ${uses > 1 ? html`<p class="uses">Cited by ${uses} nodes in this map.</p>` : nothing}
    <p class="error" id=${errorId}>${error}</p>
    ${
      h.editingPin
        ? nothing
        : html`<div class="actions">
            <button data-action="pinpoint" @click=${() => h.startPinEdit()}>
              ${c.pinpoint ? 'Edit pinpoint' : 'Add pinpoint'}<span class="sr-only"> for “${title}”</span>
            </button>
            <button data-action="source" @click=${() => h.startSourceEdit()}>
              Edit source<span class="sr-only"> “${title}”</span>
            </button>
            <button data-action="remove" ?disabled=${h.busy} @click=${() => h.uncite()}>
              Remove<span class="sr-only"> “${title}” from this node</span>
            </button>
          </div>`
    }
  </li>`;
}

/** A new source duplicates an existing card: say so and offer to cite that card instead. */
export function duplicateOffer(dup: { message: string }, citeError: string, busy: boolean, cite: () => void) {
  return html`<div class="dup" role="group" aria-labelledby="dup-message">
    <p id="dup-message">${dup.message}</p>
    <p class="error">${citeError}</p>
    <div class="row">
      <button id="cite-dup" class="primary" ?disabled=${busy} @click=${cite}>Cite that one</button>
    </div>
  </div>`;
}
