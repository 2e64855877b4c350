// deriveNext must give exactly what a full derive gives, whatever changed; and it must really be
// incremental for the changes it claims to handle (text edits, ratings, citations).
import { expect } from '@open-wc/testing';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from '../../src/evaluation/index.js';
import { childrenOf } from '../../src/model/tree.js';
import type { ArgNode, Citation, MapBundle, Rating, RatingValue } from '../../src/model/types.js';
import { derive, deriveNext, type Derived, type RowChanges } from '../../src/state/derive.js';
import { prng, randomMap } from '../formats/helpers.js';

type Table = 'nodes' | 'sources' | 'citations' | 'ratings';

/** A bundle after some writes, the way patchBundle builds it: changed rows in place, new ones last. */
function patch(
  bundle: MapBundle,
  writes: Partial<Record<Table, Array<{ id: string; row?: object }>>>,
): { next: MapBundle; changes: RowChanges } {
  const next: MapBundle = { ...bundle, map: { ...bundle.map, updatedAt: 'later' } };
  const changes = new Map<Table, Map<string, object | undefined>>();
  for (const [table, list] of Object.entries(writes) as Array<[Table, Array<{ id: string; row?: object }>]>) {
    const byId = new Map(list.map((w) => [w.id, w.row]));
    const out: object[] = [];
    for (const r of bundle[table] as Array<{ id: string }>) {
      if (!byId.has(r.id)) out.push(r);
      else {
        const row = byId.get(r.id);
        if (row) out.push(row);
        byId.delete(r.id);
      }
    }
    for (const row of byId.values()) if (row) out.push(row);
    (next as unknown as Record<Table, unknown[]>)[table] = out;
    changes.set(table, new Map(list.map((w) => [w.id, w.row])));
  }
  return { next, changes: changes as RowChanges };
}

