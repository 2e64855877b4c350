/**
 * Turning a document file's bytes into text, with a clear message for every input that is not
 * readable text: empty, too large (refused by size before reading), binary, or in an encoding
 * other than UTF-8 / UTF-16 with a byte-order mark. Pure, so it is tested without a DOM.
 */

/** Largest document read: 10 MB of text is some 3,000 pages, far beyond any essay. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A decoded text, or the one reason there is none. */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Refuses by size alone (the caller passes `File.size` before reading a byte). */
export function checkDocumentSize(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty: there is no text to load.';
  if (bytes > MAX_DOCUMENT_BYTES)
    return `The file is too large for a document (${mb(bytes)}; at most ${mb(MAX_DOCUMENT_BYTES)}). Load the essay itself, not a whole collection.`;
  return null;
}

/** Decodes UTF-8 (strict) or UTF-16 with a byte-order mark; refuses binary and other encodings. */
export function decodeDocument(bytes: Uint8Array): Decoded {
  const size = checkDocumentSize(bytes.byteLength);
  if (size) return { ok: false, message: size };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    // A NUL byte never appears in UTF-8 text: it marks a binary file (or UTF-16 without a mark).
    if (bytes.subarray(0, 8192).includes(0))
      return {
        ok: false,
        message:
          'This is not a text file (it holds binary data, like a PDF, Word file or picture). Save the essay as plain text (.txt), Markdown (.md) or a web page (.html) and load that.',
      };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        message:
          'The file is not in UTF-8, the encoding Warrant reads (it may be in an older encoding such as Windows-1252). Save it as UTF-8 (in most editors: "Save as", encoding "UTF-8") and load it again.',
      };
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, message: 'The file holds no text (only blank space).' };
  return { ok: true, text };
}
