import { expect } from '@open-wc/testing';
import { markdownToPlainText, renderInlineMarkdown, renderMarkdown } from '../../src/components/markdown.js';

describe('Markdown rendering (marked + DOMPurify)', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**NATO** expanded in *1999*.')).to.equal(
      '<p><strong>NATO</strong> expanded in <em>1999</em>.</p>\n',
    );
    expect(renderInlineMarkdown('a `code` b')).to.equal('a <code>code</code> b');
  });

  it('strips <script> elements', () => {
    const out = renderMarkdown('Hello <script>window.__pwned = 1</script> world');
    expect(out).not.to.contain('<script');
    expect(out).not.to.contain('__pwned');
  });

  it('strips event handlers such as onerror=', () => {
    const out = renderMarkdown('<img src=x onerror="window.__pwned=1"> <b onclick="alert(1)">bold</b>');
    expect(out).not.to.contain('onerror');
    expect(out).not.to.contain('onclick');
    expect(out).to.contain('<b>bold</b>');
  });

  it('never makes javascript:, data: or relative links clickable', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative',
      'vbscript:x',
    ]) {
      const out = renderMarkdown(`[click me](${href}) and <a href="${href}">raw</a>`);
      expect(out, href).not.to.match(/href=/);
      expect(out, href).to.contain('click me');
    }
  });

  it('keeps http(s) and mailto links, opening without an opener', () => {
    const out = renderMarkdown('[NATO](https://www.nato.int/) <mailto:teacher@example.org>');
    expect(out).to.contain('href="https://www.nato.int/"');
    expect(out).to.contain('rel="noopener noreferrer"');
    expect(out).to.contain('target="_blank"');
    expect(out).to.contain('href="mailto:teacher@example.org"');
  });

  it('does not run anything when inserted into the page', async () => {
    const w = window as unknown as { __pwned?: number };
    delete w.__pwned;
    const div = document.createElement('div');
    div.innerHTML = renderMarkdown(
      '<img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=2"></svg><iframe src="javascript:parent.__pwned=3"></iframe>',
    );
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 50));
    div.remove();
    expect(w.__pwned).to.equal(undefined);
  });

  it('gives plain text for labels', () => {
    expect(markdownToPlainText('The **1990** [assurance](https://example.org) &amp; more')).to.equal(
      'The 1990 assurance & more',
    );
  });
});
