/**
 * The file formats, for the UI: one registry entry per format with what the export and import
 * menus need. Everything here is pure (no DOM, no database).
 */
import type { MapBundle } from '../model/types.js';
import { exportArgdown } from './argdown.js';
import { importArgdown } from './argdown-import.js';
import type { ImportResult } from './errors.js';
import { exportMapJson, importJson } from './json.js';
import { exportKialo, importKialo } from './kialo.js';
import { exportMarkdown, importMarkdown, type MarkdownExportOptions } from './markdown/index.js';
import { checkMarkdownNesting } from './nesting.js';
import type { RestoreOptions } from './restore.js';
import { notMarkdown } from './sniff.js';

export { describeError, type FormatError, type ImportResult } from './errors.js';
export { importArgdown } from './argdown-import.js';
export { exportBackupJson, exportMapJson, importJson } from './json.js';
export { describeKialoLosses, exportKialo, importKialo } from './kialo.js';
export { exportMarkdown, importMarkdown, MARKDOWN_FULL_RECORD, MARKDOWN_HAND_IN } from './markdown/index.js';
export { sniffFormat, type SniffedFormat } from './sniff.js';
export { checkImportSize, decodeUtf8, MAX_IMPORT_BYTES, prepareImportText } from './text-input.js';

/** Ids of the formats. */
export type FormatId = 'markdown' | 'json' | 'kialo' | 'argdown';

/** Options an export may take; formats ignore what they cannot carry. */
export type ExportOptions = MarkdownExportOptions;

/** One format as the UI offers it. */
export interface FormatInfo {
  id: FormatId;
  /** Menu label. */
  label: string;
  /** One sentence for the menu or a tooltip. */
  description: string;
  /** File name extension, with the dot. */
  extension: string;
  mime: string;
  /** Absent when the format cannot be written. */
  export?: (bundle: MapBundle, options?: ExportOptions) => string;
  /** Absent when the format cannot be read. */
  import?: (text: string, options?: RestoreOptions) => ImportResult;
}

/** Every format, in menu order. */
export const FORMATS: readonly FormatInfo[] = Object.freeze([
  {
    id: 'markdown',
    label: 'Markdown',
    description: 'An outline that reads well anywhere (GitHub, a word processor, a hand-in) and imports back exactly.',
    extension: '.md',
    mime: 'text/markdown',
    export: (bundle: MapBundle, options?: ExportOptions) => exportMarkdown(bundle, options),
    import: (text: string, options?: RestoreOptions): ImportResult => {
      const refusal = notMarkdown(text) ?? checkMarkdownNesting(text);
      return refusal ? { ok: false, errors: [refusal] } : importMarkdown(text, options);
    },
  },
  {
    id: 'json',
    label: 'JSON (full backup)',
    description: 'Everything in the map, including dates and ids: for backups and moving maps between computers.',
    extension: '.json',
    mime: 'application/json',
    export: (bundle: MapBundle) => exportMapJson(bundle),
    import: (text: string, options?: RestoreOptions) => importJson(text, options),
  },
  {
    id: 'kialo',
    label: 'Kialo text',
    description: "Kialo's plain-text discussion format: statements and pro/con only (no quotes, sources or ratings).",
    extension: '.txt',
    mime: 'text/plain',
    export: (bundle: MapBundle) => exportKialo(bundle),
    import: (text: string, options?: RestoreOptions) => importKialo(text, options),
  },
  {
    id: 'argdown',
    label: 'Argdown',
    description:
      'Statements and their support/attack tree for the Argdown editor and its diagrams; reads statements, arguments, relations and premise-conclusion structures back.',
    extension: '.argdown',
    mime: 'text/plain',
    export: (bundle: MapBundle) => exportArgdown(bundle),
    import: (text: string, options?: RestoreOptions) => importArgdown(text, options),
  },
] satisfies FormatInfo[]);

/** The registry entry for `id`. */
export function formatById(id: FormatId): FormatInfo {
  return FORMATS.find((f) => f.id === id)!;
}
