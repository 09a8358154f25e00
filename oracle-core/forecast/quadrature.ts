/** Gauss–Legendre quadrature: the lifecycle laws integrate smooth functions of a successor's arrival time. */

/** Nodes and weights on [−1, 1] by Newton's method on P_n (exact for polynomials of degree ≤ 2n − 1). */
function legendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const GL = legendre(24);

/**
 * Nodes and weights for ∫_a^b f(u) du: 24-point Gauss–Legendre on each piece between the `breaks` (kinks of f)
 * that fall inside (a, b).
 * @example quadrature(0, 3).reduce((s, q) => s + q.w * q.u * q.u, 0) // 9
 */
export function quadrature(a: number, b: number, breaks: readonly number[] = []): { u: number; w: number }[] {
  if (!(b > a)) return [];
  const cuts = [a, ...breaks.filter((c) => c > a && c < b).sort((p, q) => p - q), b];
  const out: { u: number; w: number }[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const lo = cuts[k]!;
    const half = 0.5 * (cuts[k + 1]! - lo);
    for (let i = 0; i < GL.x.length; i++) out.push({ u: lo + half + half * GL.x[i]!, w: half * GL.w[i]! });
  }
  return out;
}
