import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface TreeState {
  scrollTop: number;
  selectedId: string | null;
}
interface ReloadResult {
  errors: string[];
  before: TreeState;
  afterSource: TreeState & { title: string; publisher: string };
  afterNode: { editorText: string };
}

// Issue 21, nothing lost: a real reload of the built app (scripts/reload-check.mjs drives it in a
// browser of its own), not a remount: the page goes away and a new one starts from storage.
describe('a reload brings back what was on screen', function () {
  this.timeout(240_000);

  it('keeps the selected node, the tree’s scroll position, a half-typed source and a half-typed new node', async () => {
    const r = await executeServerCommand<ReloadResult, undefined>('reload-check');
    expect(r.errors).to.deep.equal([]);
    expect(r.before.scrollTop, 'the tree was scrolled').to.be.above(1000);
    expect(r.before.selectedId).to.be.a('string');
    expect(r.afterSource.selectedId, 'selected node').to.equal(r.before.selectedId);
    expect(r.afterSource.scrollTop, 'scroll position').to.equal(r.before.scrollTop);
    expect(r.afterSource.title).to.equal('Half-typed source title');
    expect(r.afterSource.publisher).to.equal('A publisher');
    expect(r.afterNode.editorText).to.equal('Half a new point');
  });
});
