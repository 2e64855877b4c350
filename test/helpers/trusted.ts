/**
 * Test pages enforce Trusted Types (web-test-runner.config.mjs), so DOMParser takes no plain
 * string. Tests that parse a file the app exported, to check it, go through this policy; the
 * app's own code never does.
 */
interface HtmlPolicy {
  createHTML(html: string): unknown;
}
let policy: HtmlPolicy | undefined;

/** Parses an exported file's text (the app's own output) as `type`. */
export function parseExported(text: string, type: DOMParserSupportedType): Document {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): HtmlPolicy } })
    .trustedTypes;
  policy ??= factory?.createPolicy('warrant-test', { createHTML: (s: string) => s });
  return new DOMParser().parseFromString((policy ? policy.createHTML(text) : text) as string, type);
}
