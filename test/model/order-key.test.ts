import { expect } from '@open-wc/testing';
import { isOrderKey, keyBetween, keysBetween } from '../../src/model/order-key.js';

describe('order keys', () => {
  it('gives exact keys for the simple cases', () => {
    expect(keyBetween(null, null)).to.equal('V');
    expect(keyBetween('V', null)).to.equal('l');
    expect(keyBetween(null, 'V')).to.equal('G');
    expect(keyBetween('3', '4')).to.equal('3V');
    expect(keyBetween('3', '35')).to.equal('33');
    expect(keyBetween('3', '31')).to.equal('30V');
    expect(keyBetween(null, '1')).to.equal('0V');
  });

  it('refuses keys out of order or malformed', () => {
    expect(() => keyBetween('b', 'a')).to.throw(/out of order/);
    expect(() => keyBetween('a', 'a')).to.throw(/out of order/);
    expect(() => keyBetween('a0', null)).to.throw(/Invalid/);
    expect(() => keyBetween('a-', null)).to.throw(/Invalid/);
  });

  it('keeps order under 2,000 random insertions', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(rand() * (keys.length + 1));
      const k = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      expect(isOrderKey(k)).to.equal(true);
      keys.splice(at, 0, k);
    }
    const sorted = [...keys].sort();
    expect(keys).to.deep.equal(sorted);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('spreads several keys evenly between two bounds', () => {
    const ks = keysBetween(null, null, 5);
    expect(ks).to.have.length(5);
    expect([...ks].sort()).to.deep.equal(ks);
    expect(keysBetween('a', 'b', 3).every((k) => k > 'a' && k < 'b')).to.equal(true);
    expect(keysBetween(null, null, 0)).to.deep.equal([]);
  });
});
