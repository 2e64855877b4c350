import { expect } from '@open-wc/testing';
import { FORMATS, formatById } from '../../src/formats/index.js';
import { exportMarkdown } from '../../src/formats/markdown/index.js';
import { exportArgdown } from '../../src/formats/argdown.js';
import { exportKialo } from '../../src/formats/kialo.js';
import { exportMapJson } from '../../src/formats/json.js';
import { sniffFormat } from '../../src/formats/sniff.js';
import {
  checkImportSize,
  decodeUtf8,
  MAX_IMPORT_BYTES,
  prepareImportText,
  utf8ByteLength,
} from '../../src/formats/text-input.js';
import { smallMap } from './helpers.js';

describe('formats/text-input', () => {
  it('decodes valid UTF-8 and drops a byte-order mark', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]));
    expect(r).to.deep.equal({ ok: true, text: 'hé😀' });
  });

  it('refuses bytes that are not UTF-8, naming the line of the first bad byte', () => {
    const latin1 = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x63, 0xe9, 0x74, 0xe9]); // "a\nb\ncété" in Latin-1
    const r = decodeUtf8(latin1);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.error.line).to.equal(3);
    expect(r.error.message).to.match(/not valid UTF-8/);
  });

  it('refuses replacement characters left by a lenient decode', () => {
    const text = new TextDecoder().decode(new Uint8Array([0x61, 0x0a, 0xff, 0xfe]));
    expect(text).to.contain('\uFFFD');
    const r = prepareImportText(text);
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error).to.include({ line: 2 });
  });

  it('measures UTF-8 size and refuses files over MAX_IMPORT_BYTES', () => {
    expect(utf8ByteLength('aé€😀')).to.equal(1 + 2 + 3 + 4);
    expect(MAX_IMPORT_BYTES).to.equal(50 * 1024 * 1024);
    expect(checkImportSize(MAX_IMPORT_BYTES)).to.equal(null);
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)!.message).to.match(
      /too large to import \(50\.0 MB; at most 50\.0 MB\)/,
    );
    // 20M three-byte characters: 20M UTF-16 units but 60 MB of UTF-8.
    const r = prepareImportText('€'.repeat(20 * 1024 * 1024));
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.message).to.match(/too large to import \(60\.0 MB/);
  });

  it('recognises each format', () => {
    const b = smallMap();
    expect(sniffFormat(exportMapJson(b))).to.equal('json');
    expect(sniffFormat(exportMarkdown(b))).to.equal('markdown');
    expect(sniffFormat(exportKialo(b))).to.equal('kialo');
    expect(sniffFormat(exportArgdown(b))).to.equal('argdown');
    expect(sniffFormat('- Pro: a\n- Con: b\n')).to.equal('markdown');
    expect(sniffFormat('hello')).to.equal('unknown');
  });

  it('registers every format for the UI', () => {
    expect(FORMATS.map((f) => [f.id, f.extension, f.mime, !!f.export, !!f.import])).to.deep.equal([
      ['markdown', '.md', 'text/markdown', true, true],
      ['json', '.json', 'application/json', true, true],
      ['kialo', '.txt', 'text/plain', true, true],
      ['argdown', '.argdown', 'text/plain', true, true],
    ]);
    const md = formatById('markdown');
    const text = md.export!(smallMap(), { ids: false });
    const back = md.import!(text);
    expect(back.ok).to.equal(true);
    if (back.ok) expect(md.export!(back.bundles[0]!, { ids: false })).to.equal(text);
  });
});
