/**
 * Reading an import: size first, strict UTF-8, format detection, and parsing off the main thread
 * when the input is large. Never writes anything (import-write.ts does, once all is valid).
 */
import { checkImportSize, decodeUtf8 } from '../formats/index.js';
import { now as currentTime } from '../model/ids.js';
import { workerScriptUrl } from './worker-url.js';
import {
  parseImport,
  type ImportFormatId,
  type ImportInput,
  type ReadResult,
  type WorkerMessage,
  type WorkerRequest,
} from '../workers/import-worker.js';

export type { ReadResult } from '../workers/import-worker.js';

/** Inputs above this many bytes (or characters) are parsed in a worker. */
const WORKER_MIN_BYTES = 1024 * 1024;
/** Inputs above this many lines are parsed in a worker. */
const WORKER_MIN_LINES = 2000;

/** Where an import is: reading bytes (with a count), parsing, or writing to the database. */
export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'writing';
  /** Bytes read so far (reading only). */
  loaded?: number;
  /** Bytes in all (reading only). */
  total?: number;
}

/** Options for reading an import. */
export interface ReadOptions {
  /** Aborting stops the import (a worker is terminated) and rejects with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Read the input as this format instead of detecting it. */
  format?: ImportFormatId | 'auto';
  /** Timestamp for records the file leaves undated; defaults to now. */
  now?: string;
  /** 'auto' (default) uses a worker for large inputs only; true or false forces it (tests, benchmarks). */
  worker?: 'auto' | boolean;
}

/**
 * The worker script. In the build, rollup.config.mjs rewrites this to `./import-worker.js` beside
 * app.js (relative to the script, so any sub-path works); under web-test-runner the TypeScript
 * source is served and transformed as it is.
 */
const WORKER_URL = new URL('../workers/import-worker.ts', import.meta.url);

/** The error an aborted import rejects with. */
function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

/** Whether `error` is the rejection of a cancelled import. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Whether `text` has more than `max` lines, without splitting it. */
function moreLinesThan(text: string, max: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > max) return true;
  return false;
}

/** Lets the page paint (a progress bar) before a blocking step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads an import file: refuses it by size before reading a byte, decodes it as strict UTF-8,
 * detects its format and parses and validates it. Files over WORKER_MIN_BYTES are read and
 * parsed in a worker. Never writes anything. Rejects with an AbortError when `signal` aborts.
 */
export async function readImportFile(file: Blob, options: ReadOptions = {}): Promise<ReadResult> {
  const { signal } = options;
  throwIfAborted(signal);
  const tooBig = checkImportSize(file.size);
  if (tooBig) return { ok: false, errors: [tooBig], format: 'unknown' };
  const worker = options.worker ?? 'auto';
  if (worker === true || (worker === 'auto' && file.size > WORKER_MIN_BYTES)) {
    return runInWorker({ blob: file }, options);
  }
  options.onProgress?.({ phase: 'reading', loaded: 0, total: file.size });
  const bytes = new Uint8Array(await file.arrayBuffer());
  throwIfAborted(signal);
  options.onProgress?.({ phase: 'reading', loaded: bytes.byteLength, total: file.size });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error], format: 'unknown' };
  return readImportText(decoded.text, options);
}

/** Reads pasted (or already decoded) text like a file: in a worker when it is large. */
export async function readImportText(text: string, options: ReadOptions = {}): Promise<ReadResult> {
  throwIfAborted(options.signal);
  // A UTF-16 code unit is at least one UTF-8 byte: a text this long is refused without a scan.
  const tooBig = checkImportSize(text.length);
  if (tooBig) return { ok: false, errors: [tooBig], format: 'unknown' };
  const worker = options.worker ?? 'auto';
  if (
    worker === true ||
    (worker === 'auto' && (text.length > WORKER_MIN_BYTES || moreLinesThan(text, WORKER_MIN_LINES)))
  ) {
    return runInWorker({ text }, options);
  }
  return parseHere({ text }, options);
}

/** Parses on the main thread (small inputs, or when no worker can start). */
async function parseHere(input: ImportInput, options: ReadOptions): Promise<ReadResult> {
  let direct: { bytes: Uint8Array } | { text: string };
  if ('blob' in input) {
    direct = { bytes: new Uint8Array(await input.blob.arrayBuffer()) };
    throwIfAborted(options.signal);
  } else direct = input;
  options.onProgress?.({ phase: 'parsing' });
  await nextFrame();
  throwIfAborted(options.signal);
  return parseImport(direct, options.format ?? 'auto', options.now ?? currentTime());
}

/** Parses in a module worker; aborting terminates it. Falls back to the main thread if it cannot start. */
function runInWorker(input: ImportInput, options: ReadOptions): Promise<ReadResult> {
  const { signal, onProgress } = options;
  let worker: Worker;
  try {
    worker = new Worker(workerScriptUrl(WORKER_URL) as string, { type: 'module', name: 'warrant-import' });
  } catch {
    return parseHere(input, options);
  }
  return new Promise<ReadResult>((resolve, reject) => {
    let heard = false;
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const m = event.data;
      if (m.kind === 'progress') {
        onProgress?.(
          m.loaded !== undefined ? { phase: m.phase, loaded: m.loaded, total: m.total! } : { phase: m.phase },
        );
      } else if (m.kind === 'done') {
        finish();
        resolve(m.result);
      } else {
        finish();
        resolve({ ok: false, errors: [{ message: `The file could not be read: ${m.message}` }], format: 'unknown' });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // A worker that never started (blocked, missing script): do the work here instead.
      if (!heard) parseHere(input, options).then(resolve, reject);
      else
        resolve({
          ok: false,
          errors: [{ message: `The file could not be read: ${event.message}` }],
          format: 'unknown',
        });
    };
    const request: WorkerRequest = { input, format: options.format ?? 'auto', now: options.now ?? currentTime() };
    worker.postMessage(request);
  });
}
