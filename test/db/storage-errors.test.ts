// The storage error messages a student sees when the browser's storage fails: each kind of
// failure says what happened and what to do, named through Dexie's wrapping too.
import { expect } from '@open-wc/testing';
import Dexie from 'dexie';
import { explainStorageError } from '../../src/db/open.js';

const named = (name: string, message = 'x'): Error => Object.assign(new Error(message), { name });

describe('db/open: storage error messages', () => {
  it('says what to do for a full disk, also when Dexie wraps the error', () => {
    const full =
      'The browser has no room left to store maps. Free some disk space or delete maps you no longer need, then reload.';
    expect(explainStorageError(named('QuotaExceededError'))).to.equal(full);
    expect(explainStorageError(new Dexie.AbortError('aborted', named('QuotaExceededError')))).to.equal(full);
  });

  it('names private modes, newer versions, blocking tabs and refused storage', () => {
    expect(explainStorageError(new Dexie.MissingAPIError())).to.match(
      /^This browser does not allow the app to store data/,
    );
    expect(explainStorageError(named('VersionError'))).to.match(/saved by a newer version of Warrant/);
    expect(explainStorageError(named('BlockedError'))).to.match(/^Another tab with an older version of Warrant/);
    for (const e of [named('InvalidStateError'), new Dexie.OpenFailedError('no'), new Dexie.DatabaseClosedError()]) {
      expect(explainStorageError(e), e.name).to.match(/^The browser refused to open the app's storage/);
    }
  });

  it('passes anything else on with its own message', () => {
    expect(explainStorageError(named('WeirdError', 'the disk is on fire'))).to.equal(
      "The app's storage could not be used: the disk is on fire",
    );
    expect(explainStorageError('plain text')).to.equal("The app's storage could not be used: plain text");
  });
});
