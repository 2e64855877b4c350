// One pass under Chromium's tracer: main-thread CPU time (thread time, not wall time) between the
// page's marks `bench-<label>-start` and `-end`, and tasks over 50 ms by CPU and by wall clock.
// On a shared machine a task can be long by the wall clock only because it waited for a core.
import { describe } from './stats.mjs';

export async function traced(browser, page, label, body, log) {
  try {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
    await body();
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const threads = new Map();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
    const counts = new Map();
    for (const e of events) {
      const k = `${e.pid}:${e.tid}`;
      if (threads.get(k) === 'CrRendererMain') counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const mainKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const mark = (name) => events.find((e) => e.name === name && `${e.pid}:${e.tid}` === mainKey)?.ts;
    const from = mark(`bench-${label}-start`);
    const to = mark(`bench-${label}-end`);
    if (from === undefined || to === undefined) return null;
    let longByWall = 0;
    let longByCpu = 0;
    let cpu = 0;
    for (const e of events) {
      if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== mainKey || e.ts < from || e.ts > to) continue;
      if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
      cpu += (e.tdur ?? 0) / 1000;
      if (e.dur > 50_000) longByWall++;
      if ((e.tdur ?? 0) > 50_000) longByCpu++;
    }
    return { longByWall, longByCpu, cpuMs: cpu, wallMs: (to - from) / 1000 };
  } catch (error) {
    log(`  (traced pass failed: ${describe(error)})`);
    try {
      await browser.stopTracing();
    } catch {
      // not tracing
    }
    return null;
  }
}
