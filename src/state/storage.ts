/**
 * What components may use of storage: opening the database (with the messages its failures
 * show), app-wide settings, and the operations of the Maps page. Components import these from
 * here, never from db/ (lint enforces it), so the database stays behind state/.
 */
export type { WarrantDB } from '../db/database.js';
export { explainStorageError, openDatabase, StorageError } from '../db/open.js';
export { getSetting, setSetting } from '../db/settings-repo.js';
/** Whether a map has an essay loaded (a key-only count: the map view offers "Load the essay" when not). */
export { hasDocument as mapHasDocument } from '../db/documents-repo.js';
export {
  createMap,
  deleteMap,
  duplicateMap,
  listMaps,
  putBundles,
  renameMap,
  type MapSummary,
} from '../db/maps-repo.js';
