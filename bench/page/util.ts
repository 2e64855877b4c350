/**
 * Small helpers every in-page case uses: timing loops, the settled heap, waiting for a painted
 * frame, and reaching into shadow roots.
 */

/** Shortest time one micro-benchmark sample runs for. */
const MIN_SAMPLE_MS = 25;

/** Written by every timed loop, so no engine can drop the work as dead code. */
let sink = 0;

function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (typeof value === 'string') sink += value.length;
  else if (value) sink += 1;
}

export function sinkValue(): number {
  return sink;
}

/** Milliseconds per call of `fn`, repeated until at least `minMs` has passed. */
export function perCall(fn: () => unknown, minMs = MIN_SAMPLE_MS): number {
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    consume(fn());
    reps++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (t - t0) / reps;
}

export function gc(): void {
  const g = (globalThis as unknown as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export function heapBytes(): number {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : NaN;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The heap once garbage collection has settled: collect until two readings agree within 1%. */
export async function settledHeap(): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 8; i++) {
    gc();
    await sleep(60);
    const now = heapBytes();
    if (Math.abs(now - last) <= 0.01 * now) return now;
    last = now;
  }
  return last;
}

/** Resolves after `n` animation frames. */
export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

/**
 * Checks `test` once per animation frame; when it gives a value, waits for that frame to be
 * painted (a message posted from the frame callback runs after the frame's rendering steps) and
 * resolves with the value and the time then.
 */
export function untilPainted<T>(
  test: () => T | null | undefined,
  timeoutMs: number,
): Promise<{ value: T; at: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const frame = (): void => {
      let value: T | null | undefined;
      try {
        value = test();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value !== null && value !== undefined) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ value, at: performance.now() });
        channel.port2.postMessage(0);
        return;
      }
      if (performance.now() - start > timeoutMs) {
        reject(new Error(`timed out after ${timeoutMs} ms`));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The element matching `selector` in `root` or in any shadow root below it. */
export function deepQuery<E extends Element>(root: ParentNode, selector: string): E | null {
  const direct = root.querySelector<E>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<E>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

/** Long tasks (over 50 ms) seen between `start()` and `stop()`. */
export function longTaskWatch(): { stop: () => Promise<number[]> } {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop: async () => {
      // Long task entries arrive a task after the task ends.
      await sleep(120);
      for (const e of observer.takeRecords()) seen.push(e.duration);
      observer.disconnect();
      return seen;
    },
  };
}
