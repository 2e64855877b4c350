// Property tests of the class default on random trees (see src/evaluation/class-standing.ts for
// the properties it keeps and the ones it gives up).
import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  evaluateBase,
  localSplit,
  updateNode,
  type BaseScores,
  type Evaluation,
  type RatingInput,
} from '../../src/evaluation/index.js';
import type { Tree, TreeNode } from '../../src/model/tree.js';
import type { RatingValue } from '../../src/model/types.js';
import { pick, randomTree, seeded } from './helpers.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const TOL = 1e-12;

/** Random evidence and relevance ratings: many nodes unrated (whole subtrees stay uninformed). */
function ratingsFor(random: () => number, tree: Tree<TreeNode>): RatingInput[] {
  const out: RatingInput[] = [];
  for (const id of tree.byId.keys()) {
    const raters = random() < 0.55 ? 0 : 1 + pick(random, 3);
    for (let r = 0; r < raters; r++) {
      const rating: RatingInput = { nodeId: id, rater: `r${r}` };
      if (random() < 0.8) rating.value = pick(random, 5) as RatingValue;
      if (random() < 0.5) rating.relevance = pick(random, 5) as RatingValue;
      out.push(rating);
    }
  }
  return out;
}

function evalOf(tree: Tree<TreeNode>, ratings: RatingInput[]): { base: BaseScores; ev: Evaluation } {
  const base = computeBaseScores(ratings);
  return { base, ev: evaluateBase(tree, base, 'class') };
}

/** A non-thesis node whose parent is informed, with its parent's id. */
function someChild(random: () => number, tree: Tree<TreeNode>, ev: Evaluation): TreeNode {
  const nodes = [...tree.byId.values()].filter((n) => n.parentId !== null && ev.informedOf(n.parentId));
  return nodes[pick(random, nodes.length)]!;
}

