import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface OfflineResult {
  title: string;
  controlled: boolean;
  errors: string[];
  precachedFetch: string;
  offerText: string;
  updatedScript: string | null;
  install: { manifestUrl: string; manifestErrors: string[]; name: string | null; blockers: string[] };
}

// The built app in its own browser (scripts/offline-check.mjs): a service worker is the only way
// a reload with no network can open it, so this fails if the worker is missing or misses a file.
describe('offline: the built app', function () {
  this.timeout(240_000);

  it('reopens with the essay map after a reload with the network cut, then offers and applies a new version', async () => {
    const result = await executeServerCommand<OfflineResult, undefined>('offline-check');
    expect(result.errors).to.deep.equal([]);
    expect(result.controlled, 'a service worker controls the reloaded page').to.equal(true);
    expect(result.title).to.contain('Thesis');
    expect(result.precachedFetch, 'the essay map is answered from the precache').to.equal('served');
    expect(result.offerText).to.contain('A new version of Warrant is ready');
    expect(result.updatedScript).to.match(/\/sw\.js$/);
    // A school can install it: the manifest reads cleanly and nothing but the test's private window stands in the way.
    expect(result.install.manifestUrl).to.match(/\/manifest\.webmanifest$/);
    expect(result.install.manifestErrors).to.deep.equal([]);
    expect(result.install.name).to.equal('Warrant');
    expect(result.install.blockers).to.deep.equal([]);
  });
});
