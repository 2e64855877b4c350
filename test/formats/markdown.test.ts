import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import {
  exportMarkdown,
  importMarkdown,
  MARKDOWN_FULL_RECORD,
  MARKDOWN_HAND_IN,
  type MarkdownExportOptions,
} from '../../src/formats/markdown/index.js';
import { buildTree, walk } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { randomMap, smallMap } from './helpers.js';

/** A bundle as restore() makes it (URLs normalised, empty fields dropped): what round trips compare. */
function canonical(bundle: MapBundle): MapBundle {
  const r = importJson(exportMapJson(bundle));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.bundles[0]!;
}

function importOne(text: string): MapBundle {
  const r = importMarkdown(text);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.bundles[0]!;
}

/** Everything the Markdown format carries, in reading order (no timestamps, order keys or derived ids). */
function content(b: MapBundle): unknown {
  const tree = buildTree(b.nodes);
  const sources = new Map(b.sources.map((s) => [s.id, s]));
  const rows: unknown[] = [];
  walk(tree, (n, depth) => {
    rows.push({
      depth,
      id: n.id,
      relation: n.relation,
      text: n.text,
      notes: n.notes,
      quote: n.quote,
      origin: n.origin,
      edited: n.origin === 'essay' && n.edited === true,
      author: n.author,
      cites: b.citations
        .filter((c) => c.nodeId === n.id)
        .map((c) => {
          const s = sources.get(c.sourceId)!;
          return JSON.stringify([
            s.id,
            s.title,
            s.url,
            s.authors,
            s.publisher,
            s.date,
            s.type,
            s.reliability,
            s.reliabilityNote,
            c.pinpoint,
          ]);
        })
        .sort(),
      ratings: b.ratings
        .filter((r) => r.nodeId === n.id)
        .map((r) => JSON.stringify([r.rater, r.value, r.rationale]))
        .sort(),
    });
  });
  const { createdAt: _c, updatedAt: _u, ...map } = b.map;
  return { map, rows, sources: b.sources.map((s) => s.id).sort() };
}

const STANDINGS = {
  semanticsLabel: 'Quadratic Energy (QE)',
  byNode: new Map([
    ['T', 0.6133],
    ['c1', 0.8],
  ]),
};

const FULL = `# Was the partnership doomed?
<!-- warrant-map {"version":1,"id":"m1"} -->

*Source document:* America and Russia: The Alliance That Never Was · *Author:* Grant Klusmann · *Date:* 2025-02-24 · *Link:* <https://example.org/essay>

A class map of one essay.

*Ratings:* each statement's own evidence, rated from 0 (none) to 4 (decisive); shown as the mean of all raters and the number of ratings. *Standing:* how well each statement stands once its ratings and everything below it are taken into account, from 0 to 1, computed with Quadratic Energy (QE).

**Thesis:** Russia and America could have been partners.

> “it wasn’t always a given” (¶1)

*Sources:* [1]

*Standing:* 0.61

<!-- warrant {"id":"T"} -->

- **Claim** (supports, reworded by the class): The summits *worked*:
  both sides cut arsenals.

  > “the summit ended with Reagan and Gorbachev agreeing” (¶3)

  *Sources:* [1]; [2] p. 12

  *Rating:* 2.5 of 4 (2 ratings) · *Standing:* 0.80

  *Notes:* Check the INF treaty date.

  <!-- warrant {"id":"c1","author":"Ms. Lee","ratings":[["ana",3,"good sources"],["ben",2]]} -->

  - **Premise** (supports, added by the class): The INF Treaty was signed in 1987.

    <!-- warrant {"id":"p1"} -->

  - **Counterpoint** (opposes, added by the class): Arms cuts are not friendship.

    *Rating:* 1 of 4 (1 rating)

    <!-- warrant {"id":"k1","ratings":[["ana",1]]} -->

    - **Rebuttal** (opposes): \\- They are a start, though.

      <!-- warrant {"id":"r1"} -->

- **Counterpoint** (opposes): Distrust never went away.

  <!-- warrant {"id":"k2"} -->

## Sources

1. <a id="source-1"></a>**INF Treaty text** · *Type:* official · *Reliability:* A (completely reliable) · *Reliability note:* primary text · *Link:* <https://www.state.gov/inf> <!-- warrant {"id":"s2"} -->
2. <a id="source-2"></a>**Reagan and Gorbachev** · *Authors:* J. Matlock · *Publisher:* Random House · *Date:* 2004 · *Type:* book · *Reliability:* B (usually reliable) <!-- warrant {"id":"s1"} -->

[1]: #source-1
[2]: #source-2

<!-- warrant-end -->
`;

