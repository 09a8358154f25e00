/** MATH.md §5–6: recency-weighted drift θ with credibility shrinkage, and σ from irregular observations. */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import { prepareSeries, seriesIntervals, type Observation, type SeriesPoint } from "./prepare-series";
import { num } from "./validate";

/** Fit parameters (all optional, MATH.md §12 defaults). */
export interface FitOptions {
  /** Recency weight per interval, (0, 1]. */
  lam?: number | null;
  /** Valuation date: observations after it are dropped, a flat carry point is appended (§5.2). */
  as_of?: string | null;
  /** Family or provider prior θ_0 per year (default global 0.40). */
  theta_prior?: number | null;
  /** T_0 in years, ≥ 0. */
  prior_strength_years?: number | null;
  theta_min?: number | null;
  theta_max?: number | null;
  sigma_floor_month?: number | null;
}

/** Input of {@link fitTheta}. */
export interface FitThetaInput extends FitOptions {
  obs: readonly Observation[];
}

/** Output of {@link fitTheta}. */
export interface FitThetaResult {
  n_points: number;
  n_intervals: number;
  theta_raw: number | null;
  t_eff_years: number;
  credibility_z: number;
  theta_posterior_unclamped: number;
  theta: number;
  theta_month: number;
  annual_decline: number;
  half_life_years: number | null;
  sigma_month_raw: number | null;
  sigma_month: number;
  sigma_annual: number;
}

interface Resolved {
  lam: number;
  theta_prior: number;
  T0: number;
  tmin: number;
  tmax: number;
  sfloor: number;
}

/** Validates the fit options (ref.py `fit_theta` order), exported for the backtest. */
export function resolveFitOptions(o: Omit<FitOptions, "as_of">): Resolved {
  const lam = o.lam == null ? DEFAULTS.lam : num("lam", o.lam);
  if (!(lam > 0 && lam <= 1)) throw new OracleError("E_BAD_LAMBDA", `lam must be in (0, 1], got ${lam}`, "lam");
  const theta_prior = o.theta_prior == null ? DEFAULTS.theta_prior_global : num("theta_prior", o.theta_prior);
  const T0 =
    o.prior_strength_years == null
      ? DEFAULTS.prior_strength_years
      : num("prior_strength_years", o.prior_strength_years);
  if (T0 < 0)
    throw new OracleError("E_BAD_PRIOR", `prior_strength_years must be >= 0, got ${T0}`, "prior_strength_years");
  const tmin = o.theta_min == null ? DEFAULTS.theta_min : num("theta_min", o.theta_min);
  const tmax = o.theta_max == null ? DEFAULTS.theta_max : num("theta_max", o.theta_max);
  if (tmin > tmax)
    throw new OracleError("E_BAD_PRIOR", `theta_min (${tmin}) must be <= theta_max (${tmax})`, "theta_min");
  const sfloor =
    o.sigma_floor_month == null ? DEFAULTS.sigma_floor_month : num("sigma_floor_month", o.sigma_floor_month);
  if (sfloor < 0)
    throw new OracleError("E_BAD_MC_PARAM", `sigma_floor_month must be >= 0, got ${sfloor}`, "sigma_floor_month");
  return { lam, theta_prior, T0, tmin, tmax, sfloor };
}

/** §5.3–§6 on an already prepared series. */
export function fitPrepared(pts: readonly SeriesPoint[], o: Resolved): FitThetaResult {
  const { dy, dt } = seriesIntervals(pts);
  const m = dy.length;
  const w = dy.map((_, i) => o.lam ** (m - 1 - i)); // newest interval has weight 1
  let theta_raw: number | null = null;
  let W = 0;
  let S2 = 0;
  let t_eff = 0;
  if (m > 0) {
    let swy = 0;
    for (let i = 0; i < m; i++) {
      W += w[i]! * dt[i]!;
      S2 += w[i]! * w[i]! * dt[i]!;
      swy += w[i]! * dy[i]!;
    }
    theta_raw = -swy / W;
    t_eff = (W * W) / S2;
  }
  let z = 0;
  let theta_post = o.theta_prior;
  if (theta_raw !== null && t_eff + o.T0 !== 0) {
    z = t_eff / (t_eff + o.T0);
    theta_post = (t_eff * theta_raw + o.T0 * o.theta_prior) / (t_eff + o.T0);
  }
  const theta = Math.min(Math.max(theta_post, o.tmin), o.tmax);

  let sigma_month_raw: number | null = null;
  let sigma_month = o.sfloor;
  if (m >= 2 && theta_raw !== null) {
    let V1 = 0;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      V1 += w[i]!;
      ss += (w[i]! * (dy[i]! + theta_raw * dt[i]!) ** 2) / dt[i]!;
    }
    const dof = V1 - S2 / W; // > 0 for m >= 2 (Appendix A)
    sigma_month_raw = Math.sqrt(ss / dof) / Math.sqrt(12.0);
    sigma_month = Math.max(sigma_month_raw, o.sfloor);
  }
  return {
    n_points: pts.length,
    n_intervals: m,
    theta_raw,
    t_eff_years: t_eff,
    credibility_z: z,
    theta_posterior_unclamped: theta_post,
    theta,
    theta_month: theta / 12.0,
    annual_decline: -Math.expm1(-theta),
    half_life_years: theta > 0 ? Math.log(2.0) / theta : null,
    sigma_month_raw,
    sigma_month,
    sigma_annual: sigma_month * Math.sqrt(12.0),
  };
}

/**
 * θ per year (shrunk, clamped) and σ per √month for a family series; `as_of` fits "as of" a date.
 * @example fitTheta({ obs: gpt4Series }).theta // 0.8015 (MATH.md §5.5)
 */
export function fitTheta(input: FitThetaInput): FitThetaResult {
  const o = resolveFitOptions(input);
  return fitPrepared(prepareSeries(input.obs, input.as_of), o);
}
