// Searching as a student does: click the search box and type, key by key. The first query of a
// newly opened map (which loads the search code and builds the index) is its own row, with the
// long tasks it causes; then each query is timed from its last key to the frame, painted, whose
// DOM holds that query's results. Baseline per query: String.includes over every node's text,
// measured in the same page, alternately before and after the query.
import { describe } from '../lib/stats.mjs';

const FIRST = 'treaty';
/** Between keys: a fast typist. */
const TYPING_MS = 60;

export default {
  id: 'search',
  title: 'search box: typed query -> results in the DOM',
  sizes: ['1k', '10k', '100k'],
  needsMap: true,
  quick: true,
  async run(ctx) {
    const { dbName, mapId } = ctx.map;
    const { visible } = await ctx.expansion('default');
    const first = [];
    const firstWorst = [];
    const firstCount = [];
    const paint = [];
    const raw = [];
    const worstTask = [];
    const heapPage = [];
    const heapWorkers = [];
    const tabs = ctx.size === '100k' ? Math.min(2, ctx.samples.heavy) : ctx.samples.heavy;
    let problem = '';
    let queries = [];
    for (let tab = 0; tab < tabs && !problem; tab++) {
      const page = await ctx.fresh();
      await ctx.call(page, 'openApp', dbName, mapId, visible);
      queries = await ctx.call(page, 'searchQueries');
      const box = page.locator('warrant-search input[type=search]');
      try {
        await page.evaluate(
          (q) =>
            globalThis.bench.arm({
              trigger: 'keydown',
              painted: () => globalThis.bench.searchShows(q, true),
              timeoutMs: 300_000,
            }),
          FIRST,
        );
        await box.click();
        await page.keyboard.type(FIRST, { delay: TYPING_MS });
        const t = await ctx.call(page, 'collect');
        first.push(t.paintMs);
        firstWorst.push(t.longTasks.length ? Math.max(...t.longTasks) : 0);
        firstCount.push(t.longTasks.length);
        // The heap with the map open and its search index built (the index lives in a worker),
        // before the String.includes baseline below loads every node's text into the page.
        const heap = await ctx.call(page, 'searchHeap');
        heapPage.push(heap.page / 2 ** 20);
        if (heap.workers !== null) heapWorkers.push(heap.workers / 2 ** 20);
        // One pass over the queries per tab at 100k, two elsewhere.
        const passes = ctx.size === '100k' || ctx.quick ? 1 : 2;
        for (let p = 0; p < passes; p++) {
          for (const [i, q] of queries.entries()) {
            await page.keyboard.press('Control+A');
            await page.keyboard.press('Backspace');
            await page.waitForTimeout(60);
            const scan = () => ctx.call(page, 'scanMs', q);
            let base = (i + p) % 2 === 0 ? await scan() : undefined;
            await page.keyboard.type(q.slice(0, -1), { delay: TYPING_MS });
            await page.waitForTimeout(TYPING_MS);
            await page.evaluate(
              ({ q, key }) =>
                globalThis.bench.arm({
                  trigger: 'keydown',
                  key,
                  painted: () => globalThis.bench.searchShows(q, false) || globalThis.bench.searchShows(q, true),
                  timeoutMs: 60_000,
                }),
              { q, key: q.slice(-1) },
            );
            await page.keyboard.type(q.slice(-1));
            const r = await ctx.call(page, 'collect');
            base ??= await scan();
            paint.push(r.paintMs);
            raw.push(base.ms);
            worstTask.push(r.longTasks.length ? Math.max(...r.longTasks) : 0);
          }
        }
      } catch (error) {
        problem = describe(error);
      }
    }
    if (!first.length) {
      ctx.skip('search: first query (loads search, builds the index)', `failed: ${problem}`);
      return;
    }
    ctx.record('search: first query (loads search, builds the index)', {
      samples: first,
      note: `"${FIRST}" typed key by key into a newly opened map, from the first key to its results painted; long tasks: ${firstCount.join('/')} per tab, worst ${firstWorst.map((x) => Math.round(x)).join('/')} ms`,
      info: { worstLongTaskMs: firstWorst, longTasks: firstCount },
    });
    ctx.record('search: worst long task during the first query', {
      samples: firstWorst,
      note: 'the longest task from the first key to the first results (0 = none over 50 ms)',
    });
    if (heapPage.length) {
      ctx.record('JS heap with the map open and the search index built', {
        samples: heapPage,
        unit: 'MB',
        note: `the page's usedJSHeapSize after gc() has settled, after the first query; the index is in the search worker, whose heap (measureUserAgentSpecificMemory) was ${heapWorkers.length ? heapWorkers.map((x) => `${x.toFixed(1)} MB`).join(' / ') : 'not measured'}`,
        info: { workerHeapMB: heapWorkers },
      });
    }
    if (heapWorkers.length === heapPage.length && heapWorkers.length) {
      // What searching costs the machine: the page and its search worker together.
      ctx.record('JS heap after the first search, page + search worker', {
        samples: heapPage.map((page, i) => page + heapWorkers[i]),
        unit: 'MB',
        note: `page ${heapPage.map((x) => x.toFixed(1)).join(' / ')} MB + search worker ${heapWorkers.map((x) => x.toFixed(1)).join(' / ')} MB (measureUserAgentSpecificMemory)`,
      });
    }
    if (paint.length) {
      ctx.record('search: typed query -> results in the DOM', {
        samples: paint,
        baseline: raw,
        baselineName: 'String.includes over all node texts',
        note: `${queries.length} queries of 3-10 characters typed key by key, 60 ms apart; from the last key to the painted frame holding that query's results; worst long task ${Math.round(Math.max(...worstTask))} ms${problem ? `; stopped early: ${problem}` : ''}`,
      });
    }
  },
};
