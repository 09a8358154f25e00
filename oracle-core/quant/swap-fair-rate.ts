/** MATH.md §9.3: fair fixed rate of an EICS for both fixings, and the single-name closed forms. */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import type { CurveTerm } from "./forward";
import { swapValue } from "./swap";
import { num, price } from "./validate";

/** Input of the closed forms: single exponential β·e^(−θt), rate r, term M months, s = 0. */
export interface ClosedFormInput {
  beta: number;
  theta: number;
  rate: number;
  months: number;
}

/** K*_end = β·G(r+θ)/G(r), G(x) = Σ_{m=1}^{M} e^(−x m/12). */
export function fairRateClosedForm(input: ClosedFormInput): number {
  const beta = price("beta", input.beta);
  const theta = num("theta", input.theta);
  const r = num("rate", input.rate);
  const months = input.months;
  if (!Number.isInteger(months) || months < 1)
    throw new OracleError("E_SWAP_TERM", `months must be an integer >= 1, got ${months}`, "months");
  const d = 1.0 / 12.0;
  const geo = (x: number): number =>
    x === 0 ? months : (Math.exp(-x * d) * -Math.expm1(-x * d * months)) / -Math.expm1(-x * d);
  return (beta * geo(r + theta)) / geo(r);
}

/** K*_avg = K*_end·(e^(θΔ) − 1)/(θΔ). */
export function fairRateClosedFormAverage(input: ClosedFormInput): number {
  const x = num("theta", input.theta) * (1.0 / 12.0);
  const f = x === 0 ? 1.0 : Math.expm1(x) / x;
  return fairRateClosedForm(input) * f;
}

/** Input of {@link swapFairRate}. */
export interface SwapFairRateInput {
  curve: readonly CurveTerm[];
  months: number;
  rate?: number | null;
  fixing?: "end" | "average" | null;
}

/** Output of {@link swapFairRate}; the closed forms are null unless the curve has exactly one term. */
export interface SwapFairRateResult {
  fair_rate: number;
  annuity: number;
  closed_form: number | null;
  fair_rate_average_fixing: number;
  closed_form_average_fixing: number | null;
}

/**
 * Fair rate at s = 0 for the requested fixing, the average-fixing fair rate, and the §9.3 closed forms.
 * @example swapFairRate({ curve: [{ c: 8, theta: 0.9016 }], months: 1 }).fair_rate // ≈ 7.4210
 */
export function swapFairRate(input: SwapFairRateInput): SwapFairRateResult {
  const base = {
    curve: input.curve,
    months: input.months,
    K: 0,
    notional: { type: "tokens" as const, amount: 1 },
    rate: input.rate,
  };
  const res = swapValue({ ...base, fixing: input.fixing ?? "end" });
  const avg = swapValue({ ...base, fixing: "average" });
  const single = input.curve.length === 1 ? input.curve[0]! : null;
  const cf = single && { beta: single.c, theta: single.theta, rate: input.rate ?? DEFAULTS.rate, months: input.months };
  return {
    fair_rate: res.fair_rate,
    annuity: res.annuity,
    closed_form: cf ? fairRateClosedForm(cf) : null,
    fair_rate_average_fixing: avg.fair_rate,
    closed_form_average_fixing: cf ? fairRateClosedFormAverage(cf) : null,
  };
}
