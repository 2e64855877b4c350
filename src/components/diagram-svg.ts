/**
 * The drawing of a diagram inside its <svg>: the arrowheads, the arrows (solid supports, dashed
 * opposes), the boxes as one WAI-ARIA tree with a roving tab stop, and their text, which sits in
 * a layer of its own that pointer events pass through.
 */
import { nothing, svg, type TemplateResult } from 'lit';
import { KIND_LABELS } from '../model/types.js';
import { BOX, type DiagramLayout } from '../pictures/diagram-layout.js';
import { INK, MARK_INK, spokenLabel } from '../pictures/picture-data.js';

/** What the drawing shows besides the layout. */
export interface DrawingState {
  /** The tree's accessible name (the picture's title). */
  title: string;
  /** The node selected in the tree: a solid ring. */
  selectedId: string | undefined;
  /** The box holding the tab stop: a dashed ring while focus is inside the picture. */
  activeId: string | undefined;
  focusInside: boolean;
}

/** The diagram's content for the <svg> element the component draws. */
export function diagramDrawing(layout: DiagramLayout, o: DrawingState): TemplateResult {
  return svg`
              <defs>
                <marker
                  id="dg-arrow-supports"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="9"
                  markerHeight="9"
                  orient="auto-start-reverse"
                  markerUnits="userSpaceOnUse"
                >
                  <path d="M0,0L10,5L0,10Z" fill="#0a6b4c"></path>
                </marker>
                <marker
                  id="dg-arrow-opposes"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="11"
                  markerHeight="11"
                  orient="auto-start-reverse"
                  markerUnits="userSpaceOnUse"
                >
                  <path d="M1,1L9,5L1,9" fill="none" stroke="#b0261d" stroke-width="2"></path>
                  <path d="M9.5,0V10" stroke="#b0261d" stroke-width="2"></path>
                </marker>
              </defs>
              <g class="viewport">
                <g class="edges" aria-hidden="true" fill="none">
                  ${layout.edges.map(
                    (e) => svg`<path class=${`edge ${e.relation}`} data-from=${e.from} data-to=${e.to} d=${e.d}
                  stroke=${e.relation === 'opposes' ? '#b0261d' : e.relation === 'neutral' ? '#3d3d70' : '#0a6b4c'} stroke-width="2"
                  stroke-dasharray=${e.relation === 'opposes' ? '7 4' : 'none'}
                  marker-end=${`url(#dg-arrow-${e.relation === 'opposes' ? 'opposes' : 'supports'})`}></path>`,
                  )}
                </g>
                <g role="tree" aria-label=${o.title}>
                  ${layout.boxes.map((b) => {
                    const siblings = b.parentId === null ? [b.id] : (layout.childIds.get(b.parentId) ?? [b.id]);
                    const oppose = b.polarity === 'oppose';
                    return svg`<g role="treeitem" data-id=${b.id} class="box" transform=${`translate(${b.x},${b.y})`}
                  tabindex=${b.id === o.activeId ? 0 : -1}
                  aria-level=${b.depth + 1} aria-setsize=${siblings.length} aria-posinset=${siblings.indexOf(b.id) + 1}
                  aria-selected=${b.id === o.selectedId ? 'true' : 'false'}
                  aria-label=${spokenLabel(b, KIND_LABELS[b.kind])}>
                  <title>${b.text}</title>
                  <rect width=${b.width} height=${b.height} rx=${oppose ? 0 : 8} fill=${b.fill} stroke=${b.line}
                    stroke-width="2" stroke-dasharray=${oppose ? '6 3' : 'none'}></rect>
                  <rect x="1" y="1" width=${b.width - 2} height=${BOX.headerHeight} rx=${oppose ? 0 : 7}
                    fill=${b.headerFill}></rect>
                  ${
                    b.id === o.selectedId
                      ? svg`<rect class="ring" data-screen-only x="-4" y="-4" width=${b.width + 8} height=${b.height + 8}
                          rx="10" fill="none" stroke="#1c1f24" stroke-width="3"></rect>`
                      : nothing
                  }
                  ${
                    o.focusInside && b.id === o.activeId
                      ? svg`<rect class="ring" data-screen-only x="-7" y="-7" width=${b.width + 14} height=${b.height + 14}
                          rx="12" fill="none" stroke="#1a5fd0" stroke-width="3" stroke-dasharray="5 3"></rect>`
                      : nothing
                  }
                </g>`;
                  })}
                </g>
                <g aria-hidden="true" pointer-events="none">
                  ${layout.boxes.map((b) => {
                    const textTop = BOX.headerHeight + BOX.pad + BOX.font - 2;
                    return svg`<g data-text-for=${b.id} transform=${`translate(${b.x},${b.y})`}>
                  <text x=${BOX.pad} y=${BOX.headerHeight - 6} font-size=${BOX.headerFont} font-weight="650"
                    fill=${b.headerInk}>${b.header}</text>
                  <text font-size=${BOX.font} fill=${INK}>${b.lines.map(
                    (line, i) => svg`<tspan x=${BOX.pad} y=${textTop + i * BOX.lineHeight}>${line}</tspan>`,
                  )}</text>
                  ${
                    b.footer
                      ? svg`<text x=${BOX.pad} y=${b.height - BOX.pad + 2} font-size="11.5" fill=${MARK_INK}>${b.footer}</text>`
                      : nothing
                  }
                </g>`;
                  })}
                </g>
              </g>
  `;
}
