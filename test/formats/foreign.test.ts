import { expect } from '@open-wc/testing';
import { formatById, sniffFormat } from '../../src/formats/index.js';
import { parseImport } from '../../src/workers/import-worker.js';

// Files of another format given to the Markdown importer are refused, saying what they look like
// (regression: the issue found Kialo's newer layout and Argdown read as one-statement maps).

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  return res.text();
}

const NOW = '2025-03-01T09:00:00.000Z';

describe('foreign files', () => {
  it('detects both Kialo layouts and Argdown in the forms its documentation shows', async () => {
    expect(sniffFormat(await fixture('kialo-energy-newer.txt'))).to.equal('kialo');
    expect(sniffFormat(await fixture('kialo-pets-options.txt'))).to.equal('kialo');
    for (const name of ['outline', 'pcs', 'mixed']) {
      expect(sniffFormat(await fixture(`argdown/${name}.argdown`)), name).to.equal('argdown');
    }
    // Kialo's newer layout without its first line still reads as Kialo.
    expect(sniffFormat('1. Thesis: Which pet?\n    1.1. A cat.\n')).to.equal('kialo');
  });

  it('imported as Markdown, Kialo (either layout) and Argdown files are refused with "import it as ..."', async () => {
    const cases: Array<[string, RegExp]> = [
      ['kialo-energy-newer.txt', /looks like a Kialo discussion export.*Import it as Kialo text instead/],
      ['kialo-pets-options.txt', /looks like a Kialo discussion export/],
      ['argdown/outline.argdown', /looks like an Argdown file.*Import it as Argdown instead/],
      ['argdown/pcs.argdown', /looks like an Argdown file/],
    ];
    for (const [name, message] of cases) {
      const r = parseImport({ text: await fixture(name) }, 'markdown', NOW);
      expect(r.ok, name).to.equal(false);
      if (!r.ok) {
        expect(r.errors[0]!.message, name).to.match(message);
        expect(r.errors[0]!.line, name).to.equal(1);
      }
      // The registry's importer (used by the export dialog's tests and tools) says the same.
      const direct = formatById('markdown').import!(await fixture(name));
      expect(direct.ok, name).to.equal(false);
    }
  });

  it('prose imported as Markdown is refused naming its first line, not read as a one-statement map', () => {
    const r = parseImport({ text: '\n\nJust a paragraph of prose.\nAnother line.\n' }, 'markdown', NOW);
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.errors[0]!.line).to.equal(3);
      expect(r.errors[0]!.message).to.match(/not a Markdown outline/);
    }
  });

  it('each file goes to its own importer when the format is detected', async () => {
    const kialo = parseImport({ text: await fixture('kialo-energy-newer.txt') }, 'auto', NOW);
    expect(kialo.format).to.equal('kialo');
    expect(kialo.ok && kialo.bundles[0]!.nodes.length).to.equal(12);
    const argdown = parseImport({ text: await fixture('argdown/outline.argdown') }, 'auto', NOW);
    expect(argdown.format).to.equal('argdown');
    expect(argdown.ok).to.equal(true);
  });
});
