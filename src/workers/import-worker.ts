/**
 * Reading an import file: decode, detect the format, parse and validate. `parseImport` is the one
 * function that does it, on the main thread for small inputs (src/state/import-read.ts) and, for
 * large ones, in a module worker running this file (built as dist/import-worker.js), so a
 * 10,000-node file never freezes the page. It imports only the pure formats: no DOM, no Dexie.
 */
import {
  decodeUtf8,
  importArgdown,
  importJson,
  importKialo,
  importMarkdown,
  prepareImportText,
  sniffFormat,
  type FormatError,
  type ImportResult,
  type SniffedFormat,
} from '../formats/index.js';
import { checkMarkdownNesting } from '../formats/nesting.js';
import { notMarkdown } from '../formats/sniff.js';
import { importAssignmentJson, sniffClassFile } from '../formats/class-files.js';
import { importHandInMarkdown } from '../formats/handin-markdown.js';
import type { Assignment } from '../model/assignment.js';

/** Formats Warrant can read. */
export type ImportFormatId = 'json' | 'markdown' | 'kialo' | 'argdown';

/**
 * An import's result, with the format it was read as; an assignment file also gives its
 * assignment (stored with the map when the map keeps its id).
 */
export type ReadResult = ImportResult & { format: SniffedFormat; assignment?: Assignment };

/** The input of one import: file bytes (decoded here) or text (pasted). */
export type ImportInput = { bytes: Uint8Array } | { blob: Blob } | { text: string };

/** What the page asks the worker to do. */
export interface WorkerRequest {
  input: ImportInput;
  format: ImportFormatId | 'auto';
  /** Timestamp for records the file leaves undated (the time of import). */
  now: string;
}

/** What the worker tells the page: progress, then one result (or the error that stopped it). */
export type WorkerMessage =
  | { kind: 'progress'; phase: 'reading' | 'parsing'; loaded?: number; total?: number }
  | { kind: 'done'; result: ReadResult }
  | { kind: 'failed'; message: string };

const UNKNOWN: FormatError = {
  line: 1,
  message:
    'Warrant cannot tell what kind of file this is. It reads Warrant JSON (.json), Markdown outlines (.md: a "# Title" and nested "- " items), Kialo text exports (.txt, starting "Discussion Title:" or "Discussion Name:") and Argdown (.argdown).',
};

const FEEDBACK: FormatError = {
  line: 1,
  message:
    "This is a teacher's feedback file, not a map. Open the assignment's map, then Class > Import feedback… to see the comments on your nodes.",
};

/** Decodes, detects and parses one input; everything synchronous (call it where blocking is fine). */
export function parseImport(
  input: { bytes: Uint8Array } | { text: string },
  format: ImportFormatId | 'auto',
  now: string,
): ReadResult {
  let text: string;
  if ('bytes' in input) {
    const decoded = decodeUtf8(input.bytes);
    if (!decoded.ok) return { ok: false, errors: [decoded.error], format: 'unknown' };
    text = decoded.text;
  } else text = input.text;
  const sniffed = sniffFormat(text);
  const as: SniffedFormat = format === 'auto' ? sniffed : format;
  const options = { now };
  // The class's files are maps with a header or an assignment beside them: read them whole.
  const classFile = as === 'kialo' ? null : sniffClassFile(text);
  if (classFile === 'hand-in' && as === 'markdown') {
    const r = importHandInMarkdown(text);
    return r.ok ? { ok: true, bundles: [r.bundle], warnings: [], format: as } : { ...r, format: as };
  }
  if (classFile === 'assignment' && as === 'json') {
    const r = importAssignmentJson(text);
    return r.ok
      ? { ok: true, bundles: [r.bundle], warnings: [], format: as, assignment: r.value }
      : { ...r, format: as };
  }
  if (classFile === 'feedback') {
    return { ok: false, errors: [FEEDBACK], format: as };
  }
  switch (as) {
    case 'json':
      return { ...importJson(text, options), format: as };
    case 'markdown': {
      // Before the Markdown reader builds anything: a file nested past the limit is refused here.
      const refusal = notMarkdown(text) ?? checkMarkdownNesting(text);
      if (refusal) return { ok: false, errors: [refusal], format: as };
      return { ...importMarkdown(text, options), format: as };
    }
    case 'kialo':
      return { ...importKialo(text, options), format: as };
    case 'argdown':
      return { ...importArgdown(text, options), format: as };
    case 'unknown': {
      // Too large, not UTF-8 or empty say so; only real text of no known shape is "unknown".
      const prepared = prepareImportText(text);
      return { ok: false, errors: [prepared.ok ? UNKNOWN : prepared.error], format: as };
    }
  }
}

/** Reads a Blob's bytes in slices, reporting progress (FileReaderSync-free, so it works anywhere). */
async function readBlob(blob: Blob, progress: (loaded: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read: refuse rather than overflow the buffer.
    if (loaded + value.byteLength > bytes.byteLength) throw new Error('The file changed while it was being read.');
    bytes.set(value, loaded);
    loaded += value.byteLength;
    progress(loaded);
  }
  return loaded === bytes.byteLength ? bytes : bytes.subarray(0, loaded);
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

/** Runs one request, posting progress and the result through `post`. */
export async function handleRequest(request: WorkerRequest, post: (m: WorkerMessage) => void): Promise<void> {
  try {
    let input: { bytes: Uint8Array } | { text: string };
    if ('blob' in request.input) {
      const total = request.input.blob.size;
      let last = 0;
      post({ kind: 'progress', phase: 'reading', loaded: 0, total });
      const bytes = await readBlob(request.input.blob, (loaded) => {
        // About 50 updates per file: enough for a smooth bar, few enough to cost nothing.
        if (loaded - last >= total / 50 || loaded === total) {
          last = loaded;
          post({ kind: 'progress', phase: 'reading', loaded, total });
        }
      });
      input = { bytes };
    } else input = request.input;
    post({ kind: 'progress', phase: 'parsing' });
    post({ kind: 'done', result: parseImport(input, request.format, request.now) });
  } catch (e) {
    post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

// Only when this file runs as a worker (the page imports parseImport from it too).
const WorkerGlobal = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (WorkerGlobal !== undefined && globalThis instanceof WorkerGlobal) {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => void handleRequest(event.data, (m) => scope.postMessage(m));
}
