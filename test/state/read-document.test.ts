import { expect } from '@open-wc/testing';
import { readDocumentFile, readPastedDocument } from '../../src/state/read-document.js';

declare global {
  interface Window {
    __documentScriptRan?: boolean;
  }
}

const file = (content: BlobPart, name: string): File => new File([content], name);

describe('reading a source document', () => {
  it('reduces HTML to paragraphs, headings and emphasis; scripts and handlers never run nor reach the page', async () => {
    const html = `<!doctype html><html><head><title>T</title><script>window.__documentScriptRan = true</script>
      <style>p { color: red }</style></head><body>
      <h1 onclick="window.__documentScriptRan = true">The essay</h1>
      <p>First <em>emphasised</em> paragraph.<img src="x" onerror="window.__documentScriptRan = true"></p>
      <div><p>Second paragraph <a href="javascript:window.__documentScriptRan = true">link</a>.</p></div>
      <p>Third<script>window.__documentScriptRan = true</script> one.</p>
      <svg><script>window.__documentScriptRan = true</script></svg></body></html>`;
    const r = await readDocumentFile(file(html, 'essay.html'));
    if (!r.ok) throw new Error(r.message);
    expect(r.doc).to.deep.equal({
      title: 'The essay',
      blocks: [
        { kind: 'heading', text: 'The essay' },
        { kind: 'paragraph', text: 'First emphasised paragraph.', n: 1, em: [[6, 16]] },
        { kind: 'paragraph', text: 'Second paragraph link.', n: 2 },
        { kind: 'paragraph', text: 'Third one.', n: 3 },
      ],
    });
    // Give any handler that could have been attached a chance to fire.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(window.__documentScriptRan).to.equal(undefined);
    expect(document.querySelector('[onerror], [onclick]')).to.equal(null);
  });

  it('reads .md with the essay’s own ¶ marks and .txt one paragraph per blank-line block', async () => {
    const md = await readDocumentFile(file('# Title\n\nByline\n\n[¶1] One.\n\n[¶2] Two\ncontinued.', 'e.md'));
    if (!md.ok) throw new Error(md.message);
    expect(md.doc.blocks.map((b) => [b.n ?? null, b.text])).to.deep.equal([
      [null, 'Title'],
      [null, 'Byline'],
      [1, 'One.'],
      [2, 'Two continued.'],
    ]);
    const txt = await readDocumentFile(file('# not a heading in text\n\nSecond.', 'e.txt'));
    if (!txt.ok) throw new Error(txt.message);
    expect(txt.doc.blocks.map((b) => [b.n, b.text])).to.deep.equal([
      [1, '# not a heading in text'],
      [2, 'Second.'],
    ]);
    expect(txt.fileName).to.equal('e.txt');
  });

  it('refuses bad input with a clear message', async () => {
    const message = async (f: File): Promise<string> => {
      const r = await readDocumentFile(f);
      return r.ok ? '' : r.message;
    };
    expect(await message(file('', 'empty.txt'))).to.equal('The file is empty: there is no text to load.');
    expect(await message(file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'essay.txt'))).to.match(
      /^This is not a text file/,
    );
    expect(await message(file(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'latin.txt'))).to.match(
      /^The file is not in UTF-8/,
    );
    expect(await message(file('text', 'essay.pdf'))).to.match(/reads documents as \.txt, \.md or \.html/);
    expect(await message(file('<p>  </p><script>x</script>', 'blank.html'))).to.equal(
      'No paragraphs of text were found in this document.',
    );
    expect(readPastedDocument('   ')).to.deep.equal({
      ok: false,
      message: 'Paste the document’s text first: the box is empty.',
    });
  });

  it('refuses a 50 MB file by its size, without reading it', async () => {
    let read = false;
    const big = new (class extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        read = true;
        return super.arrayBuffer();
      }
    })([new Uint8Array(50 * 1024 * 1024)], 'huge.txt');
    const r = await readDocumentFile(big);
    expect(r.ok).to.equal(false);
    expect(read).to.equal(false);
    if (!r.ok) expect(r.message).to.match(/^The file is too large for a document \(50\.0 MB/);
  });

  it('reads pasted text as Markdown when it has headings', () => {
    const r = readPastedDocument('# Essay\n\nOne *two* three.');
    if (!r.ok) throw new Error(r.message);
    expect(r.doc).to.deep.equal({
      title: 'Essay',
      blocks: [
        { kind: 'heading', text: 'Essay' },
        { kind: 'paragraph', text: 'One two three.', n: 1, em: [[4, 7]] },
      ],
    });
  });
});