const HAND_IN = `# Was the partnership doomed?
<!-- warrant-map {"version":1} -->

*Source document:* America and Russia: The Alliance That Never Was · *Author:* Grant Klusmann · *Date:* 2025-02-24 · *Link:* <https://example.org/essay>

A class map of one essay.

**Thesis:** Russia and America could have been partners.

> “it wasn’t always a given” (¶1)

*Sources:* [1]

- **Claim** (supports, reworded by the class): The summits *worked*:
  both sides cut arsenals.

  > “the summit ended with Reagan and Gorbachev agreeing” (¶3)

  *Sources:* [1]; [2] p. 12

  - **Premise** (supports, added by the class): The INF Treaty was signed in 1987.

  - **Counterpoint** (opposes, added by the class): Arms cuts are not friendship.

    - **Rebuttal** (opposes): \\- They are a start, though.

- **Counterpoint** (opposes): Distrust never went away.

## Sources

1. <a id="source-1"></a>**INF Treaty text** · *Type:* official · *Reliability:* A (completely reliable) · *Reliability note:* primary text · *Link:* <https://www.state.gov/inf>
2. <a id="source-2"></a>**Reagan and Gorbachev** · *Authors:* J. Matlock · *Publisher:* Random House · *Date:* 2004 · *Type:* book · *Reliability:* B (usually reliable)

[1]: #source-1
[2]: #source-2

<!-- warrant-end -->
`;

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  return res.text();
}

describe('formats/markdown export', () => {
  it('writes the full record exactly: kinds in words, quotes with ¶, numbered sources, ratings, standing, notes, machine data', () => {
    expect(exportMarkdown(smallMap(), { standings: STANDINGS })).to.equal(FULL);
  });

  it('writes a clean hand-in without ratings, notes or ids', () => {
    expect(exportMarkdown(smallMap(), MARKDOWN_HAND_IN)).to.equal(HAND_IN);
  });

  it('defaults to the full record', () => {
    expect(exportMarkdown(smallMap(), {})).to.equal(exportMarkdown(smallMap(), MARKDOWN_FULL_RECORD));
  });

  it('leaves out sources entirely when asked, and prints no standing it was not given', () => {
    const md = exportMarkdown(smallMap(), { sources: false });
    expect(md).not.to.contain('## Sources');
    expect(md).not.to.contain('*Sources:*');
    expect(md).not.to.contain('*Standing:*');
  });

  it('escapes text that would otherwise break the list', () => {
    const b = smallMap();
    b.nodes.find((n) => n.id === 'p1')!.text =
      '- not a child\n1. not a list\n\n<!-- not a comment\n# not a heading\n```\nnot code';
    const md = exportMarkdown(b, MARKDOWN_HAND_IN);
    expect(md).to.contain(
      '  - **Premise** (supports, added by the class): \\- not a child\n    1\\. not a list\n\n    \\<!-- not a comment\n    \\# not a heading\n    \\```\n    not code\n\n',
    );
    // Inline Markdown is left alone, so it still renders.
    expect(exportMarkdown(smallMap(), MARKDOWN_HAND_IN)).to.contain('The summits *worked*:');
  });
});

