/**
 * Fractional order keys for siblings: strings that sort with plain `<` and between any two of
 * which another key can always be made, so inserting or moving a node rewrites only that node.
 *
 * Keys are base-62 digit strings read as fractions (0.xyz); the empty key and a trailing "0" are
 * never produced, so every key has a neighbour on either side. Keys grow by about one character
 * per repeated insertion at the same spot, which is harmless at classroom scale.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
  if (i >= key.length) return 0;
  const d = DIGITS.indexOf(key[i]!);
  if (d < 0) throw new Error(`Invalid order key "${key}": character "${key[i]}" is not base-62.`);
  return d;
}

/** True when `key` is a well-formed order key. */
export function isOrderKey(key: string): boolean {
  return /^[0-9A-Za-z]+$/.test(key) && !key.endsWith('0');
}

/**
 * A key strictly between `a` and `b` (either may be null for "no bound").
 * Throws when a >= b, which means the caller's siblings are out of order.
 */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && !isOrderKey(a)) throw new Error(`Invalid order key "${a}".`);
  if (b !== null && !isOrderKey(b)) throw new Error(`Invalid order key "${b}".`);
  if (a !== null && b !== null && a >= b) {
    throw new Error(`Order keys out of order: "${a}" is not before "${b}".`);
  }
  const lo = a ?? '';
  let result = '';
  for (let i = 0; ; i++) {
    const dl = digit(lo, i);
    // With no upper bound, or once the prefix is already below b, the upper digit is BASE.
    const dh = b === null || result < b.slice(0, i) ? BASE : digit(b, i);
    if (dh - dl > 1) {
      const mid = Math.ceil((dl + dh) / 2);
      return result + DIGITS[mid];
    }
    result += DIGITS[dl];
  }
}

/** `count` keys in increasing order, evenly spread, all between `a` and `b`. */
export function keysBetween(a: string | null, b: string | null, count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [keyBetween(a, b)];
  const mid = keyBetween(a, b);
  const half = Math.floor(count / 2);
  return [...keysBetween(a, mid, half), mid, ...keysBetween(mid, b, count - half - 1)];
}
