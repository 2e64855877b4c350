/**
 * Copying share links: a file's text carried in a link (share-link.ts), put on the clipboard,
 * with a message that says what happened.
 */
import type { MapBundle } from '../model/types.js';
import { encodeShareLink } from './share-link.js';
import { copyToClipboard } from './transfer.js';

/** A link made and copied (ok), or why not; `url` is set whenever a link was made. */
export interface CopiedLink {
  ok: boolean;
  message: string;
  url?: string;
}

/**
 * Makes a share link carrying `text` and copies it. The message says what happened: copied, too
 * large (use the file), or the browser refused the clipboard (the link is returned to show).
 */
export async function copyShareLink(text: string, what: string): Promise<CopiedLink> {
  const link = await encodeShareLink(text, location.href);
  if (!link.ok) return { ok: false, message: `${what[0]!.toUpperCase()}${what.slice(1)}: ${link.message}` };
  const copied = await copyToClipboard(link.url);
  return copied.ok
    ? { ok: true, message: `Link copied: it carries ${what}, and no server sees it.`, url: link.url }
    : { ok: false, message: copied.message, url: link.url };
}

/** The map as a share link (its JSON file), copied; see copyShareLink. */
export async function copyMapLink(bundle: MapBundle): Promise<CopiedLink> {
  // Imported when used: the JSON reader and writer are a chunk of their own, preloaded with the
  // page for the sample map (rollup.config.mjs); a static import here would fold it into this one.
  const { exportMapJson } = await import('../formats/json.js');
  return copyShareLink(exportMapJson(bundle), 'the whole map');
}
