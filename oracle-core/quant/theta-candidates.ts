/** MATH.md §5.5: alternative θ estimators A–G, for documentation and comparison only (per year and per month). */
import { OracleError } from "../errors";
import { DAYS_PER_YEAR, DEFAULTS } from "./defaults";
import { prepareSeries, seriesIntervals, type Observation } from "./prepare-series";
import { num } from "./validate";

/** Input of {@link thetaCandidates}. */
export interface ThetaCandidatesInput {
  obs: readonly Observation[];
  lam?: number | null;
  as_of?: string | null;
}

/** Estimator name → θ. */
export type ThetaCandidateMap = Record<string, number>;

/** Output of {@link thetaCandidates}. */
export interface ThetaCandidatesResult {
  per_year: ThetaCandidateMap;
  per_month: ThetaCandidateMap;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Candidate estimators A–G of §5.5 (needs ≥ 2 points after preparation: E_SHORT_SERIES). */
export function thetaCandidates(input: ThetaCandidatesInput): ThetaCandidatesResult {
  const lam = input.lam == null ? DEFAULTS.lam : num("lam", input.lam);
  if (!(lam > 0 && lam <= 1)) throw new OracleError("E_BAD_LAMBDA", `lam must be in (0, 1], got ${lam}`, "lam");
  const pts = prepareSeries(input.obs, input.as_of);
  const { dy, dt } = seriesIntervals(pts);
  const m = dy.length;
  if (m === 0) throw new OracleError("E_SHORT_SERIES", "theta candidates need at least 2 distinct dates", "obs");
  const t0 = pts[0]!.ordinal;
  const t = pts.map((p) => (p.ordinal - t0) / DAYS_PER_YEAR);
  const y = pts.map((p) => Math.log(p.price));
  const n = pts.length;
  const tn = t[n - 1]!;
  const w = dy.map((_, i) => lam ** (m - 1 - i));
  const out: ThetaCandidateMap = {};
  out["A_total_period_mle"] = (y[0]! - y[n - 1]!) / (tn - t[0]!);
  out["B_ew_ratio_recommended"] = -dot(w, dy) / dot(w, dt);
  out["C_ew_mean_of_interval_rates"] = w.reduce((s, wi, i) => s + wi * (-dy[i]! / dt[i]!), 0) / sum(w);
  out["D_unweighted_mean_of_interval_rates"] = dy.reduce((s, a, i) => s + -a / dt[i]!, 0) / m;
  // E: OLS slope of ln p on t
  let tb = sum(t) / n;
  let yb = sum(y) / n;
  out["E_ols_slope"] =
    -t.reduce((s, a, i) => s + (a - tb) * (y[i]! - yb), 0) / t.reduce((s, a) => s + (a - tb) ** 2, 0);
  // F: weighted regression with point weights λ^k
  const wp = pts.map((_, i) => lam ** (n - 1 - i));
  const Wp = sum(wp);
  tb = dot(wp, t) / Wp;
  yb = dot(wp, y) / Wp;
  out["F_ew_wls_slope"] =
    -wp.reduce((s, c, i) => s + c * (t[i]! - tb) * (y[i]! - yb), 0) /
    wp.reduce((s, c, i) => s + c * (t[i]! - tb) ** 2, 0);
  // G: calendar decay λ^(age in months of the interval end)
  const wt = dy.map((_, i) => lam ** (12.0 * (tn - t[i + 1]!)));
  out["G_ew_ratio_calendar_decay"] = -dot(wt, dy) / dot(wt, dt);
  const per_month: ThetaCandidateMap = {};
  for (const [k, v] of Object.entries(out)) per_month[k] = v / 12.0;
  return { per_year: out, per_month };
}
