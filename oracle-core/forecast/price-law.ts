/**
 * The law of a future price as a finite mixture of atoms and lognormals: what the lifecycle forecasts publish.
 * Exact mean, CDF (and its left limit, for the atom at "no change"), quantiles and CRPS.
 */
import { OracleError } from "../errors";
import { normCdf } from "../quant/erf";

/**
 * One mixture component: weight w, ln-price location m and ln-price sd s (s = 0 is an atom at e^m; its exact price
 * `x`, when given, is what a quantile returns — e^(ln 8) is 7.999999999999998).
 */
export interface LawComponent {
  w: number;
  m: number;
  s: number;
  x?: number;
}

/** A price law: components whose weights sum to 1. */
export type PriceLaw = readonly LawComponent[];

/** E[X] = Σ w·e^(m + s²/2). */
export function lawMean(law: PriceLaw): number {
  let e = 0;
  for (const c of law) e += c.w * Math.exp(c.m + 0.5 * c.s * c.s);
  return e;
}

/** P(X ≤ x), or P(X < x) with `strict` (the left limit, which differs from F(x) at an atom). */
export function lawCdf(law: PriceLaw, x: number, strict = false): number {
  if (!(x > 0)) return 0;
  const lx = Math.log(x);
  let p = 0;
  for (const c of law) {
    if (c.s > 0) p += c.w * normCdf((lx - c.m) / c.s);
    else if (c.x !== undefined ? (strict ? x > c.x : x >= c.x) : strict ? lx > c.m : lx >= c.m) p += c.w;
  }
  return Math.min(p, 1);
}

/**
 * The p-quantiles inf{x : F(x) ≥ p}: an atom when p falls in its jump (returned exactly, so "no change" is the spot
 * itself), otherwise Illinois-accelerated regula falsi on ln x to 1e-12.
 * @example
 * lawQuantiles([{ w: 0.9, m: Math.log(8), s: 0, x: 8 }, { w: 0.1, m: Math.log(4), s: 0.5 }], [0.5, 0.95]) // [8, 8]
 */
export function lawQuantiles(law: PriceLaw, ps: readonly number[]): number[] {
  for (const p of ps)
    if (!(p > 0 && p < 1))
      throw new OracleError("E_BAD_MC_PARAM", `quantile probabilities must be in (0,1), got ${p}`, "p");
  let lo = Infinity;
  let hi = -Infinity;
  const atoms: { x: number; below: number; upTo: number }[] = [];
  for (const c of law) {
    if (c.w <= 0) continue;
    if (c.s === 0) {
      const x = c.x ?? Math.exp(c.m);
      atoms.push({ x, below: lawCdf(law, x, true), upTo: lawCdf(law, x) });
    }
    lo = Math.min(lo, c.m - 9 * c.s);
    hi = Math.max(hi, c.m + 9 * c.s);
  }
  if (!Number.isFinite(lo)) throw new OracleError("E_EMPTY", "the law has no component with positive weight", "law");
  return ps.map((p) => atoms.find((a) => a.below < p && p <= a.upTo)?.x ?? solve(law, p, lo - 1e-9, hi + 1e-9));
}

/** The p-quantile of one probability ({@link lawQuantiles}). */
export function lawQuantile(law: PriceLaw, p: number): number {
  return lawQuantiles(law, [p])[0]!;
}

/** F(eˣ) = p on [lo, hi] by regula falsi, halving a stuck end (Illinois); F is monotone, so the bracket holds. */
function solve(law: PriceLaw, p: number, lo: number, hi: number): number {
  let glo = lawCdf(law, Math.exp(lo)) - p;
  let ghi = lawCdf(law, Math.exp(hi)) - p;
  let side = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-12; k++) {
    let x = glo === ghi ? 0.5 * (lo + hi) : (lo * ghi - hi * glo) / (ghi - glo);
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    const g = lawCdf(law, Math.exp(x)) - p;
    if (Math.abs(g) < 1e-13) return Math.exp(x);
    if (g >= 0) {
      hi = x;
      ghi = g;
      if (side === 1) glo /= 2;
      side = 1;
    } else {
      lo = x;
      glo = g;
      if (side === -1) ghi /= 2;
      side = -1;
    }
  }
  return Math.exp(hi);
}

