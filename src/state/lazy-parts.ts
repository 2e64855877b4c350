/**
 * A reactive controller for the parts of a view whose code loads on first use (the essay pane,
 * the pictures, a panel): each part's code is imported once, when the view first wants it, and the
 * view updates when it arrives. Their elements may be rendered before then: the browser upgrades
 * them when their definition arrives, and Lit keeps the properties set before that. A part whose
 * code failed to load (offline before the service worker had it) is tried again next time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How a part's code stands. */
export type PartState = 'loading' | 'loaded' | 'failed';

/** The code of a view's lazily loaded parts, by name. */
export class LazyPartsController<Part extends string> implements ReactiveController {
  private readonly states = new Map<Part, PartState>();

  /**
   * @param loaders imports each part's code (the component that renders the part names the module)
   * @param failed told when a part's code could not be loaded
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loaders: Readonly<Record<Part, () => Promise<unknown>>>,
    private readonly failed: (part: Part, error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading `part` unless it is loaded or on its way; resolves when it is there. */
  want(part: Part): Promise<void> {
    const state = this.states.get(part);
    if (state === 'loaded') return Promise.resolve();
    if (state === 'loading') return this.pending.get(part)!;
    this.states.set(part, 'loading');
    const done = this.loaders[part]().then(
      () => {
        this.states.set(part, 'loaded');
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.states.set(part, 'failed');
        this.failed(part, error);
        this.host.requestUpdate();
      },
    );
    this.pending.set(part, done);
    return done;
  }

  /**
   * Loads `part` once the page is idle after the next frame: for parts not on screen at first
   * but wanted soon (printing, help, search). Asked before the first paint, they would compete
   * with it and add a round trip to a first visit.
   */
  wantSoon(part: Part): void {
    if (this.states.has(part) || this.soon.has(part)) return;
    this.soon.add(part);
    const idle = (globalThis as { requestIdleCallback?: (run: () => void, o?: { timeout: number }) => number })
      .requestIdleCallback;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const go = (): void => void this.want(part);
        if (idle) idle(go, { timeout: 2000 });
        else go();
      }),
    );
  }

  /** Whether `part`'s code has arrived. */
  loaded(part: Part): boolean {
    return this.states.get(part) === 'loaded';
  }

  private readonly pending = new Map<Part, Promise<void>>();
  private readonly soon = new Set<Part>();
}
