/**
 * The slots of the documents holding each word. Most words are held by a few documents and
 * keep a plain list; a word held by more than one slot in 32 keeps a bitmap over the slots
 * instead, 1 bit a slot rather than 32. At 100,000 nodes, 344 words held 3.2 of the 3.7 million
 * postings: 13 MB as lists, 4 MB as bitmaps.
 */

/** Fewest holders before a word gets a bitmap (a short list is smaller whatever the density). */
const MIN_DENSE = 64;

/** A bitmap over slots, with room for `bits` slots. */
function bitmap(bits: number): Uint32Array {
  return new Uint32Array(Math.ceil(bits / 32));
}

/** For each word id, the slots holding it, as a list (unordered) or a bitmap. */
export class Postings {
  private readonly sets: Array<number[] | Uint32Array> = [];
  private readonly counts: number[] = [];
  /** One past the highest slot ever given: what a new bitmap covers. */
  private slotLimit = 0;

  /** Adds a word with no holders; returns its id. */
  addWord(): number {
    this.sets.push([]);
    this.counts.push(0);
    return this.sets.length - 1;
  }

  /** Number of word ids given. */
  get words(): number {
    return this.sets.length;
  }

  /** How many slots hold word `id`. */
  count(id: number): number {
    return this.counts[id]!;
  }

  /** Whether word `id` is kept as a bitmap (for tests and memory figures). */
  dense(id: number): boolean {
    return !Array.isArray(this.sets[id]);
  }

  /** Records that `slot` holds word `id` (which it did not). */
  add(id: number, slot: number): void {
    if (slot >= this.slotLimit) this.slotLimit = slot + 1;
    const set = this.sets[id]!;
    if (Array.isArray(set)) {
      set.push(slot);
      this.counts[id]!++;
      if (set.length >= MIN_DENSE && set.length * 32 > this.slotLimit) this.toBitmap(id, set);
      return;
    }
    let bits = set;
    if (slot >= bits.length * 32) {
      const count = this.counts[id]!;
      // Grown: a word that stayed rare among many more documents goes back to a list.
      if ((count + 1) * 64 < this.slotLimit) {
        this.sets[id] = [...this.slots(set), slot];
        this.counts[id] = count + 1;
        return;
      }
      bits = bitmap(Math.max(slot + 1, set.length * 64));
      bits.set(set);
      this.sets[id] = bits;
    }
    const mask = 1 << (slot & 31);
    if ((bits[slot >> 5]! & mask) === 0) {
      bits[slot >> 5] = bits[slot >> 5]! | mask;
      this.counts[id]!++;
    }
  }

  /** Records that `slot` no longer holds word `id` (nothing when it did not). */
  remove(id: number, slot: number): void {
    const set = this.sets[id]!;
    if (Array.isArray(set)) {
      const i = set.lastIndexOf(slot);
      if (i === -1) return;
      set[i] = set[set.length - 1]!;
      set.pop();
      this.counts[id]!--;
      return;
    }
    const mask = 1 << (slot & 31);
    if (slot >= set.length * 32 || (set[slot >> 5]! & mask) === 0) return;
    set[slot >> 5] = set[slot >> 5]! & ~mask;
    const count = --this.counts[id]!;
    if (count * 64 < set.length * 32) this.sets[id] = this.slots(set);
  }

  /** The slots holding word `id` (a list's own order; a bitmap's ascending). */
  holders(id: number): readonly number[] {
    const set = this.sets[id]!;
    return Array.isArray(set) ? set : this.slots(set);
  }

  private toBitmap(id: number, list: number[]): void {
    const bits = bitmap(Math.max(this.slotLimit, 32));
    for (const slot of list) bits[slot >> 5] = bits[slot >> 5]! | (1 << (slot & 31));
    this.sets[id] = bits;
  }

  private slots(bits: Uint32Array): number[] {
    const out: number[] = [];
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        out.push(w * 32 + (31 - Math.clz32(low)));
        word ^= low;
      }
    }
    return out;
  }
}
