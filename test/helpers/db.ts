/** Each DB test gets a fresh, uniquely named database, deleted afterwards. */
import { WarrantDB } from '../../src/db/database.js';
import { importJson } from '../../src/formats/json.js';
import type { MapBundle } from '../../src/model/types.js';

const open: WarrantDB[] = [];
let counter = 0;

/** A new empty database with a name no other test uses. */
export function freshDb(
  name = `warrant-test-${Date.now()}-${counter++}-${Math.random().toString(36).slice(2)}`,
): WarrantDB {
  const db = new WarrantDB(name);
  open.push(db);
  return db;
}

/** Deletes every database made by freshDb; call from afterEach. */
export async function deleteTestDbs(): Promise<void> {
  const names = new Set(open.map((db) => db.name));
  for (const db of open.splice(0)) db.close();
  for (const name of names) await new WarrantDB(name).delete();
}

/** Reads a fixture map file served by the test runner and restores it. */
export async function fixtureBundles(path = '/test/fixtures/small-map.json'): Promise<MapBundle[]> {
  const text = await (await fetch(path)).text();
  const result = importJson(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.bundles;
}
