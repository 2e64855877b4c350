/**
 * The primitives every record type is restored with: the Checker that collects errors at places
 * spelled the way a person editing the file reads them, the shared text rules, timestamp and id
 * tests, and the derived ids that keep re-importing the same file idempotent.
 */
import { LIMITS } from '../../model/limits.js';
import type { FormatError } from '../errors.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ID = /^[A-Za-z0-9_.:@>~-]{1,100}$/;
/** Text made only of the characters ids may hold, of any length (see derivedId). */
const ID_CHARS = /^[A-Za-z0-9_.:@>~-]*$/;

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The id of a record the file gave none, made from what identifies it (node + source, node +
 * rater) so re-importing the same file is idempotent. The readable `a<sep>b` form is used when it
 * is itself a valid id; otherwise (a rater named "Ms. Lee", very long ids) a stable hash, so the
 * restored map can be exported and imported again.
 *
 * `a` is always a checked id or '' and `sep` one of the id characters, so only `b` and the
 * length need checking (the same answer as testing ID on the whole text, without scanning `a`).
 */
export function derivedId(a: string, sep: string, b: string): string {
  const plain = a + sep + b;
  if (plain.length <= 100 && ID_CHARS.test(b)) return plain;
  return `${a.slice(0, 60)}${sep}~${fnv1a(plain, 0x811c9dc5)}${fnv1a(plain, 0x01000193)}`;
}

/** Days in each month of a common year (February's 29th takes the slow path in isIsoTime). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the two ASCII digits at `i` in `v`, or -1 when they are not both digits. */
function twoDigits(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Whether `v` is an ISO timestamp like 2025-02-24T12:00:00.000Z that Date.parse accepts.
 *
 * Date.parse is the costliest part of restoring a JSON file (two timestamps on nearly every row),
 * so the usual shape - `YYYY-MM-DDTHH:MM:SS[.sss]Z`, every field in range, at most 28 days in
 * February - is checked by hand: every engine must parse such a text (it is the ECMAScript date
 * format exactly). Anything else (leap days, hour 24, other fraction lengths, nonsense) gets the
 * original regex + Date.parse test, so what is accepted is unchanged.
 */
export function isIsoTime(v: string): boolean {
  const len = v.length;
  if (
    (len === 20 || (len === 24 && v.charCodeAt(19) === 46 /* . */ && twoDigits(v, 20) >= 0 && twoDigits(v, 21) >= 0)) &&
    v.charCodeAt(len - 1) === 90 /* Z */ &&
    twoDigits(v, 0) >= 0 &&
    twoDigits(v, 2) >= 0 &&
    v.charCodeAt(4) === 45 /* - */ &&
    v.charCodeAt(7) === 45 &&
    v.charCodeAt(10) === 84 /* T */ &&
    v.charCodeAt(13) === 58 /* : */ &&
    v.charCodeAt(16) === 58
  ) {
    const month = twoDigits(v, 5);
    const day = twoDigits(v, 8);
    const hour = twoDigits(v, 11);
    const minute = twoDigits(v, 14);
    const second = twoDigits(v, 17);
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= MONTH_DAYS[month - 1]! &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59
    ) {
      return true;
    }
  }
  return ISO.test(v) && !Number.isNaN(Date.parse(v));
}

/**
 * Where a row of a list sits: `nodes[3]`, or `nodes[3] (id "c01")` once its id is known. One Row
 * per list is moved along the rows and spelled out only when an error is reported, instead of
 * building one or two location strings per row of a 10,000-node map that has no errors.
 */
export class Row {
  index = 0;
  id: string | undefined = undefined;
  constructor(private readonly list: string) {}

  /** Moves to row `index`, whose id is not known yet. */
  at(index: number): this {
    this.index = index;
    this.id = undefined;
    return this;
  }

  toString(): string {
    const at = `${this.list}[${this.index}]`;
    return this.id === undefined ? at : `${at} (id "${this.id}")`;
  }
}

