import { OracleError } from "../errors";
import { announcedWithin, forwardPoint, type ForwardPoint } from "../forecast/forward-point";
import { announcedPath, tickerForwardLaw, tierForwardLaw } from "../forecast/row-forecast";
import { TENORS } from "../quant/defaults";
import type { GreekRow } from "../schemas/greek-row";
import { scheduledForward } from "./forward-scheduled";

export const MAX_FORWARD_YEARS = 30;
export const MAX_FORWARD_POINTS = 24;

/** A forward at an extra t: `beta_forward` is the expected price (the forward), beside the law's summary. */
export type CustomForward = { beta_forward: number } & (ForwardPoint | { t: number; median: null; p_change: null });

/** How each forward was produced. */
const MODELS = {
  lifecycle: "lifecycle-hazard: spot with announced prices, times the expected effect of unannounced moves",
  theta: "theta-decay: a snapshot without a forecast model (MATH.md §7 β·e^(−θt) from the announced path)",
} as const;

/**
 * A row's forecast at t years: the ticker's own law (`"ticker"`) or, on a family's newest model, the tier's
 * (`"tier"`); at t = 0 the spot with no spread. Null without a forecast block (or, for the tier, on any other row).
 * @example forwardPointAt(row, "2026-11-24", 0.25, "ticker")?.p_change
 */
export function forwardPointAt(
  row: Pick<GreekRow, "ticker" | "beta" | "scheduled" | "forecast">,
  valuationDate: string,
  t: number,
  target: "ticker" | "tier",
): ForwardPoint | null {
  if (!row.forecast || !(row.beta > 0) || (target === "tier" && !row.forecast.tier)) return null;
  const b = row.beta;
  if (t === 0) return { t: 0, mean: b, median: b, p_change: 0, q5: b, q25: b, q75: b, q95: b };
  const law = target === "ticker" ? tickerForwardLaw(row, valuationDate, t) : tierForwardLaw(row, valuationDate, t);
  if (!law) return null;
  return forwardPoint(law, announcedPath(row, valuationDate, t), t, announcedWithin(row.scheduled, valuationDate, t));
}

function points(ts: readonly number[], at: (t: number) => ForwardPoint | null): ForwardPoint[] | null {
  const out: ForwardPoint[] = [];
  for (const t of ts) {
    const p = at(t);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

/**
 * The forwards of one row as GET /v1/forwards/:ticker and the MCP tool return them: at the published tenors and at
 * any extra `t` in years (0…30, at most 24), the expected price (the forward), the median, the probability of any
 * change and the 5/25/75/95% quantiles of the ticker's own list price; on a family's newest model, the same for
 * the family's tier ("what its newest model will cost"). θ and σ are reported as the family's fitted statistics.
 */
export function forwardView(row: GreekRow, valuationDate: string, ts: readonly number[]) {
  if (ts.length > MAX_FORWARD_POINTS)
    throw new OracleError("E_BAD_HORIZON", `at most ${MAX_FORWARD_POINTS} values of t`, "t");
  for (const t of ts) {
    if (!Number.isFinite(t)) throw new OracleError("E_NOT_FINITE", "t must be a finite number of years", "t");
    if (t < 0) throw new OracleError("E_NEG_TENOR", "t must be ≥ 0 years", "t");
    if (t > MAX_FORWARD_YEARS)
      throw new OracleError("E_BAD_HORIZON", `t must be at most ${MAX_FORWARD_YEARS} years`, "t");
  }
  const ticker = (t: number) => forwardPointAt(row, valuationDate, t, "ticker");
  const tier = (t: number) => forwardPointAt(row, valuationDate, t, "tier");
  const tenorTs = Object.values(TENORS);
  const tickerTenors = points(tenorTs, ticker);
  const tierTenors = points(tenorTs, tier);
  const names = Object.keys(TENORS);
  const custom: CustomForward[] = ts.map((t) => {
    const p = tickerTenors ? ticker(t) : null;
    return p
      ? { ...p, beta_forward: p.mean }
      : { t, beta_forward: t === 0 ? row.beta : scheduledForward(row, valuationDate, t), median: null, p_change: null };
  });
  return {
    ticker: row.ticker,
    spot: row.beta,
    valuation_date: valuationDate,
    model: tickerTenors ? MODELS.lifecycle : MODELS.theta,
    forwards: row.forwards,
    tenors: tickerTenors ? Object.fromEntries(names.map((n, i) => [n, tickerTenors[i]!])) : null,
    custom,
    scheduled: row.scheduled,
    tier: tierTenors
      ? {
          family: row.family,
          spot: row.beta,
          tenors: Object.fromEntries(names.map((n, i) => [n, tierTenors[i]!])),
          custom: ts.map((t) => tier(t)!),
        }
      : null,
    family_statistics: {
      theta: row.theta,
      theta_month: row.theta_month,
      sigma_month: row.sigma_month,
      note: "θ and σ are fitted on the family's price history (MATH.md §5–6): descriptive statistics, not the forward",
    },
  };
}
