import type { ByteTable } from "./byte-table";

/**
 * tiktoken's byte-pair merge: repeatedly join the adjacent pair of parts whose bytes form the lowest-ranked token
 * (the leftmost on a tie) until no pair is a token; the parts' ranks are the piece's tokens. Two implementations
 * with identical results: a scan for short pieces (tiktoken's own loop, fastest when n is small) and a min-heap keyed
 * by (rank, position) over a linked list of parts for long ones, O(n log n) where the scan is O(n²).
 */
export const LONG_PIECE = 64;

const NONE = 0x7fffffff;
const starts = new Int32Array(LONG_PIECE + 2);
const ranks = new Int32Array(LONG_PIECE + 2);

/** Merges bytes[0..n) (n ≥ 2) and appends the token ids (rank + idOffset) to out. */
export function bytePairMerge(table: ByteTable, bytes: Uint8Array, n: number, out: number[], idOffset: number): void {
  if (n >= LONG_PIECE) mergeLong(table, bytes, n, out, idOffset);
  else mergeShort(table, bytes, n, out, idOffset);
}

/** tiktoken's `_byte_pair_merge`, on typed arrays: the quadratic scan, for pieces under LONG_PIECE bytes. */
export function mergeShort(table: ByteTable, bytes: Uint8Array, n: number, out: number[], idOffset: number): void {
  let len = n + 1;
  let minRank = NONE;
  let minAt = -1;
  for (let i = 0; i < n - 1; i++) {
    const r = table.get(bytes, i, i + 2);
    starts[i] = i;
    ranks[i] = r < 0 ? NONE : r;
    if (r >= 0 && r < minRank) {
      minRank = r;
      minAt = i;
    }
  }
  starts[n - 1] = n - 1;
  ranks[n - 1] = NONE;
  starts[n] = n;
  ranks[n] = NONE;
  const rankOf = (i: number) => {
    if (i + 3 >= len) return NONE;
    const r = table.get(bytes, starts[i]!, starts[i + 3]!);
    return r < 0 ? NONE : r;
  };
  while (minRank !== NONE) {
    const i = minAt;
    if (i > 0) ranks[i - 1] = rankOf(i - 1);
    ranks[i] = rankOf(i);
    starts.copyWithin(i + 1, i + 2, len);
    ranks.copyWithin(i + 1, i + 2, len);
    len--;
    minRank = NONE;
    for (let j = 0; j < len - 1; j++) {
      if (ranks[j]! < minRank) {
        minRank = ranks[j]!;
        minAt = j;
      }
    }
  }
  for (let i = 0; i < len - 1; i++) out.push(table.get(bytes, starts[i]!, starts[i + 1]!) + idOffset);
}

// Heap keys pack (rank, position) into one double, rank · 2^32 + position: one comparison orders by rank, then
// leftmost. Exact for ranks below 2^21 and pieces below 4 GB; kept in a Float64Array, so never boxed.
const POS = 2 ** 32;

/** The O(n log n) merge: a min-heap of candidate pairs keyed by (rank, position); stale entries are skipped on pop. */
export function mergeLong(table: ByteTable, bytes: Uint8Array, n: number, out: number[], idOffset: number): void {
  // Part i covers bytes [i, next[i]); pair[i] is the rank of part i joined with its successor (NONE if not a token).
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  const pair = new Int32Array(n + 1);
  const heap = new Float64Array(3 * n + 4);
  let size = 0;
  const push = (key: number) => {
    let k = size++;
    while (k > 0) {
      const up = (k - 1) >> 1;
      const u = heap[up]!;
      if (u < key) break;
      heap[k] = u;
      k = up;
    }
    heap[k] = key;
  };
  // Removes the top (read heap[0] before calling).
  const popTop = () => {
    const last = heap[--size]!;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1]! < heap[c]!) c++;
      if (heap[c]! > last) break;
      heap[k] = heap[c]!;
      k = c;
    }
    heap[k] = last;
  };
  const rankOf = (a: number, b: number) => {
    const r = table.get(bytes, a, b);
    return r < 0 ? NONE : r;
  };
  for (let i = 0; i <= n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i < n - 1; i++) {
    const r = rankOf(i, i + 2);
    pair[i] = r;
    if (r !== NONE) push(r * POS + i);
  }
  pair[n - 1] = NONE;
  pair[n] = NONE;
  while (size > 0) {
    const top = heap[0]!;
    const rank = Math.floor(top / POS);
    const i = top - rank * POS;
    popTop();
    if (pair[i] !== rank) continue; // stale: the part or its successor changed since this entry was pushed
    const j = next[i]!;
    const k = next[j]!;
    next[i] = k;
    prev[k] = i;
    pair[j] = NONE;
    const r = k < n ? rankOf(i, next[k]!) : NONE;
    pair[i] = r;
    if (r !== NONE) push(r * POS + i);
    if (i > 0) {
      const p = prev[i]!;
      const q = rankOf(p, k);
      pair[p] = q;
      if (q !== NONE) push(q * POS + p);
    }
  }
  for (let i = 0; i < n; i = next[i]!) out.push(table.get(bytes, i, next[i]!) + idOffset);
}
