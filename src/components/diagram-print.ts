/** The diagram on paper: A4 landscape pages, split with overlap when the branch is large. */
import { printTiles, type DiagramLayout } from '../pictures/diagram-layout.js';
import { standaloneSvg } from './picture-export.js';

/** Class of the printed diagram's root in <body>; app.css prints it on A4 landscape pages. */
const PRINT_DIAGRAM_CLASS = 'warrant-print-diagram';
/** A4 landscape, less the page margins of app.css (10 mm), in CSS px (96 per inch). */
const PAGE_PX = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((182 / 25.4) * 96) };

/** A picture file or page shows the whole branch, whatever the pan and zoom on screen. */
export function resetPan(copy: SVGSVGElement): void {
  copy.querySelector('.viewport')?.removeAttribute('transform');
}

/**
 * The printed diagram as a detached element for the end of <body>: one A4 landscape page when
 * the branch fits at 60% or more, else full-size pages that overlap by a box, each headed with
 * the map's title and its page number and showing its part of the picture.
 */
export function diagramPrintPages(svgEl: SVGSVGElement, layout: DiagramLayout, mapTitle: string): HTMLElement {
  const source = standaloneSvg(svgEl, { x: 0, y: 0, width: layout.width, height: layout.height }, resetPan);
  const tiles = printTiles(layout.width, layout.height, PAGE_PX.width, PAGE_PX.height);
  const root = document.createElement('div');
  root.className = `warrant-print ${PRINT_DIAGRAM_CLASS}`;
  tiles.forEach((tile, i) => {
    const page = document.createElement('section');
    page.className = 'page';
    const head = document.createElement('p');
    head.className = 'page-head';
    head.textContent = `${mapTitle}: diagram${tiles.length > 1 ? `, page ${i + 1} of ${tiles.length}` : ''}`;
    const copy = document.importNode(source, true);
    copy.setAttribute('viewBox', `${tile.x} ${tile.y} ${tile.width} ${tile.height}`);
    copy.setAttribute('width', '100%');
    copy.setAttribute('height', '100%');
    copy.setAttribute('preserveAspectRatio', 'xMidYMin meet');
    page.append(head, copy);
    root.append(page);
  });
  return root;
}
