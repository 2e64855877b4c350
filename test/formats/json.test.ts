import { expect } from '@open-wc/testing';
import type { FormatError } from '../../src/formats/errors.js';
import { exportBackupJson, exportMapJson, importJson, toMapFile } from '../../src/formats/json.js';
import { exportKialo } from '../../src/formats/kialo.js';
import { exportMarkdown, importMarkdown } from '../../src/formats/markdown/index.js';
import type { MapBundle } from '../../src/model/types.js';
import { randomMap, smallMap } from './helpers.js';

function importOne(text: string): MapBundle {
  const r = importJson(text);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.bundles[0]!;
}

function errorsOf(text: string): FormatError[] {
  const r = importJson(text);
  expect(r.ok, 'import should fail').to.equal(false);
  return r.ok ? [] : r.errors;
}

/** A map file object to break on purpose. */
function file(): Record<string, unknown> & {
  nodes: Array<Record<string, unknown>>;
  sources: Array<Record<string, unknown>>;
} {
  return JSON.parse(exportMapJson(smallMap())) as ReturnType<typeof file>;
}

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  return res.text();
}

describe('formats/json round trip', () => {
  it('is byte-identical and lossless on the hand-made map, the essay fixture and random maps', async () => {
    // The fixture is stored exactly as Warrant writes it; the hand-made map is written once first.
    const claims = await (await fetch(new URL('../../claims/essay-map.json', import.meta.url))).text();
    const texts = [
      exportMapJson(importOne(exportMapJson(smallMap()))),
      await fixture('essay-map.json'),
      exportMapJson(importOne(claims)),
    ];
    for (let seed = 1; seed <= 30; seed++)
      texts.push(exportMapJson(importOne(exportMapJson(randomMap(seed, { nodes: 30 })))));
    texts.push(exportMapJson(importOne(exportMapJson(randomMap(3001, { nodes: 3, depth: 200 })))));
    texts.push(exportMapJson(importOne(exportMapJson(randomMap(3002, { nodes: 3, width: 500 })))));
    for (const text of texts) {
      const back = importOne(text);
      expect(exportMapJson(back)).to.equal(text);
    }
    expect(importOne(exportMapJson(smallMap()))).to.deep.equal(smallMap());
  });

  it('round-trips a backup of several maps', () => {
    const maps = [importOne(exportMapJson(smallMap())), importOne(exportMapJson(randomMap(5)))];
    const text = exportBackupJson(maps);
    const r = importJson(text);
    expect(r.ok).to.equal(true);
    if (r.ok) expect(exportBackupJson(r.bundles)).to.equal(text);
  });

  it('keeps script and HTML payloads in every field as inert text, verbatim', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const b = smallMap();
    b.map.title = b.map.description = payload;
    b.map.document = { title: payload, author: payload, date: payload };
    for (const n of b.nodes) {
      n.text = n.notes = n.author = payload;
      if (n.quote) n.quote.text = payload;
    }
    for (const s of b.sources) s.title = s.authors = s.publisher = s.date = s.reliabilityNote = payload;
    for (const c of b.citations) c.pinpoint = payload;
    for (const r of b.ratings) r.rationale = payload;
    expect(importOne(exportMapJson(b))).to.deep.equal(b);
  });

  // Regression: a rating restored without an id got "node@rater" as its id, which fails restore's
  // own id check, so a map read from Markdown (or a hand-made file) could not be re-imported
  // from its own JSON backup.
  it('gives records without ids valid, stable ids, so the result can be exported and read again', () => {
    const f = file();
    f.ratings = [{ nodeId: 'c1', rater: 'Ms. Lee', value: 3 }];
    f.citations = [{ nodeId: 'c1', sourceId: 's1', pinpoint: 'p. 1' }];
    const first = importOne(JSON.stringify(f));
    expect(importOne(JSON.stringify(f)).ratings[0]!.id).to.equal(first.ratings[0]!.id);
    expect(first.citations[0]!.id).to.equal('c1>s1');
    expect(exportMapJson(importOne(exportMapJson(first)))).to.equal(exportMapJson(first));
    const fromMarkdown = importMarkdown(exportMarkdown(smallMap(), { ids: false }));
    if (!fromMarkdown.ok) throw new Error('markdown');
    expect(importJson(exportMapJson(fromMarkdown.bundles[0]!)).ok).to.equal(true);
  });
});