describe('formats/markdown round trip', () => {
  const roundTrip = (bundle: MapBundle, options: MarkdownExportOptions = {}): void => {
    const first = exportMarkdown(bundle, options);
    const back = importOne(first);
    expect(exportMarkdown(back, options)).to.equal(first);
  };

  it('is byte-identical on the hand-made map, for the full record and the hand-in', () => {
    roundTrip(canonical(smallMap()), { standings: STANDINGS });
    roundTrip(canonical(smallMap()), MARKDOWN_HAND_IN);
    roundTrip(canonical(smallMap()), { ratings: true, ids: false, notes: false });
  });

  it('restores everything it carries, ids included', () => {
    const b = canonical(smallMap());
    expect(content(importOne(exportMarkdown(b)))).to.deep.equal(content(b));
  });

  it('is byte-identical and lossless on the essay fixture', async () => {
    const r = importJson(await fixture('essay-map.json'));
    if (!r.ok) throw new Error('fixture');
    const essay = r.bundles[0]!;
    const md = exportMarkdown(essay);
    const back = importOne(md);
    expect(exportMarkdown(back)).to.equal(md);
    expect(content(back)).to.deep.equal(content(essay));
    roundTrip(essay, MARKDOWN_HAND_IN);
  });

  it('is byte-identical and lossless on the shipped essay map (claims/essay-map.json)', async () => {
    const res = await fetch(new URL('../../claims/essay-map.json', import.meta.url));
    const r = importJson(await res.text());
    if (!r.ok) throw new Error('claims/essay-map.json');
    const essay = r.bundles[0]!;
    const md = exportMarkdown(essay);
    const back = importOne(md);
    expect(exportMarkdown(back)).to.equal(md);
    expect(content(back)).to.deep.equal(content(essay));
    roundTrip(essay, MARKDOWN_HAND_IN);
  });

  it('is byte-identical and lossless on 40 random maps full of awkward text', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const b = canonical(randomMap(seed, { nodes: 30 }));
      const md = exportMarkdown(b);
      const back = importOne(md);
      expect(exportMarkdown(back), `seed ${seed}`).to.equal(md);
      expect(content(back), `seed ${seed}`).to.deep.equal(content(b));
      roundTrip(b, MARKDOWN_HAND_IN);
    }
  });

  it('survives a tree 200 deep', () => {
    const b = canonical(randomMap(1001, { nodes: 5, depth: 200 }));
    const back = importOne(exportMarkdown(b));
    expect(content(back)).to.deep.equal(content(b));
    expect(exportMarkdown(back)).to.equal(exportMarkdown(b));
  });

  it('survives a thesis with 500 children, in order', () => {
    const b = canonical(randomMap(1002, { nodes: 3, width: 500 }));
    const back = importOne(exportMarkdown(b));
    expect(content(back)).to.deep.equal(content(b));
    expect(exportMarkdown(back)).to.equal(exportMarkdown(b));
  });

  it('reads CRLF files exactly like LF files', () => {
    const md = exportMarkdown(canonical(randomMap(77, { nodes: 20 })));
    expect(exportMarkdown(importOne(md.replace(/\n/g, '\r\n')))).to.equal(md);
  });

  it('keeps script and HTML payloads in every field as inert text, verbatim', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const b = canonical(smallMap());
    b.map.title = payload;
    b.map.description = payload;
    b.map.document = { title: payload, author: payload, date: payload };
    for (const n of b.nodes) {
      n.text = payload;
      n.notes = payload;
      n.author = payload;
      if (n.quote) n.quote.text = payload;
    }
    for (const s of b.sources) {
      s.title = s.authors = s.publisher = s.date = s.reliabilityNote = payload;
    }
    for (const c of b.citations) c.pinpoint = payload;
    b.ratings.forEach((r, i) => {
      r.rater = `${payload}${i}`;
      r.rationale = payload;
    });
    const back = importOne(exportMarkdown(b));
    expect(content(back)).to.deep.equal(content(b));
  });
});

