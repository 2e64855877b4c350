/**
 * Markdown to safe HTML. marked does not sanitise, so every render goes through DOMPurify, and
 * only http(s) and mailto links stay clickable (they open in a new tab without an opener).
 * This is the ONLY place user text becomes HTML.
 *
 * marked and DOMPurify are a quarter of the app's code, so this module is not part of the
 * initial load: components reach it through markdown.ts, which imports it on first use and
 * shows plain text until it arrives. Import it statically only from code that is itself lazy.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { isClickableHref } from '../model/url.js';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!isClickableHref(href)) {
      // Keep the words, drop the link: a student still sees what was written.
      node.removeAttribute('href');
    } else {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  }
});

const PURIFY_CONFIG = {
  // Images would load from anywhere (tracking, layout breakage) and CSP blocks them anyway.
  FORBID_TAGS: [
    'img',
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'video',
    'audio',
    'svg',
    'math',
  ],
  FORBID_ATTR: ['style', 'class', 'id'],
  ALLOW_DATA_ATTR: false,
};

/** Renders Markdown to sanitised HTML, safe to insert with `unsafeHTML`. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return purifier.sanitize(html, PURIFY_CONFIG);
}

/** Renders Markdown that should stay inline (a title, a tree row): no paragraphs or blocks. */
export function renderInlineMarkdown(text: string): string {
  const html = marked.parseInline(text) as string;
  return purifier.sanitize(html, PURIFY_CONFIG);
}

/** Plain text of Markdown (for type-ahead, labels, titles): tags stripped, entities decoded. */
export function markdownToPlainText(text: string): string {
  const doc = new DOMParser().parseFromString(renderInlineMarkdown(text.replace(/\s+/g, ' ')), 'text/html');
  return (doc.body.textContent ?? '').trim();
}
