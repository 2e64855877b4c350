/**
 * Offline: registers the service worker that the build generates (sw.js, Workbox), so the app
 * opens with no network, and reports when a newer version of the app is waiting to take over.
 * The app never swaps versions by itself under an open map: it offers a reload, and only then
 * tells the waiting worker to take over (Workbox's SKIP_WAITING message).
 */

/** What the page can do about a waiting new version. */
export interface UpdateOffer {
  /** Activates the new version and reloads the page once it controls it. */
  apply(): void;
}

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let policy: ScriptUrlPolicy | null | undefined;

/**
 * With Trusted Types enforced, `register()` takes only a TrustedScriptURL: this policy makes one
 * for the app's own sw.js and refuses any other address, so nothing a user supplies can become a
 * worker script.
 */
function trustedScriptUrl(url: string): unknown {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (!factory) return url;
  policy ??= factory.createPolicy('warrant-sw', {
    createScriptURL(input: string): string {
      const parsed = new URL(input, document.baseURI);
      if (parsed.origin !== location.origin || !parsed.pathname.endsWith('/sw.js')) {
        throw new TypeError(`Refusing to register ${input} as a service worker.`);
      }
      return parsed.href;
    },
  });
  return policy.createScriptURL(url);
}

/**
 * Registers `sw.js` beside the page. Resolves to the registration, or null where service workers
 * are unavailable (a file:// page, an old browser, a private window that forbids them).
 * `onUpdate` is called once a new version is installed and waiting while this one runs.
 */
export async function registerOffline(
  onUpdate: (offer: UpdateOffer) => void,
  scriptUrl: string = new URL('sw.js', document.baseURI).href,
): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return null;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(trustedScriptUrl(scriptUrl) as string, { scope: './' });
  } catch (error) {
    // Offline use is a bonus; the app works without it. Say why in the console for whoever hosts it.
    console.warn('Warrant could not register its service worker, so it will not open offline:', error);
    return null;
  }
  const offer = (worker: ServiceWorker): void =>
    onUpdate({
      apply() {
        let reloaded = false;
        navigator.serviceWorker.addEventListener('controllerchange', () => {
          if (reloaded) return;
          reloaded = true;
          location.reload();
        });
        worker.postMessage({ type: 'SKIP_WAITING' });
      },
    });
  // A first install has no controller yet: that is not an update, nothing to offer.
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && navigator.serviceWorker.controller) offer(installing);
    });
  });
  return registration;
}
