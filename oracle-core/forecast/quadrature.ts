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
 * Visits the nodes u and weights w of ∫_a^b f(u) du ≈ Σ w·f(u): 24-point Gauss–Legendre on each piece between the
 * sorted `breaks` (kinks or jumps of f) that fall inside (a, b). Nothing is allocated: the forecasts call it in loops.
 */
export function forEachNode(
  a: number,
  b: number,
  breaks: readonly number[],
  visit: (u: number, w: number) => void,
): void {
  let lo = a;
  const piece = (hi: number) => {
    const half = 0.5 * (hi - lo);
    for (let i = 0; i < GL.x.length; i++) visit(lo + half + half * GL.x[i]!, half * GL.w[i]!);
    lo = hi;
  };
  for (const c of breaks) {
    if (c <= lo) continue;
    if (c >= b) break;
    piece(c);
  }
  if (b > lo) piece(b);
}

/**
 * ∫_a^b f(u) du by {@link forEachNode}.
 * @example integrate((u) => u * u, 0, 3) // 9
 */
export function integrate(f: (u: number) => number, a: number, b: number, breaks: readonly number[] = []): number {
  let s = 0;
  forEachNode(a, b, breaks, (u, w) => (s += w * f(u)));
  return s;
}