describe('class default: properties on random trees', () => {
  it('keeps every standing in [0,1]; uninformed means nothing in the subtree is rated', () => {
    for (const seed of SEEDS) {
      const random = seeded(seed);
      const tree = randomTree(random, 300);
      const ratings = ratingsFor(random, tree);
      const { ev } = evalOf(tree, ratings);
      for (const s of ev.sigma) expect(s >= 0 && s <= 1).to.equal(true);
      // Leaves: informed exactly when rated.
      for (const [id] of tree.byId) {
        if (!tree.children.get(id)?.length) {
          expect(ev.informedOf(id)).to.equal(ratings.some((r) => r.nodeId === id && r.value !== undefined));
        }
      }
    }
  });

  it('raising evidence of a supporter never lowers its parent; of an objection never raises it', () => {
    for (const seed of SEEDS) {
      const random = seeded(100 + seed);
      const tree = randomTree(random, 200);
      const ratings = ratingsFor(random, tree);
      const { ev } = evalOf(tree, ratings);
      for (let t = 0; t < 30; t++) {
        const node = someChild(random, tree, ev);
        if (!ev.informedOf(node.id)) continue;
        // Raise its own evidence to 4 for one new rater r9 ... compare with r9 rating it 0.
        const low = evalOf(tree, [...ratings, { nodeId: node.id, rater: 'r9', value: 0 }]).ev;
        const high = evalOf(tree, [...ratings, { nodeId: node.id, rater: 'r9', value: 4 }]).ev;
        const before = low.sigmaOf(node.parentId!)!;
        const after = high.sigmaOf(node.parentId!)!;
        if (node.relation === 'supports') expect(after).to.be.at.least(before - TOL);
        else expect(after).to.be.at.most(before + TOL);
      }
    }
  });

  it('raising an objection’s relevance never raises its parent; a supporter’s never lowers it when it stands above the mean', () => {
    for (const seed of SEEDS) {
      const random = seeded(200 + seed);
      const tree = randomTree(random, 200);
      const ratings = ratingsFor(random, tree);
      const { ev } = evalOf(tree, ratings);
      for (let t = 0; t < 30; t++) {
        const node = someChild(random, tree, ev);
        if (!ev.informedOf(node.id)) continue;
        const p = node.parentId!;
        const a = cloneAt(ev, node.id, 0.5);
        const b = cloneAt(ev, node.id, 2);
        const pi = ev.index.indexOf.get(p)!;
        if (node.relation === 'opposes') expect(b.sigmaOf(p)!).to.be.at.most(a.sigmaOf(p)! + TOL);
        else if (ev.sigmaOf(node.id)! >= a.support[pi]!) expect(b.sigmaOf(p)!).to.be.at.least(a.sigmaOf(p)! - TOL);
      }
    }
  });

  it('an uninformed subtree changes nothing; adding a supporter as strong as the mean never lowers', () => {
    for (const seed of SEEDS) {
      const random = seeded(300 + seed);
      const tree = randomTree(random, 200);
      const ratings = ratingsFor(random, tree);
      const { ev } = evalOf(tree, ratings);
      for (const [id, node] of tree.byId) {
        if (node.parentId === null || ev.informedOf(id)) continue;
        // Relevance alone does not inform; the thesis equals the one with this subtree removed.
        const without = evaluateBase(prune(tree, id), computeBaseScores(ratings), 'class');
        expect(without.thesis).to.equal(ev.thesis);
        break;
      }
      // Supporter as strong as the informed parent's support mean: rate a new leaf so.
      const informed = [...tree.byId.keys()].filter((id) => ev.informedOf(id) && ev.node(id));
      const parent = informed[pick(random, informed.length)]!;
      const pi = ev.index.indexOf.get(parent)!;
      const mean = ev.support[pi]!;
      const withLeaf = addLeaf(tree, parent);
      const base = computeBaseScores(ratings);
      const ev2 = evaluateBase(
        withLeaf,
        {
          ...base,
          isRated: (x) => x === 'leaf' || base.isRated(x),
          tauOf: (x) => (x === 'leaf' ? mean : base.tauOf(x)),
        },
        'class',
      );
      expect(ev2.sigmaOf(parent)!).to.be.at.least(ev.sigmaOf(parent)! - TOL);
    }
  });

  it('incremental updates equal a full pass, bit for bit', () => {
    for (const seed of SEEDS) {
      const random = seeded(400 + seed);
      const tree = randomTree(random, 300);
      let ratings = ratingsFor(random, tree);
      const ev = evalOf(tree, ratings).ev;
      const ids = [...tree.byId.keys()];
      for (let t = 0; t < 40; t++) {
        const id = ids[pick(random, ids.length)]!;
        ratings = ratings.filter((r) => r.nodeId !== id);
        if (random() < 0.7) {
          const r: RatingInput = { nodeId: id, rater: 'r0' };
          if (random() < 0.7) r.value = pick(random, 5) as RatingValue;
          if (random() < 0.6) r.relevance = pick(random, 5) as RatingValue;
          ratings.push(r);
        }
        const base = computeBaseScores(ratings);
        updateNode(ev, id, { tau: base.tauOf(id), rated: base.isRated(id), weight: base.weightOf(id) });
        const full = evaluateBase(tree, base, 'class');
        expect([...ev.sigma]).to.deep.equal([...full.sigma]);
        expect([...ev.informed]).to.deep.equal([...full.informed]);
      }
    }
  });

  it('local split shares add up to the change and leave uninformed children at 0', () => {
    for (const seed of SEEDS) {
      const random = seeded(500 + seed);
      const tree = randomTree(random, 150);
      const { ev } = evalOf(tree, ratingsFor(random, tree));
      for (const [id] of tree.byId) {
        if (!tree.children.get(id)?.length) continue;
        const split = localSplit(ev, id);
        const sum = split.shares.reduce((a, s) => a + s.share, 0);
        expect(sum).to.be.closeTo(split.delta, 1e-9);
        for (const s of split.shares) if (!ev.informedOf(s.childId)) expect(s.share).to.equal(0);
      }
    }
  });
});

function cloneAt(ev: Evaluation, nodeId: string, weight: number): Evaluation {
  const copy = evaluateBase(
    ev.index,
    {
      tauOf: (id) => ev.tauOf(id)!,
      isRated: (id) => ev.rated[ev.index.indexOf.get(id)!] === 1,
      weightOf: (id) => (id === nodeId ? weight : ev.weight[ev.index.indexOf.get(id)!]!),
    },
    'class',
  );
  return copy;
}

function prune(tree: Tree<TreeNode>, cut: string): Tree<TreeNode> {
  const byId = new Map<string, TreeNode>();
  const children = new Map<string, TreeNode[]>();
  const visit = (n: TreeNode): void => {
    byId.set(n.id, n);
    const kids = (tree.children.get(n.id) ?? []).filter((k) => k.id !== cut);
    children.set(n.id, kids);
    kids.forEach(visit);
  };
  visit(tree.root);
  return { root: tree.root, byId, children };
}

function addLeaf(tree: Tree<TreeNode>, parent: string): Tree<TreeNode> {
  const leaf: TreeNode = { id: 'leaf', parentId: parent, relation: 'supports', order: 'zzzz' };
  const byId = new Map(tree.byId);
  byId.set('leaf', leaf);
  const children = new Map(tree.children);
  children.set(parent, [...(tree.children.get(parent) ?? []), leaf]);
  return { root: tree.root, byId, children };
}
