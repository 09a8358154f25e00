/**
 * MATH.md §9.2 valuation for any forward curve F(τ) (the expected underlying τ years after valuation), not only a
 * sum of exponentials: the lifecycle forwards are not one, and they jump where a price is announced. End fixings
 * read F(τ_m); average fixings integrate F over the period (Gauss–Legendre on the pieces between breaks).
 * Sensitivities: all prices +1%, a parallel drift shift F·e^(−δτ) of δ = +0.01/yr (θ01), rate +1 bp.
 */
import { OracleError } from "../errors";
import { forEachNode } from "../forecast/quadrature";
import { PER_MILLION } from "../quant/defaults";
import { swapTerms, type SwapPeriod, type SwapValueInput } from "../quant/swap";
import { finiteResult, price } from "../quant/validate";

/** An expected-price curve seen at valuation. */
export interface SwapForward {
  /** E[underlying at τ years after valuation], USD/M. */
  at(tau: number): number;
  /** τ > 0 where the curve jumps or kinks (announced prices, grid knots): averages integrate each piece apart. */
  breaks: readonly number[];
}

/** Input of {@link swapValueForward}: swapValue's, with a forward curve in place of exponential terms. */
export type SwapForwardInput = Omit<SwapValueInput, "curve"> & { forward: SwapForward };

/** Output of {@link swapValueForward} (the fields of swapValue's result that do not name curve terms). */
export interface SwapForwardResult {
  notional_tokens_per_month: number;
  annuity: number;
  fair_rate: number;
  pv_float: number;
  pv_fixed: number;
  npv_fixed_payer: number;
  npv_fixed_receiver: number;
  periods: SwapPeriod[];
  dnpv_dr: number;
  dnpv_dK: number;
  delta_1pct: number;
  theta01: number;
  dv01: number;
}

/** (1/(b−a))∫_a^b F and (1/(b−a))∫_a^b −u·F(u) du (the δ-derivative at δ = 0). */
function average(f: SwapForward, a: number, b: number): [number, number] {
  let s = 0;
  let ds = 0;
  forEachNode(a, b, f.breaks, (u, w) => {
    const v = f.at(u);
    s += w * v;
    ds -= w * u * v;
  });
  return [s / (b - a), ds / (b - a)];
}

/**
 * Fair rate, NPV to the fixed payer and sensitivities at valuation time s (years since the trade); periods with
 * t_m ≤ s are settled. Same checks and error codes as swapValue.
 * @example
 * const forward = { at: (t: number) => 8 * Math.exp(-0.9016 * t), breaks: [] };
 * swapValueForward({ forward, months: 3, K: 7.5, notional: { amount: 1e9 } }).npv_fixed_payer // ≈ −1794.18
 */
export function swapValueForward(input: SwapForwardInput): SwapForwardResult {
  const { months, r, K, s, fixing, N } = swapTerms(input);

  const dlt = 1 / 12;
  const periods: SwapPeriod[] = [];
  let A = 0,
    PVf = 0,
    PVfloat = 0,
    dA_dr = 0,
    dPVf_dr = 0,
    dPVf_dd = 0;
  for (let m = 1; m <= months; m++) {
    const tm = m * dlt;
    if (tm <= s + 1e-12) continue;
    const tau = tm - s;
    const df = Math.exp(-r * tau);
    let fbar: number;
    let dfbar: number;
    let realized = 0;
    if (fixing === "end") {
      fbar = input.forward.at(tau);
      dfbar = -tau * fbar;
    } else if (s <= tm - dlt + 1e-12) {
      [fbar, dfbar] = average(input.forward, tm - dlt - s, tau);
    } else {
      if (input.realized_avg == null) {
        throw new OracleError(
          "E_NEED_REALIZED",
          "average fixing is partly elapsed: pass realized_avg (the average so far this period)",
          "realized_avg",
        );
      }
      const [a, da] = average(input.forward, 0, tau);
      fbar = (tau / dlt) * a;
      dfbar = (tau / dlt) * da;
      realized = (price("realized_avg", input.realized_avg) * (s - (tm - dlt))) / dlt;
    }
    const Fbar = finiteResult("expected_float", realized + fbar);
    periods.push({ m, t: tm, tau, df, expected_float: Fbar });
    A += df;
    PVf += df * Fbar;
    PVfloat += df * fbar; // the part still to be fixed: what "all prices +1%" moves
    dA_dr += -tau * df;
    dPVf_dr += -tau * df * Fbar;
    dPVf_dd += df * dfbar;
  }
  const scale = N * PER_MILLION;
  const npv = scale * (PVf - K * A);
  const dnpv_dr = scale * (dPVf_dr - K * dA_dr);
  return {
    notional_tokens_per_month: N,
    annuity: A,
    fair_rate: PVf / A,
    pv_float: scale * PVf,
    pv_fixed: scale * K * A,
    npv_fixed_payer: finiteResult("npv_fixed_payer", npv),
    npv_fixed_receiver: -npv,
    periods,
    dnpv_dr,
    dnpv_dK: -scale * A,
    delta_1pct: 0.01 * scale * PVfloat,
    theta01: 0.01 * scale * dPVf_dd,
    dv01: 1e-4 * dnpv_dr,
  };
}
