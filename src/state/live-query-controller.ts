/**
 * A Lit reactive controller over a Dexie live query: subscribes while its host is connected,
 * re-renders the host on every new result, exposes pending / value / error. One per view, not
 * one per row: rows get their data as properties.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** State of a live query as a component renders it. */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined = undefined;
  error: unknown = undefined;
  /** True until the first result (live queries always answer asynchronously). */
  pending = true;
  private subscription: Subscription | undefined;
  private deps: readonly unknown[] = [];

  /**
   * @param query the read to run; Dexie re-runs it whenever a write touches what it read.
   * @param deps  values the query depends on (e.g. the map id); a change re-subscribes.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: () => Promise<T>,
    deps: () => readonly unknown[] = () => [],
  ) {
    this.depsOf = deps;
    host.addController(this);
  }

  private readonly depsOf: () => readonly unknown[];

  hostConnected(): void {
    this.subscribe();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Re-subscribes when the dependencies changed since the last subscription. */
  hostUpdate(): void {
    const next = this.depsOf();
    if (next.length !== this.deps.length || next.some((d, i) => d !== this.deps[i])) this.subscribe();
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    this.deps = this.depsOf();
    this.pending = true;
    this.subscription = liveQuery(this.query).subscribe({
      next: (value) => {
        this.value = value;
        this.error = undefined;
        this.pending = false;
        this.host.requestUpdate();
      },
      error: (error: unknown) => {
        this.error = error;
        this.pending = false;
        this.host.requestUpdate();
      },
    });
  }
}
