import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import {
  isMarkdownReady,
  markdown,
  markdownToPlainText,
  plainParagraphs,
  fillWithMarkdown,
  renderMarkdownIfReady,
  whenMarkdownReady,
} from '../../src/components/markdown.js';
import { stripStyleAttributes } from '../../src/components/markdown-render.js';
import '../../src/components/node-detail.js';
import { buildTree } from '../../src/model/tree.js';
import { Origin, type ArgNode } from '../../src/model/types.js';

// The renderer (marked + DOMPurify) is not part of the initial load: markdown.ts imports it on
// first use. The first block runs before it has arrived (each test file has a page of its own).

const STAMP = '2025-03-01T09:00:00.000Z';
const HOSTILE =
  'Hello **world** <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> ' +
  '[click me](javascript:window.__pwned=3) <b onclick="window.__pwned=4">bold</b>\n\nSecond paragraph';

function thesis(text: string, notes?: string): ArgNode {
  return {
    id: 'T',
    mapId: 'm',
    parentId: null,
    relation: null,
    order: 'V',
    text,
    ...(notes !== undefined && { notes }),
    origin: Origin.added,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 50));
}

describe('Markdown before the renderer has loaded', () => {
  it('shows the text as plain, escaped text, and renders it once the renderer arrives', async () => {
    const w = window as unknown as { __pwned?: number };
    delete w.__pwned;
    expect(isMarkdownReady(), 'the renderer is not part of the initial load').to.equal(false);
    const node = thesis(HOSTILE, 'See [NATO](https://www.nato.int/) and [this](javascript:void0).');
    const detail = await fixture(
      html`<warrant-node-detail .tree=${buildTree([node])} .node=${node}></warrant-node-detail>`,
    );
    const text = detail.shadowRoot!.querySelector('.text')!;
    // The plain fallback: words only, in paragraphs; nothing from the text became an element.
    expect(isMarkdownReady(), 'still loading').to.equal(false);
    expect([...text.children].map((c) => c.tagName)).to.deep.equal(['P', 'P']);
    expect(text.querySelector('script, img, a, b, strong')).to.equal(null);
    expect(text.textContent).to.contain('Hello world');
    expect(text.textContent).to.contain('click me');
    expect(text.textContent).to.contain('Second paragraph');
    const notes = detail.shadowRoot!.querySelectorAll('.prose')[1]!;
    expect(notes.querySelector('a')).to.equal(null);
    expect(notes.textContent).to.contain('See NATO and this.');
    await whenMarkdownReady();
    await (detail as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(isMarkdownReady()).to.equal(true);
    // Rendered and sanitised: emphasis kept, script, image and handlers gone, the javascript: link is text.
    expect(text.querySelector('strong')!.textContent).to.equal('world');
    expect(text.querySelector('b')!.getAttribute('onclick')).to.equal(null);
    expect(text.querySelector('script, img, [onerror], [onclick]')).to.equal(null);
    expect(text.querySelector('a[href]')).to.equal(null);
    expect(text.textContent).to.contain('click me');
    // Only the https link in the notes is clickable, opening without an opener.
    const links = [...detail.shadowRoot!.querySelectorAll('.prose a[href]')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.nato.int/']);
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
    await settle();
    expect(w.__pwned).to.equal(undefined);
  });

  it('makes the plain fallback of paragraphs of escaped text', async () => {
    const w = window as unknown as { __pwned?: number };
    delete w.__pwned;
    const box = document.createElement('div');
    document.body.append(box);
    render(plainParagraphs(HOSTILE), box);
    await settle();
    box.remove();
    expect([...box.querySelectorAll('*')].map((e) => e.tagName)).to.deep.equal(['P', 'P']);
    const first = box.querySelector('p')!.textContent!;
    expect(first).to.match(/^Hello world .*click me bold$/);
    expect(w.__pwned).to.equal(undefined);
    // Characters that mean something in HTML are text.
    render(plainParagraphs('5 < 6 & "7" \n\n'), box);
    expect(box.querySelector('p')!.textContent).to.equal('5 < 6 & "7"');
    expect(box.innerHTML).to.contain('5 &lt; 6 &amp; "7"');
  });
});

describe('Markdown rendering (marked + DOMPurify), once loaded', () => {
  before(() => whenMarkdownReady());

  const renderMarkdown = (text: string): string => String(renderMarkdownIfReady(text));

  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**NATO** expanded in *1999*.')).to.equal(
      '<p><strong>NATO</strong> expanded in <em>1999</em>.</p>\n',
    );
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
    fillWithMarkdown(
      div,
      '<img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=2"></svg><iframe src="javascript:parent.__pwned=3"></iframe>',
    );
    document.body.append(div);
    await settle();
    div.remove();
    expect(w.__pwned).to.equal(undefined);
  });

  it('renders through the Lit helper with the same rules', () => {
    const box = document.createElement('div');
    render(markdown('[ok](https://example.org/) [bad](javascript:alert(1)) <img src=x onerror="alert(1)">'), box);
    expect([...box.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/',
    ]);
    expect(box.querySelector('img, [onerror]')).to.equal(null);
  });

  it('keeps only the allow-listed tags: marquee, template, style, form and iframe do not survive', () => {
    expect(
      renderMarkdown(
        'a <marquee>moving</marquee> <template><b>hidden</b></template><style>p{color:red}</style>' +
          '<form action="https://x.example/"><input name="q"></form><iframe src="https://x.example/"></iframe>' +
          '<details><summary>s</summary>d</details> z',
      ),
      // The <form> closes the paragraph as an HTML parser does; its words stay, the tags do not.
    ).to.equal('<p>a moving </p>sd z<p></p>\n');
  });

  it('drops style, class, id and event-handler attributes and keeps href and title', () => {
    expect(
      renderMarkdown(
        '<p style="color:red" class="c" id="i" onmouseover="alert(1)" data-x="1">x</p>\n\n' +
          '<a href="https://example.org/" title="t" style="x" onclick="y">link</a>',
      ),
    ).to.equal(
      '<p>x</p><p><a href="https://example.org/" title="t" rel="noopener noreferrer" target="_blank">link</a></p>\n',
    );
  });

  it('keeps the Markdown blocks notes use: headings, lists, quotes, code, rules and tables', () => {
    expect(
      renderMarkdown(
        '## H\n\n- one\n- two\n\n3. three\n\n> quote\n\n`c` ~~gone~~\n\n```\npre\n```\n\n---\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n',
      ),
    ).to.equal(
      '<h2>H</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start="3">\n<li>three</li>\n</ol>\n' +
        '<blockquote>\n<p>quote</p>\n</blockquote>\n<p><code>c</code> <del>gone</del></p>\n<pre><code>pre\n</code></pre>\n<hr>\n' +
        '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n' +
        '<tbody><tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody></table>\n',
    );
  });

  it('returns TrustedHTML, the only kind the HTML sinks take under Trusted Types', () => {
    const out = renderMarkdownIfReady('*x*');
    const tt = (window as unknown as { trustedTypes?: { isHTML(value: unknown): boolean } }).trustedTypes;
    expect(tt?.isHTML(out)).to.equal(true);
  });

  it('removes style attributes before parsing, so sanitising fires no style-src report', () => {
    expect(stripStyleAttributes('<p style="color:red">a</p><b STYLE=\'x\' title="t">b</b><i style=x>c</i>')).to.equal(
      '<p>a</p><b title="t">b</b><i>c</i>',
    );
    expect(stripStyleAttributes('the word style="x" outside a tag')).to.equal('the word style="x" outside a tag');
  });

  it('gives plain text for labels', () => {
    expect(markdownToPlainText('The **1990** [assurance](https://example.org) &amp; more')).to.equal(
      'The 1990 assurance & more',
    );
  });
});
