/** Opening the database with errors a student can act on (blocked, quota, private mode ...). */
import Dexie from 'dexie';
import { WarrantDB } from './database.js';

/** Why the database could not be used, in words shown in the page. */
export class StorageError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Turns a Dexie/IndexedDB failure into a message that says what happened and what to do. */
export function explainStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Dexie.DexieError && error.inner instanceof Error ? error.inner.name : '';
  const kind = inner || name;
  if (kind === 'QuotaExceededError' || name === 'QuotaExceededError') {
    return 'The browser has no room left to store maps. Free some disk space or delete maps you no longer need, then reload.';
  }
  if (name === 'MissingAPIError' || kind === 'MissingAPIError') {
    return 'This browser does not allow the app to store data (IndexedDB is missing or turned off, which some private modes do). Open Warrant in a normal window.';
  }
  if (name === 'VersionError' || kind === 'VersionError') {
    return 'Your maps were saved by a newer version of Warrant than this one. Reload the page to get the newer version.';
  }
  if (name === 'BlockedError' || kind === 'BlockedError') {
    return 'Another tab with an older version of Warrant is keeping the database closed. Close the other Warrant tabs, then reload.';
  }
  if (
    name === 'InvalidStateError' ||
    kind === 'InvalidStateError' ||
    name === 'OpenFailedError' ||
    name === 'DatabaseClosedError'
  ) {
    return "The browser refused to open the app's storage (this happens in some private modes or when storage is disabled). Open Warrant in a normal window, or allow site data, then reload.";
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `The app's storage could not be used: ${detail}`;
}

/** Opens the database, or throws a StorageError whose message can be shown as it is. */
export async function openDatabase(name?: string): Promise<WarrantDB> {
  const db = new WarrantDB(name);
  try {
    await db.open();
  } catch (error) {
    throw new StorageError(explainStorageError(error), error);
  }
  // Dexie 4 opens a database whose stored version is higher than ours (a newer Warrant, or
  // another app on this origin) instead of failing; then a store we need may be missing and
  // every later read would fail obscurely. Check now and say what happened.
  const stores = db.backendDB().objectStoreNames;
  const missing = db.tables.map((t) => t.name).filter((n) => !stores.contains(n));
  if (missing.length) {
    db.close();
    throw new StorageError(
      `Your maps were saved by a newer version of Warrant than this one (the storage lacks: ${missing.join(', ')}). Reload the page to get the newer version.`,
    );
  }
  // Another tab upgrading the schema asks us to close; reloading picks up the new version.
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  return db;
}
