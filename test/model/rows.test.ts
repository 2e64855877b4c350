import { expect } from '@open-wc/testing';
import { patchRows } from '../../src/model/rows.js';

const row = (id: string, v = 0) => ({ id, v });

describe('patchRows', () => {
  it('replaces changed rows in place, removes deleted ones and appends new ones in order', () => {
    const rows = [row('a'), row('b'), row('c'), row('d')];
    const changed = new Map([
      ['x', row('x', 1)],
      ['c', row('c', 2)],
      ['a', undefined],
      ['y', row('y', 3)],
      ['gone', undefined],
    ]);
    expect(patchRows(rows, changed)).to.deep.equal([row('b'), row('c', 2), row('d'), row('x', 1), row('y', 3)]);
  });

  it('keeps the very same row objects that did not change, and leaves its input alone', () => {
    const rows = [row('a'), row('b')];
    const out = patchRows(rows, new Map([['b', row('b', 9)]]));
    expect(out[0]).to.equal(rows[0]);
    expect(rows[1]).to.deep.equal(row('b'));
  });

  it('drops the rows a predicate accepts in the same pass, and records them as deleted', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 1), row('d', 3)];
    const changed = new Map<string, { id: string; v: number } | undefined>([
      ['c', row('c', 7)],
      ['n', row('n', 1)],
    ]);
    // 'c' is listed, so its new row wins over the predicate; 'a' is dropped.
    const out = patchRows(rows, changed, (r) => r.v === 1);
    expect(out).to.deep.equal([row('b', 2), row('c', 7), row('d', 3), row('n', 1)]);
    expect([...changed]).to.deep.equal([
      ['c', row('c', 7)],
      ['n', row('n', 1)],
      ['a', undefined],
    ]);
  });
});
