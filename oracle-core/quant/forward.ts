/**
 * MATH.md §2.5 and §7: model forwards β·e^(−θt), forward task cost, and the sum-of-exponentials curve — the closed
 * forms of the vectors. The forward production publishes is the lifecycle forecast's (oracle-core/forecast).
 */
import { TENORS } from "./defaults";
import { finiteResult, num, price, tenor, tenorMap } from "./validate";

/** One term c·e^(−θτ) of a sum-of-exponentials forward (§7, §9). */
export interface CurveTerm {
  c: number;
  theta: number;
}

/**
 * β_fwd(t) = β·e^(−θt); t in years (E_NEG_TENOR if negative), t = 0 returns β.
 * @example forwardPrice({ beta: 8, theta: 0.9016, t: 1 }) // ≈ 3.2474
 */
export function forwardPrice(input: { beta: number; theta: number; t: number }): number {
  const beta = price("beta", input.beta);
  const theta = num("theta", input.theta);
  const t = tenor("t", input.t);
  return finiteResult("forward_price", beta * Math.exp(-theta * t));
}

/** Forward prices at named tenors (default 1M, 3M, 6M, 12M). */
export function forwardCurve(input: {
  beta: number;
  theta: number;
  tenors?: Record<string, number> | null;
}): Record<string, number> {
  const tenors = tenorMap("tenors", input.tenors ?? TENORS);
  const out: Record<string, number> = {};
  for (const [name, t] of Object.entries(tenors)) out[name] = forwardPrice({ beta: input.beta, theta: input.theta, t });
  return out;
}

/** §2.5: S_fwd(t) = S·e^(−θt) (ratios stationary). */
export function forwardTaskCost(input: { cost: number; theta: number; t: number }): number {
  const cost = price("cost", input.cost);
  const theta = num("theta", input.theta);
  const t = tenor("t", input.t);
  return finiteResult("forward_task_cost", cost * Math.exp(-theta * t));
}

/** F(t) = Σ_j c_j e^(−θ_j t) (ref.py `curve_forward`). */
export function curveForward(curve: readonly CurveTerm[], t: number): number {
  const tt = tenor("t", t);
  let s = 0;
  curve.forEach((c, j) => {
    s += price(`curve[${j}].c`, c.c) * Math.exp(-num(`curve[${j}].theta`, c.theta) * tt);
  });
  return finiteResult("curve_forward", s);
}
