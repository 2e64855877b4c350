/**
 * Rows of one table after some of them changed, with every other row where it was: the one
 * merge that both the database patch of a map and the view's own immediate patch use, so the
 * two always agree on the order of a map's rows.
 */

/**
 * `rows` with each row listed in `changed` replaced where it stands, or removed when its entry
 * is undefined; listed rows that were not there are appended in the map's order. Rows that
 * `drop` accepts (and `changed` does not list) are removed too, and entered in `changed` as
 * deleted: one pass over a map's rows rather than one to find them and one to patch.
 */
export function patchRows<T extends { id: string }>(
  rows: readonly T[],
  changed: ReadonlyMap<string, T | undefined>,
): T[];
export function patchRows<T extends { id: string }>(
  rows: readonly T[],
  changed: Map<string, T | undefined>,
  drop: (row: T) => boolean,
): T[];
export function patchRows<T extends { id: string }>(
  rows: readonly T[],
  changed: ReadonlyMap<string, T | undefined>,
  drop?: (row: T) => boolean,
): T[] {
  const added = new Map(changed);
  const out: T[] = [];
  for (const row of rows) {
    if (!changed.has(row.id)) {
      if (drop?.(row)) (changed as Map<string, T | undefined>).set(row.id, undefined);
      else out.push(row);
      continue;
    }
    const next = changed.get(row.id);
    if (next) out.push(next);
    added.delete(row.id);
  }
  for (const row of added.values()) if (row) out.push(row);
  return out;
}
