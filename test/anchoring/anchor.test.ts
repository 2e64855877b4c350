import { expect } from '@open-wc/testing';
import { DocumentIndex, anchorAll, coverage, coverageLine, type QuoteToAnchor } from '../../src/anchoring/anchor.js';
import { foldQuote } from '../../src/anchoring/fold.js';
import { paragraphNumbers, parseText, type SourceText } from '../../src/anchoring/source-text.js';

const get = async (url: string): Promise<string> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
};

interface MapFile {
  nodes: { id: string; quote?: { text: string; paragraph: number } }[];
}

async function essayAndQuotes(): Promise<{ essay: string; quotes: { id: string; text: string; paragraph: number }[] }> {
  const essay = await get('/__shared__/essay.md');
  const map = JSON.parse(await get(new URL('../../claims/essay-map.json', import.meta.url).href)) as MapFile;
  const quotes = map.nodes.flatMap((n) => (n.quote ? [{ id: n.id, ...n.quote }] : []));
  return { essay, quotes };
}

const selectors = (quotes: { id: string; text: string; paragraph: number }[]): QuoteToAnchor[] =>
  quotes.map((q) => ({ id: q.id, selector: { exact: q.text, paragraph: q.paragraph } }));

/** The passage an anchor covers, folded, for comparing with the quote. */
const passage = (index: DocumentIndex, start: number, end: number): string =>
  foldQuote(index.joined.text.slice(start, end));

describe('source text (numbered paragraphs)', () => {
  // The byline counts: a document without marks is numbered as a reader counts its paragraphs.
  it('numbers a document without marks by its body paragraphs, headings apart, emphasis kept as ranges', async () => {
    const doc = parseText(await get(new URL('../fixtures/documents/uniforms.md', import.meta.url).href), 'md');
    expect(doc.title).to.equal('Should Schools Require Uniforms?');
    expect(doc.blocks.map((b) => [b.kind, b.n ?? null])).to.deep.equal([
      ['heading', null],
      ['paragraph', 1],
      ['paragraph', 2],
      ['paragraph', 3],
      ['heading', null],
      ['paragraph', 4],
      ['paragraph', 5],
    ]);
    const p3 = doc.blocks[3]!;
    expect(p3.text).to.equal(
      'Critics say uniforms suppress expression. Yet students still choose their words, their friends and their clubs.',
    );
    expect(p3.em).to.deep.equal([[21, 40]]);
    expect(p3.text.slice(21, 40)).to.equal('suppress expression');
  });

  it('numbers the class essay by its own [¶N] marks: 43 paragraphs, front matter unnumbered', async () => {
    const { essay } = await essayAndQuotes();
    const doc = parseText(essay, 'md');
    const marks = [...essay.matchAll(/^\[¶(\d+)\] /gm)].map((m) => Number(m[1]));
    expect(paragraphNumbers(doc)).to.deep.equal(marks);
    expect(marks.length).to.equal(43);
    const p1 = doc.blocks.find((b) => b.n === 1)!;
    expect(p1.text.startsWith('In the present day, the United States')).to.equal(true);
    expect(doc.blocks.filter((b) => b.n === undefined && b.kind === 'paragraph').length).to.be.greaterThan(0);
  });

  it('reads a plain text with no blank lines one paragraph per line', () => {
    const doc = parseText('First line.\r\nSecond line.\nThird.', 'txt');
    expect(doc.blocks.map((b) => `${b.n}:${b.text}`)).to.deep.equal(['1:First line.', '2:Second line.', '3:Third.']);
  });
});

describe('anchoring quotes (small fixture)', () => {
  let doc: SourceText;
  let index: DocumentIndex;
  before(async () => {
    doc = parseText(await get(new URL('../fixtures/documents/uniforms.md', import.meta.url).href), 'md');
    index = new DocumentIndex(doc);
  });

  it('finds a quote at its exact offsets, across emphasis and curly quotes', () => {
    const r = index.anchor({ exact: 'uniforms suppress expression', paragraph: 3 });
    if (!('anchor' in r)) throw new Error('orphan');
    expect(r.anchor).to.deep.equal({
      start: index.joined.starts[3]! + 12,
      end: index.joined.starts[3]! + 40,
      block: 3,
      paragraph: 3,
      errors: 0,
    });
    const curly = index.anchor({ exact: 'found that "most parents" preferred uniforms - though', paragraph: 4 });
    if (!('anchor' in curly)) throw new Error('orphan');
    expect(curly.anchor.paragraph).to.equal(4);
    expect(index.joined.text.slice(curly.anchor.start, curly.anchor.end)).to.equal(
      'found that “most parents” preferred uniforms — though',
    );
  });

  it('tells two occurrences apart by prefix, suffix and paragraph hint', () => {
    const second = index.describe(
      index.joined.starts[6]!,
      index.joined.starts[6]! + 'Uniforms save families money'.length,
    );
    expect(second).to.deep.equal({
      exact: 'Uniforms save families money',
      prefix: '— though the survey was small.\n\n',
      suffix: ', the survey said again.',
      paragraph: 5,
      offset: 0,
    });
    const r = index.anchor({ exact: second.exact, suffix: second.suffix });
    if (!('anchor' in r)) throw new Error('orphan');
    expect(r.anchor.paragraph).to.equal(5);
    const byHint = index.anchor({ exact: 'Uniforms save families money', paragraph: 2 });
    if (!('anchor' in byHint)) throw new Error('orphan');
    expect(byHint.anchor.paragraph).to.equal(2);
  });

  it('re-anchors a described passage in an edited version, and lists what is gone', () => {
    const sel = index.describe(index.joined.starts[3]! + 42, index.joined.starts[3]! + 90);
    expect(sel.exact).to.equal('Yet students still choose their words, their fri');
    const edited = parseText(
      '# T\n\nA new first paragraph.\n\nUniforms save families money.\n\nCritics say uniforms suppress expression. Yet students still chose their words, their friends.',
      'md',
    );
    const res = anchorAll(new DocumentIndex(edited), [
      { id: 'moved', selector: sel },
      { id: 'gone', selector: { exact: 'A 2019 survey found that most parents preferred uniforms', paragraph: 4 } },
      { id: 'blank', selector: { exact: '   ', paragraph: 1 } },
    ]);
    expect(res.anchors.get('moved')).to.include({ paragraph: 3, errors: 1 });
    expect(res.orphans).to.deep.equal([
      { id: 'gone', reason: 'not-found' },
      { id: 'blank', reason: 'empty' },
    ]);
  });

  it('counts coverage over numbered paragraphs only', () => {
    const res = anchorAll(index, [
      { id: 'a', selector: { exact: 'A blazer and two shirts', paragraph: 2 } },
      { id: 'b', selector: { exact: 'Should Schools Require' } },
    ]);
    const c = coverage(index, res.anchors.values());
    expect(c).to.deep.equal({ paragraphs: [1, 2, 3, 4, 5], mapped: [2], unmapped: [1, 3, 4, 5] });
    expect(coverageLine(c)).to.equal('1 of 5 paragraphs mapped');
  });
});

