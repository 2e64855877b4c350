/**
 * Parts of the map view's header as template functions: they render into the view's own shadow
 * root (its styles and its tests see them), taking everything they show as arguments.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ArgumentMap } from '../model/types.js';
import type { Derived } from '../state/derive.js';

/** The map's title and the document it maps (linked when it has an address). */
export function mapHeading(map: ArgumentMap): TemplateResult {
  const doc = map.document;
  return html`<div class="head-text">
    <h1 title=${map.title}>${map.title}</h1>
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
  </div>`;
}

/** What thesisStanding shows besides the derived figures. */
export interface StandingOptions {
  /** The name of the semantics the standing is computed with. */
  semanticsLabel: string;
  /** Whose ratings count; undefined = everyone (mean). */
  perspective: string | undefined;
  /** Called with the chosen rater ('' = everyone). */
  onPerspective(value: string): void;
  /** A rater's name as shown (anonymous mode shows Student A ...); the name itself by default. */
  shown?: (name: string) => string;
}

/** How the thesis stands, the range it could take, and whose ratings count. */
export function thesisStanding(d: Derived, opts: StandingOptions): TemplateResult {
  const { perspective } = opts;
  return html`<div class="thesis-standing" role="group" aria-label="How the thesis stands">
    ${
      d.evaluation.thesisInformed
        ? html`<span class="big" title="The thesis's standing, computed from the ratings and the tree"
            ><span class="label">Thesis stands at</span> <strong>${d.evaluation.thesis.toFixed(2)}</strong></span
          >`
        : html`<span class="big"><span class="label">The thesis is not rated yet.</span></span>
            <span class="muted">Rate the evidence of the points under it to see how it stands.</span>`
    }
    <span class="range muted"
      >${opts.semanticsLabel}${
        d.evaluation.thesisInformed
          ? html` · based on ${d.evaluation.index.size - d.range.unrated} of ${d.evaluation.index.size} nodes rated`
          : nothing
      }${
        d.range.unrated && d.evaluation.semantics !== 'class'
          ? html`: it could be anywhere from ${d.range.min.toFixed(2)} to ${d.range.max.toFixed(2)}`
          : nothing
      }</span
    >
    <label class="perspective"
      >View as
      <select @change=${(e: Event) => opts.onPerspective((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${perspective === undefined}>everyone (mean)</option>
        ${[...new Set([...d.raters, ...(perspective ? [perspective] : [])])].map(
          (r) => html`<option value=${r} ?selected=${perspective === r}>${opts.shown ? opts.shown(r) : r}</option>`,
        )}
      </select></label
    >
  </div>`;
}

/** Where a map view's loading stands, as MapBundleController reports it. */
export interface MapLoadState {
  loadError?: unknown;
  loading: boolean;
  bundle?: unknown;
  derived?: unknown;
  structureError?: string;
}

/** What the view shows instead of the map while it opens, or when it cannot be shown. */
export function mapStatus(s: MapLoadState): TemplateResult {
  if (s.loadError) {
    return html`<div class="error" role="alert">This map could not be read from storage: ${String(s.loadError)}</div>`;
  }
  if (s.loading) return html`<p class="message muted" role="status">Opening the map…</p>`;
  if (!s.bundle) {
    return html`<div class="message">
      <p>This map does not exist (it may have been deleted).</p>
      <a href="#/">Back to all maps</a>
    </div>`;
  }
  return html`<div class="error" role="alert">This map's tree is damaged: ${s.structureError}</div>`;
}
