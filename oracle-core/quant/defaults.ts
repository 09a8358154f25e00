/** MATH.md §12 defaults, §0 tenors and unit constants: the single source every quant function reads. */

/** ACT/365.25: days per year for every date difference (§0). */
export const DAYS_PER_YEAR = 365.25;
/** Prices are USD per 1,000,000 tokens (§0). */
export const PER_MILLION = 1e-6;

/** Published tenors in years (exact fractions, §0). */
export const TENORS: Readonly<Record<string, number>> = Object.freeze({
  "1M": 1 / 12,
  "3M": 0.25,
  "6M": 0.5,
  "12M": 1.0,
});

/** n_out points of the cost range (§4). */
export const COST_POINTS: readonly number[] = Object.freeze([100, 500, 1000, 4000]);

/** MATH.md §12, same keys and values as ref.py DEFAULTS (deeply frozen). */
export const DEFAULTS = Object.freeze({
  // task cost
  r_think: 1.0,
  r_batch: 0.5,
  cache_write_mult: Object.freeze({ "5m": 1.25, "1h": 2.0 }),
  // theta / sigma
  lam: 0.85,
  theta_prior_global: 0.4,
  prior_strength_years: 0.5,
  theta_min: -1.0,
  theta_max: 3.0,
  sigma_floor_month: 0.05,
  // rates
  rate: 0.04,
  // Merton jumps
  lambda_j: 0.5,
  mu_j: -0.25,
  sigma_j: 0.15,
  // index
  base_value: 1000.0,
  basket_value_usd: 1000.0,
  model_cap: 0.1,
  provider_cap: 0.3,
  stale_hours: 48.0,
  breaker_pct: 0.15,
  confirm_min_hours: 1.0,
  confirm_tol: 0.001,
  pending_expiry_hours: 48.0,
  index_breaker_pct: 0.15,
});

/** The shape of {@link DEFAULTS}. */
export type QuantDefaults = typeof DEFAULTS;
