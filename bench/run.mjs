// `npm run bench`: builds the app and the bench page, serves them, drives Debian's Chromium
// through playwright-core with real input (keyboard, mouse, wheel: CDP Input events), runs every
// case of bench/cases/ at 1x and 4x CPU, prints a table and writes bench/results.json and
// bench/RESULTS.md with the commit measured. Options and how to add a case: bench/README.md.
// Not part of `npm test` or CI: figures depend on the machine; the ratios are what to compare.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CASES, checkCases } from './cases/index.mjs';
import { call, launch, serve } from './lib/browser.mjs';
import { buildApp, buildBench } from './lib/build.mjs';
import { parseOptions, SIZE_NODES, usage } from './lib/options.mjs';
import { budgetRows, BUDGETS, machine, markdownReport, printTable } from './lib/report.mjs';
import { describe, fmt, Results } from './lib/stats.mjs';
import { traced } from './lib/trace.mjs';
import { profiler } from './lib/profile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
const log = (...a) => console.log(...a);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;

function commitMeasured() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((l) => l && !/bench\/(results\.json|RESULTS\.md)$/.test(l)).length;
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function main() {
  checkCases(CASES);
  if (process.argv.includes('--help')) {
    console.log(usage(CASES.map((c) => c.id)));
    return;
  }
  let options;
  try {
    options = parseOptions(
      process.argv.slice(2),
      CASES.map((c) => c.id),
    );
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (options.build) {
    buildApp(root, log);
    await buildBench(outDir, options.profile, log);
  } else if (!existsSync(join(outDir, 'harness.js')) || !existsSync(join(root, 'dist', 'index.html'))) {
    console.error('--no-build needs dist/ and bench/out/ from an earlier run.');
    process.exit(1);
  }
  const server = await serve(root, outDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const session = await launch(origin);
  const results = new Results(log);
  const profile = options.profile ? profiler(session.browser, join(outDir, 'profiles'), log) : undefined;
  const shapes = {};
  const loads = [`start ${os.loadavg()[0].toFixed(1)}`];
  const selected = CASES.filter((c) => options.cases.has(c.id) && (!options.quick || c.quick !== false));
  let env;
  try {
    env = machine(session.browser.version(), commitMeasured());
    const page = await session.fresh(1);
    const pageEnv = await call(page, 'environment');
    log(
      `Chromium ${env.chromium}; ${env.cpu}, ${env.cores} cores; commit ${env.commit}; cross-origin isolated: ${pageEnv.crossOriginIsolated}; precise memory: ${pageEnv.preciseMemory}; gc(): ${pageEnv.exposedGc}`,
    );
    for (const [name, status] of Object.entries(pageEnv.optional)) log(`  optional module ${name}: ${status}`);

    const runCase = async (c, size, rate, map) => {
      const ctx = {
        root,
        outDir,
        origin,
        browser: session.browser,
        session,
        size,
        n: SIZE_NODES[size],
        rate,
        quick: options.quick,
        samples: options.samples,
        warmup: options.warmup,
        map,
        log,
        call,
        fresh: () => session.fresh(rate),
        /** Sets the UI state the map opens with, in a tab with no app mounted; returns what it shows. */
        expansion: async (mode) => {
          const p = await session.fresh(1);
          return call(p, 'setExpansion', map.dbName, map.mapId, mode);
        },
        record: (name, data) => results.record(name, size, rate, data),
        skip: (name, reason) => results.skip(name, size, rate, reason),
        trace: options.quick ? undefined : (p, body) => traced(session.browser, p, 'fling', body, log),
        /** Runs `body`, profiled and traced when --profile was given. */
        profiled: (p, body) => (profile ? profile(p, `${c.id}-${size}-${rate}x`, body) : body()),
      };
      log(`  [${elapsed()}] ${c.id} at ${rate}x...`);
      try {
        await c.run(ctx);
      } catch (error) {
        results.skip(c.title, size, rate, `failed: ${describe(error)}`);
      }
    };
    const ratesOf = (c) => options.rates.filter((r) => !c.rates || c.rates.includes(r));

    const once = selected.filter((c) => c.sizes.includes('-'));
    if (once.length) log(`\nSize-independent cases [${elapsed()}]`);
    for (const c of once) for (const rate of ratesOf(c)) await runCase(c, '-', rate, undefined);

    for (const size of options.sizes) {
      const here = selected.filter((c) => c.sizes.includes(size));
      if (!here.length) continue;
      log(
        `\n${size} (${SIZE_NODES[size].toLocaleString('en')} nodes) [${elapsed()}, load ${os.loadavg()[0].toFixed(1)}]`,
      );
      let map;
      if (here.some((c) => c.needsMap)) {
        log('  preparing: generate, validate (restore), write with putBundles...');
        try {
          const p = await session.fresh(1);
          map = await call(p, 'prepare', SIZE_NODES[size]);
          shapes[size] = map;
          log(`  ${map.stats.nodes} nodes, depth ${map.stats.maxDepth}, written in ${fmt(map.writeMs)} ms`);
        } catch (error) {
          for (const c of here.filter((x) => x.needsMap))
            results.skip(c.title, size, 1, `prepare failed: ${describe(error)}`);
        }
      }
      for (const rate of options.rates) {
        for (const c of here) {
          if (!ratesOf(c).includes(rate) || (c.needsMap && !map)) continue;
          await runCase(c, size, rate, map);
        }
      }
      loads.push(`after ${size} ${os.loadavg()[0].toFixed(1)}`);
    }
  } finally {
    await session.close();
    server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const budgets = budgetRows(results, [...BUDGETS, ...selected.flatMap((c) => c.budgets ?? [])]);
  printTable(log, results, options.rates);
  log('\nBudgets:');
  for (const b of budgets) log(`  ${b.status.padEnd(7)} ${b.budget}: ${b.measured}`);
  const notes = [
    `Load average (1 min) during the run: ${loads.join(', ')}, on ${os.cpus().length} cores. A load above the core count means other work shared the CPU: wall-clock figures then include time spent waiting for a core.`,
    'Input is real: Playwright keyboard, mouse and wheel (CDP Input events) into the built app in the bench page; every timing starts at the input event\'s own timeStamp (so input queueing counts) and stops at the frame, painted, that shows the result (a message posted from the frame callback runs after that frame\'s rendering). "write committed" rows stop at the complete event of the read-write transaction that wrote the change.',
    'Baselines are measured in the same page and run and alternated with what they are compared to (before, after, before...): raw IndexedDB put() for edits and ratings, String.includes for queries; opening alternates the app and the raw getAll() floor, each in a new tab.',
    'heap: performance.memory.usedJSHeapSize after gc() has settled (Chromium with --enable-precise-memory-info and --js-flags=--expose-gc).',
    ...[...new Set(session.problems)].slice(0, 10).map((p) => `Page reported: ${p}`),
  ];
  const json = {
    machine: env,
    options: { ...options, cases: [...options.cases] },
    seconds,
    budgets,
    maps: shapes,
    results: results.rows,
  };
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(
    join(root, 'bench', 'RESULTS.md'),
    markdownReport({ env, options, budgets, results, rates: options.rates, shapes, notes, seconds }),
  );
  log(`\nWrote bench/results.json and bench/RESULTS.md in ${elapsed()}.`);
}

await main();
