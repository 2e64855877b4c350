/**
 * Ranking of a map's sources for the source picker: fuse.js over folded title, authors,
 * publisher and URL (so "gorbachov" finds "Gorbachev"). fuse.js is passed in rather than imported,
 * so the picker can load it lazily and rank by exact words until it has arrived.
 */
import type Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import type { Source } from '../model/types.js';
import { foldText } from './fold.js';
import { SEARCH_THRESHOLD } from './threshold.js';

/** What the fuzzy search indexes for one source: folded text of each field. */
export interface SourceDoc {
  id: string;
  title: string;
  authors: string;
  publisher: string;
  url: string;
}

const FUSE_OPTIONS: IFuseOptions<SourceDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'authors', weight: 2 },
    { name: 'publisher', weight: 1 },
    { name: 'url', weight: 1 },
  ],
  // The map search's threshold: one typo in 5-8 letters, two in 9-13 ("Gorbachov").
  threshold: SEARCH_THRESHOLD,
  ignoreLocation: true,
  includeScore: true,
  // Text is folded (lower case, no accents) before fuse sees it.
  isCaseSensitive: true,
  useExtendedSearch: false,
};

/** Most options the combobox lists at once. */
const MAX_SOURCE_OPTIONS = 50;

function sourceDocs(sources: readonly Source[]): SourceDoc[] {
  return sources.map((s) => ({
    id: s.id,
    title: foldText(s.title),
    authors: foldText(s.authors ?? ''),
    publisher: foldText(s.publisher ?? ''),
    url: foldText(s.url ?? ''),
  }));
}

/** The fuzzy index of `sources`, built with the fuse.js class the caller has loaded. */
export function sourceIndex(FuseClass: typeof Fuse, sources: readonly Source[]): Fuse<SourceDoc> {
  return new FuseClass(sourceDocs(sources), FUSE_OPTIONS);
}

/**
 * Ranks sources for a query: every word must match some field (fuzzily with fuse; without it,
 * as a part of a word); the best total score first. An empty query lists every source by title.
 */
export function rankSources(fuse: Fuse<SourceDoc> | undefined, sources: readonly Source[], query: string): Source[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const words = foldText(query).split(' ').filter(Boolean);
  if (!words.length) {
    return [...sources].sort((a, b) => foldText(a.title).localeCompare(foldText(b.title))).slice(0, MAX_SOURCE_OPTIONS);
  }
  if (!fuse) {
    const fields = (d: SourceDoc) => [d.title, d.authors, d.publisher, d.url];
    return sourceDocs(sources)
      .filter((d) => words.every((w) => fields(d).some((f) => f.includes(w))))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, MAX_SOURCE_OPTIONS)
      .flatMap((d) => byId.get(d.id) ?? []);
  }
  let scores: Map<string, number> | undefined;
  for (const word of words) {
    const next = new Map<string, number>();
    for (const hit of fuse.search(word)) {
      const before = scores ? scores.get(hit.item.id) : 0;
      if (before !== undefined) next.set(hit.item.id, before + (hit.score ?? 0));
    }
    scores = next;
  }
  return [...scores!]
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_SOURCE_OPTIONS)
    .flatMap(([id]) => byId.get(id) ?? []);
}
