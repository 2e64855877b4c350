/**
 * What the pictures draw, taken from what the map view has already derived (tree, standings in
 * the chosen perspective, sources): nothing is computed twice, and a picture follows every edit
 * and rating the moment the view re-derives.
 */
import type { PictureInput } from '../pictures/picture-data.js';
import type { Derived } from './derive.js';

/** The pictures' view of `derived`. A new object per derived result, so Lit sees the change. */
export function pictureInput(derived: Derived): PictureInput {
  return {
    tree: derived.tree,
    factsOf: (id) => {
      const meta = derived.metaOf(id);
      return {
        ...(meta?.standing !== undefined && { standing: meta.standing }),
        rated: meta?.rating !== undefined,
        unsourced: meta?.unsourced ?? false,
      };
    },
  };
}
