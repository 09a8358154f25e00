/** MATH.md §10.1–10.2: Merton jump-diffusion parameters and the exact law of β_t (moments, CDF, quantiles). */
import { OracleError } from "../errors";
import { DEFAULTS, TENORS } from "./defaults";
import { normCdf } from "./erf";
import { num, price, tenor, tenorMap } from "./validate";

/** Input of {@link mertonParams}: fitted θ (per year), σ per √month, optional jump parameters. */
export interface MertonParamsInput {
  theta: number;
  sigma_month: number;
  lambda_j?: number | null;
  mu_j?: number | null;
  sigma_j?: number | null;
}

/** Output of {@link mertonParams} (annual units). */
export interface MertonParams {
  sigma_total_annual: number;
  jump_variance_annual: number;
  sigma_diffusion_annual: number;
  jump_compensator_k: number;
  mu: number;
  lambda_j: number;
  mu_j: number;
  sigma_j: number;
}

/** Variance split σ_d² = max(12σ_m² − λ_J(μ_J²+σ_J²), 0) and drift μ = −θ − σ_d²/2 − λ_J·k_J so E[β_t] = β·e^(−θt). */
export function mertonParams(input: MertonParamsInput): MertonParams {
  const lj = input.lambda_j == null ? DEFAULTS.lambda_j : num("lambda_j", input.lambda_j);
  const mj = input.mu_j == null ? DEFAULTS.mu_j : num("mu_j", input.mu_j);
  const sj = input.sigma_j == null ? DEFAULTS.sigma_j : num("sigma_j", input.sigma_j);
  const theta = num("theta", input.theta);
  const sm = num("sigma_month", input.sigma_month);
  for (const [field, v] of [
    ["lambda_j", lj],
    ["sigma_j", sj],
    ["sigma_month", sm],
  ] as const) {
    if (v < 0) throw new OracleError("E_BAD_MC_PARAM", `${field} must be >= 0, got ${v}`, field);
  }
  const var_total = 12.0 * sm * sm;
  const var_jump = lj * (mj * mj + sj * sj);
  const sd2 = Math.max(var_total - var_jump, 0.0);
  const k = Math.expm1(mj + 0.5 * sj * sj);
  const mu = -theta - 0.5 * sd2 - lj * k;
  return {
    sigma_total_annual: Math.sqrt(var_total),
    jump_variance_annual: var_jump,
    sigma_diffusion_annual: Math.sqrt(sd2),
    jump_compensator_k: k,
    mu,
    lambda_j: lj,
    mu_j: mj,
    sigma_j: sj,
  };
}

/** Poisson(lt) probabilities until the tail is below `tol` (and n > lt). */
function poissonWeights(lt: number, tol = 1e-17): number[] {
  if (lt === 0) return [1.0];
  const ws: number[] = [];
  let p = Math.exp(-lt);
  let n = 0;
  let cum = 0;
  for (;;) {
    ws.push(p);
    cum += p;
    if (n > lt && 1.0 - cum < tol) break;
    n += 1;
    p = (p * lt) / n;
    if (n > 10000) break;
  }
  return ws;
}

/** P(ln(β_t/β_0) ≤ x): Poisson mixture of normals; atoms where the conditional variance is 0. */
export function mertonLogCdf(x: number, p: MertonParams, t: number): number {
  const sd = p.sigma_diffusion_annual;
  let tot = 0;
  poissonWeights(p.lambda_j * t).forEach((pw, n) => {
    const mean = p.mu * t + n * p.mu_j;
    const v = sd * sd * t + n * p.sigma_j * p.sigma_j;
    tot += v <= 0 ? pw * (x >= mean ? 1.0 : 0.0) : pw * normCdf((x - mean) / Math.sqrt(v));
  });
  return tot;
}

/** Quantile probabilities reported everywhere (§10.3). */
export const QUANTILE_PROBS: readonly number[] = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95]);

