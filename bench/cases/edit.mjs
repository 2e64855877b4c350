// Editing a node's text as a student does: click the row, F2, type a few words key by key, Enter.
// Timed from the Enter key to (a) the frame, painted, in which the row shows the new text and (b)
// the committed write of the node. Baseline: a native put() of a node, alternated before and
// after each edit.
import { describe } from '../lib/stats.mjs';

const TARGETS = 6;

export default {
  id: 'edit',
  title: 'edit commit -> row painted / write committed',
  sizes: ['1k', '10k'],
  needsMap: true,
  quick: true,
  async run(ctx) {
    const { dbName, mapId } = ctx.map;
    const { visible } = await ctx.expansion('default');
    const page = await ctx.fresh();
    await ctx.call(page, 'openApp', dbName, mapId, visible);
    const ids = await ctx.call(page, 'editTargets', TARGETS);
    const paint = [];
    const commit = [];
    const raw = [];
    const warm = 2;
    const total = warm + ctx.samples.ui;
    let problem = '';
    await ctx.profiled(page, async () => {
      for (let k = 0; k < total; k++) {
        const id = ids[k % ids.length];
        const putRaw = () => ctx.call(page, 'rawNodePut', id, k);
        let rawMs = k % 2 === 0 ? await putRaw() : NaN;
        try {
          await page.locator(`warrant-tree [role=treeitem][data-id="${id}"]`).click();
          await page.keyboard.press('F2');
          await page.locator('warrant-node-editor textarea').waitFor({ timeout: 30_000 });
          await page.keyboard.press('Control+End');
          const marker = `e${k}x${Math.floor(Math.random() * 1e3)}`;
          // Key by key, 40 ms apart (a fast typist), then Enter at once: the map view saves drafts
          // 350 ms after the last key (900 ms at most), so the write Enter makes is the one timed.
          await page.keyboard.type(` ${marker}`, { delay: 40 });
          await page.evaluate(
            ({ id, marker }) =>
              globalThis.bench.arm({
                trigger: 'keydown',
                key: 'Enter',
                painted: () => globalThis.bench.rowText(id).includes(marker),
                store: 'nodes',
              }),
            { id, marker },
          );
          await page.keyboard.press('Enter');
          const t = await ctx.call(page, 'collect');
          const stored = await ctx.call(page, 'storedText', id);
          if (!stored.includes(marker)) throw new Error(`the database does not hold the edit of ${id}`);
          if (k % 2 === 1) rawMs = await putRaw();
          if (k >= warm) {
            paint.push(t.paintMs);
            commit.push(t.commitMs);
            raw.push(rawMs);
          }
        } catch (error) {
          problem = describe(error);
          break;
        }
        await page.waitForTimeout(250);
      }
    });
    if (!paint.length) {
      ctx.skip('edit commit -> row painted', `failed: ${problem}`);
      return;
    }
    const how = `row clicked, F2, " eNxNNN" typed key by key (40 ms apart), Enter (real input); ${ids.length} rows in turn${problem ? `; stopped early: ${problem}` : ''}`;
    ctx.record('edit commit -> row painted', {
      samples: paint,
      baseline: raw,
      baselineName: 'raw IndexedDB put() of a node',
      note: how,
    });
    ctx.record('edit commit -> write committed', {
      samples: commit,
      baseline: raw,
      baselineName: 'raw IndexedDB put() of a node',
      note: 'from the Enter key to the complete event of the read-write transaction on nodes',
    });
  },
};
