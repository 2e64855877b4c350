import { expect } from '@open-wc/testing';
import { WarrantDB } from '../../src/db/database.js';
import { deleteMap } from '../../src/db/maps-repo.js';
import { seedOnce } from '../../src/db/seed.js';
import { fetchSample, replaceSample, SampleError } from '../../src/state/sample.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

describe('loading the sample map once', () => {
  afterEach(deleteTestDbs);

  it('loads on first run and never again, even after the map was deleted', async () => {
    const db = freshDb();
    let fetches = 0;
    const load = () => (fetches++, fixtureBundles());
    expect(await seedOnce(db, load)).to.equal('loaded');
    expect(await db.nodes.count()).to.equal(7);
    expect(await seedOnce(db, load)).to.equal('already');
    expect(fetches).to.equal(1);
    await deleteMap(db, 'small');
    expect(await seedOnce(db, load)).to.equal('already');
    expect(await db.maps.count()).to.equal(0);
  });

  it('loads exactly once when two tabs open at the same moment', async () => {
    const first = freshDb();
    // A second connection to the same database stands in for a second tab.
    const second = new WarrantDB(first.name);
    const results = await Promise.all([
      seedOnce(first, () => fixtureBundles()),
      seedOnce(second, () => fixtureBundles()),
    ]);
    second.close();
    expect([...results].sort()).to.deep.equal(['already', 'loaded']);
    expect(await first.maps.count()).to.equal(1);
    expect(await first.nodes.count()).to.equal(7);
  });

  it('writes nothing when the sample file is damaged, and says where', async () => {
    const db = freshDb();
    let message = '';
    try {
      await seedOnce(db, () => fetchSample(location.origin + '/', 'test/fixtures/damaged-map.json'));
    } catch (e) {
      expect(e).to.be.instanceOf(SampleError);
      message = (e as Error).message;
    }
    expect(message).to.contain('test/fixtures/damaged-map.json is damaged');
    expect(message).to.contain('nodes[1] (id "a").text: must not be empty');
    expect(message).to.contain('nodes[2] (id "b"): parent "ghost" does not exist');
    expect(await db.maps.count()).to.equal(0);
    expect(await db.settings.count()).to.equal(0);
  });

  it('says so clearly when the sample file is missing', async () => {
    let message = '';
    try {
      await fetchSample(location.origin + '/', 'test/fixtures/no-such-file.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).to.equal('test/fixtures/no-such-file.json could not be loaded (HTTP 404).');
  });

  it('restores the sample map as shipped, replacing an edited copy', async () => {
    const db = freshDb();
    await seedOnce(db, () => fixtureBundles());
    await db.nodes.update('a', { text: 'Changed by a student' });
    await db.nodes.delete('b');
    const { id, replaced } = await replaceSample(db, () => fixtureBundles());
    expect(id).to.equal('small');
    // The edited copy comes back to the caller, for Undo.
    expect(replaced!.nodes.find((n) => n.id === 'a')!.text).to.equal('Changed by a student');
    expect(replaced!.nodes).to.have.length(6);
    expect((await db.nodes.get('a'))!.text).to.equal('Uniforms reduce bullying about clothes.');
    expect(await db.nodes.count()).to.equal(7);
  });
});
