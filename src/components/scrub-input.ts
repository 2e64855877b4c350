/**
 * Strips hostile characters from a text field as they are typed or pasted (NUL, lone surrogates,
 * bidi overrides: see scrubText), keeps the caret where it was, and says what was removed through
 * the view's live region, so a field never silently holds text that displays differently.
 */
import { scrubNotice, scrubText } from '../model/text.js';
import { announce } from './announce.js';

/** Scrubs `field` in place; returns its clean value. */
export function scrubField(field: HTMLInputElement | HTMLTextAreaElement): string {
  const value = field.value;
  const s = scrubText(value);
  if (s.text === value) return value;
  const caret = field.selectionEnd ?? value.length;
  const removedBefore = caret - scrubText(value.slice(0, caret)).text.length;
  field.value = s.text;
  const at = Math.max(0, caret - removedBefore);
  try {
    field.setSelectionRange(at, at);
  } catch {
    // Some input types (url, email) have no selection; the text is still clean.
  }
  announce(field, scrubNotice(s));
  return s.text;
}
