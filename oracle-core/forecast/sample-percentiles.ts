/**
 * Exact type-7 percentiles of a large sample without sorting it: a histogram locates each order statistic's bucket,
 * and only those buckets are sorted. Simulated prices have an atom at "no change" (ln multiplier exactly 0), which
 * is counted apart so that it never fills a bucket.
 */

const BUCKETS = 4096;

/**
 * Type-7 percentiles (h = (n−1)p, linear interpolation) of the values `f(x)` for the sample `xs`, where f is
 * increasing (the ranks are taken on xs). Equal to sorting and reading percentileType7.
 * @example samplePercentiles(Float64Array.of(3, 1, 2, 4), [0.25], (x) => x) // [1.75]
 */
export function samplePercentiles(xs: Float64Array, ps: readonly number[], f: (x: number) => number): number[] {
  const n = xs.length;
  let lo = Infinity;
  let hi = -Infinity;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (x === 0) zeros++;
    else {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  // The ranks needed: floor(h) and floor(h) + 1 for each p.
  const ranks = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    ranks.add(Math.floor(h));
    if (Math.floor(h) + 1 < n) ranks.add(Math.floor(h) + 1);
  }
  const width = hi > lo ? (hi - lo) / BUCKETS : 1;
  const bucket = new Uint16Array(n); // each value's bucket, computed once
  const count = new Int32Array(BUCKETS);
  let neg = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (x === 0) continue;
    const b = Math.min(BUCKETS - 1, Math.floor((x - lo) / width));
    bucket[i] = b;
    count[b]!++;
    if (x < 0) neg++;
  }
  // Each rank: in the zero block, or at an offset within one bucket (buckets in value order, zeros between).
  const start = new Int32Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; b++) start[b + 1] = start[b]! + count[b]!;
  const where = new Map<number, { bucket: number; offset: number } | "zero">();
  for (const r of ranks) {
    if (r >= neg && r < neg + zeros) where.set(r, "zero");
    else {
      const rr = r < neg ? r : r - zeros; // rank among the non-zero values
      let b = 0;
      while (start[b + 1]! <= rr) b++;
      where.set(r, { bucket: b, offset: rr - start[b]! });
    }
  }
  // Gather the members of the wanted buckets only, then sort those few.
  const slot = new Int32Array(BUCKETS).fill(-1);
  const members: Float64Array[] = [];
  const fill: number[] = [];
  for (const w of where.values()) {
    if (w === "zero" || slot[w.bucket]! >= 0) continue;
    slot[w.bucket] = members.length;
    members.push(new Float64Array(count[w.bucket]!));
    fill.push(0);
  }
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (x === 0) continue;
    const k = slot[bucket[i]!]!;
    if (k >= 0) members[k]![fill[k]!++] = x;
  }
  for (const m of members) m.sort();
  const order = (r: number): number => {
    const w = where.get(r)!;
    return w === "zero" ? 0 : members[slot[w.bucket]!]![w.offset]!;
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const a = f(order(k));
    return k + 1 < n && h > k ? a + (h - k) * (f(order(k + 1)) - a) : a;
  });
}
