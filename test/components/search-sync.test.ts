// The search index follows edits that touch many nodes at once: a deleted branch leaves the
// results whole (every node of it, not just the one deleted), and undo brings them all back.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { loadBundle } from '../../src/db/maps-repo.js';
import { buildTree } from '../../src/model/tree.js';
import { cleanupApps, deepQuery, mountApp } from '../helpers/app.js';

const search = (view: WarrantMapView) => deepQuery(view.shadowRoot!, 'warrant-search')!.shadowRoot!;
const status = (view: WarrantMapView) => search(view).querySelector('[role=status]')!.textContent ?? '';
const hits = (view: WarrantMapView) =>
  [...search(view).querySelectorAll('[role=option]')].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());

describe('search index sync after a multi-node change', () => {
  afterEach(cleanupApps);

  it('drops every node of a deleted branch from the results, and undo brings them all back', async () => {
    const { view } = await mountApp();
    search(view).querySelector<HTMLInputElement>('input[type=search]')!.focus();
    await sendKeys({ type: 'bullying' });
    // "bullying" is in a, in a2 under it, and in a2r under a2: the whole branch of a.
    await waitUntil(() => status(view) === '3 results.', `no results yet (${status(view)})`);
    const before = hits(view);
    const db = view.services!.db;
    const tree = buildTree((await loadBundle(db, 'small'))!.nodes);
    const editor = view.editor!;
    expect((await editor.deleteWithSubtree(tree, 'a')).ok).to.equal(true);
    await waitUntil(
      () => hits(view).length === 0,
      `results kept nodes of the deleted branch: ${hits(view).join(' | ')}`,
    );
    expect(status(view)).to.not.equal('3 results.');
    await editor.undo.undo();
    await waitUntil(() => status(view) === '3 results.', `undo did not bring the results back (${status(view)})`);
    expect(hits(view)).to.deep.equal(before);
  });
});
