/**
 * The in-page side of `npm run bench`, built as the app is built (bench/rollup.bench.mjs). The node
 * side (bench/run.mjs and bench/cases/*.mjs) drives it through `window.bench`: preparing maps,
 * mounting the app, watching while Playwright sends real input, and the cases below the UI.
 *
 * To add page-side functions for a new case: write them in a module of bench/page/, import it
 * here and add them to `bench` below (or call `register(name, fn)` from the module). The node side
 * calls them with `ctx.call(page, 'name', ...args)`.
 */
import { installCommitLog } from './idb.js';
import * as app from './app.js';
import * as maps from './maps.js';
import { classCollect } from './class.js';
import * as pictures from './pictures.js';
import { pureCases } from './pure.js';
import * as reading from './reading.js';
import * as scroll from './scroll.js';
import * as timing from './timing.js';
import * as ui from './ui.js';
import { heapBytes, settledHeap, sinkValue } from './util.js';
import { optionalStatus } from '../optional.js';

// Before the app opens any database: every committed write is logged from here on.
installCommitLog();

type PageFn = (...args: never[]) => unknown;

const bench: Record<string, PageFn> = {
  environment: () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    preciseMemory: !Number.isNaN(heapBytes()),
    exposedGc: typeof (globalThis as unknown as { gc?: unknown }).gc === 'function',
    optional: optionalStatus(),
  }),
  prepare: maps.prepare,
  setExpansion: maps.setExpansion,
  forget: maps.forgetMaps,
  openApp: app.openApp,
  appOpenCase: app.appOpenCase,
  rawOpenCase: app.rawOpenCase,
  unmount: app.unmount,
  mountList: app.mountList,
  importPhase: app.importPhase,
  treeShows: app.treeShows,
  settledHeap,
  arm: timing.arm,
  collect: timing.collect,
  scrollCase: scroll.scrollCase,
  scrollerAt: scroll.scrollerAt,
  watchStart: scroll.watchStart,
  watchStop: scroll.watchStop,
  pure: (n: number, runs: number, warmup: number, which: readonly string[], heavyRuns?: number) => ({
    results: pureCases(n, runs, warmup, which, heavyRuns),
    sink: sinkValue(),
  }),
  picturesDraw: pictures.picturesDraw,
  picturesPanSetup: pictures.picturesPanSetup,
  picturesTransform: pictures.picturesTransform,
  picturesUnmount: pictures.unmountPicture,
  watchLongTasksStart: pictures.watchLongTasksStart,
  watchLongTasksStop: pictures.watchLongTasksStop,
  classCollect,
  ...ui,
  readingAnchor: reading.readingAnchor,
  readingPane: reading.readingPane,
  readingScrollBaseline: reading.readingScrollBaseline,
};

/** Adds a page-side function for a case (see bench/README.md). */
export function register(name: string, fn: PageFn): void {
  if (name in bench) throw new Error(`bench.${name} is already registered`);
  bench[name] = fn;
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.documentElement.dataset.benchReady = 'true';
