// Opening a map: the app from mounting to the painted tree, beside the raw getAll floor. Each
// sample is a new tab; the two alternate (raw, app, app, raw, raw, app...) so neither always runs
// first against a cold database.
export default {
  id: 'open',
  title: 'open map -> painted tree',
  sizes: ['1k', '10k', '100k'],
  needsMap: true,
  quick: true,
  async run(ctx) {
    const { dbName, mapId } = ctx.map;
    const { visible } = await ctx.expansion('default');
    const runs = ctx.size === '100k' ? ctx.samples.heavy : ctx.samples.open;
    const app = [];
    const raw = [];
    const heapBefore = [];
    const heapAfter = [];
    const worstTask = [];
    let rows = 0;
    for (let i = 0; i < ctx.warmup + runs; i++) {
      // ABBA order over pairs: raw first on even pairs, the app first on odd ones.
      const order = i % 2 === 0 ? ['raw', 'app'] : ['app', 'raw'];
      for (const which of order) {
        const page = await ctx.fresh();
        if (which === 'raw') {
          const r = await ctx.call(page, 'rawOpenCase', dbName, mapId);
          if (i >= ctx.warmup) raw.push(r.ms);
        } else {
          const s = await ctx.call(page, 'appOpenCase', dbName, mapId, visible);
          rows = s.renderedRows;
          if (i >= ctx.warmup) {
            app.push(s.openMs);
            heapBefore.push(s.heapBefore / 2 ** 20);
            heapAfter.push(s.heapAfter / 2 ** 20);
            worstTask.push(s.longTasks.length ? Math.max(...s.longTasks) : 0);
          }
        }
      }
    }
    ctx.record('open map -> painted tree', {
      samples: app,
      baseline: raw,
      baselineName: 'raw IndexedDB getAll() of the same rows',
      note: `${visible} visible rows, ${rows} rendered; new tab per sample, app and raw alternated; worst long task while opening ${Math.round(Math.max(...worstTask))} ms`,
    });
    ctx.record('JS heap with the map open', {
      samples: heapAfter,
      baseline: heapBefore,
      baselineName: 'heap of the page before opening',
      unit: 'MB',
      note: 'usedJSHeapSize after gc() has settled',
    });
  },
};
