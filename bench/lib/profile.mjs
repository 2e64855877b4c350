// `--profile`: a CPU profile (the harness built with readable names) and a devtools timeline trace
// of a case's measured loop, written to bench/out/profiles/ to be opened in devtools' Performance
// panel. Profiling slows what it watches: a profiled run's figures are for finding where the time
// goes, not for the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
];

export function profiler(browser, dir, log) {
  return async (page, name, body) => {
    mkdirSync(dir, { recursive: true });
    const cdp = await page.context().newCDPSession(page);
    await browser.startTracing(page, { categories: CATEGORIES });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    try {
      return await body();
    } finally {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      writeFileSync(join(dir, `${name}.trace.json`), await browser.stopTracing());
      log(`  profile and trace written: ${join(dir, name)}.{cpuprofile,trace.json}`);
    }
  };
}