describe('anchoring the essay map (claims/essay-map.json) to the essay', () => {
  it('anchors every quote verbatim in the paragraph it cites', async () => {
    const { essay, quotes } = await essayAndQuotes();
    const index = new DocumentIndex(parseText(essay, 'md'));
    const res = anchorAll(index, selectors(quotes));
    expect(quotes.length).to.be.greaterThan(0);
    expect(res.orphans).to.deep.equal([]);
    for (const q of quotes) {
      const a = res.anchors.get(q.id)!;
      expect([q.id, a.paragraph, a.errors, passage(index, a.start, a.end)]).to.deep.equal([
        q.id,
        q.paragraph,
        0,
        foldQuote(q.text),
      ]);
    }
  });

  it('reports coverage equal to the set of paragraphs the quotes cite', async () => {
    const { essay, quotes } = await essayAndQuotes();
    const index = new DocumentIndex(parseText(essay, 'md'));
    const c = coverage(index, anchorAll(index, selectors(quotes)).anchors.values());
    const cited = [...new Set(quotes.map((q) => q.paragraph))].sort((a, b) => a - b);
    const all = Array.from({ length: 43 }, (_, i) => i + 1);
    expect(c.paragraphs).to.deep.equal(all);
    expect(c.mapped).to.deep.equal(cited);
    expect(c.unmapped).to.deep.equal(all.filter((n) => !cited.includes(n)));
    expect(coverageLine(c)).to.equal(`${cited.length} of 43 paragraphs mapped`);
  });

  it('re-anchors every quote in a version with a paragraph inserted and two typos fixed', async () => {
    const { essay, quotes } = await essayAndQuotes();
    // The new version has no ¶ marks (numbered by order) and one more paragraph after ¶10.
    const paras = [...essay.matchAll(/^\[¶(\d+)\] (.*)$/gm)].map((m) => m[2]!);
    const first = quotes[0]!;
    const last = quotes[quotes.length - 1]!;
    const fixTypo = (text: string, quote: string): string => {
      const at = text.indexOf(quote) + Math.floor(quote.length / 2);
      // Swap one letter: the document "fixes a typo" the quote was taken with.
      return text.slice(0, at) + (text[at] === 'e' ? 'a' : 'e') + text.slice(at + 1);
    };
    paras[first.paragraph - 1] = fixTypo(paras[first.paragraph - 1]!, first.text);
    paras[last.paragraph - 1] = fixTypo(paras[last.paragraph - 1]!, last.text);
    paras.splice(10, 0, 'A paragraph the author added in the second version, about something else entirely.');
    const index = new DocumentIndex(parseText(`# Second version\n\n${paras.join('\n\n')}`, 'md'));
    const res = anchorAll(index, selectors(quotes));
    expect(res.orphans).to.deep.equal([]);
    for (const q of quotes) {
      const a = res.anchors.get(q.id)!;
      const expected = q.paragraph > 10 ? q.paragraph + 1 : q.paragraph;
      const typo = q.id === first.id || q.id === last.id;
      expect([q.id, a.paragraph, a.errors > 0]).to.deep.equal([q.id, expected, typo]);
    }
  });

  it('lists exactly the quote whose sentence was removed as an orphan', async () => {
    const { essay, quotes } = await essayAndQuotes();
    // A quote alone in its sentence, so removing the sentence removes that quote only.
    const sentences = (p: string): string[] => p.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [p];
    const byPara = new Map([...essay.matchAll(/^\[¶(\d+)\] (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]));
    const target = quotes.find((q) => {
      const s = sentences(byPara.get(q.paragraph)!).find((x) => x.includes(q.text));
      return (
        s !== undefined &&
        quotes.filter((o) => o.paragraph === q.paragraph && s.includes(o.text.slice(0, 20))).length === 1
      );
    })!;
    const sentence = sentences(byPara.get(target.paragraph)!).find((x) => x.includes(target.text))!;
    const edited = essay.replace(sentence, '');
    expect(edited).not.to.equal(essay);
    const index = new DocumentIndex(parseText(edited, 'md'));
    const res = anchorAll(index, selectors(quotes));
    expect(res.orphans).to.deep.equal([{ id: target.id, reason: 'not-found' }]);
    expect(res.anchors.size).to.equal(quotes.length - 1);
  });
});
