/** MATH.md §2: task cost with whole-request tiers, cache reads/writes, batch and thinking tokens. */
import { OracleError } from "../errors";
import { DEFAULTS, PER_MILLION } from "./defaults";
import { num, price, ratio, tokens } from "./validate";

/** A whole-request context tier: above `tau` prompt tokens every token is billed at α (§1). */
export interface Tier {
  tau: number;
  alpha_in: number;
  /** Defaults to alpha_in. */
  alpha_out?: number | null;
}

/** Per-model price data (§1). Ratios are relative to the model's own β. */
export interface InstrumentPrices {
  beta: number;
  r_in: number;
  /** Defaults to r_in (no cache discount). */
  r_cache?: number | null;
  r_think?: number | null;
  r_batch?: number | null;
  /** Cache-write price ÷ input price; overrides `cache_write`. */
  cache_write_mult?: number | null;
  tiers?: readonly Tier[] | null;
}

/** A task's token profile (§2.1). */
export interface TaskProfile {
  n_in: number;
  n_out: number;
  n_think?: number | null;
  eta?: number | null;
  omega?: number | null;
  cache_write?: "5m" | "1h" | null;
  mode?: "sync" | "batch" | null;
}

/** Input of {@link taskCost}: ref.py `task_cost` keyword arguments. */
export interface TaskCostInput extends InstrumentPrices, TaskProfile {}

/** Output of {@link taskCost} (§2.4, §3). */
export interface TaskCostResult {
  cost: number;
  r_eff: number;
  r_cache_write: number;
  mode_mult: number;
  tier_tau: number | null;
  alpha_in: number;
  alpha_out: number;
  components: { output: number; thinking: number; input_uncached: number; cache_read: number; cache_write: number };
  kappa: number | null;
  context_ratio: number | null;
  effective_output_price: number | null;
  dcost_dbeta: number;
  cost_without_cache: number;
  savings: number;
  savings_pct: number | null;
}

/** Result of {@link tierMultipliers}. */
export interface TierMultipliers {
  alpha_in: number;
  alpha_out: number;
  tier_tau: number | null;
}

/** §2.3: the tier with the largest τ such that n_ctx > τ (strict) applies to all tokens; else (1, 1). */
export function tierMultipliers(n_ctx: number, tiers: readonly Tier[] | null | undefined): TierMultipliers {
  if (tiers == null) return { alpha_in: 1, alpha_out: 1, tier_tau: null };
  if (!Array.isArray(tiers)) throw new OracleError("E_NOT_FINITE", "tiers must be a list of {tau, alpha_in, alpha_out?}", "tiers");
  let best: [number, number, number] | null = null;
  for (const tr of tiers as readonly Tier[]) {
    const tau = tokens("tier.tau", tr?.tau);
    const ai = ratio("tier.alpha_in", tr.alpha_in);
    const ao = ratio("tier.alpha_out", tr.alpha_out ?? tr.alpha_in);
    if (n_ctx > tau && (best === null || tau > best[0])) best = [tau, ai, ao];
  }
  return best === null ? { alpha_in: 1, alpha_out: 1, tier_tau: null } : { alpha_in: best[1], alpha_out: best[2], tier_tau: best[0] };
}

/** §2.2: r_eff = r_in(1−η−ω) + r_cache·η + r_cw·ω. */
export function effectiveInputRatio(r_in: number, r_cache: number, eta: number, omega = 0, r_cw: number = r_in): number {
  return r_in * (1.0 - eta - omega) + r_cache * eta + r_cw * omega;
}

/** Validated, defaulted scalars of a task-cost call. */
interface Resolved {
  beta: number; n_in: number; n_out: number; n_think: number; r_in: number; r_cache: number; r_think: number;
  eta: number; omega: number; m_w: number; b: number;
}

