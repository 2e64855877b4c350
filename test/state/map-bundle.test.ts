// The view's own writes are shown through patches of its copy of the map; however they are
// merged before the next derive, the result must be what a full derive of the same rows gives,
// rating lists in the same order included.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/evaluation/index.js';
import type { Rating } from '../../src/model/types.js';
import { derive } from '../../src/state/derive.js';
import { MapBundleController } from '../../src/state/map-bundle.js';
import { randomMap } from '../formats/helpers.js';

/** A host with no services: the controller never reads the database here, only patches. */
function host(): ReactiveControllerHost & { mapId: string } {
  return {
    mapId: 'm',
    addController: (_: ReactiveController) => {},
    removeController: (_: ReactiveController) => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

const listed = (ratings: ReadonlyMap<string, Rating[]>, nodeId: string) =>
  (ratings.get(nodeId) ?? []).map((r) => `${r.id}=${r.value}`);

describe('MapBundleController patches', () => {
  const opts = { settings: DEFAULT_EVALUATION_SETTINGS };

  it('a rating cleared and written again under its id before a render lists as a full derive does', () => {
    const bundle = randomMap(5, { nodes: 60 });
    const byNode = new Map<string, Rating[]>();
    for (const r of bundle.ratings) byNode.set(r.nodeId, [...(byNode.get(r.nodeId) ?? []), r]);
    const [nodeId, ratings] = [...byNode].find(([, list]) => list.length >= 2)!;
    const first = ratings[0]!;
    const c = new MapBundleController(host());
    c.bundle = bundle;
    c.derive(opts);
    c.applyLocal('ratings', [], (r) => r.id === first.id);
    c.applyLocal('ratings', [{ ...first, value: first.value === 4 ? 0 : 4 }]);
    c.derive(opts);
    const full = derive({ bundle: c.bundle!, ...opts });
    // The row went last in the map's rows; the node's list must say so too.
    expect(listed(c.derived!.ratingsByNode, nodeId)).to.deep.equal(listed(full.ratingsByNode, nodeId));
    expect(listed(full.ratingsByNode, nodeId).at(-1)).to.match(new RegExp(`^${first.id}=`));
    expect(c.derived!.evaluation.thesis).to.equal(full.evaluation.thesis);
  });

  it('two ratings before a render are merged incrementally and equal a full derive', () => {
    const bundle = randomMap(6, { nodes: 60 });
    const c = new MapBundleController(host());
    c.bundle = bundle;
    c.derive(opts);
    const [a, b] = bundle.ratings.filter((r) => r.value !== undefined);
    c.applyLocal('ratings', [{ ...a!, value: a!.value === 4 ? 0 : 4 }]);
    c.applyLocal('ratings', [{ ...b!, value: b!.value === 4 ? 0 : 4 }]);
    c.derive(opts);
    expect(c.derived!.how).to.equal('incremental');
    const full = derive({ bundle: c.bundle!, ...opts });
    expect(Array.from(c.derived!.evaluation.sigma)).to.deep.equal(Array.from(full.evaluation.sigma));
    for (const id of [a!.nodeId, b!.nodeId]) {
      expect(listed(c.derived!.ratingsByNode, id)).to.deep.equal(listed(full.ratingsByNode, id));
    }
  });
});