describe('formats/json import errors', () => {
  it('says a truncated file is truncated, naming the last line', () => {
    const text = exportMapJson(smallMap());
    for (const cut of [text.slice(0, 200), text.slice(0, text.length / 2), text.slice(0, -3)]) {
      const [e] = errorsOf(cut);
      expect(e!.message).to.match(/ends too early|truncated/);
      expect(e!.line).to.equal(cut.split('\n').length);
    }
  });

  it('names the line of a syntax error', () => {
    const text = exportMapJson(smallMap()).replace('"title": "Was', '"title" "Was');
    const line = text.split('\n').findIndex((l) => l.includes('"title" "Was')) + 1;
    expect(errorsOf(text)[0]!.line).to.equal(line);
  });

  it('says a Kialo or Markdown file is not JSON', async () => {
    expect(errorsOf(await fixture('kialo-phones.txt'))[0]!.message).to.match(
      /looks like a Kialo discussion export.*Import it as Kialo text/,
    );
    expect(errorsOf(exportKialo(smallMap()))[0]!.message).to.match(/looks like a Kialo discussion export/);
    expect(errorsOf(exportMarkdown(smallMap()))[0]!.message).to.match(/looks like a Markdown file/);
  });

  it('says a badly decoded file is not valid UTF-8, naming the line', () => {
    const text = exportMapJson(smallMap());
    const bytes = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('Distrust'))).length;
    bytes[at] = 0xff;
    const [e] = errorsOf(new TextDecoder().decode(bytes));
    expect(e!.message).to.match(/not valid UTF-8/);
    expect(e!.line).to.equal(text.slice(0, text.indexOf('Distrust')).split('\n').length);
  });

  it('names cycles and dangling parents by field', () => {
    const cyc = file();
    cyc.nodes.find((n) => n.id === 'c1')!.parentId = 'r1';
    const cycleErrors = errorsOf(JSON.stringify(cyc));
    expect(cycleErrors.map((e) => e.field)).to.include('nodes[1] (id "c1")');
    expect(cycleErrors[0]!.message).to.match(/cycle/);

    const dangling = file();
    dangling.nodes.find((n) => n.id === 'k2')!.parentId = 'ghost';
    expect(errorsOf(JSON.stringify(dangling))).to.deep.include({
      field: 'nodes[2] (id "k2")',
      message: 'parent "ghost" does not exist',
    });

    const citation = file();
    (citation.citations as Array<Record<string, unknown>>)[0]!.sourceId = 'ghost';
    expect(errorsOf(JSON.stringify(citation))[0]).to.include({ field: 'citations[0].sourceId' });
  });

  it('refuses unknown (future) and broken versions, naming the field', () => {
    const future = { ...toMapFile(smallMap()), version: 2 };
    expect(errorsOf(JSON.stringify(future))[0]).to.include({ field: 'version' });
    expect(errorsOf(JSON.stringify(future))[0]!.message).to.match(/newer Warrant/);
    expect(errorsOf(JSON.stringify({ ...future, version: 'one' }))[0]).to.include({ field: 'version' });
    expect(errorsOf(JSON.stringify({ ...future, format: 'something-else' }))[0]).to.include({ field: 'format' });
  });

  it('refuses a 50 MB file by its size alone, with a size message', () => {
    const t0 = performance.now();
    const [e] = errorsOf(`{"format":"warrant-map","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    console.log(`50 MB JSON refused in ${Math.round(performance.now() - t0)} ms`);
    expect(e!.message).to.match(/too large/);
  });

  it('refuses a javascript: link in a source or the document, naming the field', () => {
    const f = file();
    f.sources[0]!.url = 'javascript:alert(1)';
    (f.map as Record<string, Record<string, unknown>>).document!.url = 'JavaScript:alert(1)';
    const errors = errorsOf(JSON.stringify(f));
    expect(errors.map((e) => e.field)).to.include.members(['sources[0] (id "s1").url', 'map.document.url']);
    expect(errors.every((e) => /"javascript:" links are not allowed/.test(e.message))).to.equal(true);
  });

  it('refuses an empty file', () => {
    expect(errorsOf('')[0]!.message).to.match(/empty/);
  });
});
