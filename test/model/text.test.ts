import { expect } from '@open-wc/testing';
import { plainLine } from '../../src/model/text.js';

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
