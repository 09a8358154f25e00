/** An EICS request (POST /v1/swap) → MATH.md §9.2 on the underlying's forward → fair rates, NPV, risks, schedule. */
import { OracleError, isOracleError } from "../errors";
import { dateOrdinal, ordinalToIso } from "../quant/dates";
import { DAYS_PER_YEAR, DEFAULTS, PER_MILLION } from "../quant/defaults";
import { tickerForward, type ForwardRow } from "../forecast/row-forecast";
import { curveForward, type CurveTerm } from "../quant/forward";
import { allFinite, num } from "../quant/validate";
import type { SwapRequest } from "../schemas/market";
import type { IndexBlock } from "../schemas/snapshot";
import { gridForward } from "./index-forward-grid";
import { swapValueForward, type SwapForward, type SwapForwardResult } from "./swap-forward";

/** How the floating leg's forward is produced. */
export type SwapBasis = "lifecycle" | "index-grid" | "theta";

/** The floating leg's underlying: its expected price curve seen at valuation (§9.1 generalised). */
export interface SwapUnderlying {
  kind: "index" | "ticker";
  name: string;
  /** Spot in USD/M. */
  spot: number;
  /** Priced components: 1 for a ticker, the constituents for the index. */
  terms: number;
  basis: SwapBasis;
  /** The forward seen on a valuation date (a ticker's depends on the date: its age and announced prices). */
  forward: (valuationDate: string) => SwapForward;
}

/** A sum-of-exponentials curve Σ c_j e^(−θ_j τ) (MATH.md §9.1) as a forward. */
export function thetaForward(curve: readonly CurveTerm[]): (valuationDate: string) => SwapForward {
  const f: SwapForward = { at: (tau) => curveForward(curve, tau), breaks: [] };
  return () => f;
}

/**
 * A single model: its ticker forward (the lifecycle model's expected price, announced prices honoured), or, for a
 * row from a snapshot without a forecast model, β·e^(−θτ).
 * @example tickerUnderlying(row).forward("2026-11-24").at(0.25) // row.forwards["3M"] before rounding
 */
export function tickerUnderlying(row: ForwardRow): SwapUnderlying {
  const base = { kind: "ticker" as const, name: row.ticker, spot: row.beta, terms: 1 };
  if (!row.forecast) return { ...base, basis: "theta", forward: thetaForward([{ c: row.beta, theta: row.theta }]) };
  return {
    ...base,
    basis: "lifecycle",
    forward: (valuationDate) => {
      const v = dateOrdinal(valuationDate, "valuation_date");
      const breaks = (row.scheduled ?? [])
        .map((a) => (dateOrdinal(a.effective_date) - v) / DAYS_PER_YEAR)
        .filter((t) => t > 0)
        .sort((a, b) => a - b);
      // A valuation reads the same dates several times (fair rates for both fixings, then the NPV): remember them.
      const seen = new Map<number, number>();
      const at = (tau: number): number => {
        let f = seen.get(tau);
        if (f === undefined) seen.set(tau, (f = tickerForward(row, valuationDate, tau)));
        return f;
      };
      return { at, breaks };
    },
  };
}

/**
 * EICI in USD/M. A block with the forward grid (members' ticker forwards, docs/METHODOLOGY.md) is interpolated
 * log-linearly between its knots; an older block falls back to §8.7: c_j = each member's contribution in USD/M,
 * θ_j its θ.
 */
export function indexUnderlying(
  block: Pick<IndexBlock, "name" | "level" | "level_usd_per_m" | "constituents" | "forward_grid_usd_per_m">,
  thetas: Readonly<Record<string, number>>,
): SwapUnderlying {
  const terms = block.constituents.length;
  const base = { kind: "index" as const, name: block.name, spot: block.level_usd_per_m, terms };
  if (block.forward_grid_usd_per_m) {
    const f = gridForward(block.level_usd_per_m, block.forward_grid_usd_per_m);
    return { ...base, basis: "index-grid", forward: () => f };
  }
  const v = block.level_usd_per_m / block.level;
  const curve = block.constituents.map((c) => {
    const theta = thetas[c.ticker];
    if (theta === undefined)
      throw new OracleError("E_UNKNOWN_ID", `no theta for index member ${c.ticker}`, "underlying");
    return { c: v * c.contribution, theta };
  });
  return { ...base, basis: "theta", forward: thetaForward(curve) };
}

