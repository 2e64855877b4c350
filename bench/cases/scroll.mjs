// Scrolling the tree with every node expanded:
//  - a fling: real mouse-wheel events (CDP Input), one every 16 ms with a decaying delta, as a
//    touchpad flick sends them; frames and long tasks per pass, watched in the page;
//  - the whole tree top to bottom, scrollTop set once per frame (like dragging the scrollbar).
import { describe } from '../lib/stats.mjs';

/** A flick: 60 wheel events 16 ms apart, the first 400 px, each 4% less (about 9,000 px). */
const FLING = { events: 60, first: 400, decay: 0.96, everyMs: 16 };

export default {
  id: 'scroll',
  title: 'scroll fling and whole tree',
  sizes: ['1k', '10k', '100k'],
  needsMap: true,
  quick: true,
  async run(ctx) {
    const { dbName, mapId } = ctx.map;
    const all = await ctx.expansion('all');
    try {
      const page = await ctx.fresh();
      await ctx.call(page, 'openApp', dbName, mapId, all.visible);
      const flings = [];
      const wholes = [];
      const passes = ctx.samples.heavy;
      for (let p = 0; p < ctx.warmup + passes; p++) {
        const box = await ctx.call(page, 'scrollerAt', 0.2 + 0.15 * p);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await ctx.call(page, 'watchStart');
        let delta = FLING.first;
        for (let i = 0; i < FLING.events; i++) {
          const t = Date.now();
          await page.mouse.wheel(0, Math.round(delta));
          delta *= FLING.decay;
          const wait = FLING.everyMs - (Date.now() - t);
          if (wait > 0) await page.waitForTimeout(wait);
        }
        await page.waitForTimeout(300);
        const fling = await ctx.call(page, 'watchStop');
        const whole = await ctx.call(page, 'scrollCase', { maxFrames: ctx.quick ? 80 : 160 });
        if (p >= ctx.warmup) {
          flings.push(fling);
          wholes.push(whole);
        }
      }
      let traced;
      if (ctx.trace) traced = await ctx.trace(page, () => flingOnce(ctx, page));
      const idleName = 'same number of frames, no scrolling';
      ctx.record('scroll fling: long tasks per pass', {
        samples: flings.map((f) => f.longTasks),
        unit: 'count',
        note: `${FLING.events} wheel events, ${flings.map((f) => Math.round(f.scrolledPx)).join('/')} px scrolled; worst long task ${Math.round(Math.max(...flings.map((f) => f.worstLongTaskMs)))} ms; frames over 25 ms ${flings.map((f) => f.over25).join('/')} of ${flings.map((f) => f.frames).join('/')}${traced ? `; traced pass: ${traced.longByWall} long by wall clock, ${traced.longByCpu} by main-thread CPU` : ''}`,
        info: { flings, traced },
      });
      ctx.record('scroll fling: worst long task', { samples: flings.map((f) => f.worstLongTaskMs) });
      ctx.record('scroll fling: 95th percentile frame', { samples: flings.map((f) => f.p95FrameMs) });
      ctx.record('scroll whole tree: long tasks over 50 ms', {
        samples: wholes.map((s) => s.scroll.longTasks),
        baseline: wholes.map((s) => s.idle.longTasks),
        baselineName: idleName,
        unit: 'count',
        note: `${wholes[0].scroll.frames} frames at ${Math.round(wholes[0].pixelsPerFrame)} px per frame (scrollTop per frame); worst ${Math.round(Math.max(...wholes.map((s) => s.scroll.worstLongTaskMs)))} ms`,
      });
      ctx.record('scroll whole tree: 95th percentile frame', {
        samples: wholes.map((s) => s.scroll.p95FrameMs),
        baseline: wholes.map((s) => s.idle.p95FrameMs),
        baselineName: idleName,
      });
    } catch (error) {
      ctx.skip('scroll fling: long tasks per pass', `failed: ${describe(error)}`);
    } finally {
      await ctx.expansion('default');
    }
  },
};

async function flingOnce(ctx, page) {
  await ctx.call(page, 'scrollerAt', 0.5);
  await page.evaluate(() => globalThis.performance.mark('bench-fling-start'));
  let delta = FLING.first;
  for (let i = 0; i < FLING.events; i++) {
    await page.mouse.wheel(0, Math.round(delta));
    delta *= FLING.decay;
    await page.waitForTimeout(FLING.everyMs);
  }
  await page.waitForTimeout(300);
  await page.evaluate(() => globalThis.performance.mark('bench-fling-end'));
}
