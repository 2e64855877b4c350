/**
 * Scrolling the open tree: a pass that sets scrollTop once per frame (the whole tree, top to
 * bottom, like dragging the scrollbar) and a watch of frames and long tasks while the bench
 * drives real wheel events (a fling) from outside.
 */
import { current } from './app.js';
import { percentile, sleep } from './util.js';

/** Frame timings of one pass. */
export interface FrameStats {
  frames: number;
  /** Intervals between animation frames over 16.7 ms. */
  over16: number;
  /** Intervals over 25 ms: at least one whole frame missed. */
  over25: number;
  worstFrameMs: number;
  p95FrameMs: number;
  meanFrameMs: number;
  longTasks: number;
  worstLongTaskMs: number;
}

/** Runs `frames` animation frames, calling `step(i)` in each; counts slow frames and long tasks. */
async function framePass(frames: number, step: ((i: number) => void) | null): Promise<FrameStats> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const intervals: number[] = [];
  // Marks let a trace of this pass (bench/run.mjs) find the pass's window.
  const label = step ? 'scroll' : 'idle';
  performance.mark(`bench-${label}-start`);
  await new Promise<void>((resolve) => {
    let i = 0;
    let last = -1;
    const frame = (ts: number): void => {
      if (last >= 0) intervals.push(ts - last);
      last = ts;
      if (i >= frames) {
        resolve();
        return;
      }
      step?.(i);
      i++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  performance.mark(`bench-${label}-end`);
  await sleep(120);
  for (const e of observer.takeRecords()) longTasks.push(e.duration);
  observer.disconnect();
  return {
    frames: intervals.length,
    over16: intervals.filter((x) => x > 16.7).length,
    over25: intervals.filter((x) => x > 25).length,
    worstFrameMs: Math.max(...intervals),
    p95FrameMs: percentile(intervals, 95),
    meanFrameMs: intervals.reduce((a, b) => a + b, 0) / intervals.length,
    longTasks: longTasks.length,
    worstLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

/** One pass of the scroll case. */
export interface ScrollSample {
  scroll: FrameStats;
  idle: FrameStats;
  pixelsPerFrame: number;
  scrollHeight: number;
  /** Where the pass started and ended (scrollTop). */
  from: number;
  to: number;
  /** The row at the end of the pass was rendered: the pass really got there. */
  reachedEnd: boolean;
}

/** How to scroll: the whole tree in at most `maxFrames` frames, or `pixelsPerFrame` for `frames`. */
export type ScrollPlan = { maxFrames: number } | { pixelsPerFrame: number; frames: number };

/**
 * Scrolls the open tree's scroller one step per animation frame. The whole-tree plan goes from top
 * to bottom in equal steps of a screenful, or more when that would take over `maxFrames` frames
 * (every frame renders fresh rows either way); the fixed plan scrolls `pixelsPerFrame` from the
 * middle of the tree, like a fast wheel or flick. Baseline: the same number of frames with nothing
 * scrolled.
 */
export async function scrollCase(plan: ScrollPlan): Promise<ScrollSample> {
  const { tree } = current();
  const scroller = tree.shadowRoot!.querySelector<HTMLElement>('.scroller');
  if (!scroller) throw new Error('the tree has no .scroller');
  const range = scroller.scrollHeight - scroller.clientHeight;
  let from = 0;
  let px: number;
  let steps: number;
  if ('maxFrames' in plan) {
    steps = Math.max(1, Math.min(plan.maxFrames, Math.ceil(range / Math.max(1, scroller.clientHeight))));
    px = range / steps;
  } else {
    steps = plan.frames;
    px = plan.pixelsPerFrame;
    from = Math.max(0, Math.min(range - steps * px, Math.round(range / 2)));
  }
  scroller.scrollTop = from;
  await sleep(250);
  const idle = await framePass(steps, null);
  const scroll = await framePass(steps, (i) => {
    scroller.scrollTop = Math.min(range, Math.round(from + (i + 1) * px));
  });
  await sleep(100);
  const to = scroller.scrollTop;
  const rowH = scroller.scrollHeight / Math.max(1, tree.visibleRows.length);
  const endRow =
    tree.visibleRows[Math.min(tree.visibleRows.length - 1, Math.floor((to + scroller.clientHeight - 1) / rowH))];
  const rendered = !!endRow && !!tree.shadowRoot!.querySelector(`[data-id="${CSS.escape(endRow.node.id)}"]`);
  const reachedEnd = rendered && ('maxFrames' in plan ? to >= range - 1 : true);
  return { scroll, idle, pixelsPerFrame: px, scrollHeight: scroller.scrollHeight, from, to, reachedEnd };
}

/** Frames and long tasks while something outside the page (real wheel input) scrolls the tree. */
let watching: { stop: () => Promise<FrameStats & { scrolledPx: number }> } | undefined;

function statsOf(intervals: number[], longTasks: number[]): FrameStats {
  return {
    frames: intervals.length,
    over16: intervals.filter((x) => x > 16.7).length,
    over25: intervals.filter((x) => x > 25).length,
    worstFrameMs: intervals.length ? Math.max(...intervals) : 0,
    p95FrameMs: percentile(intervals, 95),
    meanFrameMs: intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length),
    longTasks: longTasks.length,
    worstLongTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

/** The tree's scroller, scrolled to `fraction` of its range; its box for the mouse. */
export async function scrollerAt(
  fraction: number,
): Promise<{ x: number; y: number; width: number; height: number; range: number }> {
  const { tree } = current();
  const scroller = tree.shadowRoot!.querySelector<HTMLElement>('.scroller');
  if (!scroller) throw new Error('the tree has no .scroller');
  const range = scroller.scrollHeight - scroller.clientHeight;
  scroller.scrollTop = Math.round(range * fraction);
  await sleep(250);
  const r = scroller.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, range };
}

export function watchStart(): void {
  const { tree } = current();
  const scroller = tree.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  const from = scroller.scrollTop;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const intervals: number[] = [];
  let last = -1;
  let running = true;
  const frame = (ts: number): void => {
    if (last >= 0) intervals.push(ts - last);
    last = ts;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  performance.mark('bench-fling-start');
  watching = {
    stop: async () => {
      performance.mark('bench-fling-end');
      running = false;
      await sleep(150);
      for (const e of observer.takeRecords()) longTasks.push(e.duration);
      observer.disconnect();
      return { ...statsOf(intervals, longTasks), scrolledPx: scroller.scrollTop - from };
    },
  };
}

export async function watchStop(): Promise<FrameStats & { scrolledPx: number }> {
  if (!watching) throw new Error('watchStart() first');
  const w = watching;
  watching = undefined;
  return w.stop();
}
