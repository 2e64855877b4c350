// Share links: a file in the URL fragment, gzip-compressed, base64url. Exact encodings, the essay
// map record by record, and clear messages for cut, damaged and too-large links.
import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import {
  decodeShareFragment,
  encodeShareLink,
  fromBase64Url,
  isShareFragment,
  MAX_SHARE_BYTES,
  toBase64Url,
} from '../../src/state/share-link.js';
import { essayMap } from '../formats/class-helpers.js';

const BASE = 'https://warrant.example/app/';

describe('share links', () => {
  it('base64url both ways, exactly', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x41]))).to.equal('-_-_AEE');
    expect([...fromBase64Url('-_-_AEE')!]).to.deep.equal([0xfb, 0xff, 0xbf, 0x00, 0x41]);
    expect(fromBase64Url('a+b/')).to.equal(null);
    expect(fromBase64Url('abcde')).to.equal(null);
  });

  it('a short text: the link is the app address with #share=, and reads back', async () => {
    const r = await encodeShareLink('{"hello":"wörld"}', `${BASE}#old`);
    if (!r.ok) throw new Error(r.message);
    expect(r.url.startsWith(`${BASE}#share=H4sI`)).to.equal(true); // the gzip magic, base64url
    expect(r.bytes).to.equal(18);
    const hash = new URL(r.url).hash;
    expect(isShareFragment(hash)).to.equal(true);
    expect(isShareFragment('#map=x')).to.equal(false);
    expect(await decodeShareFragment(hash)).to.deep.equal({ ok: true, text: '{"hello":"wörld"}' });
  });

  it('the essay map travels in a link and comes back the same, record by record', async () => {
    const map = await essayMap();
    const text = exportMapJson(map);
    const r = await encodeShareLink(text, BASE);
    if (!r.ok) throw new Error(r.message);
    expect(r.url.length).to.be.below(text.length);
    // The shipped map is well within the limit, and its link is a fraction of the file.
    expect(text.length).to.be.below(MAX_SHARE_BYTES);
    expect(r.url.length).to.be.below(text.length / 2);
    const back = await decodeShareFragment(new URL(r.url).hash);
    if (!back.ok) throw new Error(back.message);
    expect(back.text).to.equal(text);
    const restored = importJson(back.text, { now: map.map.createdAt });
    if (!restored.ok) throw new Error('not restored');
    const b = restored.bundles[0]!;
    for (const key of ['nodes', 'sources', 'citations', 'ratings'] as const) {
      expect(b[key].length, key).to.equal(map[key].length);
      b[key].forEach((rec, i) => expect(rec, `${key}[${i}]`).to.deep.equal(map[key][i]));
    }
    expect(b.map).to.deep.equal(map.map);
  });

  it('a link cut short, or with a character changed, says so and gives nothing', async () => {
    const r = await encodeShareLink(exportMapJson(await essayMap()), BASE);
    if (!r.ok) throw new Error(r.message);
    const hash = new URL(r.url).hash;
    const message =
      'This link is cut short or damaged, so it cannot be opened. Ask for the link again (copy all of it), or for the file.';
    for (const bad of [
      hash.slice(0, Math.floor(hash.length / 2)),
      hash.slice(0, hash.length - 3),
      hash.slice(0, 20),
      '#share=',
      `${hash.slice(0, 200)}${hash[200] === 'A' ? 'B' : 'A'}${hash.slice(201)}`,
      `${hash}%20`,
    ]) {
      expect(await decodeShareFragment(bad), bad.slice(-12)).to.deep.equal({ ok: false, message });
    }
  });

  it('too large for a link: says to use the file', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_SHARE_BYTES) });
    expect(await encodeShareLink(big, BASE)).to.deep.equal({
      ok: false,
      message: 'This is too large for a link; use the file instead.',
    });
  });
});
