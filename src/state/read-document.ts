/**
 * Reading a source document for a map: pasted text, or a .txt, .md or .html file. HTML is reduced
 * to paragraphs, headings and emphasis: DOMPurify with a small allow-list parses it into an inert
 * fragment (scripts never run, event handlers are dropped), and only the plain text of that
 * fragment is kept, so nothing of the file's markup ever reaches the page.
 */
import { checkDocumentSize, decodeDocument } from '../anchoring/decode.js';
import { numberBlocks, paragraphNumbers, parseText } from '../anchoring/source-text.js';
import type { SourceText, TextBlock } from '../model/types.js';

/** A document ready to store, or the reason it cannot be read. */
export type ReadDocument = { ok: true; doc: SourceText; fileName?: string } | { ok: false; message: string };

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'TD',
  'DD',
  'DT',
  'FIGCAPTION',
]);
const HEADING = /^H[1-6]$/;
const EMPHASIS = new Set(['EM', 'I', 'STRONG', 'B']);
const ALLOWED_TAGS = [
  ...BLOCK_TAGS,
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  ...EMPHASIS,
  'BR',
  'SPAN',
  'A',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'TR',
  'MAIN',
  'BODY',
].map((t) => t.toLowerCase());

/** Reduces HTML to numbered blocks (paragraphs, headings, emphasis). */
async function htmlToSourceText(html: string, fallbackTitle: string): Promise<SourceText> {
  const { purifier, stripStyleAttributes } = await import('./purifier.js');
  const fragment = purifier.sanitize(stripStyleAttributes(html), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [],
    RETURN_DOM_FRAGMENT: true,
  });
  const raw: { kind: TextBlock['kind']; text: string; em?: [number, number][] }[] = [];
  let text = '';
  let em: [number, number][] = [];
  let kind: TextBlock['kind'] = 'paragraph';
  const flush = (): void => {
    const lead = text.length - text.trimStart().length;
    const t = text.trim().replace(/\s+/g, ' ');
    // Emphasis offsets were taken on the raw text; white space folding moves them, so they are
    // kept only when the text needed no folding beyond trimming its start.
    const kept =
      t === text.slice(lead, lead + t.length)
        ? em
            .map(([s, e]): [number, number] => [s - lead, e - lead])
            .filter(([s, e]) => s >= 0 && e <= t.length && e > s)
        : [];
    if (t) raw.push({ kind, text: t, ...(kept.length ? { em: kept } : {}) });
    text = '';
    em = [];
    kind = 'paragraph';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    const block = BLOCK_TAGS.has(tag) || HEADING.test(tag);
    if (block) flush();
    if (HEADING.test(tag)) kind = 'heading';
    if (tag === 'BR') text += ' ';
    const from = text.length;
    for (const child of Array.from(node.childNodes)) walk(child);
    if (EMPHASIS.has(tag) && text.length > from) em.push([from, text.length]);
    if (block) flush();
  };
  for (const child of Array.from(fragment.childNodes)) walk(child);
  flush();
  const blocks = numberBlocks(raw);
  const title = blocks.find((b) => b.kind === 'heading')?.text ?? fallbackTitle;
  return { title, blocks };
}

function finish(doc: SourceText, fileName?: string): ReadDocument {
  if (paragraphNumbers(doc).length === 0)
    return { ok: false, message: 'No paragraphs of text were found in this document.' };
  return { ok: true, doc, ...(fileName ? { fileName } : {}) };
}

/** Reads pasted text: Markdown when it has Markdown headings, plain text otherwise. */
export function readPastedDocument(text: string): ReadDocument {
  if (!text.trim()) return { ok: false, message: 'Paste the document’s text first: the box is empty.' };
  const size = checkDocumentSize(new Blob([text]).size);
  if (size) return { ok: false, message: size };
  const md = /^#{1,6}\s/m.test(text);
  return finish(parseText(text, md ? 'md' : 'txt', 'Pasted document'));
}

/** Reads a document file, refusing it by size before reading a byte. */
export async function readDocumentFile(file: File): Promise<ReadDocument> {
  const size = checkDocumentSize(file.size);
  if (size) return { ok: false, message: size };
  const decoded = decodeDocument(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return decoded;
  const name = file.name;
  const base = name.replace(/\.[^.]+$/, '') || 'Document';
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  const looksHtml = /^\s*(<!doctype html|<html|<body|<p[\s>]|<h[1-6][\s>])/i.test(decoded.text);
  if (ext === 'html' || ext === 'htm' || (ext === '' && looksHtml))
    return finish(await htmlToSourceText(decoded.text, base), name);
  if (ext === 'md' || ext === 'markdown') return finish(parseText(decoded.text, 'md', base), name);
  if (ext === 'txt' || ext === 'text' || ext === '') return finish(parseText(decoded.text, 'txt', base), name);
  return {
    ok: false,
    message: `Warrant reads documents as .txt, .md or .html files; “${name}” is none of these. Save the essay in one of them, or paste its text.`,
  };
}