function resolve(i: TaskCostInput): Resolved {
  const beta = price("beta", i.beta);
  const n_in = tokens("n_in", i.n_in);
  const n_out = tokens("n_out", i.n_out);
  const n_think = tokens("n_think", i.n_think ?? 0);
  const r_in = ratio("r_in", i.r_in);
  const r_cache = i.r_cache == null ? r_in : ratio("r_cache", i.r_cache);
  const r_think = i.r_think == null ? DEFAULTS.r_think : ratio("r_think", i.r_think);
  const eta = num("eta", i.eta ?? 0);
  const omega = num("omega", i.omega ?? 0);
  if (!(eta >= 0 && eta <= 1)) throw new OracleError("E_ETA_RANGE", `eta (cache-hit fraction) must be in [0,1], got ${eta}`, "eta");
  if (!(omega >= 0 && omega <= 1) || eta + omega > 1) {
    throw new OracleError("E_CACHE_FRACTIONS", `need 0 <= omega and eta + omega <= 1, got eta=${eta} omega=${omega}`, "omega");
  }
  let m_w: number;
  if (i.cache_write_mult == null) {
    const cw = i.cache_write ?? "5m";
    if (cw !== "5m" && cw !== "1h") throw new OracleError("E_BAD_CACHE_WRITE", `cache_write must be '5m' or '1h', got ${JSON.stringify(cw)}`, "cache_write");
    m_w = DEFAULTS.cache_write_mult[cw];
  } else {
    m_w = ratio("cache_write_mult", i.cache_write_mult);
  }
  const mode = i.mode ?? "sync";
  let b: number;
  if (mode === "sync") b = 1.0;
  else if (mode === "batch") b = i.r_batch == null ? DEFAULTS.r_batch : ratio("r_batch", i.r_batch);
  else throw new OracleError("E_BAD_MODE", `mode must be 'sync' or 'batch', got ${JSON.stringify(mode)}`, "mode");
  return { beta, n_in, n_out, n_think, r_in, r_cache, r_think, eta, omega, m_w, b };
}

/**
 * §2 task cost in USD with its decomposition, κ (§3), and the no-cache counterfactual.
 * @example taskCost({ beta: 15, r_in: 0.2, r_cache: 0.02, n_in: 30000, n_out: 800, eta: 0.6 }).cost // 0.0534
 */
export function taskCost(input: TaskCostInput): TaskCostResult {
  const { beta, n_in, n_out, n_think, r_in, r_cache, r_think, eta, omega, m_w, b } = resolve(input);
  const r_cw = m_w * r_in;
  const r_eff = effectiveInputRatio(r_in, r_cache, eta, omega, r_cw);
  const { alpha_in: a_in, alpha_out: a_out, tier_tau } = tierMultipliers(n_in, input.tiers);

  const u = beta * b * PER_MILLION; // USD per unit of the bracket
  const components = {
    output: u * a_out * n_out,
    thinking: u * a_out * r_think * n_think,
    input_uncached: u * a_in * n_in * (1.0 - eta - omega) * r_in,
    cache_read: u * a_in * n_in * eta * r_cache,
    cache_write: u * a_in * n_in * omega * r_cw,
  };
  const bracket = a_out * (n_out + r_think * n_think) + a_in * n_in * r_eff;
  const cost = beta * b * bracket * PER_MILLION;
  const bracket0 = a_out * (n_out + r_think * n_think) + a_in * n_in * r_in;
  const cost0 = beta * b * bracket0 * PER_MILLION;
  const savings = cost0 - cost;

  let kappa: number | null = null;
  let context_ratio: number | null = null;
  if (n_out > 0) {
    kappa = (b * bracket) / n_out;
    context_ratio = a_out > 0 ? bracket / (a_out * n_out) : null;
  }
  return {
    cost,
    r_eff,
    r_cache_write: r_cw,
    mode_mult: b,
    tier_tau,
    alpha_in: a_in,
    alpha_out: a_out,
    components,
    kappa,
    context_ratio,
    effective_output_price: kappa === null ? null : kappa * beta,
    dcost_dbeta: b * bracket * PER_MILLION,
    cost_without_cache: cost0,
    savings,
    savings_pct: cost0 > 0 ? (100.0 * savings) / cost0 : null,
  };
}
