/**
 * Anonymous mode for a view: the map with every person shown as Student A, B ... (on screen and
 * in what is exported or printed from the view), kept per bundle so it is made once per change.
 */
import { anonymize, anonymousNames, peopleIn } from '../model/class-records.js';
import type { MapBundle } from '../model/types.js';

/** The names and the renamed map of one bundle. */
export interface AnonymousMap {
  names: Map<string, string>;
  shown: MapBundle;
}

/** Remembers the anonymous version of the last bundle asked for. */
export class AnonymousView {
  private last?: { bundle: MapBundle; view: AnonymousMap };

  /** The anonymous version of `bundle`, or undefined when anonymous mode is off. */
  of(bundle: MapBundle, on: boolean | undefined): AnonymousMap | undefined {
    if (!on) return undefined;
    if (this.last?.bundle !== bundle) {
      const names = anonymousNames(peopleIn(bundle));
      this.last = { bundle, view: { names, shown: anonymize(bundle, names) } };
    }
    return this.last.view;
  }
}
