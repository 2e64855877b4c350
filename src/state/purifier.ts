/**
 * The page's one DOMPurify instance, reached only by import() (it is not in the initial load).
 * Under Trusted Types an instance creates a policy named 'dompurify', and a page may create each
 * name once: a second instance (DOMPurify's default export beside `DOMPurify(window)`) gets no
 * policy and cannot parse at all (an HTML essay loaded after a Markdown note had rendered failed
 * so). The Markdown renderer and the document reader share this one.
 */
import DOMPurify from 'dompurify';

/** The shared DOMPurify instance (its hooks are the Markdown renderer's link rules). */
export const purifier = DOMPurify(window);

/**
 * Removes `style=` attributes from tags before DOMPurify parses the HTML: parsing one applies it to
 * the inert document, which the page's `style-src 'self'` reports as a CSP violation even though
 * DOMPurify would drop it a moment later. A tag this does not catch (a `>` inside a quoted value
 * before the style) is still sanitised; it only costs a report.
 */
export function stripStyleAttributes(html: string): string {
  const styleAttr = /(<[a-zA-Z][^<>]*?)\s+style\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>`=]+)/gi;
  let out = html;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(styleAttr, '$1');
  }
  return out;
}
