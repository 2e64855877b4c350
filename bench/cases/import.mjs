// A Markdown file imported end to end through the UI, as a teacher does: the map list's Import…,
// the file chosen (Playwright's file chooser path), "Import as a new map", then the link to open
// it. Three machine phases, each timed from the input that starts it to its painted result (the
// person's own time between clicks is not counted): read (parse and check, in the worker),
// write (to the committed transaction on nodes, and to the dialog saying so), open (to the
// painted tree). Each sample imports into a new database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../lib/stats.mjs';

export default {
  id: 'import',
  title: 'Markdown import end to end (read, write, open)',
  sizes: ['1k', '10k'],
  quick: true,
  async run(ctx) {
    const m = await import(`${join(ctx.outDir, 'node-formats.mjs')}?t=${Date.now()}`);
    const exportMd = m.api('exportMarkdown');
    if (typeof exportMd === 'string') {
      ctx.skip('Markdown import end to end', exportMd);
      return;
    }
    const file = join(ctx.outDir, `import-${ctx.size}.md`);
    const text = exportMd(m.generateMap({ nodes: ctx.n }));
    writeFileSync(file, text);
    const read = [];
    const write = [];
    const commit = [];
    const open = [];
    const total = [];
    let problem = '';
    for (let i = 0; i < ctx.warmup + ctx.samples.heavy && !problem; i++) {
      const page = await ctx.fresh();
      const dbName = `warrant-bench-import-${ctx.size}-${ctx.rate}-${i}-${Date.now()}`;
      try {
        await ctx.call(page, 'mountList', dbName);
        await page.getByRole('button', { name: 'Import…' }).click();
        const input = page.locator('warrant-import-dialog input[type=file]');
        await input.waitFor({ state: 'attached', timeout: 30_000 });
        const phase = (want, trigger, store) =>
          page.evaluate(
            ({ want, trigger, store }) =>
              globalThis.bench.arm({
                trigger,
                painted: () =>
                  want === 'open' ? globalThis.bench.treeShows(8) : globalThis.bench.importPhase() === want,
                store,
                timeoutMs: 300_000,
              }),
            { want, trigger, store },
          );
        // The file input's change event does not leave its shadow root: the clock starts as the
        // file is handed over (the CDP round trip is counted against the app).
        await phase('read', 'bench-now', undefined);
        await page.evaluate(() => globalThis.dispatchEvent(new globalThis.Event('bench-now')));
        await input.setInputFiles(file);
        const r = await ctx.call(page, 'collect');
        await phase('written', 'click', 'nodes');
        await page.locator('warrant-import-dialog button.primary').click();
        const w = await ctx.call(page, 'collect');
        await phase('open', 'click', undefined);
        await page.locator('warrant-import-dialog .result a').first().click();
        const o = await ctx.call(page, 'collect');
        if (i >= ctx.warmup) {
          read.push(r.paintMs);
          write.push(w.paintMs);
          commit.push(w.commitMs);
          open.push(o.paintMs);
          total.push(r.paintMs + w.paintMs + o.paintMs);
        }
      } catch (error) {
        problem = describe(error);
      }
      await ctx.call(page, 'unmount').catch(() => undefined);
      await page.evaluate((name) => globalThis.indexedDB.deleteDatabase(name), dbName).catch(() => undefined);
    }
    if (!total.length) {
      ctx.skip('Markdown import end to end', `failed: ${problem}`);
      return;
    }
    const mb = (text.length / 1e6).toFixed(1);
    ctx.record('Markdown import end to end', {
      samples: total,
      note: `${mb} MB file; read + write + open, each from its input to its painted result${problem ? `; stopped early: ${problem}` : ''}`,
    });
    ctx.record('Markdown import: read (file chosen -> checked)', { samples: read });
    ctx.record('Markdown import: write (click -> committed)', { samples: commit });
    ctx.record('Markdown import: write (click -> dialog says imported)', { samples: write });
    ctx.record('Markdown import: open (click -> tree painted)', { samples: open });
  },
};
