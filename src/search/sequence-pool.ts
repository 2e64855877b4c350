/**
 * Many small integer sequences, one per slot, in one typed array: the word ids of every indexed
 * node. A typed array per node cost about 100 bytes of its own beside its data (at 100,000 nodes,
 * 10 MB for 17 MB of word ids); here a slot costs two integers. The pool is an Int16Array while
 * every value fits in 16 bits (a map of up to 32,768 distinct words), an Int32Array from the
 * first that does not. A sequence that grows moves to the end; the space it leaves is reclaimed
 * by compacting once it is a good share of the pool.
 */

/** The pool's values: 16 bits each until a value needs more. */
export type PoolArray = Int16Array | Int32Array;

const INT16_MIN = -32768;
const INT16_MAX = 32767;

/** Spare room kept after trim() and compaction, as a share of the ids in use. */
const HEADROOM = 1 / 32;
const MIN_CAPACITY = 256;

/** One sequence of integers per slot (a small non-negative number), stored end to end. */
export class SequencePool {
  private data: PoolArray = new Int16Array(MIN_CAPACITY);
  private top = 0;
  /** Ids in `data` below `top` that no sequence uses any longer. */
  private waste = 0;
  private from = new Int32Array(64);
  private to = new Int32Array(64);

  /**
   * The pool: the sequence of slot s is ids[starts[s], ends[s]). The three arrays are replaced
   * when the pool grows or is compacted: read them again after every set or clear.
   */
  get ids(): PoolArray {
    return this.data;
  }

  get starts(): Int32Array {
    return this.from;
  }

  get ends(): Int32Array {
    return this.to;
  }

  /** Ids held, and room for more (for tests and memory figures). */
  get stats(): { used: number; waste: number; capacity: number } {
    return { used: this.top - this.waste, waste: this.waste, capacity: this.data.length };
  }

  /** A copy of the sequence of `slot` (empty when it has none). */
  get(slot: number): Int32Array {
    return slot < this.from.length
      ? Int32Array.from(this.data.subarray(this.from[slot]!, this.to[slot]!))
      : new Int32Array(0);
  }

  /** Whether the pool holds 32-bit values (it started with 16). */
  get wide(): boolean {
    return this.data instanceof Int32Array;
  }

  /** Sets the sequence of `slot` to source[0, length). */
  set(slot: number, source: Int32Array, length: number): void {
    this.ensureSlot(slot);
    if (this.data instanceof Int16Array) {
      for (let i = 0; i < length; i++) {
        if (source[i]! > INT16_MAX || source[i]! < INT16_MIN) {
          this.data = Int32Array.from(this.data);
          break;
        }
      }
    }
    const at = this.from[slot]!;
    const old = this.to[slot]! - at;
    if (length <= old) {
      // In place; the tail it no longer needs is reclaimed by the next compaction.
      this.data.set(source.subarray(0, length), at);
      this.to[slot] = at + length;
      this.waste += old - length;
      return;
    }
    this.clear(slot);
    this.reserve(length);
    this.data.set(source.subarray(0, length), this.top);
    this.from[slot] = this.top;
    this.top += length;
    this.to[slot] = this.top;
  }

  /** Forgets the sequence of `slot`. */
  clear(slot: number): void {
    if (slot >= this.from.length) return;
    this.waste += this.to[slot]! - this.from[slot]!;
    this.from[slot] = 0;
    this.to[slot] = 0;
  }

  /** Gives back spare room (after a build, whose growth left up to a third unused). */
  trim(): void {
    this.compact(this.top - this.waste);
  }

  /** A new array of the pool's kind. */
  private make(size: number): PoolArray {
    return this.data instanceof Int16Array ? new Int16Array(size) : new Int32Array(size);
  }

  private ensureSlot(slot: number): void {
    if (slot < this.from.length) return;
    const size = Math.max(slot + 1, this.from.length * 2);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    from.set(this.from);
    to.set(this.to);
    this.from = from;
    this.to = to;
  }

  /** Makes room for `length` more ids at the top. */
  private reserve(length: number): void {
    if (this.top + length <= this.data.length) return;
    const live = this.top - this.waste;
    if (this.waste >= live / 4) {
      this.compact(live + length);
      if (this.top + length <= this.data.length) return;
    }
    const data = this.make(Math.max(MIN_CAPACITY, Math.ceil((this.top + length) * 1.25)));
    data.set(this.data.subarray(0, this.top));
    this.data = data;
  }

  /** Moves every sequence to the front, in slot order, into a pool with room for `needed` ids and some headroom. */
  private compact(needed: number): void {
    const data = this.make(Math.max(MIN_CAPACITY, needed + Math.ceil(needed * HEADROOM)));
    let top = 0;
    for (let s = 0; s < this.from.length; s++) {
      const a = this.from[s]!;
      const b = this.to[s]!;
      data.set(this.data.subarray(a, b), top);
      this.from[s] = top;
      top += b - a;
      this.to[s] = top;
    }
    this.data = data;
    this.top = top;
    this.waste = 0;
  }
}
