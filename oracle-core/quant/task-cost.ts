/** MATH.md §2: task cost with whole-request tiers, cache reads/writes, batch and thinking tokens. */
import { PER_MILLION } from "./defaults";
import { PROFILE_RULES, resolveProfile, resolveTask, type ResolvedTask, type TaskCostInput } from "./task-inputs";

// The inputs and their rules moved to task-inputs.ts; what callers imported from here is re-exported.
export { effectiveInputRatio, tierMultipliers } from "./task-inputs";
export type { InstrumentPrices, TaskCostInput, TaskProfile, Tier, TierMultipliers } from "./task-inputs";

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

/**
 * §2 task cost in USD with its decomposition, κ (§3), and the no-cache counterfactual.
 * @example taskCost({ beta: 15, r_in: 0.2, r_cache: 0.02, n_in: 30000, n_out: 800, eta: 0.6 }).cost // 0.0534
 */
export function taskCost(input: TaskCostInput): TaskCostResult {
  return costOf(resolveTask(input, resolveProfile(input, input.n_out)));
}

/**
 * The §2 arithmetic on a resolved task, at its own n_out or at `n_out` (validated here): nothing else is checked
 * again, so pricing one task at many output lengths validates it once.
 */
export function costOf(t: ResolvedTask, n_out?: number): TaskCostResult {
  const n = n_out === undefined && t.n_out !== null ? t.n_out : PROFILE_RULES.n_out(n_out ?? t.n_out);
  const { beta, n_in, n_think, r_in, r_cache, r_think, eta, omega, r_cw, r_eff, b } = t;
  const { alpha_in: a_in, alpha_out: a_out } = t;

  const u = beta * b * PER_MILLION; // USD per unit of the bracket
  const components = {
    output: u * a_out * n,
    thinking: u * a_out * r_think * n_think,
    input_uncached: u * a_in * n_in * (1.0 - eta - omega) * r_in,
    cache_read: u * a_in * n_in * eta * r_cache,
    cache_write: u * a_in * n_in * omega * r_cw,
  };
  const bracket = a_out * (n + r_think * n_think) + a_in * n_in * r_eff;
  const cost = beta * b * bracket * PER_MILLION;
  const bracket0 = a_out * (n + r_think * n_think) + a_in * n_in * r_in;
  const cost0 = beta * b * bracket0 * PER_MILLION;
  const savings = cost0 - cost;

  let kappa: number | null = null;
  let context_ratio: number | null = null;
  if (n > 0) {
    kappa = (b * bracket) / n;
    context_ratio = a_out > 0 ? bracket / (a_out * n) : null;
  }
  return {
    cost,
    r_eff,
    r_cache_write: r_cw,
    mode_mult: b,
    tier_tau: t.tier_tau,
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
