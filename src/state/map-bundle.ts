/**
 * A reactive controller that keeps one map's rows (its bundle) in memory for a view: loaded once,
 * then patched after this tab's own writes and re-read in full after a change from elsewhere, and
 * turned into what the view shows (derive). The view's own edits show at once (applyLocal), before
 * the database answers; a failed write calls reload.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadBundle, patchBundle } from '../db/maps-repo.js';
import type { EvaluationSettings } from '../evaluation/index.js';
import { patchRows } from '../model/rows.js';
import { TreeError } from '../model/tree.js';
import type { ArgNode, ArgumentMap, MapBundle } from '../model/types.js';
import type { AppServices } from './app-context.js';
import { takeWritten } from './fresh-bundles.js';
import { derive, deriveNext, type Derived, type MapRows, type RowChanges } from './derive.js';
import { LiveQueryController } from './live-query-controller.js';
import { afterPaint } from './yield.js';

/** The element a MapBundleController serves: it names the map and provides the services. */
export interface MapBundleHost extends ReactiveControllerHost {
  readonly services?: AppServices;
  readonly mapId: string;
}

/** What derive() starts from besides the rows. */
export interface DeriveOptions {
  settings: EvaluationSettings;
  pending?: ArgNode;
  perspective?: string;
}

/** One map's rows and what is derived from them, kept in step with the database. */
export class MapBundleController implements ReactiveController {
  /** The map as this view knows it; undefined while loading or when the map does not exist. */
  bundle?: MapBundle;
  loading = true;
  loadError?: unknown;
  /** The tree, scores and lookups of `bundle`; undefined when its tree is damaged. */
  derived?: Derived;
  /** Why `bundle` could not be derived (a damaged tree). */
  structureError?: string;

  private loadedFor = '';
  private lastMapRow?: ArgumentMap;
  private refreshing = false;
  private refreshAgain = false;
  /** How each patched bundle differs from the one it was patched from (see refresh). */
  private readonly patches = new WeakMap<MapBundle, { from: MapBundle; changes: RowChanges }>();
  private derivedFrom?: MapBundle;
  private derivedPending?: ArgNode;
  private derivedKey = '';

  /**
   * Watches only the map's own row, whose updatedAt every write stamps: a cheap live query that
   * fires on every change, here or in another tab, without re-reading 10,000 nodes each time.
   */
  private readonly mapRow: LiveQueryController<ArgumentMap | undefined>;

  constructor(private readonly host: MapBundleHost) {
    host.addController(this);
    this.mapRow = new LiveQueryController<ArgumentMap | undefined>(
      host,
      () => (host.services && host.mapId ? host.services.db.maps.get(host.mapId) : Promise.resolve(undefined)),
      () => [host.services?.db, host.mapId],
    );
  }

  hostConnected(): void {}

  /**
   * Reacts to the live query and to a change of map; call from the host's willUpdate, where
   * the state it sets is rendered in the same update.
   */
  sync(mapChanged: boolean): void {
    if (this.mapRow.value !== this.lastMapRow || (mapChanged && !this.mapRow.pending)) {
      this.lastMapRow = this.mapRow.value;
      if (this.mapRow.error) this.loadError = this.mapRow.error;
      else if (!this.mapRow.pending) this.refreshAfterPaint();
    }
    if (mapChanged && this.loadedFor && !this.loadedFor.endsWith(`/${this.host.mapId}`)) {
      this.bundle = undefined;
      this.loading = true;
    }
  }

  /**
   * Derives what the view shows when the bundle, the pending node or the settings changed since
   * the last time; true when it did (the caller then checks selection and editing).
   */
  derive(opts: DeriveOptions): boolean {
    const bundle = this.bundle;
    const { settings, pending, perspective } = opts;
    const key = `${settings.semantics}|${settings.mapping}|${perspective ?? ''}`;
    if (!bundle || (bundle === this.derivedFrom && pending === this.derivedPending && key === this.derivedKey)) {
      return false;
    }
    const input = { bundle, pending, settings, perspective };
    const changes = this.changesSinceDerived(bundle);
    this.derivedFrom = bundle;
    this.derivedPending = pending;
    this.derivedKey = key;
    try {
      this.derived = this.derived && changes ? deriveNext(this.derived, input, changes) : derive(input);
      this.structureError = undefined;
    } catch (e) {
      this.derived = undefined;
      this.structureError = e instanceof TreeError ? e.message : String(e);
    }
    return true;
  }