/** Input of {@link mertonAnalytics}. */
export interface MertonAnalyticsInput extends MertonParamsInput {
  beta: number;
  t: number;
  probs?: readonly number[] | null;
}

/** Exact mean, sd and quantiles (keys p5, p25, …) of β_t. */
export interface MertonAnalytics {
  mean: number;
  sd: number;
  quantiles: Record<string, number>;
  params: MertonParams;
}

/** §10.2: E[β_t], sd from E[β_t²], and quantiles by bisection on the mixture CDF. */
export function mertonAnalytics(input: MertonAnalyticsInput): MertonAnalytics {
  const beta = price("beta", input.beta);
  const t = tenor("t", input.t);
  const P = mertonParams(input);
  const { mu, sigma_diffusion_annual: sd, lambda_j: lj, mu_j: mj, sigma_j: sj } = P;
  const theta = input.theta;
  const mean = beta * Math.exp(-theta * t);
  const m2 = beta * beta * Math.exp(2 * mu * t + 2 * sd * sd * t + lj * t * Math.expm1(2 * mj + 2 * sj * sj));
  const variance = Math.max(m2 - mean * mean, 0.0);
  const quantiles: Record<string, number> = {};
  for (const p of input.probs ?? QUANTILE_PROBS) {
    if (!(p > 0 && p < 1))
      throw new OracleError("E_BAD_MC_PARAM", `quantile probabilities must be in (0,1), got ${p}`, "probs");
    const key = `p${Math.round(p * 100)}`;
    if (t === 0 || (sd === 0 && lj === 0)) {
      quantiles[key] = beta * Math.exp(mu * t);
      continue;
    }
    const F = (x: number): number => mertonLogCdf(x, P, t);
    let lo = mu * t - 1.0;
    let hi = mu * t + 1.0;
    // bracket the quantile; the cap only trips for absurd parameters (a worker must never spin forever)
    for (let k = 0; F(lo) > p; k++) {
      if (k > 10_000)
        throw new OracleError(
          "E_BAD_MC_PARAM",
          "cannot bracket the quantile: check theta, sigma and jump parameters",
          "params",
        );
      lo -= 1.0;
    }
    for (let k = 0; F(hi) < p; k++) {
      if (k > 10_000)
        throw new OracleError(
          "E_BAD_MC_PARAM",
          "cannot bracket the quantile: check theta, sigma and jump parameters",
          "params",
        );
      hi += 1.0;
    }
    for (let k = 0; k < 200; k++) {
      const mid = 0.5 * (lo + hi);
      if (F(mid) < p) lo = mid;
      else hi = mid;
      if (hi - lo < 1e-15) break;
    }
    quantiles[key] = beta * Math.exp(0.5 * (lo + hi));
  }
  return { mean, sd: Math.sqrt(variance), quantiles, params: P };
}

/** Input of {@link mcMerton}. */
export interface McMertonInput extends MertonParamsInput {
  beta: number;
  /** {name: years}; default 1M, 3M, 6M, 12M. */
  tenors?: Record<string, number> | null;
}

/** Per tenor: exact mean, sd and quantiles of β_t. */
export interface McMertonTenor {
  mean: number;
  sd: number;
  quantiles: Record<string, number>;
}

/**
 * Output of {@link mcMerton}: one entry per tenor name, plus `params` when more than one tenor is asked (as ref.py).
 */
export type McMertonResult = Record<string, McMertonTenor | MertonParams>;

/**
 * ref.py `mc_merton` vector view: {@link mertonAnalytics} at each tenor (the expectations the simulator is tested
 * against).
 */
export function mcMerton(input: McMertonInput): McMertonResult {
  const tenors = tenorMap("tenors", input.tenors ?? TENORS);
  const out: McMertonResult = {};
  for (const [name, t] of Object.entries(tenors)) {
    const a = mertonAnalytics({ ...input, t });
    out[name] = { mean: a.mean, sd: a.sd, quantiles: a.quantiles };
  }
  if (Object.keys(tenors).length > 1) out["params"] = mertonParams(input);
  return out;
}
