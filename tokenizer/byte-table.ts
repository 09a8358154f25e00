/**
 * A read-only hash table from byte strings to ranks: the vocabulary's tokens in one byte pool, looked up by a slice
 * of a caller's buffer without building a JS string (the merge loop's hot path). Open addressing, FNV-1a hash.
 */
export class ByteTable {
  /** The longest token in bytes: a longer slice is never a token. */
  readonly maxLength: number;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * @param pool every token's bytes, concatenated in rank order
   * @param starts starts[r]..starts[r+1] is rank r's bytes in pool (empty = no token at that rank)
   */
  constructor(
    private readonly pool: Uint8Array,
    private readonly starts: Uint32Array,
  ) {
    const n = starts.length - 1;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let max = 0;
    for (let r = 0; r < n; r++) {
      const a = starts[r]!;
      const b = starts[r + 1]!;
      if (b === a) continue;
      if (b - a > max) max = b - a;
      let h = hash(pool, a, b) & this.mask;
      while (this.slots[h] !== -1) h = (h + 1) & this.mask;
      this.slots[h] = r;
    }
    this.maxLength = max;
  }

  /** The rank of bytes[start..end), or -1 when that is not a token. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > this.maxLength) return -1;
    const { pool, starts, slots, mask } = this;
    let h = hash(bytes, start, end) & mask;
    for (;;) {
      const r = slots[h]!;
      if (r === -1) return -1;
      const a = starts[r]!;
      if (starts[r + 1]! - a === len) {
        let k = 0;
        while (k < len && pool[a + k] === bytes[start + k]) k++;
        if (k === len) return r;
      }
      h = (h + 1) & mask;
    }
  }

  /** The bytes of rank r (a view into the pool). */
  bytesOf(r: number): Uint8Array {
    return this.pool.subarray(this.starts[r]!, this.starts[r + 1]!);
  }
}

function hash(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}
