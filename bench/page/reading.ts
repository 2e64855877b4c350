/**
 * The essay beside the map (issue 15): anchoring every quote of a 10,000-node map in a 100-page
 * document, re-anchoring after edits (the approximate path), opening the reading pane and
 * scrolling it while long tasks are counted.
 */
import { anchorAll, DocumentIndex, type QuoteToAnchor } from '../../src/anchoring/anchor.js';
import '../../src/components/reading-pane.js';
import type { WarrantReadingPane } from '../../src/components/reading-pane.js';
import { WarrantDB } from '../../src/db/database.js';
import { putDocument } from '../../src/db/documents-repo.js';
import { buildTree } from '../../src/model/tree.js';
import { Origin, type ArgNode, type SourceText } from '../../src/model/types.js';
import type { AppServices } from '../../src/state/app-context.js';
import { frames, longTaskWatch, untilPainted } from './util.js';

/** mulberry32, so every run builds the same document and quotes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'de', 'pa', 'gu', 'shi', 'ron', 'bel', 'tar'];

/** 100 pages of about 500 words: 1,000 paragraphs of 50 words, numbered 1, 2, 3 ... */
function hundredPages(seed = 15): SourceText {
  const r = prng(seed);
  const word = (): string =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
  const blocks = Array.from({ length: 1000 }, (_, i) => {
    const words = Array.from({ length: 50 }, word);
    return { kind: 'paragraph' as const, n: i + 1, text: words.join(' ') + '.' };
  });
  return { title: 'A hundred pages', blocks };
}

/** `n` quoted nodes, each quoting 8 to 20 words of some paragraph. */
function quotedNodes(doc: SourceText, n: number, seed = 16): ArgNode[] {
  const r = prng(seed);
  const t = '2025-01-01T00:00:00.000Z';
  const nodes: ArgNode[] = [
    {
      id: 'root',
      mapId: 'm',
      parentId: null,
      relation: null,
      order: 'V',
      text: 'Thesis',
      origin: Origin.essay,
      createdAt: t,
      updatedAt: t,
    },
  ];
  for (let i = 1; i < n; i++) {
    const b = doc.blocks[Math.floor(r() * doc.blocks.length)]!;
    const words = b.text.split(' ');
    const len = 8 + Math.floor(r() * 13);
    const at = Math.floor(r() * (words.length - len));
    nodes.push({
      id: `n${i}`,
      mapId: 'm',
      parentId: i < 40 ? 'root' : `n${1 + Math.floor(r() * 39)}`,
      relation: r() < 0.7 ? 'supports' : 'opposes',
      order: `a${String(i).padStart(6, '0')}`,
      text: `Node ${i}`,
      origin: Origin.essay,
      quote: { text: words.slice(at, at + len).join(' '), paragraph: b.n! },
      createdAt: t,
      updatedAt: t,
    });
  }
  return nodes;
}