/** One payment of the schedule, from the requested side's point of view. */
export interface SwapCashFlow {
  m: number;
  /** Years from the trade date, and its calendar date (ACT/365.25 from the trade date). */
  t: number;
  date: string;
  tau: number;
  df: number;
  expected_float: number;
  fixed: number;
  /** N·1e−6·(F̄ − K) to the fixed payer, sign-flipped for the receiver; `pv` = df × net. */
  net: number;
  pv: number;
}

/** Response of {@link priceSwap}. */
export interface SwapQuote {
  underlying: { kind: "index" | "ticker"; name: string; spot: number; terms: number; basis: SwapBasis };
  term_months: number;
  fixing: "end" | "average";
  side: "fixed_payer" | "fixed_receiver";
  rate: number;
  valuation_date: string;
  trade_date: string;
  elapsed_years: number;
  K: number;
  K_source: "request" | "fair_rate";
  fair_rate: number;
  fair_rates: { end: number | null; average: number | null };
  notional: { kind: "tokens" | "usd"; amount: number; tokens_per_month: number };
  annuity: number;
  pv_float: number;
  pv_fixed: number;
  npv: number;
  npv_fixed_payer: number;
  npv_fixed_receiver: number;
  /** For the requested side: all prices +1%, the forward's drift −0.01/yr (θ +0.01/yr), rate +1 bp, and ∂NPV/∂K. */
  sensitivities: { delta_1pct: number; theta01: number; dv01: number; dnpv_dK: number };
  schedule: SwapCashFlow[];
}

const SIDES = ["fixed_payer", "fixed_receiver"] as const;
/** Longest term the API prices (MATH allows any M ≥ 1; a bound keeps one request's work small). */
export const MAX_TERM_MONTHS = 120;

/**
 * Prices an EICS for a side at valuation time s = elapsed (mark-to-market after time passes: settled periods drop out).
 * K defaults to the fair rate for the requested fixing at s (NPV 0). Errors carry MATH.md §13 codes.
 * @example
 * const und = tickerUnderlying({ ticker: "X", beta: 8, theta: 0.9016, scheduled: [] });
 * const req = { underlying: "X", term_months: 3, notional: { kind: "tokens", amount: 1e9 }, K: 7.5 };
 * priceSwap(req, und, "2026-11-24").npv // ≈ −1794.18
 */
export function priceSwap(req: SwapRequest, und: SwapUnderlying, valuationDate: string): SwapQuote {
  let q: SwapQuote;
  try {
    q = quote(req, und, valuationDate);
  } catch (e) {
    if (isOracleError(e) && e.code === "E_NOT_FINITE") throw overflowError(req, und, valuationDate);
    // swapValue names its own arguments; report the request's field names instead.
    const field = isOracleError(e) && e.field !== undefined ? REQUEST_FIELDS[e.field] : undefined;
    if (isOracleError(e) && field)
      throw new OracleError(e.code, e.message.replace(/^(months|notional\.type)/, field), field);
    throw e;
  }
  // JSON turns ±∞ and NaN into null: a quote that overflowed float64 is an error, never a 200 with nulls.
  if (!allFinite(q)) throw overflowError(req, und, valuationDate);
  return q;
}

/** The request's optional numbers that can overflow a quote, and what each is without the caller's value. */
const OVERFLOW_SUSPECTS: [string, (r: SwapRequest) => SwapRequest | null][] = [
  ["rate", (r) => (r.rate == null ? null : { ...r, rate: undefined })],
  ["realized_avg", (r) => (r.realized_avg == null ? null : { ...r, realized_avg: undefined, fixing: "end" })],
  ["K", (r) => (r.K == null ? null : { ...r, K: undefined })],
  ["notional.amount", (r) => ({ ...r, notional: { ...r.notional, amount: 1 } })],
];

/**
 * E_NOT_FINITE naming the field the caller sent that overflowed: the first whose removal gives a finite quote
 * (a derived K, for one, is never blamed: the caller did not send it).
 */
function overflowError(req: SwapRequest, und: SwapUnderlying, valuationDate: string): OracleError {
  let field = "notional.amount";
  for (const [name, without] of OVERFLOW_SUSPECTS) {
    const r = without(req);
    if (!r) continue;
    try {
      if (allFinite(quote(r, und, valuationDate))) {
        field = name;
        break;
      }
    } catch {
      /* still not finite without it: try the next */
    }
  }
  const message = `${field}: this value makes the swap overflow float64; use a realistic one`;
  return new OracleError("E_NOT_FINITE", message, field);
}

