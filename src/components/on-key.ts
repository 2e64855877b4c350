/**
 * A keydown listener that acts on one key only: it prevents the key's default (e.g. a form's
 * submit on Enter), stops it from reaching outer handlers when asked, and runs `action`.
 */
export function onKey(key: string, action: () => void, opts: { stop?: boolean } = {}): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== key) return;
    e.preventDefault();
    if (opts.stop) e.stopPropagation();
    action();
  };
}