/** The document's second version: a paragraph inserted near the top, one letter changed in 2% of paragraphs. */
function edited(doc: SourceText): SourceText {
  const r = prng(17);
  const blocks = doc.blocks.map((b) => {
    if (r() >= 0.02) return { ...b };
    const at = Math.floor(r() * b.text.length);
    return { ...b, text: b.text.slice(0, at) + (b.text[at] === 'a' ? 'e' : 'a') + b.text.slice(at + 1) };
  });
  blocks.splice(10, 0, { kind: 'paragraph', n: 0, text: 'An inserted paragraph.' });
  return { title: doc.title, blocks: blocks.map((b, i) => ({ ...b, n: i + 1 })) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times indexing the document and anchoring every quote, exact and after edits. */
export function readingAnchor(n: number, runs: number): Record<string, unknown> {
  const doc = hundredPages();
  const nodes = quotedNodes(doc, n);
  const quotes: QuoteToAnchor[] = nodes.flatMap((x) =>
    x.quote ? [{ id: x.id, selector: { exact: x.quote.text, paragraph: x.quote.paragraph } }] : [],
  );
  const second = edited(doc);
  const exact: number[] = [];
  const approx: number[] = [];
  let info: Record<string, unknown> = {};
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const a = anchorAll(new DocumentIndex(doc), quotes);
    exact.push(performance.now() - t0);
    t0 = performance.now();
    const b = anchorAll(new DocumentIndex(second), quotes);
    approx.push(performance.now() - t0);
    info = {
      quotes: quotes.length,
      paragraphs: doc.blocks.length,
      chars: doc.blocks.reduce((s, x) => s + x.text.length + 2, 0),
      orphansExact: a.orphans.length,
      orphansEdited: b.orphans.length,
      approximate: [...b.anchors.values()].filter((x) => x.errors > 0).length,
    };
  }
  return { exact, approx, info, medianExact: median(exact), medianApprox: median(approx) };
}

/** Opens the pane on a stored 100-page document with `n` quotes; then scrolls it frame by frame. */
export async function readingPane(n: number, scrollFrames: number): Promise<Record<string, unknown>> {
  const doc = hundredPages();
  const nodes = quotedNodes(doc, n);
  const db = new WarrantDB(`bench-reading-${Date.now()}`);
  await putDocument(db, 'm', doc, { loadedAt: '2025-01-01T00:00:00.000Z' });
  const host = document.createElement('div');
  host.className = 'bench-reading';
  host.style.height = '700px';
  host.style.width = '520px';
  host.style.display = 'grid';
  document.body.append(host);
  const pane = document.createElement('warrant-reading-pane') as WarrantReadingPane;
  pane.services = { db } as unknown as AppServices;
  pane.mapId = 'm';
  pane.tree = buildTree(nodes);
  pane.nodes = nodes;
  const t0 = performance.now();
  host.append(pane);
  const { at } = await untilPainted(() => pane.shadowRoot?.querySelector('.doc mark'), 60000);
  const openMs = at - t0;
  await frames(5);
  const scroller = pane.shadowRoot!.querySelector<HTMLElement>('.doc')!;
  const watch = longTaskWatch();
  const step = Math.max(200, Math.ceil(scroller.scrollHeight / scrollFrames));
  const t1 = performance.now();
  for (let i = 0; i < scrollFrames; i++) {
    scroller.scrollTop += step;
    await frames(1);
  }
  const scrollMs = performance.now() - t1;
  const longTasks = await watch.stop();
  host.remove();
  db.close();
  await db.delete();
  return { openMs, longTasks, scrollMs, frames: scrollFrames, marks: n - 1 };
}

/**
 * The floor under the pane's scrolling: the same 100 pages as plain paragraphs (no highlights, no
 * Lit, no containment) in a scroller of the same size and type, scrolled the same way. Long tasks
 * counted here are the machine's (style, layout and paint of text), not the pane's.
 */
export async function readingScrollBaseline(scrollFrames: number): Promise<Record<string, unknown>> {
  const doc = hundredPages();
  const host = document.createElement('div');
  host.style.height = '700px';
  host.style.width = '520px';
  host.style.display = 'grid';
  document.body.append(host);
  const scroller = document.createElement('div');
  scroller.style.overflow = 'auto';
  scroller.style.minHeight = '0';
  scroller.style.padding = '8px 18px 40vh';
  scroller.style.lineHeight = '1.6';
  scroller.style.fontSize = '15px';
  for (const b of doc.blocks) {
    const p = document.createElement('p');
    p.style.margin = '0 0 0.9em';
    p.style.paddingLeft = '3.2em';
    p.textContent = b.text;
    scroller.append(p);
  }
  host.append(scroller);
  await frames(5);
  const watch = longTaskWatch();
  const step = Math.max(200, Math.ceil(scroller.scrollHeight / scrollFrames));
  for (let i = 0; i < scrollFrames; i++) {
    scroller.scrollTop += step;
    await frames(1);
  }
  const longTasks = await watch.stop();
  host.remove();
  return { longTasks };
}
