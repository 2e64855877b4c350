// A small map about NATO enlargement, the end of the Cold War and Kosovo, for the search tests.
import type { ArgNode, Citation, MapBundle, Rating, Source } from '../../src/model/types.js';
import { argNode, prng } from '../helpers/fixtures.js';

/** The shared seeded PRNG, under the name these tests have always used. */
export { prng };

const T0 = '2025-01-10T09:00:00.000Z';

export function node(
  id: string,
  parentId: string | null,
  relation: 'supports' | 'opposes' | null,
  order: string,
  text: string,
  extra: Partial<ArgNode> = {},
): ArgNode {
  return argNode(id, parentId, relation, order, text, { createdAt: T0, updatedAt: T0, ...extra });
}

export function source(id: string, title: string, authors?: string): Source {
  return { id, mapId: 'm', title, ...(authors ? { authors } : {}), type: 'scholarly', createdAt: T0, updatedAt: T0 };
}

export function citation(id: string, nodeId: string, sourceId: string, pinpoint?: string, createdAt = T0): Citation {
  return { id, mapId: 'm', nodeId, sourceId, ...(pinpoint ? { pinpoint } : {}), createdAt };
}

export function rating(id: string, nodeId: string, rater: string, value: 0 | 1 | 2 | 3 | 4): Rating {
  return { id, mapId: 'm', nodeId, rater, value, createdAt: T0, updatedAt: T0 };
}

// T   thesis
// ├ c1   claim          (essay) Western leaders assured Gorbachev ...
// │ ├ p1   premise      (essay) cites s1 twice
// │ ├ q1   premise      (essay) a quote, short
// │ └ cp1  counterpoint (added) cites s2
// │   └ r1 rebuttal     (added)
// ├ c2   claim          (essay) Kosovo bombing ...
// │ ├ p2   premise      (essay)
// │ └ cp2  counterpoint (added) Priština; cites s3
// └ c3   counterpoint   (added) no source, unrated
export function coldWarMap(): MapBundle {
  const nodes: ArgNode[] = [
    node('T', null, null, 'V', "NATO's eastward expansion after the Cold War was a strategic mistake."),
    node(
      'c1',
      'T',
      'supports',
      'G',
      'Western leaders assured Gorbachev in 1990 that NATO would not move one inch eastward.',
      {
        quote: { text: 'Baker told Gorbachev that NATO would not shift one inch eastward.', paragraph: 3 },
        notes: 'The assurance was never written into the Two Plus Four treaty.',
        updatedAt: '2025-03-02T10:00:00.000Z',
      },
    ),
    node('p1', 'c1', 'supports', 'V', 'Declassified memoranda of the Baker–Gorbachev meeting record the assurance.'),
    node('q1', 'c1', 'supports', 'Z', '“Not an inch eastward,” Baker said.', { updatedAt: '2025-02-23T23:59:59.999Z' }),
    node('cp1', 'c1', 'opposes', 'k', 'Gorbachev later denied any promise.', {
      origin: 'added',
      notes: 'The phrase "not an inch eastward" appears only in Baker\'s notes.',
      updatedAt: '2025-02-24T08:30:00.000Z',
    }),
    node(
      'r1',
      'cp1',
      'opposes',
      'V',
      'His 2014 interview contradicts what he said about the Two Plus Four talks in 1990.',
      {
        origin: 'added',
        updatedAt: '2025-02-24T00:00:00.000Z',
      },
    ),
    node(
      'c2',
      'T',
      'supports',
      'V',
      'The 1999 bombing of Serbia over **Kosovo** convinced Moscow that NATO was an offensive alliance.',
    ),
    node('p2', 'c2', 'supports', 'V', 'Russia condemned the air campaign as a breach of the UN Charter.', {
      quote: { text: 'Moscow called the strikes an act of aggression against a sovereign state.', paragraph: 7 },
    }),
    node(
      'cp2',
      'c2',
      'opposes',
      'k',
      'The intervention ended ethnic cleansing in Kosovo and let refugees return to Priština.',
      {
        origin: 'added',
        updatedAt: '2025-04-01T12:00:00.000Z',
      },
    ),
    node('c3', 'T', 'opposes', 'k', 'Enlargement anchored Poland, Hungary and the Czech Republic as democracies.', {
      origin: 'added',
    }),
  ];
  const sources: Source[] = [
    source('s1', 'NATO Expansion: What Gorbachev Heard', 'Svetlana Savranskaya; Tom Blanton'),
    source('s2', 'Mikhail Gorbachev: I am against all walls', 'Maxim Korshunov'),
    source('s3', 'The Kosovo Report', 'Independent International Commission on Kosovo'),
  ];
  const citations: Citation[] = [
    citation('ci1', 'p1', 's1', 'Document 6: "not one inch eastward"'),
    citation('ci2', 'p1', 's1', 'Document 8, memorandum of conversation', '2025-01-11T09:00:00.000Z'),
    citation('ci3', 'cp1', 's2'),
    citation('ci4', 'cp2', 's3', 'p. 214, on the return of 850,000 refugees'),
  ];
  const ratings: Rating[] = [
    rating('ra1', 'p1', 'Ana', 3),
    rating('ra2', 'p1', 'Ben', 2),
    rating('ra3', 'c2', 'Ben', 2),
    rating('ra4', 'cp2', 'Ana', 1),
  ];
  return {
    map: { id: 'm', title: 'NATO enlargement', rootId: 'T', createdAt: T0, updatedAt: T0, formatVersion: 1 },
    nodes,
    sources,
    citations,
    ratings,
  };
}

const WORDS = (
  'the of and to in that was for on as with by at from it not but an be this which or had were their ' +
  'nato soviet union gorbachev reagan bush kosovo priština pristina serbia belgrade milošević expansion ' +
  'alliance treaty warsaw pact berlin wall cold war missile europe security guarantee promise assurance ' +
  'baker kohl yeltsin russia ukraine crimea intervention bombing campaign humanitarian sovereignty council ' +
  'resolution veto enlargement poland hungary czech baltic democracy summit reunification germany moscow ' +
  'washington diplomacy historian archive memorandum evidence essay scholars dispute refugees rambouillet ' +
  'helsinki détente perestroika glasnost eastward inch enlargement’s **nato** “one” —'
).split(' ');

/** A sentence of `min`-`max` words drawn from the topic vocabulary. */
export function sentence(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = WORDS[Math.floor(rand() * WORDS.length)]!;
    words.push(rand() < 0.15 ? w[0]!.toUpperCase() + w.slice(1) : w);
  }
  return words.join(rand() < 0.05 ? '  ' : ' ');
}

/**
 * Fewest edits that make `pattern` appear somewhere in `text`: the textbook dynamic programme,
 * an oracle independent of both Bitap implementations.
 */
export function fewestEdits(pattern: string, text: string): number {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = prev[pattern.length]!;
  for (const c of text) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      next.push(Math.min(prev[i]! + 1, next[i - 1]! + 1, prev[i - 1]! + (pattern[i - 1] === c ? 0 : 1)));
    }
    best = Math.min(best, next[pattern.length]!);
    prev = next;
  }
  return best;
}
