import { expect } from '@open-wc/testing';
import { MAX_DOCUMENT_BYTES, checkDocumentSize, decodeDocument } from '../../src/anchoring/decode.js';

const bytes = (...xs: number[]): Uint8Array => new Uint8Array(xs);

describe('decoding a document file', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeDocument(new TextEncoder().encode('Café ¶1'))).to.deep.equal({ ok: true, text: 'Café ¶1' });
    expect(decodeDocument(bytes(0xef, 0xbb, 0xbf, 0x41))).to.deep.equal({ ok: true, text: 'A' });
  });

  it('reads UTF-16 with either byte-order mark', () => {
    expect(decodeDocument(bytes(0xff, 0xfe, 0x48, 0, 0xe9, 0))).to.deep.equal({ ok: true, text: 'Hé' });
    expect(decodeDocument(bytes(0xfe, 0xff, 0, 0x48, 0, 0xe9))).to.deep.equal({ ok: true, text: 'Hé' });
  });

  it('refuses empty, blank, binary and Windows-1252 files with a message each', () => {
    const message = (b: Uint8Array): string => {
      const r = decodeDocument(b);
      return r.ok ? '' : r.message;
    };
    expect(message(bytes())).to.equal('The file is empty: there is no text to load.');
    expect(message(new TextEncoder().encode(' \n\t '))).to.equal('The file holds no text (only blank space).');
    expect(message(bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0x01, 0x02))).to.match(/^This is not a text file/);
    // "café" in Windows-1252: the é is 0xE9, not valid UTF-8.
    expect(message(bytes(0x63, 0x61, 0x66, 0xe9))).to.match(/^The file is not in UTF-8/);
  });

  it('refuses a file over the size limit by its size alone', () => {
    expect(checkDocumentSize(MAX_DOCUMENT_BYTES)).to.equal(null);
    expect(checkDocumentSize(50 * 1024 * 1024)).to.equal(
      'The file is too large for a document (50.0 MB; at most 10.0 MB). Load the essay itself, not a whole collection.',
    );
  });
});
