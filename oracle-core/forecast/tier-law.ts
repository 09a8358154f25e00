/**
 * The law of a family's tier price — what its newest model will cost — τ years ahead (compound Poisson lifecycle):
 * successors launch at the family's rate, a share of them at the predecessor's price, the others stepping the tier by
 * e^R, R ~ N(μ_R, s_R²); between launches the newest model reprices with the lifecycle hazard (young again after
 * each launch), each move e^Y, Y ~ N(μ, s²). Launches and moves are counted as independent Poisson numbers. The
 * calibration scales the rate of price-changing launches and the ln-sds (keeping each component's mean).
 */
import { OracleError } from "../errors";
import { widenLaw, type LawComponent } from "./price-law";

/** What the tier law needs about a family (published on its newest model's row). */
export interface TierLawState {
  /** Years since the newest model launched. */
  head_age: number;
  hazard: { young: number; old: number };
  young_years: number;
  /** Launches per year in the family. */
  successor_rate: number;
  /** P(a launch keeps the predecessor's price). */
  p_same: number;
  /** ln tier step at a price-changing launch ~ N(mu, s²). */
  ratio: { mu: number; s: number };
  /** ln move factor of the newest model ~ N(mu, s²). */
  jump: { mu: number; s: number };
  /** Calibration: multiplier of the price-changing launch rate, and of the ln-sds (mean kept). */
  rate_scale: number;
  widen: number;
}

/**
 * Expected number of repricings of the family's newest model in (0, τ]: the old-age hazard plus the young excess
 * while the model in place is young — the current one until `young_years`, then whichever launched in the last
 * `young_years` (P = 1 − e^(−ν·min(A, u))).
 */
export function tierMoveMean(st: TierLawState, tau: number): number {
  const A = st.young_years;
  const nu = st.successor_rate;
  const r = Math.max(0, A - st.head_age);
  let young = Math.min(tau, r);
  if (tau > r && nu > 0) {
    const m = Math.min(tau, A);
    if (m > r) young += m - r - (Math.exp(-nu * r) * -Math.expm1(-nu * (m - r))) / nu;
    if (tau > A) young += (tau - A) * -Math.expm1(-nu * A);
  }
  return st.hazard.old * tau + (st.hazard.young - st.hazard.old) * young;
}

/** Poisson(λ) probabilities while they matter (tail below 1e-10). */
function poisson(lambda: number): number[] {
  const out: number[] = [];
  let p = Math.exp(-lambda);
  let cum = 0;
  for (let n = 0; n < 400; n++) {
    out.push(p);
    cum += p;
    if (n > lambda && 1 - cum < 1e-10) break;
    p *= lambda / (n + 1);
  }
  return out;
}

/**
 * The tier price law at τ from the tier's announced path `base`: components for i price-changing launches and j moves
 * with ln price ~ N(ln base + iμ_R + jμ, i s_R² + j s²), weights Poisson(c·ν(1 − p_same)τ)(i)·Poisson(Λ)(j), widened.
 * @example tierLaw(state, 15, 0.5).reduce((s, c) => s + c.w, 0) // 1
 */
export function tierLaw(st: TierLawState, base: number, tau: number): LawComponent[] {
  if (!(base > 0)) throw new OracleError("E_NONPOS_PRICE", `a price law needs a positive price, got ${base}`, "beta");
  if (!(tau >= 0)) throw new OracleError("E_NEG_TENOR", `t must be ≥ 0 years, got ${tau}`, "t");
  const pi = poisson(st.rate_scale * st.successor_rate * (1 - st.p_same) * tau);
  const pj = poisson(tierMoveMean(st, tau));
  const lb = Math.log(base);
  const out: LawComponent[] = [];
  let total = 0;
  for (let i = 0; i < pi.length; i++) {
    for (let j = 0; j < pj.length; j++) {
      const w = pi[i]! * pj[j]!;
      if (w < 1e-9) continue; // the dropped far tail moves the mean by ~1e-6 relative
      total += w;
      const c: LawComponent = {
        w,
        m: lb + i * st.ratio.mu + j * st.jump.mu,
        s: Math.sqrt(i * st.ratio.s ** 2 + j * st.jump.s ** 2),
      };
      if (i + j === 0) c.x = base; // no event: exactly the announced path
      out.push(c);
    }
  }
  for (const c of out) c.w /= total;
  return widenLaw(out, st.widen);
}
