// The pictures (issue 16): the sunburst of the whole generated map and the diagram of a 300-node
// branch (the generated 300-node map, from its thesis), each timed from mounting the element to
// the painted frame that shows every wedge or box, beside a baseline measured in the same page
// and alternated with it: the same number of SVG shapes put on screen by one innerHTML. Then
// real pan and zoom of the diagram (Playwright wheel and drag), watching long tasks and frames.
const BRANCH = 300;

export default {
  id: 'pictures',
  title: 'pictures: sunburst and diagram drawn; diagram pan and zoom',
  sizes: ['1k', '10k'],
  quick: true,
  budgets: [
    {
      budget: 'sunburst of the whole map drawn <= 200 ms (10k, 1x)',
      read: ['sunburst: mount -> painted', '10k', 1],
      ok: (r) => r.median <= 200,
      measured: (r) => `${Math.round(r.median)} ms p50 (baseline ${Math.round(r.baselineMedian)} ms)`,
    },
    {
      budget: 'diagram of a 300-node branch laid out and drawn <= 500 ms (1x)',
      read: ['diagram (300-node branch): mount -> painted', '10k', 1],
      ok: (r) => r.median <= 500,
      measured: (r) => `${Math.round(r.median)} ms p50 (baseline ${Math.round(r.baselineMedian)} ms)`,
    },
    {
      budget: 'diagram pan and zoom: no long task (1x)',
      read: ['diagram pan and zoom: long tasks per pass', '10k', 1],
      ok: (r) => r.max === 0,
      measured: (r) => `${r.samples.join('/')} per pass`,
    },
  ],
  async run(ctx) {
    const page = await ctx.fresh();
    const runs = ctx.samples.heavy + 2;
    const sun = await ctx.call(page, 'picturesDraw', 'sunburst', ctx.n, runs, ctx.warmup);
    ctx.record('sunburst: mount -> painted', {
      samples: sun.samples,
      baseline: sun.baseline,
      baselineName: `${sun.shapes} SVG paths by one innerHTML`,
      note: `${sun.shapes} wedges`,
    });
    // The branch does not grow with the map: measure it once, with the 10k row.
    if (ctx.size !== '10k') return;
    const dia = await ctx.call(page, 'picturesDraw', 'diagram', BRANCH, runs, ctx.warmup);
    ctx.record('diagram (300-node branch): mount -> painted', {
      samples: dia.samples,
      baseline: dia.baseline,
      baselineName: `${dia.shapes} SVG boxes with text by one innerHTML`,
      note: `${dia.shapes} boxes (dagre layout included)`,
    });
    const passes = [];
    const worst = [];
    for (let p = 0; p < ctx.warmup + ctx.samples.heavy; p++) {
      const box = await ctx.call(page, 'picturesPanSetup', BRANCH);
      const before = await ctx.call(page, 'picturesTransform');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await ctx.call(page, 'watchLongTasksStart');
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? -120 : 120);
        await page.waitForTimeout(16);
      }
      await page.mouse.down();
      for (let i = 0; i < 40; i++) {
        await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 4);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      const seen = await ctx.call(page, 'watchLongTasksStop');
      const after = await ctx.call(page, 'picturesTransform');
      if (after === before)
        throw new Error(`the wheel and drag did not move the diagram (${before} / ${JSON.stringify(box)})`);
      if (p >= ctx.warmup) {
        passes.push(seen.length);
        worst.push(seen.length ? Math.max(...seen) : 0);
      }
    }
    await ctx.call(page, 'picturesUnmount');
    ctx.record('diagram pan and zoom: long tasks per pass', {
      samples: passes,
      unit: 'tasks',
      note: '20 wheel steps then a 40-step drag, 16 ms apart',
    });
    ctx.record('diagram pan and zoom: worst long task', { samples: worst });
  },
};
