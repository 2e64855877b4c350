/**
 * The WAI-ARIA toolbar pattern for a row of buttons: the whole toolbar is one Tab stop (the button
 * last used, or the first enabled one), and the arrow keys, Home and End move between its buttons.
 * It works on the rendered DOM, so the template that draws the buttons stays as it is.
 */

function buttons(toolbar: HTMLElement): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>('button')].filter(
    (b) => !b.disabled && b.getClientRects().length > 0,
  );
}

/** Gives exactly one usable button tabindex 0 (keeping the current one if it still can be). */
export function syncToolbarTabStop(toolbar: HTMLElement | null | undefined): void {
  if (!toolbar) return;
  const usable = buttons(toolbar);
  const current = usable.find((b) => b.tabIndex === 0 && b.getAttribute('tabindex') === '0') ?? usable[0];
  for (const b of toolbar.querySelectorAll<HTMLButtonElement>('button')) b.tabIndex = b === current ? 0 : -1;
}

/** Keydown handler for the toolbar element. */
export function onToolbarKeyDown(e: KeyboardEvent): void {
  const toolbar = e.currentTarget as HTMLElement;
  const usable = buttons(toolbar);
  const at = usable.indexOf(e.target as HTMLButtonElement);
  if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
  const next =
    e.key === 'ArrowRight' || e.key === 'ArrowDown'
      ? (at + 1) % usable.length
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
        ? (at - 1 + usable.length) % usable.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? usable.length - 1
            : -1;
  if (next < 0) return;
  e.preventDefault();
  e.stopPropagation();
  for (const b of toolbar.querySelectorAll<HTMLButtonElement>('button')) b.tabIndex = -1;
  usable[next]!.tabIndex = 0;
  usable[next]!.focus();
}

/** Focus handler: a button reached by click keeps the Tab stop. */
export function onToolbarFocusIn(e: FocusEvent): void {
  const toolbar = e.currentTarget as HTMLElement;
  const target = e.target;
  if (!(target instanceof HTMLButtonElement)) return;
  for (const b of toolbar.querySelectorAll<HTMLButtonElement>('button')) b.tabIndex = b === target ? 0 : -1;
}
