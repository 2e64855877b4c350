/** How the explanation words its figures: ratings, shares, and node texts cut to fit a line. */
import { RATING_LABELS, type RatingValue } from '../model/types.js';

/** "3" for a whole rating, "2.7" for a mean between two steps. */
export function ratingValue(r: number): string {
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** The word of the nearest step, e.g. "strong". */
export function ratingLabel(r: number): string {
  return RATING_LABELS[Math.round(r) as RatingValue];
}

/** "3 (strong)", "2.7 (strong)". */
export function ratingWords(r: number): string {
  return `${ratingValue(r)} (${ratingLabel(r)})`;
}

/** "+0.13", "−0.04"; "no effect" for a child that changes nothing; never a bare "+0.00". */
export function formatShare(share: number): string {
  if (share === 0) return 'no effect';
  const sign = share > 0 ? '+' : '\u2212';
  return Math.abs(share) < 0.005 ? `${sign}<0.01` : `${sign}${Math.abs(share).toFixed(2)}`;
}

/** At most `max` characters, cut at a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // No dangling comma or dash before the ellipsis.
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '') + '…';
}