/** E|X₁ − X₂| for independent lognormals (or atoms) with ln-locations m and ln-sds s. */
function absDiffMean(m1: number, s1: number, m2: number, s2: number): number {
  const v = s1 * s1 + s2 * s2;
  if (v === 0) return Math.abs(Math.exp(m1) - Math.exp(m2));
  const sd = Math.sqrt(v);
  const d = m1 - m2;
  // Under the measure tilted by X₁, ln X₁ − ln X₂ ~ N(d + s1², v); likewise for X₂ with d − s2².
  const e1 = Math.exp(m1 + 0.5 * s1 * s1) * (2 * normCdf((d + s1 * s1) / sd) - 1);
  const e2 = Math.exp(m2 + 0.5 * s2 * s2) * (2 * normCdf((d - s2 * s2) / sd) - 1);
  return e1 - e2;
}

/**
 * Continuous ranked probability score of the law at outcome y, in y's unit: E|X − y| − ½E|X − X'| (exact for the
 * mixture). For a point mass it is the absolute error, which is how "no change" is scored.
 * @example lawCrps([{ w: 1, m: Math.log(10), s: 0 }], 8) // 2
 */
export function lawCrps(law: PriceLaw, y: number): number {
  if (!(y > 0)) throw new OracleError("E_NONPOS_PRICE", `CRPS needs a positive outcome, got ${y}`, "y");
  const ly = Math.log(y);
  let a = 0;
  let b = 0;
  for (let i = 0; i < law.length; i++) {
    const ci = law[i]!;
    a += ci.w * absDiffMean(ci.m, ci.s, ly, 0);
    b += ci.w * ci.w * absDiffMean(ci.m, ci.s, ci.m, ci.s);
    for (let j = i + 1; j < law.length; j++) {
      const cj = law[j]!;
      // Components carrying ~nothing cannot move the score: skip the pair (the weights bound its term).
      if (ci.w * cj.w < 1e-14) continue;
      b += 2 * ci.w * cj.w * absDiffMean(ci.m, ci.s, cj.m, cj.s);
    }
  }
  return a - 0.5 * b;
}

/** The PIT interval [F(y−), F(y)] of an outcome: one point for a continuous law, an interval at an atom. */
export function lawPit(law: PriceLaw, y: number): { lo: number; hi: number } {
  return { lo: lawCdf(law, y, true), hi: lawCdf(law, y) };
}

/**
 * Probability that the randomized PIT (uniform on [lo, hi]) falls in the central band [(1−c)/2, (1+c)/2]: the
 * expected coverage of a c-band, exact instead of one random draw.
 * @example pitCoverage({ lo: 0.02, hi: 0.98 }, 0.9) // 0.9 / 0.96
 */
export function pitCoverage(pit: { lo: number; hi: number }, c: number): number {
  const a = 0.5 - c / 2;
  const b = 0.5 + c / 2;
  if (pit.hi - pit.lo <= 1e-12) return pit.lo >= a && pit.lo <= b ? 1 : 0;
  return Math.max(0, Math.min(b, pit.hi) - Math.max(a, pit.lo)) / (pit.hi - pit.lo);
}

/**
 * Widens every lognormal component's ln-sd by k while keeping its mean (m − (k²−1)s²/2): wider bands, same forward.
 * Atoms are unchanged.
 */
export function widenLaw(law: PriceLaw, k: number): LawComponent[] {
  return law.map((c) => (c.s > 0 ? { w: c.w, m: c.m - 0.5 * (k * k - 1) * c.s * c.s, s: k * c.s } : { ...c }));
}
