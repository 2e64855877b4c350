/** Source cards and ratings as a user enters them: validation, duplicates, summaries. Pure. */
import { LIMITS } from './limits.js';
import {
  Reliability,
  RELIABILITY_WORDS,
  SourceType,
  type Citation,
  type Rating,
  type Reliability as ReliabilityT,
  type Source,
  type SourceType as SourceTypeT,
} from './types.js';
import { validateUrl } from './url.js';

/** What the source form holds (all text, as typed). */
export interface SourceInput {
  title: string;
  url?: string;
  authors?: string;
  publisher?: string;
  date?: string;
  type?: string;
  reliability?: string;
  reliabilityNote?: string;
}

/** A problem with one field of the form. */
export interface FieldError {
  field: keyof SourceInput;
  message: string;
}

/** The cleaned fields of a valid source card (without ids and timestamps). */
export type SourceFields = Pick<Source, 'title' | 'type'> &
  Partial<Pick<Source, 'url' | 'authors' | 'publisher' | 'date' | 'reliability' | 'reliabilityNote'>>;

/** Labels for source types, as shown in the form. */
export const SOURCE_TYPE_LABELS: Readonly<Record<SourceTypeT, string>> = {
  primary: 'Primary document',
  official: 'Official statement',
  news: 'News report',
  scholarly: 'Scholarly work',
  book: 'Book',
  opinion: 'Opinion piece',
  dataset: 'Dataset',
  other: 'Other',
};

/** The Admiralty scale, as shown to students. */
export const RELIABILITY_LABELS: Readonly<Record<ReliabilityT, string>> = Object.fromEntries(
  Object.entries(RELIABILITY_WORDS).map(([grade, words]) => [grade, `${grade}: ${words}`]),
) as Record<ReliabilityT, string>;

/** Validates the source form. Text is kept as typed (trimmed); it is always shown as text, never as HTML. */
export function checkSource(
  input: SourceInput,
): { ok: true; fields: SourceFields } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean = (field: keyof SourceInput, max: number = LIMITS.field): string | undefined => {
    const v = (input[field] ?? '').replace(/\s+/g, ' ').trim();
    if (v.length > max) errors.push({ field, message: `is too long (${v.length} characters; at most ${max})` });
    return v || undefined;
  };
  const title = clean('title', LIMITS.title);
  if (!title) errors.push({ field: 'title', message: 'is required' });
  const fields: SourceFields = { title: title ?? '', type: SourceType.other };
  const url = clean('url');
  if (url) {
    const u = validateUrl(url);
    if (u.ok) fields.url = u.url;
    else errors.push({ field: 'url', message: u.reason });
  }
  for (const key of ['authors', 'publisher', 'date', 'reliabilityNote'] as const) {
    const v = clean(key);
    if (v) fields[key] = v;
  }
  const type = clean('type');
  if (type) {
    if ((Object.values(SourceType) as string[]).includes(type)) fields.type = type as SourceTypeT;
    else errors.push({ field: 'type', message: 'is not one of the listed types' });
  }
  const rel = clean('reliability');
  if (rel) {
    if ((Object.values(Reliability) as string[]).includes(rel)) fields.reliability = rel as ReliabilityT;
    else errors.push({ field: 'reliability', message: 'must be a grade from A to F' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, fields };
}

/** A URL reduced for comparison: no scheme, "www.", trailing slash, fragment or case in the host. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${path}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** An existing source with the same URL (or, without URLs, the same title), offered for reuse. */
export function findDuplicate(
  sources: readonly Source[],
  fields: Pick<SourceFields, 'title' | 'url'>,
  exceptId?: string,
): Source | undefined {
  const others = sources.filter((s) => s.id !== exceptId);
  if (fields.url) {
    const key = urlKey(fields.url);
    return others.find((s) => s.url && urlKey(s.url) === key);
  }
  const title = fields.title.toLowerCase();
  return others.find((s) => !s.url && s.title.toLowerCase() === title);
}

/** Mean, count and spread of some ratings (unrated when there are none: never 0). */
export interface RatingSummary {
  count: number;
  mean?: number;
  /** Population standard deviation. */
  spread?: number;
  min?: number;
  max?: number;
}

/** Summarises ratings of one node, optionally as one rater's perspective. */
export function summarize(ratings: readonly Pick<Rating, 'value' | 'rater'>[], rater?: string): RatingSummary {
  const values: number[] = [];
  for (const r of ratings)
    if (r.value !== undefined && (rater === undefined || r.rater === rater)) values.push(r.value);
  if (!values.length) return { count: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { count: values.length, mean, spread, min: Math.min(...values), max: Math.max(...values) };
}

/** How many citations use each source, by source id (how many nodes share a card). */
export function citationUses(citations: readonly Citation[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const c of citations) uses.set(c.sourceId, (uses.get(c.sourceId) ?? 0) + 1);
  return uses;
}

/** A node's citations in the order they were added (ties by id, so the order is stable). */
export function oldestFirst(citations: readonly Citation[]): Citation[] {
  return [...citations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Citations in the order they were made, ties by id in code-unit order (the search results' order). */
export function byCreation(a: Pick<Citation, 'createdAt' | 'id'>, b: Pick<Citation, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
