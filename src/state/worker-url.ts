/**
 * The one Trusted Types policy for the app's own workers. With Trusted Types enforced,
 * `new Worker()` takes only a TrustedScriptURL: the 'warrant-worker' policy (named in the CSP's
 * trusted-types list, which allows it to be created once) makes one for the app's import and
 * search workers and refuses any other address, so no text from a file or the user can become
 * a worker script.
 */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

let policy: ScriptUrlPolicy | undefined;

/** The app's workers, as built (.js) or as served under web-test-runner (.ts). */
const OWN_WORKER = /\/(?:import|search)-worker\.(?:js|ts)$/;

/** `url` as `new Worker()` takes it: a TrustedScriptURL where Trusted Types exist. */
export function workerScriptUrl(url: URL): unknown {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (!factory) return url;
  policy ??= factory.createPolicy('warrant-worker', {
    createScriptURL(input: string): string {
      const parsed = new URL(input);
      if (parsed.origin !== location.origin || !OWN_WORKER.test(parsed.pathname)) {
        throw new TypeError(`Refusing to start ${input} as a worker.`);
      }
      return parsed.href;
    },
  });
  return policy.createScriptURL(url.href);
}
