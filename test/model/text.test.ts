import { expect } from '@open-wc/testing';
import { plainLine, scrubNotice, scrubText } from '../../src/model/text.js';

describe('plainLine (tree row previews)', () => {
  it('keeps words and link texts, drops Markdown markers, tags and escapes', () => {
    expect(plainLine('Schools should require **uniforms**.')).to.equal('Schools should require uniforms.');
    expect(plainLine('See [the treaty](https://example.org) and <https://nato.int>')).to.equal(
      'See the treaty and https://nato.int',
    );
    expect(plainLine('- a list item\n> quoted\n# heading')).to.equal('a list item quoted heading');
    expect(plainLine('<img src=x onerror=alert(1)> text \\*not emphasis\\*')).to.equal('text not emphasis');
    expect(plainLine('`code` and _emph_')).to.equal('code and emph');
  });

  it('cuts long text with an ellipsis', () => {
    expect(plainLine('word '.repeat(500), 20)).to.equal('word word word word…');
  });
});

describe('scrubText: hostile characters (pure)', () => {
  it('strips NUL and C0 controls but keeps tab and line ends', () => {
    expect(scrubText('a\u0000b\u0007c\td\ne\r\nf\u001F')).to.deep.equal({
      text: 'abc\td\ne\r\nf',
      controls: 3,
      loneSurrogates: 0,
      bidi: 0,
    });
  });

  it('strips lone surrogates and keeps real pairs (emoji)', () => {
    expect(scrubText('x\uD800y\uDC00z 😀 \uDBFF')).to.deep.equal({
      text: 'xyz 😀 ',
      controls: 0,
      loneSurrogates: 3,
      bidi: 0,
    });
  });

  it('strips every bidirectional embedding, override and isolate control, keeps Arabic and Hebrew text', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(scrubText(`safe${all}عربي עברית`)).to.deep.equal({
      text: 'safeعربي עברית',
      controls: 0,
      loneSurrogates: 0,
      bidi: 9,
    });
  });

  it('says what it removed in words', () => {
    expect(scrubNotice({ controls: 1, loneSurrogates: 2, bidi: 3 })).to.equal(
      'Removed 1 control character, 2 broken characters, 3 text-direction overrides that could hide or reorder text.',
    );
    expect(scrubNotice({ controls: 0, loneSurrogates: 0, bidi: 0 })).to.equal('');
  });
});
