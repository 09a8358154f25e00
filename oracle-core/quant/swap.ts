/** MATH.md §9: EICS fixed-for-floating swap valuation, mark-to-market and sensitivities (to the fixed payer). */
import { OracleError } from "../errors";
import { DEFAULTS, PER_MILLION } from "./defaults";
import type { CurveTerm } from "./forward";
import { finiteResult, num, price, tenor, tokens } from "./validate";

/** Swap notional: N output tokens per month, or a USD budget per month converted at K. */
export interface SwapNotional {
  type?: "tokens" | "usd";
  amount: number;
}

/** Input of {@link swapValue}: ref.py `swap_value` keyword arguments. */
export interface SwapValueInput {
  curve: readonly CurveTerm[];
  months: number;
  K: number;
  notional: SwapNotional;
  rate?: number | null;
  fixing?: "end" | "average" | null;
  /** Valuation time in years since trade start. */
  s?: number | null;
  /** Realised average so far in the current period (needed mid-period with average fixing). */
  realized_avg?: number | null;
}

/** One unsettled payment period. */
export interface SwapPeriod {
  m: number;
  t: number;
  tau: number;
  df: number;
  expected_float: number;
}

/** Output of {@link swapValue}. */
export interface SwapValueResult {
  notional_tokens_per_month: number;
  annuity: number;
  pv_float_per_token_unit: number;
  fair_rate: number;
  pv_float: number;
  pv_fixed: number;
  npv_fixed_payer: number;
  npv_fixed_receiver: number;
  periods: SwapPeriod[];
  dnpv_dc: number[];
  dnpv_dtheta_j: number[];
  dnpv_dtheta: number;
  dnpv_dr: number;
  dnpv_dK: number;
  delta_1pct: number;
  theta01: number;
  dv01: number;
  dK_dtheta: number;
}

/** h(x) = (1 − e^(−x))/x, h(0) = 1. */
export function h(x: number): number {
  return x === 0 ? 1.0 : -Math.expm1(-x) / x;
}

/** h'(x); the series below |x| < 0.5 avoids cancellation. */
export function hPrime(x: number): number {
  if (Math.abs(x) < 0.5) {
    let s = 0;
    let fact = 1; // (k+1)!
    let xp = 1; // x^(k-1)
    for (let k = 1; k < 30; k++) {
      fact *= k + 1;
      s += ((k % 2 === 0 ? 1 : -1) * k * xp) / fact;
      xp *= x;
    }
    return s;
  }
  return (Math.exp(-x) * (1.0 + x) - 1.0) / (x * x);
}

