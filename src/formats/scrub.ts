/**
 * The hostile-text pass of the restore step: every string in an imported file is scrubbed of
 * control characters, lone surrogates and bidi overrides before validation, so no import path
 * (JSON, Markdown, Kialo, class files) can bring them in. Each field changed gets a warning
 * naming it, because silently rewriting a student's text would be its own surprise.
 */
import { scrubNotice, scrubText } from '../model/text.js';
import type { FormatError } from './errors.js';

/** Returns `value` with every string scrubbed, and pushes one warning per changed field. */
export function scrubDeep(value: unknown, path: string, warnings: FormatError[]): unknown {
  if (typeof value === 'string') {
    const s = scrubText(value);
    if (s.text === value) return value;
    warnings.push({ field: path || '(text)', message: scrubNotice(s) });
    return s.text;
  }
  if (Array.isArray(value)) return value.map((v, i) => scrubDeep(v, `${path}[${i}]`, warnings));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = scrubDeep(v, path ? `${path}.${k}` : k, warnings);
    return out;
  }
  return value;
}
