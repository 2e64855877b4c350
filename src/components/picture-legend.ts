/**
 * The key to both pictures: how support, opposition and the thesis look, what the shades of
 * standing mean, and the marks for unsourced and unrated nodes. Swatches are small SVGs with
 * presentation attributes (no inline styles under the Content-Security-Policy).
 */
import { html, svg, type TemplateResult } from 'lit';
import { SHADES, STANDING_BANDS, bandLabel } from '../pictures/picture-data.js';

/** The hatching that marks opposition, one pattern per fill; ids are `${prefix}-${fill without #}`. */
export function hatchPatterns(prefix: string, fills: readonly string[]): TemplateResult {
  return svg`${fills.map(
    (fill) => svg`<pattern id=${`${prefix}-${fill.slice(1)}`} patternUnits="userSpaceOnUse" width="7" height="7"
        patternTransform="rotate(45)">
        <rect width="7" height="7" fill=${fill}></rect>
        <line x1="0" y1="0" x2="0" y2="7" stroke="#ffffff" stroke-opacity="0.55" stroke-width="2.4"></line>
      </pattern>`,
  )}`;
}

/** The fill attribute value of a wedge or swatch: its colour, hatched when it opposes. */
export const fillRef = (prefix: string, fill: string, hatched: boolean): string =>
  hatched ? `url(#${prefix}-${fill.slice(1)})` : fill;

/** The legend shown beside a picture. `arrows` adds the diagram's two arrow styles. */
export function legend(prefix: string, arrows: boolean): TemplateResult {
  const bands = Array.from({ length: STANDING_BANDS }, (_, i) => i);
  const swatch = (fill: string, hatched: boolean) =>
    html`<svg class="swatch" width="16" height="16" aria-hidden="true">
      <defs>${hatched ? hatchPatterns(`${prefix}-lg`, [fill]) : ''}</defs>
      <rect
        x="0.5"
        y="0.5"
        width="15"
        height="15"
        fill=${fillRef(`${prefix}-lg`, fill, hatched)}
        stroke="#1c1f24"
        stroke-width="1"
      ></rect>
    </svg>`;
  return html`<div class="legend" role="group" aria-label="Legend">
    <div class="legend-row">
      <span class="legend-title">Standing</span>
      ${bands.map(
        (b) =>
          html`<span class="legend-item"
            >${swatch(SHADES.support[b]!, false)}${swatch(SHADES.oppose[b]!, true)} ${bandLabel(b)}</span
          >`,
      )}
      <span class="legend-note">paler = weaker</span>
    </div>
    <div class="legend-row">
      <span class="legend-item">${swatch(SHADES.thesis[2]!, false)} thesis</span>
      <span class="legend-item">${swatch(SHADES.support[2]!, false)} ⊕ supports (solid)</span>
      <span class="legend-item">${swatch(SHADES.oppose[2]!, true)} ⊟ opposes (hatched)</span>
      ${
        arrows
          ? html`<span class="legend-item"
                ><svg class="swatch wide" width="34" height="12" aria-hidden="true">
                  <line x1="1" y1="6" x2="33" y2="6" stroke="#0a6b4c" stroke-width="2"></line></svg
                >supports arrow</span
              >
              <span class="legend-item"
                ><svg class="swatch wide" width="34" height="12" aria-hidden="true">
                  <line
                    x1="1"
                    y1="6"
                    x2="33"
                    y2="6"
                    stroke="#b0261d"
                    stroke-width="2"
                    stroke-dasharray="6 4"
                  ></line></svg
                >opposes arrow (dashed)</span
              >`
          : ''
      }
      <span class="legend-item">⚠ no source</span>
      ${
        arrows
          ? html`<span class="legend-item">☆ unrated</span>`
          : html`<span class="legend-item"
              ><svg class="swatch" width="16" height="16" aria-hidden="true">
                <rect x="0.5" y="0.5" width="15" height="15" fill="#257f5a"></rect>
                <line x1="1" y1="3" x2="15" y2="3" stroke="#ffffff" stroke-width="2" stroke-dasharray="2 3"></line></svg
              >dotted rim: unrated</span
            >`
      }
    </div>
  </div>`;
}
