/**
 * The pictures (issue 16), mounted in the bench page as the map view mounts them: the sunburst of
 * a whole generated map and the diagram of a 300-node branch, each timed from mounting to the
 * painted frame that shows it, beside a same-page baseline that puts the same number of SVG shapes
 * on screen with one innerHTML (no layout, no Lit). Also a watch of long tasks while Playwright
 * pans and zooms the diagram with real wheel and drag input.
 */
import '../../src/components/sunburst.js';
import '../../src/components/diagram.js';
import type { WarrantDiagram } from '../../src/components/diagram.js';
import type { WarrantSunburst } from '../../src/components/sunburst.js';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/evaluation/index.js';
import type { PictureInput } from '../../src/pictures/picture-data.js';
import { derive } from '../../src/state/derive.js';
import { pictureInput } from '../../src/state/picture-input.js';
import { bundleOf } from './maps.js';
import { longTaskWatch, sleep, untilPainted } from './util.js';

const inputs = new Map<number, PictureInput>();

interface HtmlPolicy {
  createHTML(html: string): unknown;
}
let benchPolicy: HtmlPolicy | undefined;

/**
 * The baseline drawing's markup as TrustedHTML: bench/index.html enforces Trusted Types like the
 * app, and lists 'warrant-bench' only there. The markup is the bench's own (numbers and fixed
 * words), never user text.
 */
function benchHTML(markup: string): string {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): HtmlPolicy } })
    .trustedTypes;
  if (!factory) return markup;
  benchPolicy ??= factory.createPolicy('warrant-bench', { createHTML: (s: string) => s });
  return benchPolicy.createHTML(markup) as string;
}

function inputOf(n: number): PictureInput {
  let input = inputs.get(n);
  if (!input) {
    input = pictureInput(derive({ bundle: bundleOf(n), settings: DEFAULT_EVALUATION_SETTINGS }));
    inputs.set(n, input);
  }
  return input;
}

/** A laptop-sized box for a picture (sized through the CSSOM: the page's CSP allows no style=). */
function host(): HTMLDivElement {
  const box = document.createElement('div');
  box.style.width = '1100px';
  box.style.height = '720px';
  box.style.display = 'flex';
  return box;
}

let mounted: HTMLElement | undefined;

function unmountPicture(): void {
  mounted?.remove();
  mounted = undefined;
}

/** Mounts a picture of `n` nodes and resolves when the frame showing it has painted. */
async function drawPicture(kind: 'sunburst' | 'diagram', n: number): Promise<{ ms: number; shapes: number }> {
  unmountPicture();
  const input = inputOf(n);
  const box = host();
  const el = document.createElement(kind === 'sunburst' ? 'warrant-sunburst' : 'warrant-diagram') as
    WarrantSunburst | WarrantDiagram;
  el.style.flex = '1';
  el.input = input;
  el.selectedId = input.tree.root.id;
  box.append(el);
  await sleep(50);
  const t0 = performance.now();
  document.body.append(box);
  mounted = box;
  const { value, at } = await untilPainted(() => {
    const count = el.shadowRoot?.querySelectorAll('[role=treeitem]').length ?? 0;
    return count > 0 ? count : null;
  }, 60_000);
  return { ms: at - t0, shapes: value };
}

/** The floor: `shapes` SVG shapes (a path each, a box with two lines of text for the diagram) put on screen at once. */
async function drawBaseline(kind: 'sunburst' | 'diagram', shapes: number): Promise<number> {
  unmountPicture();
  const box = host();
  let body = '';
  for (let i = 0; i < shapes; i++) {
    const x = (i % 40) * 25;
    const y = Math.floor(i / 40) * 25;
    body +=
      kind === 'sunburst'
        ? `<path d="M${x},${y}h20v20h-20Z" fill="#257f5a" stroke="#fff"></path>`
        : `<g transform="translate(${x * 10},${y * 4})"><rect width="240" height="80" fill="#e5f3ed" stroke="#0a6b4c"></rect><text x="10" y="20">Claim ${i}</text><text x="10" y="40">Some words of text</text></g>`;
  }
  await sleep(50);
  const t0 = performance.now();
  box.innerHTML = benchHTML(`<svg width="1100" height="720">${body}</svg>`);
  document.body.append(box);
  mounted = box;
  const { at } = await untilPainted(() => (box.querySelector('svg') ? true : null), 60_000);
  return at - t0;
}

/** `runs` draws of the picture, each beside a baseline drawn just before or just after it. */
export async function picturesDraw(
  kind: 'sunburst' | 'diagram',
  n: number,
  runs: number,
  warmup: number,
): Promise<{ samples: number[]; baseline: number[]; shapes: number }> {
  const samples: number[] = [];
  const baseline: number[] = [];
  let shapes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const baseFirst = i % 2 === 0;
    let base = baseFirst && shapes ? await drawBaseline(kind, shapes) : undefined;
    const drawn = await drawPicture(kind, n);
    shapes = drawn.shapes;
    base ??= await drawBaseline(kind, shapes);
    if (i >= warmup) {
      samples.push(drawn.ms);
      baseline.push(base);
    }
  }
  unmountPicture();
  return { samples, baseline, shapes };
}

/** Mounts the diagram of `n` nodes for panning and zooming; returns the drawing's box on screen. */
export async function picturesPanSetup(n: number): Promise<{ x: number; y: number; width: number; height: number }> {
  await drawPicture('diagram', n);
  await sleep(200);
  // The stage is the diagram's visible window; the SVG inside it is as large as the whole
  // branch (16,000 px wide at 300 nodes), so its centre is off screen.
  const stage = mounted!.querySelector('warrant-diagram')!.shadowRoot!.querySelector('.stage')!;
  const r = stage.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** The diagram's current pan and zoom (to check that the input really moved it). */
export function picturesTransform(): string {
  // The diagram pans its drawing's layer by a CSS transform (set through the CSSOM), not an SVG attribute.
  const canvas = mounted?.querySelector('warrant-diagram')?.shadowRoot?.querySelector<HTMLElement>('.canvas');
  return canvas?.style.transform ?? '';
}

let watch: ReturnType<typeof longTaskWatch> | undefined;

/** Starts collecting long tasks (while the node side pans and zooms). */
export function watchLongTasksStart(): void {
  watch = longTaskWatch();
}

/** The long tasks since watchLongTasksStart, in ms. */
export async function watchLongTasksStop(): Promise<number[]> {
  const w = watch;
  watch = undefined;
  return w ? w.stop() : [];
}

export { unmountPicture };
