/**
 * The one Dexie database of the app. Every change of shape is a new `version()` with an
 * `upgrade()` where data must move; old versions stay listed so any older database opens.
 */
import Dexie, { type Table } from 'dexie';
import type { ArgNode, ArgumentMap, Citation, Rating, Source } from '../model/types.js';

/** UI state kept per map, apart from map data: never exported, never synced. */
export interface MapUiState {
  mapId: string;
  expanded: string[];
  selectedId?: string;
  /** Rater whose ratings the map is viewed through; absent = everyone (mean). */
  perspective?: string;
}

/** A key/value row for app-wide settings and one-off flags (e.g. "sample loaded"). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** Default database name; tests open uniquely named databases instead. */
export const DEFAULT_DB_NAME = 'warrant';

/** The app's database: maps and their nodes, sources, citations, ratings; UI state; settings. */
export class WarrantDB extends Dexie {
  maps!: Table<ArgumentMap, string>;
  nodes!: Table<ArgNode, string>;
  sources!: Table<Source, string>;
  citations!: Table<Citation, string>;
  ratings!: Table<Rating, string>;
  uiState!: Table<MapUiState, string>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Indexes serve the app's queries: everything of a map (mapId), children of a node
    // (parentId), citations of a node or of a source, ratings of a node, one rating per rater.
    this.version(1).stores({
      maps: 'id, updatedAt',
      nodes: 'id, mapId, parentId',
      sources: 'id, mapId, [mapId+url]',
      citations: 'id, mapId, nodeId, sourceId',
      ratings: 'id, mapId, nodeId, &[nodeId+rater]',
      uiState: 'mapId',
      settings: 'key',
    });
  }
}