const REQUEST_FIELDS: Record<string, string> = { months: "term_months", "notional.type": "notional.kind" };

function quote(req: SwapRequest, und: SwapUnderlying, valuationDate: string): SwapQuote {
  const side = req.side ?? "fixed_payer";
  if (!(SIDES as readonly string[]).includes(side))
    throw new OracleError(
      "E_SWAP_SIDE",
      `side must be 'fixed_payer' or 'fixed_receiver', got ${JSON.stringify(side)}`,
      "side",
    );
  if (typeof req.term_months === "number" && req.term_months > MAX_TERM_MONTHS) {
    throw new OracleError(
      "E_SWAP_TERM",
      `term_months must be at most ${MAX_TERM_MONTHS}, got ${req.term_months}`,
      "term_months",
    );
  }
  const fixing = (req.fixing ?? "end") as "end" | "average";
  const rate = req.rate == null ? DEFAULTS.rate : num("rate", req.rate);
  const s =
    (req.elapsed_years == null ? 0 : num("elapsed_years", req.elapsed_years)) +
    (req.elapsed_months == null ? 0 : num("elapsed_months", req.elapsed_months) / 12);
  if (s < 0) throw new OracleError("E_NEG_TENOR", `elapsed time must be >= 0, got ${s} years`, "elapsed_months");
  if (Number.isInteger(req.term_months) && req.term_months >= 1 && s >= req.term_months / 12 - 1e-12) {
    throw new OracleError(
      "E_SWAP_EXPIRED",
      `the swap has expired: ${s} years elapsed, last payment at ${req.term_months / 12} years`,
      "elapsed_months",
    );
  }
  const kind = req.notional.kind as "tokens" | "usd";
  const realized_avg = req.realized_avg ?? null;
  const base = { forward: und.forward(valuationDate), months: req.term_months, rate, s, realized_avg };
  const unit = { type: "tokens" as const, amount: 1 };
  const fairFor = (fx: "end" | "average"): number =>
    swapValueForward({ ...base, fixing: fx, K: 0, notional: unit }).fair_rate;
  const fair = fairFor(fixing);
  const K = req.K ?? fair;
  const notional = { type: kind, amount: req.notional.amount };
  const res: SwapForwardResult = swapValueForward({ ...base, fixing, K, notional });
  const other = (fx: "end" | "average"): number | null => {
    if (fx === fixing) return res.fair_rate;
    try {
      return fairFor(fx);
    } catch (e) {
      if (isOracleError(e) && e.code === "E_NEED_REALIZED") return null; // mid-period average needs the realised part
      throw e;
    }
  };
  const sign = side === "fixed_payer" ? 1 : -1;
  const v = dateOrdinal(valuationDate, "valuation_date");
  const trade = Math.round(v - s * DAYS_PER_YEAR);
  const N = res.notional_tokens_per_month;
  return {
    underlying: { kind: und.kind, name: und.name, spot: und.spot, terms: und.terms, basis: und.basis },
    term_months: req.term_months,
    fixing,
    side: side as SwapQuote["side"],
    rate,
    valuation_date: valuationDate,
    trade_date: ordinalToIso(trade),
    elapsed_years: s,
    K,
    K_source: req.K == null ? "fair_rate" : "request",
    fair_rate: res.fair_rate,
    fair_rates: { end: other("end"), average: other("average") },
    notional: { kind, amount: req.notional.amount, tokens_per_month: N },
    annuity: res.annuity,
    pv_float: res.pv_float,
    pv_fixed: res.pv_fixed,
    npv: sign * res.npv_fixed_payer,
    npv_fixed_payer: res.npv_fixed_payer,
    npv_fixed_receiver: res.npv_fixed_receiver,
    sensitivities: {
      delta_1pct: sign * res.delta_1pct,
      theta01: sign * res.theta01,
      dv01: sign * res.dv01,
      dnpv_dK: sign * res.dnpv_dK,
    },
    schedule: res.periods.map((p) => {
      const net = sign * N * PER_MILLION * (p.expected_float - K);
      return {
        m: p.m,
        t: p.t,
        date: ordinalToIso(Math.round(trade + p.t * DAYS_PER_YEAR)),
        tau: p.tau,
        df: p.df,
        expected_float: p.expected_float,
        fixed: K,
        net,
        pv: p.df * net,
      };
    }),
  };
}
