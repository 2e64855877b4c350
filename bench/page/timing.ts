/**
 * Timing real input. The bench drives the page through Playwright (CDP Input events: the
 * browser's own input path, key by key); the page only watches. `arm()` listens, in the capture
 * phase on window, for the input event that starts the clock (a key or a pointer release); from
 * that event's timeStamp (when the browser received the input, so queueing counts) it times
 *  - the frame, painted, in which `painted()` first holds, and
 *  - the commit of the first read-write transaction on `store` after it (see idb.ts).
 * `collect()` waits for both.
 */
import { commitAfter, commitMark } from './idb.js';
import { longTaskWatch, untilPainted } from './util.js';

export interface ArmSpec {
  /** The event that starts the clock: 'keydown' (with `key`), 'pointerup', 'input'. */
  trigger: string;
  key?: string;
  /** True once the page shows the change (checked once per frame). */
  painted: () => boolean;
  /** The object store whose committed write ends the second clock (none: paint only). */
  store?: string;
  timeoutMs?: number;
}

export interface Timed {
  /** Input event to the painted frame showing the change. */
  paintMs: number;
  /** Input event to the committed write (undefined when no store was asked for). */
  commitMs?: number;
  /** Long tasks (ms) from arming to the later of the two. */
  longTasks: number[];
  /** How far the event's timeStamp was before the listener ran (input queueing). */
  queuedMs: number;
}

let armed: Promise<Timed> | undefined;

export function arm(spec: ArmSpec): void {
  const mark = commitMark();
  const watch = longTaskWatch();
  const timeout = spec.timeoutMs ?? 120_000;
  armed = new Promise<Timed>((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener(spec.trigger, listener, { capture: true });
      reject(new Error(`no ${spec.trigger}${spec.key ? ` ${spec.key}` : ''} within ${timeout} ms`));
    }, timeout);
    const listener = (e: Event): void => {
      if (spec.key && (e as KeyboardEvent).key !== spec.key) return;
      window.removeEventListener(spec.trigger, listener, { capture: true });
      clearTimeout(timer);
      const now = performance.now();
      // The event's own time (when the browser took the input); `now` if it is not usable.
      const t0 = e.timeStamp > 0 && e.timeStamp <= now && now - e.timeStamp < 10_000 ? e.timeStamp : now;
      const paint = untilPainted(() => (spec.painted() ? true : null), timeout).then(({ at }) => at - t0);
      const commit = spec.store
        ? commitAfter(mark, spec.store, t0, timeout).then((c) => c.at - t0)
        : Promise.resolve(undefined);
      Promise.all([paint, commit]).then(
        async ([paintMs, commitMs]) =>
          resolve({ paintMs, commitMs, longTasks: await watch.stop(), queuedMs: now - t0 }),
        (error: unknown) => {
          void watch.stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    window.addEventListener(spec.trigger, listener, { capture: true });
  });
  // Reported by collect(); never an unhandled rejection in between.
  armed.catch(() => undefined);
}

export async function collect(): Promise<Timed> {
  if (!armed) throw new Error('arm() first');
  const p = armed;
  armed = undefined;
  return p;
}
