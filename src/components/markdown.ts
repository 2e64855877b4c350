/**
 * Markdown for components, with the renderer loaded on first use.
 *
 * The renderer (markdown-render.ts: marked + DOMPurify, every render sanitised, only http(s) and
 * mailto links clickable) is about a quarter of the app's code, so it is not in the initial load:
 * the first call here imports it, and until it has arrived Markdown shows as plain text, which
 * Lit escapes like any other text: no tag, attribute or link of the user's text reaches the DOM
 * on that path. A component that shows Markdown adds a MarkdownController, which renders it again
 * once the renderer is there.
 */
import { html, noChange, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { SafeHTML } from './markdown-render.js';
import { plainLine } from '../model/text.js';

type Renderer = typeof import('./markdown-render.js');

/**
 * Puts sanitised HTML (a TrustedHTML from DOMPurify) into a child binding. Lit's `unsafeHTML` takes
 * only strings and would pass them through Lit's own policy; this takes nothing but the renderer's
 * output, parses it in an inert <template> and renders its nodes. The same value (the cache below
 * hands out the same object for the same text) leaves the DOM alone.
 */
class SanitizedHTMLDirective extends Directive {
  private last: SafeHTML | undefined;

  render(value: SafeHTML, r: Renderer): unknown {
    if (value === this.last) return noChange;
    this.last = value;
    const template = document.createElement('template');
    r.setSafeHTML(template, value);
    return [...template.content.childNodes];
  }
}
const sanitizedHTML = directive(SanitizedHTMLDirective);

let renderer: Renderer | undefined;
let loading: Promise<Renderer> | undefined;
/** Hosts to render again when the renderer arrives. */
const waiting = new Set<ReactiveControllerHost>();

function load(): Promise<Renderer> {
  // marked is a chunk of its own (the import code shares it): asking for it here as well fetches
  // it beside the renderer instead of after it.
  loading ??= Promise.all([import('./markdown-render.js'), import('marked')]).then(
    ([module]) => {
      renderer = module;
      // Before anyone awaiting whenMarkdownReady() resumes: their next updateComplete includes it.
      for (const host of waiting) host.requestUpdate();
      waiting.clear();
      return module;
    },
    (error: unknown) => {
      // Not loaded (e.g. offline right after a new release): text stays plain, the next use retries.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Starts loading the renderer, if it is not loaded or loading yet. */
export function preloadMarkdown(): void {
  if (!renderer) load().catch(() => undefined);
}

/** Resolves once Markdown renders as HTML (loading the renderer if needed). */
export async function whenMarkdownReady(): Promise<void> {
  await load();
}

/** Whether the renderer has arrived (until then Markdown shows as plain text). */
export function isMarkdownReady(): boolean {
  return renderer !== undefined;
}

/**
 * Markdown as a Lit value: the sanitised HTML once the renderer is loaded; before that, each
 * paragraph's words as plain text in a <p> (markers dropped, escaped by Lit). The host should
 * have a MarkdownController so it renders again when the renderer arrives.
 */
export function markdown(text: string) {
  if (renderer) return sanitizedHTML(rendered(renderer, text), renderer);
  preloadMarkdown();
  return plainParagraphs(text);
}

/** The fallback of `markdown()`: one <p> of plain, escaped text per paragraph. */
export function plainParagraphs(text: string) {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => plainLine(p, Infinity))
    .filter(Boolean);
  return paragraphs.length ? paragraphs.map((p) => html`<p>${p}</p>`) : nothing;
}

/**
 * Fills `element` with the sanitised HTML of Markdown, or returns false (and leaves it alone) while
 * the renderer is not loaded (it starts loading): for code that builds DOM itself (the print outline).
 */
export function fillWithMarkdown(element: Element, text: string): boolean {
  if (!renderer) {
    preloadMarkdown();
    return false;
  }
  renderer.setSafeHTML(element, rendered(renderer, text));
  return true;
}

/**
 * Sanitised HTML of Markdown, or undefined while the renderer is not loaded (it starts loading):
 * for code that builds DOM itself (the print outline).
 */
export function renderMarkdownIfReady(text: string): SafeHTML | undefined {
  if (renderer) return rendered(renderer, text);
  preloadMarkdown();
  return undefined;
}

/**
 * Plain text of Markdown (for labels and titles): tags stripped, entities decoded. Until the
 * renderer is loaded, a cheap approximation (model/text.ts: markers and tags dropped).
 */
export function markdownToPlainText(text: string): string {
  if (!renderer) {
    preloadMarkdown();
    return plainLine(text, Infinity);
  }
  // Rendering and sanitising to take the text back out costs about a millisecond, and the
  // explanation asks again for the same few labels on every change of a rating.
  return remembered(plainCache, text, renderer.markdownToPlainText);
}

const CACHE_SIZE = 2000;
const plainCache = new Map<string, string>();
const htmlCache = new Map<string, SafeHTML>();

/** `make(text)`, kept in `cache` (emptied when full): same input, same output. */
function remembered<T>(cache: Map<string, T>, text: string, make: (text: string) => T): T {
  let out = cache.get(text);
  if (out === undefined) {
    out = make(text);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/**
 * Sanitised HTML of `text`, remembered: the detail panel renders again on every rating, and
 * marked plus DOMPurify cost about a millisecond for a long text.
 */
function rendered(r: Renderer, text: string): SafeHTML {
  return remembered(htmlCache, text, r.renderMarkdown);
}

/** Renders its host again once the Markdown renderer has arrived (if it has not yet). */
export class MarkdownController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!renderer) waiting.add(this.host);
  }

  hostDisconnected(): void {
    waiting.delete(this.host);
  }
}
