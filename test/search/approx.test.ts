import { expect } from '@open-wc/testing';
import Fuse from 'fuse.js';
import { compileQuery, fieldNorm, fieldScore, wordsWithin } from '../../src/search/approx.js';
import { fewestEdits, prng } from './fixtures.js';

function randomString(rand: () => number, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

describe('search scoring (fuse twin)', () => {
  it('gives exactly the score fuse gives, on random strings', () => {
    const rand = prng(20250224);
    let compared = 0;
    let matches = 0;
    for (const alphabet of ['ab', 'abc ', 'abcdefgh é']) {
      for (let t = 0; t < 1500; t++) {
        const pattern = randomString(rand, alphabet, 1 + Math.floor(rand() * (rand() < 0.1 ? 70 : 12))).trim();
        let text = randomString(rand, alphabet, Math.floor(rand() * (rand() < 0.5 ? 40 : 300)));
        // Plant a damaged copy of the pattern half the time, so near matches are common.
        if (rand() < 0.5 && text.length > 0) {
          const at = Math.floor(rand() * text.length);
          const cut = Math.floor(rand() * pattern.length);
          text = text.slice(0, at) + pattern.slice(0, cut) + pattern.slice(cut + 1) + text.slice(at);
        }
        if (!pattern) continue;
        for (const threshold of [0.23, 0.4]) {
          const fuse = Fuse.match(pattern, text, {
            isCaseSensitive: true,
            ignoreLocation: true,
            threshold,
            includeMatches: true,
          });
          const expected = fuse.isMatch ? fuse.score : -1;
          expect(
            fieldScore(compileQuery(pattern, threshold), text),
            JSON.stringify({ pattern, text, threshold }),
          ).to.equal(expected);
          compared++;
          if (expected >= 0) matches++;
        }
      }
    }
    expect(compared).to.be.greaterThan(8000);
    expect(matches).to.be.greaterThan(compared / 4);
  });

  it('finds each word containing a token within the budget, with its fewest edits', () => {
    const rand = prng(7);
    for (let t = 0; t < 400; t++) {
      const words = Array.from({ length: 1 + Math.floor(rand() * 30) }, () =>
        randomString(rand, 'abcde', 1 + Math.floor(rand() * 9)),
      );
      const token = randomString(rand, 'abcde', 2 + Math.floor(rand() * 7));
      const budget = Math.floor(rand() * Math.min(3, token.length));
      const text = words.join(' ');
      const found = wordsWithin(token, budget, text);
      const expected: Array<[number, number]> = [];
      words.forEach((w, i) => {
        const edits = fewestEdits(token, w);
        if (edits <= budget) expected.push([i, edits]);
      });
      // Positions name words; turn them into word numbers to compare.
      const wordOf = (at: number): number => text.slice(0, at + 1).split(' ').length - 1;
      const got = found.at
        .map((at, i) => [wordOf(at), found.edits[i]!] as [number, number])
        .sort((a, b) => a[0] - b[0]);
      expect(got, JSON.stringify({ token, budget, text })).to.deep.equal(expected);
    }
  });

  it('computes fuse’s field-length norm', () => {
    expect(fieldNorm('one')).to.equal(1);
    expect(fieldNorm('one two three four')).to.equal(0.5);
    expect(fieldNorm('a b c')).to.equal(0.577);
    expect(fieldNorm('')).to.equal(1);
  });
});