describe('formats/markdown names the student who added a node', () => {
  const withAuthors = (names: Record<string, string>): MapBundle => {
    const b = canonical(smallMap());
    for (const n of b.nodes) if (names[n.id] !== undefined) n.author = names[n.id];
    return b;
  };
  const added = (b: MapBundle) => b.nodes.filter((n) => n.origin === 'added');

  it('labels a student\'s node "added by <name>", and an export, import and export are byte-identical', () => {
    const b = withAuthors(
      Object.fromEntries(added(canonical(smallMap())).map((n, i) => [n.id, ['Maya', "Jo O'Neil-Ray"][i % 2]!])),
    );
    const text = exportMarkdown(b);
    expect(text).to.contain('(supports, added by Maya): The INF Treaty was signed in 1987.');
    expect(text).to.contain("(opposes, added by Jo O'Neil-Ray): Arms cuts are not friendship.");
    expect(text).not.to.contain('added by the class');
    const back = importOne(text);
    expect(exportMarkdown(back)).to.equal(text);
    expect(content(back)).to.deep.equal(content(b));
    expect(exportMarkdown(back, MARKDOWN_HAND_IN)).to.equal(exportMarkdown(b, MARKDOWN_HAND_IN));
  });

  it('reads the name from the label alone when the file has no machine data', () => {
    const b = withAuthors(Object.fromEntries(added(canonical(smallMap())).map((n) => [n.id, 'Maya'])));
    const back = importOne(exportMarkdown(b, { ids: false }));
    expect(added(back).map((n) => n.author)).to.deep.equal(['Maya', 'Maya']);
  });

  it('keeps "added by the class" for a name that could break the label (comma, bracket, mark)', () => {
    for (const name of ['Lee, Sam', 'Sam (2)', '*Sam*', 'the class', ' Sam']) {
      const b = withAuthors(Object.fromEntries(added(canonical(smallMap())).map((n) => [n.id, name])));
      const text = exportMarkdown(b);
      expect(text, name).to.contain('(supports, added by the class): The INF Treaty');
      const back = importOne(text);
      expect(exportMarkdown(back), name).to.equal(text);
      expect(
        added(back).map((n) => n.author),
        name,
      ).to.deep.equal([name, name]);
    }
  });
});

describe('formats/markdown import of hand-written lists', () => {
  it('reads "Pro:" / "Con:" items under a heading thesis', async () => {
    const b = importOne(await fixture('handwritten.md'));
    const tree = buildTree(b.nodes);
    const rows: string[] = [];
    walk(tree, (n, d) => void rows.push(`${d} ${n.relation ?? 'thesis'} ${n.text}`));
    expect(b.map.title).to.equal('Should schools ban phones?');
    expect(b.map.description).to.equal("Notes from Tuesday's debate.");
    expect(rows).to.deep.equal([
      '0 thesis Should schools ban phones?',
      '1 supports Phones distract students.',
      '2 opposes The study behind this is *small*.',
      '3 supports Larger studies found the same effect.',
      '2 supports Teachers report fewer interruptions.',
      '1 opposes Phones are useful research tools.',
      '2 supports Students look up sources in class.',
      '1 opposes A ban is hard to enforce.',
    ]);
    expect(b.nodes.every((n) => n.origin === 'added')).to.equal(true);
  });

  it('reads "+" as supports and "-" as opposes, the first item as thesis', async () => {
    const b = importOne(await fixture('plusminus.md'));
    const rows: string[] = [];
    walk(buildTree(b.nodes), (n, d) => void rows.push(`${d} ${n.relation ?? 'thesis'} ${n.text}`));
    expect(rows).to.deep.equal([
      '0 thesis Schools should ban phones during lessons.',
      '1 supports Phones distract students.',
      '2 opposes The study behind this is small.',
      '1 opposes Phones are useful research tools.',
      '1 supports Teachers report fewer interruptions.',
    ]);
    expect(b.map.title).to.equal('Schools should ban phones during lessons.');
  });

  it('reads unmarked "-" items as supporting, with a warning naming the line', () => {
    const r = importMarkdown('# Thesis here\n\n- a reason\n- another reason\n');
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.bundles[0]!.nodes.filter((n) => n.relation === 'supports')).to.have.length(2);
    expect(r.warnings[0]!.line).to.equal(3);
    expect(r.warnings[0]!.message).to.match(/no "Pro:" or "Con:" mark/);
  });
});