/** A field holding an object inside a row (`nodes[3] (id "c01").quote`), spelled out lazily too. */
export class Field {
  constructor(
    private readonly row: Row,
    private readonly name: string,
  ) {}

  toString(): string {
    return `${this.row.toString()}.${this.name}`;
  }
}

/** The place `Checker` methods report at: a plain path, or a row or field spelled out on error. */
export type At = string | Row | Field;

/** How a text field is checked: required or not, its longest length, whether blank text is kept. */
export interface TextRule {
  required?: boolean;
  max?: number;
  empty?: boolean;
}
// Shared rules, so no option object is made per field per row.
const OPTIONAL: TextRule = {};
export const LONG: TextRule = { max: LIMITS.text };
export const REQUIRED_TITLE: TextRule = { required: true, max: LIMITS.title };
export const REQUIRED_TEXT: TextRule = { required: true, max: LIMITS.text };
export const REQUIRED_QUOTE: TextRule = { required: true, max: LIMITS.quote };
export const REQUIRED_RATER: TextRule = { required: true, max: LIMITS.name };
export const NAME: TextRule = { max: LIMITS.name };

/** Collects errors for one file; `at` names fields the way a person editing the file reads them. */
export class Checker {
  readonly errors: FormatError[] = [];
  constructor(private readonly prefix: string) {}

  fail(field: string, message: string): void {
    this.errors.push({ field: this.prefix + field, message });
  }

  /** fail() at `at.key` (or at `at` itself when key is ''), spelling the place out only now. */
  failAt(at: At, key: string, message: string): void {
    this.fail(key === '' ? String(at) : `${String(at)}.${key}`, message);
  }

  str(o: Obj, key: string, at: At, rule: TextRule = OPTIONAL): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (rule.required) this.failAt(at, key, 'is missing');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.failAt(at, key, `must be text, not ${Array.isArray(v) ? 'a list' : typeof v}`);
      return undefined;
    }
    if (!rule.empty && v.trim() === '') {
      if (rule.required) this.failAt(at, key, 'must not be empty');
      return undefined;
    }
    const max = rule.max ?? LIMITS.field;
    if (v.length > max) {
      this.failAt(at, key, `is too long (${v.length} characters; at most ${max})`);
      return undefined;
    }
    return v;
  }

  time(o: Obj, key: string, at: At, fallback: string): string {
    const v = o[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string' || !isIsoTime(v)) {
      this.failAt(at, key, 'must be an ISO timestamp like 2025-02-24T12:00:00.000Z');
      return fallback;
    }
    return v;
  }

  /** The id in `o[key]`; a missing one is an error (callers with a default check for absence first). */
  id(o: Obj, key: string, at: At): string | undefined {
    const v = o[key];
    if (typeof v !== 'string' || !ID.test(v)) {
      this.failAt(at, key, v === undefined ? 'is missing' : 'must be an id of 1-100 letters, digits or - _ . : @ > ~');
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, at: At, allowed: readonly T[], fallback?: T): T | undefined {
    const v = o[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.failAt(at, key, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
      return undefined;
    }
    return v as T;
  }

  unknownKeys(o: Obj, at: At, known: ReadonlySet<string>): void {
    // for...in visits the own keys Object.keys lists without making an array per row. Only when
    // it meets a key that is not known (which may also be an inherited one) are the own keys
    // listed, in Object.keys order, for the errors.
    for (const k in o) {
      if (!known.has(k)) {
        for (const own of Object.keys(o)) {
          if (!known.has(own)) this.failAt(at, own, 'is not a known field (a typo?)');
        }
        return;
      }
    }
  }
}

/** The list at `o[key]`: empty when absent, an error when it is not a list. */
export function list(c: Checker, o: Obj, key: string): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.fail(key, 'must be a list');
    return [];
  }
  return v;
}
