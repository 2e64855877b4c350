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