describe('formats/markdown import errors', () => {
  const errorsOf = (text: string) => {
    const r = importMarkdown(text);
    expect(r.ok, 'import should fail').to.equal(false);
    return r.ok ? [] : r.errors;
  };
  const HEAD = '# T\n<!-- warrant-map {"version":1} -->\n\n**Thesis:** t\n\n';

  it('says a truncated export is truncated, at its last line', () => {
    const md = exportMarkdown(canonical(smallMap()));
    const cut = md.slice(0, Math.floor(md.length / 2));
    const errors = errorsOf(cut);
    expect(errors[0]!.message).to.match(/ends too early/);
    expect(errors[0]!.line).to.equal(cut.split('\n').length);
  });

  it('says a Kialo or JSON file is not Markdown', async () => {
    expect(errorsOf(await fixture('kialo-phones.txt'))[0]!.message).to.match(/looks like a Kialo discussion export/);
    expect(errorsOf(await fixture('essay-map.json'))[0]!.message).to.match(/looks like a JSON file/);
  });

  it('says a badly decoded file is not valid UTF-8, naming the line', () => {
    const bytes = new TextEncoder().encode(exportMarkdown(smallMap()));
    bytes[bytes.indexOf(0x2a)] = 0xff; // the first "*" (line 4) becomes an invalid byte
    const text = new TextDecoder().decode(bytes);
    const [e] = errorsOf(text);
    expect(e!.message).to.match(/not valid UTF-8/);
    expect(e!.line).to.equal(4);
  });

  it('refuses a file from a newer version, naming the header line', () => {
    const [e] = errorsOf('# T\n<!-- warrant-map {"version":99} -->\n\n**Thesis:** t\n\n<!-- warrant-end -->\n');
    expect(e).to.include({ line: 2, field: 'version' });
    expect(e!.message).to.match(/newer Warrant/);
  });

  it('refuses a 50 MB file by its size alone, with a size message', () => {
    const big = `# T\n\n**Thesis:** ${'x'.repeat(50 * 1024 * 1024)}\n`;
    const t0 = performance.now();
    const [e] = errorsOf(big);
    console.log(`50 MB Markdown refused in ${Math.round(performance.now() - t0)} ms`);
    expect(e!.message).to.match(/too large/);
  });

  it('refuses a javascript: link in a source, naming the line and field', () => {
    const md = `${HEAD}- **Claim** (supports): a\n\n  *Sources:* [1]\n\n## Sources\n\n1. <a id="source-1"></a>**S** · *Type:* news · *Link:* <javascript:alert(1)>\n\n<!-- warrant-end -->\n`;
    const [e] = errorsOf(md);
    expect(e).to.include({ line: 12, field: 'source.url' });
    expect(e!.message).to.match(/"javascript:" links are not allowed/);
  });

  it('refuses a javascript: link to the source document, naming the line and field', () => {
    const md = `# T\n<!-- warrant-map {"version":1} -->\n\n*Source document:* E · *Link:* <javascript:alert(1)>\n\n**Thesis:** t\n\n<!-- warrant-end -->\n`;
    expect(errorsOf(md)[0]).to.include({ line: 4, field: 'source document.url' });
  });

  it('names the line of a reference to a missing source', () => {
    expect(errorsOf(`${HEAD}- **Claim** (supports): a\n\n  *Sources:* [3]\n\n<!-- warrant-end -->\n`)[0]).to.include({
      line: 8,
    });
  });

  it('names the line of an empty point', () => {
    const [e] = errorsOf('# T\n\n- Pro: a\n  - Con: b\n    - Pro:\n  - Pro: c\n');
    expect(e).to.include({ line: 5, field: 'statement.text' });
  });

  it('names the line of damaged machine data, a bad id, a bad rating and a duplicate id', () => {
    expect(
      errorsOf(`${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"id": -->\n\n<!-- warrant-end -->\n`)[0]!.line,
    ).to.equal(8);
    expect(
      errorsOf(`${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"id":"x y"} -->\n\n<!-- warrant-end -->\n`)[0],
    ).to.include({ line: 8, field: 'statement.id' });
    expect(
      errorsOf(
        `${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"ratings":[["ana",9]]} -->\n\n<!-- warrant-end -->\n`,
      )[0],
    ).to.include({
      line: 8,
      field: 'rating.value',
    });
    const dup = `${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"id":"x"} -->\n\n- **Claim** (supports): b\n\n  <!-- warrant {"id":"x"} -->\n\n<!-- warrant-end -->\n`;
    expect(errorsOf(dup)[0]).to.include({ line: 10, message: 'duplicate node id' });
  });

  it("names the line of text misplaced after a point's details", () => {
    expect(errorsOf('# T\n\n- Pro: a\n  - Con: b\n\n    - Pro: x\n\n    more after the list\n')[0]!.line).to.equal(8);
  });

  it('says so when there is no thesis', () => {
    expect(errorsOf('Just some words.\n\nMore words.\n')[0]).to.include({ line: 1 });
  });

  it('says so when the file is empty', () => {
    expect(errorsOf('  \n\n')[0]!.message).to.match(/empty/);
  });
});
