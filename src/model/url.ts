/** Which URLs a map may hold and the UI may make clickable: http(s) only, absolute, well-formed. */

/** Either the normalised URL, or the reason it is refused (in words a student understands). */
export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Validates a URL a user typed or a file contained. Only absolute http: and https: URLs are
 * accepted: javascript:, data:, file:, relative and malformed URLs are refused with a reason.
 */
export function validateUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'The URL is empty.' };
  if (/\s/.test(text)) return { ok: false, reason: 'A URL cannot contain spaces.' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text);
  if (!scheme) return { ok: false, reason: 'The URL must start with http:// or https://.' };
  const protocol = scheme[1]!.toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') {
    return { ok: false, reason: `"${protocol}:" links are not allowed: only http:// and https:// links are.` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'This is not a well-formed URL.' };
  }
  if (!/^https?:\/\/[^/]/i.test(text) || !url.hostname) return { ok: false, reason: 'The URL has no host name.' };
  return { ok: true, url: url.href };
}

/** True for links the UI may make clickable in rendered Markdown: http(s) and mailto only. */
export function isClickableHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}

/** A typed URL, completed: `assumed` is true when "https://" was added to what the user typed. */
export interface CompletedUrl {
  url: string;
  assumed: boolean;
}

/**
 * Completes what a person typed into a URL field: "nsarchive.gwu.edu/briefing-book/..." (no scheme,
 * but a host name with a dot) is taken as https. Anything with a scheme, or that does not start
 * with a plausible host name, is returned as typed, for validateUrl to accept or explain. Only
 * for typed input: files keep their URLs exactly as written.
 */
export function completeUrl(input: string): CompletedUrl {
  const text = input.trim();
  // "example.org:8080/x" reads like a scheme "example.org:" but is a host and a port.
  const hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d+(?:[/?#]|$))/.test(text);
  if (!text || hasScheme || text.startsWith('//')) return { url: text, assumed: false };
  // A host name: labels of letters, digits and hyphens with at least one dot, then a path, query,
  // fragment or port, or the end. "www.example.org", "nsarchive.gwu.edu/x"; not "notes about x".
  if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?::\d+)?(?:[/?#]\S*)?$/i.test(text)) {
    return { url: text, assumed: false };
  }
  return { url: `https://${text}`, assumed: true };
}
