/**
 * Markdown to safe HTML. marked does not sanitise, so every render goes through DOMPurify, and
 * only http(s) and mailto links stay clickable (they open in a new tab without an opener).
 * This is the ONLY place user text becomes HTML.
 *
 * marked and DOMPurify are a quarter of the app's code, so this module is not part of the
 * initial load: components reach it through markdown.ts, which imports it on first use and
 * shows plain text until it arrives. Import it statically only from code that is itself lazy.
 */
import type { Config } from 'dompurify';
import { Marked } from 'marked';
import { isClickableHref } from '../model/url.js';
import { purifier, stripStyleAttributes } from '../state/purifier.js';

export { stripStyleAttributes };

const marked = new Marked({ gfm: true, breaks: false, async: false });

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

/**
 * What notes and node text may contain, and nothing else: an allow-list, so a tag DOMPurify
 * would let through by default (<marquee>, <template>, <details>, <svg>...) does not survive.
 * It covers what marked makes of ordinary Markdown (GFM tables and strikethrough included).
 * `rel` and `target` are set by the hook above after filtering, for clickable links only.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'em',
  'i',
  'strong',
  'b',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'start', 'align'];

const PURIFY_CONFIG: Config & { RETURN_TRUSTED_TYPE: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Not in the allow-list either; named so that a later widening of the list cannot bring them back.
  FORBID_TAGS: ['style', 'template', 'form', 'iframe', 'marquee', 'img', 'svg', 'math'],
  FORBID_ATTR: ['style', 'class', 'id'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // TrustedHTML from DOMPurify's own policy ('dompurify' in the CSP's trusted-types list): with
  // `require-trusted-types-for 'script'` the HTML sinks take nothing else.
  RETURN_TRUSTED_TYPE: true,
};

/**
 * Sanitised HTML: a TrustedHTML where the browser has Trusted Types (a string elsewhere). The DOM
 * typings here do not know TrustedHTML, so it is branded: only this module makes one.
 */
export type SafeHTML = { readonly __safeHTML: true };

function sanitise(html: string): SafeHTML {
  return purifier.sanitize(stripStyleAttributes(html), PURIFY_CONFIG) as unknown as SafeHTML;
}

/** Renders Markdown to sanitised HTML, for the HTML sinks (`sanitizedHTML()`, `innerHTML`). */
export function renderMarkdown(text: string): SafeHTML {
  return sanitise(marked.parse(text) as string);
}

/** Renders Markdown that should stay inline (a title, a tree row): no paragraphs or blocks. */
export function renderInlineMarkdown(text: string): SafeHTML {
  return sanitise(marked.parseInline(text) as string);
}

/** Plain text of Markdown (for type-ahead, labels, titles): tags stripped, entities decoded. */
export function markdownToPlainText(text: string): string {
  const template = document.createElement('template');
  setSafeHTML(template, renderInlineMarkdown(text.replace(/\s+/g, ' ')));
  return (template.content.textContent ?? '').trim();
}

/** The one `innerHTML` write of sanitised HTML (a template's content is inert: nothing loads or runs). */
export function setSafeHTML(element: Element, html: SafeHTML): void {
  element.innerHTML = html as unknown as string;
}
