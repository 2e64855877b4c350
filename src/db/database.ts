/**
 * The one Dexie database of the app. Every change of shape is a new `version()` with an
 * `upgrade()` where data must move; old versions stay listed so any older database opens.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type Table } from 'dexie';
import type { QuoteSelector } from '../anchoring/anchor.js';
import type { Assignment } from '../model/assignment.js';
import type { Feedback, HandInRecord } from '../model/class-records.js';
import type { ArgNode, ArgumentMap, Citation, Link, Rating, Source, SourceText } from '../model/types.js';

/** UI state kept per map, apart from map data: never exported, never synced. */
export interface MapUiState {
  mapId: string;
  expanded: string[];
  selectedId?: string;
  /** Rater whose ratings the map is viewed through; absent = everyone (mean). */
  perspective?: string;
}

/** A map's source document (one per map), as the teacher loaded it. */
export interface DocumentRow extends SourceText {
  mapId: string;
  /** The file it was read from, if any ("pasted" otherwise). */
  fileName?: string;
  loadedAt: string;
  /**
   * Each quote's selector (text, prefix, suffix, ¶, offset) as it anchored in this version, by
   * node id: when the teacher loads a newer version, quotes re-anchor from these.
   */
  anchors?: Record<string, QuoteSelector>;
}

/** A key/value row for app-wide settings and one-off flags (e.g. "sample loaded"). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** Tables whose rows belong to a map (what a map view shows). */
export type MapTable = 'nodes' | 'sources' | 'citations' | 'ratings';
const MAP_TABLES: readonly string[] = ['nodes', 'sources', 'citations', 'ratings'];

/**
 * The primary keys this connection (this tab) has written since they were last taken, per
 * table. A map view reads them to patch its copy of the map instead of reloading every row
 * after each edit; a change it did not make itself (another tab) leaves the log empty, which
 * tells it to reload.
 */
class LocalChanges {
  private keys = new Map<MapTable, Set<string>>();
  private unknown = false;

  record(table: string, req: DBCoreMutateRequest): void {
    if (!MAP_TABLES.includes(table)) return;
    const set = this.keys.get(table as MapTable) ?? new Set<string>();
    this.keys.set(table as MapTable, set);
    if (req.type === 'add' || req.type === 'put') for (const v of req.values as Array<{ id: string }>) set.add(v.id);
    else if (req.type === 'delete') for (const k of req.keys as string[]) set.add(k);
    else this.unknown = true; // deleteRange: which rows is not known here
  }

  /** The keys written since the last call, or 'all' when they cannot be listed. Empties the log. */
  take(): Map<MapTable, Set<string>> | 'all' {
    const result = this.unknown ? 'all' : this.keys;
    this.keys = new Map();
    this.unknown = false;
    return result;
  }
}

/** Default database name; tests open uniquely named databases instead. */
const DEFAULT_DB_NAME = 'warrant';

/** The app's database: maps and their nodes, sources, citations, ratings; UI state; settings. */
export class WarrantDB extends Dexie {
  maps!: Table<ArgumentMap, string>;
  nodes!: Table<ArgNode, string>;
  sources!: Table<Source, string>;
  citations!: Table<Citation, string>;
  ratings!: Table<Rating, string>;
  uiState!: Table<MapUiState, string>;
  settings!: Table<SettingRow, string>;
  /** Assignments made from a map (tasks, instructions, the baseline they were handed out with). */
  assignments!: Table<Assignment, string>;
  /** Hand-ins a teacher has collected into a map: who, when, and what conflicted. */
  handIns!: Table<HandInRecord, string>;
  /** A teacher's comments on nodes and notes/grades per student; a student's imported feedback. */
  feedback!: Table<Feedback, string>;
  /** Cross-links: a node standing for another node of the map or for another discussion. */
  links!: Table<Link, string>;
  /** A map's source document (the essay's full text), one per map. */
  documents!: Table<DocumentRow, string>;
  /** Keys written through this connection, for map views to patch rather than reload. */
  readonly localChanges = new LocalChanges();

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
    // Version 2 (class work): sources and citations may record an author (no index, so no data
    // moves: a record without one is the class's, as before); assignments, collected hand-ins and
    // feedback are records of their own with stable ids, one row each, so each maps onto a shared
    // document later.
    this.version(2).stores({
      assignments: 'id, mapId',
      handIns: 'id, mapId',
      feedback: 'id, mapId, nodeId',
    });
    // Version 3 (real files in): cross-links get a table of their own. Nothing moves: a database
    // of version 1 or 2 simply has no links. Indexed by map (load, delete), by the node a link stands on
    // and by its target (deleting a subtree takes the links into it along).
    this.version(3).stores({
      links: 'id, mapId, nodeId, targetId',
    });
    // Version 4 (the essay beside the map): a map's source document, keyed by its map. Nothing
    // moves: an older database simply has no documents.
    this.version(4).stores({ documents: 'mapId' });
    const log = this.localChanges;
    this.use({
      stack: 'dbcore',
      name: 'warrant-local-changes',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: async (req) => {
              const result = await table.mutate(req);
              log.record(name, req);
              return result;
            },
          };
        },
      }),
    });
  }
}