/** Everything a Derived shows, as plain values, to compare two results exactly. */
function snapshot(d: Derived) {
  const ids = [...d.tree.byId.keys()].sort();
  return {
    nodes: ids.map((id) => d.tree.byId.get(id)),
    children: ids.map((id) => childrenOf(d.tree, id).map((n) => n.id)),
    root: d.tree.root,
    rated: [...d.base.rated.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    raters: d.raters,
    ids: d.evaluation.index.ids,
    tau: Array.from(d.evaluation.tau),
    sigma: Array.from(d.evaluation.sigma),
    informed: Array.from(d.evaluation.informed),
    range: d.range,
    citations: ids.map((id) => (d.citationsByNode.get(id) ?? []).map((c) => c.id)),
    ratings: ids.map((id) => (d.ratingsByNode.get(id) ?? []).map((r) => `${r.id}=${r.value}`)),
    meta: ids.map((id) => d.metaOf(id)),
  };
}

const SETTINGS: EvaluationSettings[] = [
  DEFAULT_EVALUATION_SETTINGS,
  { ...DEFAULT_EVALUATION_SETTINGS, semantics: 'qe' },
  { ...DEFAULT_EVALUATION_SETTINGS, semantics: 'dfquad', mapping: 'avoid-extremes' },
];

describe('deriveNext (incremental) equals derive (full)', () => {
  for (const settings of SETTINGS) {
    it(`over 60 random edits of random maps (${settings.semantics}, ${settings.mapping})`, () => {
      for (const seed of [1, 2, 3]) {
        const rand = prng(100 + seed);
        let bundle = randomMap(seed, { nodes: 150 });
        for (const perspective of [undefined, 'ana']) {
          let prev = derive({ bundle, settings, perspective });
          const hows = new Set<string>();
          for (let step = 0; step < 20; step++) {
            const { next, changes } = randomWrite(bundle, rand, step);
            const input = { bundle: next, settings, perspective };
            const incremental = deriveNext(prev, input, changes);
            hows.add(incremental.how);
            expect(snapshot(incremental), `seed ${seed} step ${step}`).to.deep.equal(snapshot(derive(input)));
            prev = incremental;
            bundle = next;
          }
          expect([...hows]).to.include('incremental');
        }
      }
    });
  }

  it('keeps the tree and evaluation index for a text edit, and the evaluation itself', () => {
    const bundle = randomMap(7, { nodes: 80 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const { evaluation, base, range } = prev;
    const index = evaluation.index;
    const target = bundle.nodes[5]!;
    const { next, changes } = patch(bundle, { nodes: [{ id: target.id, row: { ...target, text: 'New words' } }] });
    const d = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(d.how).to.equal('incremental');
    expect(d.tree.byId.get(target.id)!.text).to.equal('New words');
    expect(childrenOf(d.tree, target.parentId!).find((n) => n.id === target.id)!.text).to.equal('New words');
    expect(d.evaluation).to.equal(evaluation);
    expect(d.base).to.equal(base);
    expect(d.range).to.deep.equal(range);
    expect(d.evaluation.index).to.equal(index);
  });

  it('updates standings along the path for one rating, sharing the index', () => {
    const bundle = randomMap(8, { nodes: 80 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const leaf = bundle.nodes.find((n) => n.parentId !== null && !bundle.nodes.some((k) => k.parentId === n.id))!;
    const rating: Rating = {
      id: 'new-rating',
      mapId: bundle.map.id,
      nodeId: leaf.id,
      rater: 'zed',
      value: 4,
      createdAt: 'now',
      updatedAt: 'now',
    };
    const before = prev.evaluation;
    const { next, changes } = patch(bundle, { ratings: [{ id: rating.id, row: rating }] });
    const d = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(d.how).to.equal('incremental');
    expect(d.evaluation).not.to.equal(before);
    expect(d.evaluation.index).to.equal(before.index);
    expect(d.raters).to.include('zed');
    // The previous evaluation is left as it was (the clone took the update).
    expect(Array.from(before.sigma)).to.deep.equal(
      Array.from(derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS }).evaluation.sigma),
    );
  });

  it("rescores a re-rated node without reading the map's other ratings", () => {
    const bundle = randomMap(8, { nodes: 80 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const existing = bundle.ratings.find((r) => r.value !== undefined)!;
    const row: Rating = { ...existing, value: existing.value === 4 ? 0 : 4 };
    const { next, changes } = patch(bundle, { ratings: [{ id: existing.id, row }] });
    let reads = 0;
    for (const list of [prev.bundle.ratings, next.ratings]) {
      const iterate = list[Symbol.iterator].bind(list);
      Object.defineProperty(list, Symbol.iterator, { value: () => (reads++, iterate()) });
    }
    const d = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(reads).to.equal(0);
    expect(d.how).to.equal('incremental');
    expect(d.ratingsByNode.get(existing.nodeId)!.find((r) => r.id === existing.id)).to.equal(row);
    expect(snapshot(d)).to.deep.equal(snapshot(derive({ bundle: next, settings: DEFAULT_EVALUATION_SETTINGS })));
  });

  it('derives from scratch when a written rating names another node than before', () => {
    const bundle = randomMap(8, { nodes: 80 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const existing = bundle.ratings[0]!;
    const other = bundle.nodes.find((n) => n.id !== existing.nodeId && n.parentId !== null)!;
    const { next, changes } = patch(bundle, { ratings: [{ id: existing.id, row: { ...existing, nodeId: other.id } }] });
    const d = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(d.how).to.equal('full');
    expect(d.ratingsByNode.get(other.id)!.map((r) => r.id)).to.include(existing.id);
    expect(snapshot(d)).to.deep.equal(snapshot(derive({ bundle: next, settings: DEFAULT_EVALUATION_SETTINGS })));
  });

  it('derives from scratch when a node moves, and when the settings change', () => {
    const bundle = randomMap(9, { nodes: 60 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const mover = bundle.nodes.find((n) => n.parentId !== null && n.parentId !== bundle.map.rootId)!;
    const { next, changes } = patch(bundle, {
      nodes: [{ id: mover.id, row: { ...mover, parentId: bundle.map.rootId } }],
    });
    const moved = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(moved.how).to.equal('full');
    expect(moved.tree.byId.get(mover.id)!.parentId).to.equal(bundle.map.rootId);
    const other = deriveNext(
      moved,
      { bundle: next, settings: { ...DEFAULT_EVALUATION_SETTINGS, semantics: 'dfquad' } },
      new Map(),
    );
    expect(other.how).to.equal('full');
    expect(other.evaluation.semantics).to.equal('dfquad');
  });

  it('keeps every derived object when only a source changed', () => {
    const bundle = randomMap(3, { nodes: 40 });
    const prev = derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS });
    const source = {
      id: 'src-new',
      mapId: bundle.map.id,
      title: 'T',
      type: 'web' as const,
      createdAt: 'a',
      updatedAt: 'a',
    };
    const { next, changes } = patch(bundle, { sources: [{ id: source.id, row: source }] });
    const d = deriveNext(prev, { bundle: next, settings: DEFAULT_EVALUATION_SETTINGS }, changes);
    expect(d.bundle).to.equal(next);
    expect(d.tree).to.equal(prev.tree);
    expect(d.metaOf).to.equal(prev.metaOf);
  });
});

/** One random write of the kinds the app makes, sometimes several rows at once. */
function randomWrite(bundle: MapBundle, rand: () => number, step: number): { next: MapBundle; changes: RowChanges } {
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const nodes = bundle.nodes;
  const nonRoot = nodes.filter((n) => n.parentId !== null);
  const r = rand();
  const stamp = `t${step}`;
  if (r < 0.25) {
    // Text edits of one to three nodes (the thesis included now and then).
    const edits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pickOf(nodes));
    return patch(bundle, {
      nodes: edits.map((n) => ({ id: n.id, row: { ...n, text: `${n.text} ${stamp}`, updatedAt: stamp } as ArgNode })),
    });
  }
  if (r < 0.55) {
    // Rate, re-rate or unrate: one node, or many (as an import of ratings would).
    const many = rand() < 0.15 ? 40 : 1;
    const writes: Array<{ id: string; row?: Rating }> = [];
    for (let i = 0; i < many; i++) {
      const existing = bundle.ratings.length && rand() < 0.5 ? pickOf(bundle.ratings) : undefined;
      if (existing && rand() < 0.4) writes.push({ id: existing.id });
      else if (existing)
        writes.push({ id: existing.id, row: { ...existing, value: Math.floor(rand() * 5) as RatingValue } });
      else {
        const node = pickOf(nodes);
        const id = `r-${step}-${i}`;
        writes.push({
          id,
          row: {
            id,
            mapId: bundle.map.id,
            nodeId: node.id,
            rater: pickOf(['ana', 'ben', `new-${step}`]),
            value: Math.floor(rand() * 5) as RatingValue,
            createdAt: stamp,
            updatedAt: stamp,
          },
        });
      }
    }
    return patch(bundle, { ratings: dedupe(writes) });
  }
  if (r < 0.75) {
    // Cite or uncite.
    const existing = bundle.citations.length && rand() < 0.5 ? pickOf(bundle.citations) : undefined;
    if (existing) return patch(bundle, { citations: [{ id: existing.id }] });
    const node = pickOf(nodes);
    const c: Citation = { id: `c-${step}`, mapId: bundle.map.id, nodeId: node.id, sourceId: 's0', createdAt: stamp };
    return patch(bundle, { citations: [{ id: c.id, row: c }] });
  }
  if (r < 0.85) {
    // A move: the node goes under the thesis (never creates a cycle).
    const n = pickOf(nonRoot);
    return patch(bundle, { nodes: [{ id: n.id, row: { ...n, parentId: bundle.map.rootId, order: `z${step}` } }] });
  }
  if (r < 0.93) {
    // A new leaf.
    const parent = pickOf(nodes);
    const n: ArgNode = {
      ...parent,
      id: `new-${step}`,
      parentId: parent.id,
      relation: 'opposes',
      order: 'm',
      text: 'New',
    };
    return patch(bundle, { nodes: [{ id: n.id, row: n }] });
  }
  // A row of another map was written (the view's log holds every key this tab wrote).
  return patch(bundle, { nodes: [{ id: `elsewhere-${step}` }] });
}

function dedupe<T extends { id: string }>(writes: T[]): T[] {
  const seen = new Map<string, T>();
  for (const w of writes) seen.set(w.id, w);
  return [...seen.values()];
}
