/**
 * A small seedable PRNG. Sampled explanations must be reproducible: the same map shows the same
 * split every time it is opened, so nothing here may touch Math.random.
 */

/** Seed used when the caller passes none. */
export const DEFAULT_SEED = 0x5eed;

/** Mulberry32: uniform numbers in [0,1) from a 32-bit seed; fast, good enough for sampling. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
