/**
 * How each kind of node looks. Support and opposition differ by label, by icon SHAPE and by
 * border style as well as by colour, so they stay distinguishable in greyscale, in print and for
 * colour-blind students.
 */
import { css } from 'lit';
import { KIND_LABELS, type NodeKind } from '../model/types.js';

/**
 * Icon glyph per kind: a circle-plus for support, a square-minus for opposition, a diamond-dot
 * for a neutral option (neither: it takes no part in its parent's standing).
 */
export const KIND_ICONS: Readonly<Record<NodeKind, string>> = {
  thesis: '◆',
  claim: '⊕',
  premise: '⊕',
  counterpoint: '⊟',
  rebuttal: '⊟',
  option: '◈',
};

/** Words for each kind, e.g. "Claim". */
export const kindLabel = (kind: NodeKind): string => KIND_LABELS[kind];

/** Shared badge styles: .badge.k-thesis / .k-claim / ... */
export const kindStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0 0.45em;
    margin-right: 0.4em;
    font-size: 0.78em;
    font-weight: 650;
    letter-spacing: 0.01em;
    line-height: 1.5;
    vertical-align: 0.08em;
    white-space: nowrap;
    border: 1.5px solid currentColor;
  }
  .badge .icon {
    font-size: 1.05em;
    line-height: 1;
  }
  /* Support: rounded pill. Opposition: square corners and a dashed outline. */
  .badge.k-claim,
  .badge.k-premise {
    color: var(--support-ink);
    background: var(--support-bg);
    border-radius: 999px;
  }
  .badge.k-counterpoint,
  .badge.k-rebuttal {
    color: var(--oppose-ink);
    background: var(--oppose-bg);
    border-radius: 0;
    border-style: dashed;
  }
  /* A neutral option: cut corners (a chevron-ended tag) and a double outline, in neither colour. */
  .badge.k-option {
    color: var(--option-ink, #3d3d70);
    background: var(--option-bg, #eeeefa);
    border-radius: 0.2em 0.9em;
    border-style: double;
    border-width: 3px;
  }
  .badge.k-thesis {
    color: var(--thesis-ink);
    background: var(--thesis-bg);
    border-radius: 4px;
    border-width: 2px;
  }
`;
