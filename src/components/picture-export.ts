/**
 * Saving a picture as a file: a self-contained SVG (every colour a presentation attribute, so it
 * needs no stylesheet), and a PNG drawn from that SVG on a canvas. Loaded with the pictures.
 */

/** Font stack written into exported pictures (the app's --font). */
const PICTURE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A standalone copy of `svg` showing `box` (x, y, width, height in its user units): focus and
 * selection rings, tab stops and live-region attributes dropped, `prepare` applied to the copy
 * (e.g. to add <title>s or reset a pan). An element, so printing can use it without parsing text
 * (with Trusted Types enforced, DOMParser takes no plain string).
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  box: { x: number; y: number; width: number; height: number },
  prepare?: (copy: SVGSVGElement) => void,
): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  copy.setAttribute('width', String(Math.ceil(box.width)));
  copy.setAttribute('height', String(Math.ceil(box.height)));
  copy.setAttribute('font-family', PICTURE_FONT);
  copy.removeAttribute('class');
  for (const el of copy.querySelectorAll('[data-screen-only]')) el.remove();
  for (const el of copy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  // Lit's comment markers are noise in a file.
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  prepare?.(copy);
  return copy;
}

/** `standaloneSvg()` serialised with its XML declaration: the text of an .svg file. */
export function exportSvg(
  svg: SVGSVGElement,
  box: { x: number; y: number; width: number; height: number },
  prepare?: (copy: SVGSVGElement) => void,
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standaloneSvg(svg, box, prepare))}`;
}

/**
 * A PNG of an exported SVG at `scale` times its size, on white. The SVG goes in as a data: URL,
 * which the Content-Security-Policy allows for images (a blob: URL it would not).
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  // Browsers refuse canvases past about 16,000 px a side: scale down rather than fail.
  const fit = Math.min(scale, 16_000 / Math.max(width, 1), 16_000 / Math.max(height, 1));
  canvas.width = Math.max(1, Math.round(width * fit));
  canvas.height = Math.max(1, Math.round(height * fit));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a PNG here.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'),
  );
}

/** A file name from a map's title: "the-summits-sunburst.svg". */
export function pictureFileName(title: string, what: string, ext: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `${slug || 'map'}-${what}.${ext}`;
}
