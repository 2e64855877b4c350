/**
 * Checks every importer runs on its input before parsing: size, encoding, byte-order mark.
 * Kept apart from the parsers so a file that is too big or not text fails fast, with one clear
 * message, whichever format it was meant to be.
 */
import type { FormatError } from './errors.js';

/** Largest file any importer reads: 50 MB (far above any classroom map; 10,000 nodes is ~5 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The replacement character a non-fatal UTF-8 decode puts where bytes could not be read. */
const REPLACEMENT = '\uFFFD';

/** Result of checking or decoding an input: the text to parse, or the one reason it cannot be. */
export type TextCheck = { ok: true; text: string } | { ok: false; error: FormatError };

/** Size of `text` once encoded as UTF-8, without allocating the encoded bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function sizeError(bytes: number): FormatError {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    message: `The file is too large to import (${mb(bytes)}; at most ${mb(MAX_IMPORT_BYTES)}). Split it into smaller maps.`,
  };
}

/**
 * Refuses a file by its size alone, before it is read (the UI passes `File.size`), so a huge
 * file never has to be loaded into memory to be rejected.
 */
export function checkImportSize(byteLength: number): FormatError | null {
  return byteLength > MAX_IMPORT_BYTES ? sizeError(byteLength) : null;
}

/** 1-based line number of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Decodes file bytes as UTF-8, refusing anything that is not valid UTF-8 (a Latin-1 or UTF-16
 * file, a binary file) instead of silently turning bad bytes into replacement characters.
 * A leading byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): TextCheck {
  const size = checkImportSize(bytes.byteLength);
  if (size) return { ok: false, error: size };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Decode again leniently only to say where the first bad byte is.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf(REPLACEMENT);
    return { ok: false, error: notUtf8(at < 0 ? 1 : lineAt(loose, at)) };
  }
}

function notUtf8(line: number): FormatError {
  return {
    line,
    message:
      'The file is not valid UTF-8 text (some bytes could not be read as characters). Save it as UTF-8 (in most editors: "Save as", encoding "UTF-8") and import it again.',
  };
}

/**
 * The common first step of every text importer: refuses inputs over MAX_IMPORT_BYTES, and text
 * holding U+FFFD replacement characters (the mark a lenient decoder leaves where a file was not
 * valid UTF-8), and drops a byte-order mark. Empty input is refused too.
 */
export function prepareImportText(text: string): TextCheck {
  // A UTF-16 code unit is at least one UTF-8 byte, so the length alone often decides.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: sizeError(text.length) };
  if (text.length * 3 > MAX_IMPORT_BYTES) {
    const bytes = utf8ByteLength(text);
    if (bytes > MAX_IMPORT_BYTES) return { ok: false, error: sizeError(bytes) };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bad = body.indexOf(REPLACEMENT);
  if (bad >= 0) return { ok: false, error: notUtf8(lineAt(body, bad)) };
  if (body.trim() === '') return { ok: false, error: { line: 1, message: 'The file is empty.' } };
  return { ok: true, text: body };
}
