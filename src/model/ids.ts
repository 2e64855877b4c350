/** Short random ids for maps, nodes, sources, citations and ratings. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A random id of `length` base-62 characters (62^12 is about 3e21: collisions are not a concern
 * for a classroom's maps, and ids stay short enough to read in a JSON file).
 */
export function newId(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps ids uniform.
  for (let i = 0; id.length < length; i++) {
    if (i >= bytes.length) {
      globalThis.crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i]!;
    if (b < 248) id += ALPHABET[b % 62];
  }
  return id;
}

/** The current time as an ISO timestamp. One place, so tests and imports agree on the format. */
export function now(): string {
  return new Date().toISOString();
}
