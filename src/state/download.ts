/** Saving a file from the page: the one way every export and picture reaches the disk. */

/** How long a download's object URL is kept: long enough for any browser to start saving it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves `blob` as `filename`: an object URL and a temporary `<a download>` clicked from script
 * (no inline script, no data: URL, so the Content-Security-Policy allows it).
 */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
