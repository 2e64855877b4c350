/**
 * Share links: a map, assignment, hand-in or feedback file carried in a link's fragment (after
 * "#"), which browsers never send to a server. The file's JSON is gzip-compressed with the
 * browser's CompressionStream (gzip's trailer holds a CRC-32 and the length, so a link cut short
 * or with a changed character is caught on decoding) and written as base64url.
 */

/** The fragment's prefix: `#share=<data>`. */
const SHARE_PREFIX = 'share=';
/**
 * Largest file (UTF-8 bytes of JSON) a link carries; bigger ones travel as files. The shipped
 * essay map (second edition, about 210 KB as exported) must fit: gzip shrinks such JSON about
 * fourfold, so its link is under 60 KB of base64url.
 */
export const MAX_SHARE_BYTES = 400 * 1024;

/** A link made, or why not. */
export type EncodeResult = { ok: true; url: string; bytes: number } | { ok: false; message: string };
/** A link read back, or why not. */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const TOO_LARGE = 'This is too large for a link; use the file instead.';
const DAMAGED =
  'This link is cut short or damaged, so it cannot be opened. Ask for the link again (copy all of it), or for the file.';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Bytes as base64url (no padding). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) as bytes, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * A link to `base` (the app's address, without fragment) carrying `text`, or "too large" when the
 * text is over MAX_SHARE_BYTES.
 */
export async function encodeShareLink(text: string, base: string): Promise<EncodeResult> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_SHARE_BYTES) return { ok: false, message: TOO_LARGE };
  const packed = await pipe(bytes, new CompressionStream('gzip'));
  return { ok: true, url: `${base.replace(/#.*$/, '')}#${SHARE_PREFIX}${toBase64Url(packed)}`, bytes: bytes.length };
}

/** Whether a location hash (with or without "#") is a share link. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/** The text a share link's fragment carries, or a message saying it is cut short or damaged. */
export async function decodeShareFragment(hash: string): Promise<DecodeResult> {
  const data = hash.replace(/^#/, '').slice(SHARE_PREFIX.length);
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length < 18) return { ok: false, message: DAMAGED };
  let out: Uint8Array;
  try {
    out = await pipe(bytes, new DecompressionStream('gzip'));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  if (out.length > MAX_SHARE_BYTES) return { ok: false, message: TOO_LARGE };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, message: DAMAGED };
  }
}
