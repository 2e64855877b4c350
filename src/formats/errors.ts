/** What every importer returns: the maps it read, or every problem it found (never half a map). */
import type { MapBundle } from '../model/types.js';

/** One problem in an input, located by line (text formats) and/or field path (JSON). */
export interface FormatError {
  /** 1-based line number in the input, when known. */
  line?: number;
  /** Path of the field, e.g. `nodes[3] (id "c01").text`. */
  field?: string;
  message: string;
}

/** Result of reading a file: every map in it, or every error found. */
export type ImportResult =
  { ok: true; bundles: MapBundle[]; warnings: FormatError[] } | { ok: false; errors: FormatError[] };

/** Formats an error for display: "line 3, nodes[2].text: must not be empty". */
export function describeError(e: FormatError): string {
  const where = [e.line !== undefined ? `line ${e.line}` : '', e.field ?? ''].filter(Boolean).join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}
