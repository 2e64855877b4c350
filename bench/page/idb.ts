/**
 * Native IndexedDB for the baselines (the floor under Dexie and the app), and the commit log: every
 * read-write transaction the page starts (the app's through Dexie included) reports when it
 * committed, so a case can time an edit to its committed write, not only to its paint.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function openNative(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** One committed read-write transaction: its stores and when the page learned of the commit. */
export interface Commit {
  stores: string[];
  at: number;
}

const commits: Commit[] = [];

/**
 * Wraps IDBDatabase.prototype.transaction once, before the app opens its database: a listener on
 * each read-write transaction's `complete` event (fired once the transaction is committed) logs it.
 * Listening adds nothing the app would not do itself; `complete` is IndexedDB's own commit signal.
 */
export function installCommitLog(): void {
  const proto = IDBDatabase.prototype as IDBDatabase & { __benchWrapped?: boolean };
  if (proto.__benchWrapped) return;
  proto.__benchWrapped = true;
  const original = proto.transaction;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    if (tx.mode !== 'readonly') {
      const stores = [...tx.objectStoreNames];
      tx.addEventListener('complete', () => commits.push({ stores, at: performance.now() }));
    }
    return tx;
  } as IDBDatabase['transaction'];
}

/** How many commits the log holds (a mark to wait from). */
export function commitMark(): number {
  return commits.length;
}

/** The first commit after `mark` (and at or after `since`) that wrote `store`, waiting up to `timeoutMs`. */
export async function commitAfter(mark: number, store: string, since: number, timeoutMs: number): Promise<Commit> {
  const start = performance.now();
  for (;;) {
    for (let i = mark; i < commits.length; i++) {
      const c = commits[i]!;
      if (c.at >= since && c.stores.includes(store)) return c;
    }
    if (performance.now() - start > timeoutMs) throw new Error(`no committed write to ${store} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const MAP_STORES = ['nodes', 'sources', 'citations', 'ratings'] as const;

/** What the raw read of a map found. */
export interface RawRead {
  ms: number;
  /** The part of `ms` spent in indexedDB.open(). */
  openMs: number;
  rows: number[];
}

/**
 * The floor of opening a map: open the database and read the map's record and all its rows
 * through the mapId indexes with getAll(), native API, one read-only transaction.
 */
export async function rawRead(dbName: string, mapId: string): Promise<RawRead> {
  const t0 = performance.now();
  const db = await openNative(dbName);
  const openMs = performance.now() - t0;
  const tx = db.transaction(['maps', ...MAP_STORES], 'readonly');
  const map = request(tx.objectStore('maps').get(mapId));
  const lists = MAP_STORES.map((s) => request<unknown[]>(tx.objectStore(s).index('mapId').getAll(mapId)));
  const [m, ...rows] = await Promise.all([map, ...lists]);
  await done(tx);
  const ms = performance.now() - t0;
  db.close();
  if (!m) throw new Error(`map ${mapId} is not in ${dbName}`);
  return { ms, openMs, rows: rows.map((r) => r.length) };
}

/** A native put() of `record` into `store` of `dbName`, timed to its transaction's completion. */
export async function rawPut(dbName: string, store: string, record: unknown): Promise<number> {
  const db = await openNative(dbName);
  try {
    const tx = db.transaction(store, 'readwrite');
    const t0 = performance.now();
    tx.objectStore(store).put(record);
    await done(tx);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** One record by key, read natively (to check what a commit wrote). */
export async function rawGet<T>(dbName: string, store: string, key: string): Promise<T | undefined> {
  const db = await openNative(dbName);
  try {
    return await request<T | undefined>(db.transaction(store, 'readonly').objectStore(store).get(key));
  } finally {
    db.close();
  }
}
