/** The read-only source card shared by the node's Sources section and the map-wide Sources panel. */
import { css, html, nothing, type TemplateResult } from 'lit';
import { RELIABILITY_LABELS, SOURCE_TYPE_LABELS } from '../model/sources.js';
import type { Source } from '../model/types.js';
import { validateUrl } from '../model/url.js';

/**
 * A source card, read-only: title (a link only for an http(s) URL, opening in a new tab),
 * authors, publisher, date, type, reliability grade and its justification. Shared by the node's
 * Sources section and the map-wide Sources panel so a card looks the same everywhere; style it
 * with `sourceCardStyles`.
 */
export function sourceCard(s: Source): TemplateResult {
  const link = s.url && validateUrl(s.url).ok ? s.url : undefined;
  const meta = [s.authors, s.publisher, s.date].filter(Boolean).join(' · ');
  return html`<p class="src-title">
      ${
        link
          ? html`<a href=${link} target="_blank" rel="noopener noreferrer"
              >${s.title}<span class="sr-only"> (opens in a new tab)</span></a
            >`
          : html`<cite>${s.title}</cite>`
      }
    </p>
    <p class="src-meta">
      ${meta ? html`<span>${meta}</span>` : nothing}
      <span class="src-type">${SOURCE_TYPE_LABELS[s.type] ?? SOURCE_TYPE_LABELS.other}</span>
    </p>
    <p class="src-reliability">
      ${
        s.reliability
          ? html`<span class="grade grade-${s.reliability}" title=${RELIABILITY_LABELS[s.reliability]}
                ><span aria-hidden="true">${s.reliability}</span
                ><span class="sr-only">Reliability ${s.reliability}:</span></span
              >
              <span>${gradeWords(s.reliability)}</span>${
                s.reliabilityNote ? html` <span>·</span> <span class="src-note">${s.reliabilityNote}</span>` : nothing
              }`
          : html`<span class="muted">Reliability not graded</span>${
                s.reliabilityNote ? html`: <span class="src-note">${s.reliabilityNote}</span>` : nothing
              }`
      }
    </p>`;
}

/** "usually reliable" for B (the label without its letter). */
function gradeWords(grade: keyof typeof RELIABILITY_LABELS): string {
  return RELIABILITY_LABELS[grade].replace(/^[A-F]:\s*/, '');
}

/** Styles for `sourceCard`. */
export const sourceCardStyles = css`
  .src-title {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .src-title cite {
    font-style: normal;
  }
  .src-meta,
  .src-reliability {
    margin: 2px 0 0;
    font-size: 13.5px;
    color: var(--muted);
    overflow-wrap: anywhere;
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    align-items: baseline;
  }
  .src-reliability {
    gap: 2px 6px;
  }
  .src-type {
    border: 1px solid var(--rule-strong);
    border-radius: 4px;
    padding: 0 5px;
    font-size: 12px;
  }
  .src-note {
    color: var(--ink);
  }
  .grade {
    display: inline-block;
    min-width: 1.5em;
    text-align: center;
    font-weight: 700;
    font-size: 12.5px;
    line-height: 1.5;
    border: 1.5px solid currentColor;
    border-radius: 4px;
    color: var(--ink);
    background: var(--surface);
  }
  /* Colour only repeats what the letter says. */
  .grade-A,
  .grade-B {
    color: var(--support-ink);
    background: var(--support-bg);
  }
  .grade-D,
  .grade-E {
    color: var(--oppose-ink);
    background: var(--oppose-bg);
    border-style: dashed;
  }
  .grade-F {
    border-style: dotted;
  }
`;
