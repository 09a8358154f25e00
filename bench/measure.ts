/** Small timing helpers for `npm run bench`: warm up, then time a fixed budget of iterations. */
export interface Rate {
  ops: number;
  ms: number;
  ops_per_s: number;
  us_per_op: number;
}

export function measure(fn: () => unknown, { minMs = 400, warmup = 200 } = {}): Rate {
  for (let i = 0; i < warmup; i++) fn();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  // Batches amortise the clock read; stop once the time budget is spent.
  for (let batch = 16; t - t0 < minMs; batch = Math.min(batch * 2, 65536)) {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    t = performance.now();
  }
  const ms = t - t0;
  return { ops: n, ms, ops_per_s: (n / ms) * 1000, us_per_op: (ms * 1000) / n };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
