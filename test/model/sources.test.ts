import { expect } from '@open-wc/testing';
import { checkSource, citationUses, findDuplicate, oldestFirst, summarize, urlKey } from '../../src/model/sources.js';
import type { Citation, Source } from '../../src/model/types.js';

describe('source cards and rating summaries (pure)', () => {
  it('summarises ratings: mean, count, spread (population SD), min, max; unrated is not 0', () => {
    const r = (rater: string, value: 0 | 1 | 2 | 3 | 4) => ({ rater, value });
    expect(summarize([])).to.deep.equal({ count: 0 });
    // 3, 2, 4: mean 3, variance ((0)^2 + 1 + 1)/3 = 2/3, SD sqrt(2/3) = 0.816496580927726
    const s = summarize([r('Ana', 3), r('Ben', 2), r('Chloe', 4)]);
    expect(s.count).to.equal(3);
    expect(s.mean).to.equal(3);
    expect(s.spread).to.be.closeTo(0.816496580927726, 1e-12);
    expect([s.min, s.max]).to.deep.equal([2, 4]);
    expect(summarize([r('Ana', 3), r('Ben', 2)], 'Ben')).to.deep.equal({
      count: 1,
      mean: 2,
      spread: 0,
      min: 2,
      max: 2,
    });
    expect(summarize([r('Ana', 3)], 'Zoe')).to.deep.equal({ count: 0 });
  });

  it('validates a source card field by field', () => {
    expect(checkSource({ title: '  ', url: 'javascript:alert(1)', reliability: 'Z', type: 'blog' })).to.deep.equal({
      ok: false,
      errors: [
        { field: 'title', message: 'is required' },
        { field: 'url', message: '"javascript:" links are not allowed: only http:// and https:// links are.' },
        { field: 'type', message: 'is not one of the listed types' },
        { field: 'reliability', message: 'must be a grade from A to F' },
      ],
    });
    expect(
      checkSource({ title: ' The  Treaty ', url: 'https://x.org/a', type: 'primary', reliability: 'A' }),
    ).to.deep.equal({
      ok: true,
      fields: { title: 'The Treaty', url: 'https://x.org/a', type: 'primary', reliability: 'A' },
    });
  });

  it('finds a duplicate by URL (ignoring www, trailing slash, scheme) or by title without URL', () => {
    const src = (id: string, title: string, url?: string): Source => ({
      id,
      mapId: 'm',
      title,
      type: 'other',
      createdAt: '',
      updatedAt: '',
      ...(url && { url }),
    });
    const sources = [src('a', 'Founding Act', 'https://www.nato.int/act/'), src('b', 'Memoirs')];
    expect(urlKey('http://nato.int/act')).to.equal(urlKey('https://www.nato.int/act/'));
    expect(findDuplicate(sources, { title: 'x', url: 'http://nato.int/act' })?.id).to.equal('a');
    expect(findDuplicate(sources, { title: 'memoirs' })?.id).to.equal('b');
    expect(findDuplicate(sources, { title: 'memoirs' }, 'b')).to.equal(undefined);
  });
});

describe('citation counts and order (pure)', () => {
  const cite = (id: string, sourceId: string, createdAt: string) =>
    ({ id, mapId: 'm', nodeId: 'n', sourceId, createdAt }) as Citation;

  it('counts how many citations use each source', () => {
    const uses = citationUses([cite('c1', 's1', 't'), cite('c2', 's2', 't'), cite('c3', 's1', 't')]);
    expect([...uses]).to.deep.equal([
      ['s1', 2],
      ['s2', 1],
    ]);
    expect(citationUses([]).size).to.equal(0);
  });

  it('orders citations oldest first, ties by id, without changing its input', () => {
    const input = [
      cite('b', 's', '2025-01-02T00:00:00.000Z'),
      cite('c', 's', '2025-01-01T00:00:00.000Z'),
      cite('a', 's', '2025-01-02T00:00:00.000Z'),
    ];
    expect(oldestFirst(input).map((c) => c.id)).to.deep.equal(['c', 'a', 'b']);
    expect(input.map((c) => c.id)).to.deep.equal(['b', 'c', 'a']);
  });
});
