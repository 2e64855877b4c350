/** App-wide settings and UI state, kept in IndexedDB beside the maps but never exported. */
import type { MapUiState, WarrantDB } from './database.js';

/** Reads one setting, or `fallback` when it was never set. */
export async function getSetting<T>(db: WarrantDB, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Stores one setting. */
export async function setSetting(db: WarrantDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Expanded nodes and selection of one map, or undefined when the map was never opened. */
export async function getUiState(db: WarrantDB, mapId: string): Promise<MapUiState | undefined> {
  return db.uiState.get(mapId);
}

/** Stores the UI state of one map. */
export async function putUiState(db: WarrantDB, state: MapUiState): Promise<void> {
  await db.uiState.put(state);
}
