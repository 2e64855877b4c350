// Rating a claim as a student does: click its row, click a value on the rating scale in the
// detail panel. Timed from the click to (a) the frame, painted, in which the thesis standing
// shown changes and (b) the committed write of the rating. Baseline: a native put() of a rating
// row, alternated before and after each rating.
import { describe } from '../lib/stats.mjs';

export default {
  id: 'rating',
  title: 'rating -> thesis standing painted / write committed',
  sizes: ['1k', '10k'],
  needsMap: true,
  quick: true,
  async run(ctx) {
    const { dbName, mapId } = ctx.map;
    const { visible } = await ctx.expansion('default');
    const page = await ctx.fresh();
    await ctx.call(page, 'openApp', dbName, mapId, visible);
    if ((await ctx.call(page, 'standing')) === null) {
      ctx.skip('rating -> thesis standing painted', 'the map view shows no thesis standing');
      return;
    }
    const claims = (await ctx.call(page, 'claimIds')).slice(0, 8);
    const paint = [];
    const commit = [];
    const raw = [];
    const warm = 2;
    const total = warm + ctx.samples.ui;
    let problem = '';
    let unmoved = 0;
    await ctx.profiled(page, async () => {
      for (let k = 0; k < total && !problem; k++) {
        const id = claims[k % claims.length];
        const putRaw = () => ctx.call(page, 'rawRatingPut', id, k);
        let rawMs = k % 2 === 0 ? await putRaw() : NaN;
        try {
          await page.locator(`warrant-tree [role=treeitem][data-id="${id}"]`).click();
          const scale = page.locator('warrant-rating').first().locator('.scale label');
          await scale.first().waitFor({ timeout: 30_000 });
          const mine = await ctx.call(page, 'myRating');
          // The value that moves the standing most from where it is; the other one if it did not.
          let t;
          for (const value of mine === 4 ? [0, 4] : [4, 0]) {
            const before = await ctx.call(page, 'standing');
            await page.evaluate(
              (before) =>
                globalThis.bench.arm({
                  trigger: 'click',
                  painted: () => globalThis.bench.standing() !== before,
                  store: 'ratings',
                  timeoutMs: 8000,
                }),
              before,
            );
            await scale.nth(value).click();
            t = await ctx.call(page, 'collect').catch(() => undefined);
            if (t) break;
            unmoved++;
          }
          if (!t) throw new Error(`rating claim ${id} 0 or 4 did not change the thesis standing shown`);
          if (k % 2 === 1) rawMs = await putRaw();
          if (k >= warm) {
            paint.push(t.paintMs);
            commit.push(t.commitMs);
            raw.push(rawMs);
          }
        } catch (error) {
          problem = describe(error);
        }
        await page.waitForTimeout(250);
      }
    });
    if (!paint.length) {
      ctx.skip('rating -> thesis standing painted', `failed: ${problem}`);
      return;
    }
    const how = `claim row clicked, then 4 or 0 clicked on the rating scale (real mouse); ${claims.length} claims in turn${unmoved ? `; ${unmoved} click(s) left the standing shown unchanged and were retried with the other value` : ''}${problem ? `; stopped early: ${problem}` : ''}`;
    ctx.record('rating -> thesis standing painted', {
      samples: paint,
      baseline: raw,
      baselineName: 'raw IndexedDB put() of a rating',
      note: how,
    });
    ctx.record('rating -> write committed', {
      samples: commit,
      baseline: raw,
      baselineName: 'raw IndexedDB put() of a rating',
      note: 'from the click to the complete event of the read-write transaction on ratings',
    });
  },
};