  /**
   * Shows a write at once, before the database has it: the view's copy of the map is patched the
   * way refresh will patch it from the database a moment later (the same rows under the same
   * ids), so the tree and the standings answer in the frame of the key press rather than after
   * two IndexedDB round trips. `drop` marks rows the write removes. A failed write must call
   * reload.
   */
  applyLocal<T extends 'nodes' | 'ratings'>(
    table: T,
    put: ReadonlyArray<MapBundle[T][number]>,
    drop: (row: MapBundle[T][number]) => boolean = () => false,
  ): void {
    const current = this.bundle;
    if (!current) return;
    type Row = MapBundle[T][number];
    const changed = new Map<string, Row | undefined>();
    for (const row of put) changed.set(row.id, row);
    const rows = patchRows(current[table] as readonly Row[], changed, drop);
    const next = { ...current, [table]: rows } as MapBundle;
    this.patches.set(next, { from: current, changes: new Map([[table, changed]]) });
    this.bundle = next;
    this.host.requestUpdate();
  }

  /** Throws away the view's copy of the map and reads it again (after a failed write). */
  reload(): void {
    this.loadedFor = '';
    void this.refresh();
  }

  /**
   * Brings `bundle` up to date: re-reads just the rows this tab wrote (the database's log of
   * local changes), or everything when the change came from elsewhere or the map changed.
   */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.refreshAgain = false;
        const services = this.host.services;
        const mapId = this.host.mapId;
        if (!services || !mapId) return;
        const key = `${services.db.name}/${mapId}`;
        const changes = services.db.localChanges.take();
        const current = this.bundle;
        const patchable = current && this.loadedFor === key && changes !== 'all' && changes.size > 0;
        // A map an import has just written is taken from memory rather than read back.
        const patched = patchable ? await patchBundle(services.db, current, changes) : undefined;
        const next = patchable
          ? patched?.bundle
          : ((await takeWritten(services.db, mapId)) ?? (await loadBundle(services.db, mapId)));
        if (this.host.mapId !== mapId) continue;
        if (patched && current)
          this.patches.set(patched.bundle, { from: current, changes: patched.rows as RowChanges });
        this.loadedFor = key;
        this.bundle = next;
        this.loading = false;
        this.loadError = undefined;
        this.host.requestUpdate();
      } while (this.refreshAgain);
    } catch (error) {
      this.loadError = error;
      this.loading = false;
      this.host.requestUpdate();
    } finally {
      this.refreshing = false;
    }
  }

  /**
   * Refreshes once the next frame is painted. The change the database reports is most often one
   * this view has already shown (applyLocal); reconciling it must not delay that frame. The first
   * load goes at once.
   */
  private refreshAfterPaint(): void {
    if (!this.bundle) {
      void this.refresh();
      return;
    }
    void afterPaint().then(() => this.refresh());
  }

  /**
   * The rows changed between the last derived bundle and `bundle`, when every step between them
   * was a patch of this tab's own writes; undefined means derive from scratch.
   */
  private changesSinceDerived(bundle: MapBundle): RowChanges | undefined {
    const steps: RowChanges[] = [];
    for (let at = bundle; at !== this.derivedFrom;) {
      const patch = this.patches.get(at);
      if (!patch || steps.length > 50) return undefined;
      steps.push(patch.changes);
      at = patch.from;
    }
    // Oldest first, so that each id keeps the place it was first written at (patchRows keeps
    // a changed row where it stood) and ends with its latest row. A row deleted and then written
    // again (undo of a cleared rating before a render) went last in the rows, which the merged
    // list cannot say: the rare window is derived from scratch.
    const merged = new Map<keyof MapRows, Map<string, MapRows[keyof MapRows] | undefined>>();
    for (const changes of steps.reverse()) {
      for (const [table, rows] of changes) {
        const into = merged.get(table) ?? new Map<string, MapRows[keyof MapRows] | undefined>();
        merged.set(table, into);
        for (const [id, row] of rows) {
          if (row !== undefined && into.has(id) && into.get(id) === undefined) return undefined;
          into.set(id, row);
        }
      }
    }
    return merged;
  }
}
