/** MATH.md §3: κ, the context cost multiplier, and tokens per USD (which is never called κ). */
import { price } from "./validate";
import { taskCost, type TaskCostInput } from "./task-cost";

/** Output of {@link kappa}. */
export interface KappaResult {
  kappa: number | null;
  context_ratio: number | null;
  effective_output_price: number | null;
  dcost_dbeta: number;
  cost: number;
}

/**
 * κ = b·bracket/n_out (from the bracket, so defined for β = 0; null when n_out = 0).
 * @example kappa({ beta: 15, r_in: 0.2, r_cache: 0.02, n_in: 30000, n_out: 800, eta: 0.6 }).kappa // 4.45
 */
export function kappa(input: TaskCostInput): KappaResult {
  const r = taskCost(input);
  return {
    kappa: r.kappa,
    context_ratio: r.context_ratio,
    effective_output_price: r.effective_output_price,
    dcost_dbeta: r.dcost_dbeta,
    cost: r.cost,
  };
}

/** Output of {@link tokensPerUsd}. */
export interface TokensPerUsdResult {
  tokens_per_usd: number | null;
  tokens_per_cent: number | null;
}

/** Output tokens bought with 1 USD (1e6/β) and with 1 cent (1e4/β); null for a free model. */
export function tokensPerUsd(input: { beta: number }): TokensPerUsdResult {
  const beta = price("beta", input.beta);
  if (beta === 0) return { tokens_per_usd: null, tokens_per_cent: null };
  return { tokens_per_usd: 1e6 / beta, tokens_per_cent: 1e4 / beta };
}