/** (1/(b−a))∫_a^b e^(−θu)du and its θ-derivative. */
function avgFactor(theta: number, a: number, b: number): [number, number] {
  const L = b - a;
  const e = Math.exp(-theta * a);
  const g = e * h(theta * L);
  const dg = -a * e * h(theta * L) + e * L * hPrime(theta * L);
  return [g, dg];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The checked terms of a swap (§9.1–9.2): every valuation of any forward curve starts from them. */
export interface SwapTerms {
  months: number;
  r: number;
  K: number;
  s: number;
  fixing: "end" | "average";
  /** Output tokens per month (a USD budget converted once at K). */
  N: number;
}

/** Checks a swap's terms with the §13 codes: term, rate, K, valuation time, fixing, notional, expiry. */
export function swapTerms(input: Omit<SwapValueInput, "curve">): SwapTerms {
  const months = input.months;
  if (typeof months !== "number" || !Number.isInteger(months) || months < 1) {
    throw new OracleError("E_SWAP_TERM", `months must be an integer >= 1, got ${String(months)}`, "months");
  }
  const r = input.rate == null ? DEFAULTS.rate : num("rate", input.rate);
  const K = price("K", input.K);
  const s = tenor("s", input.s ?? 0);
  const fixing = input.fixing ?? "end";
  if (fixing !== "end" && fixing !== "average") {
    throw new OracleError("E_BAD_FIXING", `fixing must be 'end' or 'average', got ${JSON.stringify(fixing)}`, "fixing");
  }
  const ntype = input.notional?.type ?? "tokens";
  let N: number;
  if (ntype === "tokens") N = tokens("notional.amount", input.notional.amount);
  else if (ntype === "usd") {
    if (K <= 0) throw new OracleError("E_SWAP_K", "a USD notional needs K > 0 to convert the budget to tokens", "K");
    N = (price("notional.amount", input.notional.amount) * 1e6) / K;
  } else
    throw new OracleError(
      "E_BAD_NOTIONAL",
      `notional.type must be 'tokens' or 'usd', got ${JSON.stringify(ntype)}`,
      "notional.type",
    );
  if (s >= months / 12.0 - 1e-12)
    throw new OracleError("E_SWAP_EXPIRED", `valuation time s=${s} is at or after the last payment`, "s");
  return { months, r, K, s, fixing, N };
}

/**
 * Fair rate, NPV to the fixed payer and sensitivities at valuation time s; payments with t_m ≤ s are settled.
 * @example swapValue({ curve: [{ c: 8, theta: 0.9016 }], months: 3, K: 7.5, notional: { amount: 1e9 }
 *   }).npv_fixed_payer // ≈ −1794.18
 */
export function swapValue(input: SwapValueInput): SwapValueResult {
  const { months, r, K, s, fixing, N } = swapTerms(input);
  if (!Array.isArray(input.curve)) throw new OracleError("E_NOT_FINITE", "curve must be a list of {c, theta}", "curve");
  const curve = (input.curve as readonly CurveTerm[]).map((c, j) => ({
    c: price(`curve[${j}].c`, c?.c),
    theta: num(`curve[${j}].theta`, c.theta),
  }));

  const dlt = 1.0 / 12.0;
  const periods: SwapPeriod[] = [];
  let A = 0,
    PVf = 0,
    dA_dr = 0,
    dPVf_dr = 0;
  const dF_dc = curve.map(() => 0);
  const dF_dth = curve.map(() => 0);
  for (let m = 1; m <= months; m++) {
    const tm = m * dlt;
    if (tm <= s + 1e-12) continue;
    const tau = tm - s;
    const df = Math.exp(-r * tau);
    let gs: number[];
    let dgs: number[];
    let realized = 0;
    if (fixing === "end") {
      gs = curve.map((c) => Math.exp(-c.theta * tau));
      dgs = gs.map((g) => -tau * g);
    } else {
      const a = tm - dlt;
      if (s <= a + 1e-12) {
        const res = curve.map((c) => avgFactor(c.theta, a - s, tau));
        gs = res.map((x) => x[0]);
        dgs = res.map((x) => x[1]);
      } else {
        if (input.realized_avg == null) {
          throw new OracleError(
            "E_NEED_REALIZED",
            "average fixing is partly elapsed: pass realized_avg (the average so far this period)",
            "realized_avg",
          );
        }
        const fracLeft = tau / dlt;
        const res = curve.map((c) => avgFactor(c.theta, 0.0, tau));
        gs = res.map((x) => fracLeft * x[0]);
        dgs = res.map((x) => fracLeft * x[1]);
        realized = (price("realized_avg", input.realized_avg) * (s - a)) / dlt;
      }
    }
    const Fbar = realized + sum(curve.map((c, j) => c.c * gs[j]!));
    periods.push({ m, t: tm, tau, df, expected_float: Fbar });
    A += df;
    PVf += df * Fbar;
    dA_dr += -tau * df;
    dPVf_dr += -tau * df * Fbar;
    curve.forEach((c, j) => {
      dF_dc[j]! += df * gs[j]!;
      dF_dth[j]! += df * c.c * dgs[j]!;
    });
  }
  const scale = N * PER_MILLION;
  const npv = scale * (PVf - K * A);
  const dnpv_dc = dF_dc.map((x) => scale * x);
  const dnpv_dth = dF_dth.map((x) => scale * x);
  const dnpv_dr = scale * (dPVf_dr - K * dA_dr);
  const delta_rel = sum(curve.map((c, j) => c.c * dnpv_dc[j]!));
  return {
    notional_tokens_per_month: N,
    annuity: A,
    pv_float_per_token_unit: PVf,
    fair_rate: PVf / A,
    pv_float: scale * PVf,
    pv_fixed: scale * K * A,
    npv_fixed_payer: finiteResult("npv_fixed_payer", npv),
    npv_fixed_receiver: -npv,
    periods,
    dnpv_dc,
    dnpv_dtheta_j: dnpv_dth,
    dnpv_dtheta: sum(dnpv_dth),
    dnpv_dr,
    dnpv_dK: -scale * A,
    delta_1pct: 0.01 * delta_rel,
    theta01: 0.01 * sum(dnpv_dth),
    dv01: 1e-4 * dnpv_dr,
    dK_dtheta: sum(dF_dth) / A,
  };
}
