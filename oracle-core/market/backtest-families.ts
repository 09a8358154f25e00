/** The production backtest (MATH.md §11) over every family of the history, with the no-change baseline. */
import { OracleError } from "../errors";
import { fitFamilies, type FamilyFitResult } from "../greeks/family-fits";
import { TENORS } from "../quant/defaults";
import { familySeries } from "../registry/family-series";
import type { HistoryObservation } from "../schemas/observation";
import { backtestSeries, type AnnouncedPrice, type BacktestPrediction } from "./backtest-series";
import { summaryByTenor, type TenorSummary } from "./backtest-summary";

/** Input of {@link backtestFamilies}. */
export interface BacktestFamiliesInput {
  history: { observations: readonly HistoryObservation[] };
  families: Readonly<Record<string, { provider: string }>>;
  /** Last date a pair may reach: the newest date the data vouches for (data_as_of). */
  eval_end: string;
  /** Only this family's pairs (θ is still fitted with every family, for the provider priors). */
  family?: string | null;
  tenors?: Readonly<Record<string, number>>;
}

/** Output of {@link backtestFamilies}. */
export interface BacktestFamiliesResult {
  eval_end: string;
  tenors: string[];
  families: string[];
  by_tenor: Record<string, TenorSummary>;
  by_family: Record<string, Record<string, TenorSummary>>;
  predictions: BacktestPrediction[];
}

/** Kinds of observation that are announced ahead of their effective date. */
const ANNOUNCED_KINDS = new Set(["scheduled", "promo-end"]);

/**
 * For every family, date and tenor: θ as production would have published it on that date (fitFamilies as of the
 * date: recency weights, provider prior, clamp), prices announced with the model (introductory prices ending,
 * scheduled changes) honoured before decay, compared with the step-function family price; the no-change forecast
 * is scored on the same pairs. Summaries by tenor and by family, all pairs and ex-successor.
 * @example backtestFamilies({ history, families: history.families, eval_end: "2026-08-21" }).by_tenor["3M"].forward.all.median_ape_pct
 */
export function backtestFamilies(input: BacktestFamiliesInput): BacktestFamiliesResult {
  const tenors = input.tenors ?? TENORS;
  if (input.family != null && !Object.hasOwn(input.families, input.family)) {
    throw new OracleError("E_UNKNOWN_ID", `unknown family ${JSON.stringify(input.family)}`, "family");
  }
  // familySeries and fitFamilies read output rows only; filtering once keeps the per-date fits cheap.
  const history = { observations: input.history.observations.filter((o) => o.field === "output" && o.kind !== "tier") };
  const fits = new Map<string, Map<string, FamilyFitResult>>();
  const fitsAt = (date: string) => {
    let f = fits.get(date);
    if (!f) fits.set(date, (f = fitFamilies(history, input.families, date)));
    return f;
  };
  const announced = new Map<string, AnnouncedPrice[]>();
  for (const o of history.observations) {
    if (!ANNOUNCED_KINDS.has(o.kind)) continue;
    const xs = announced.get(o.ticker) ?? [];
    xs.push({ effective_date: o.effective_at, output: o.value });
    announced.set(o.ticker, xs);
  }
  const names = input.family != null ? [input.family] : Object.keys(input.families).sort();
  const predictions: BacktestPrediction[] = [];
  const by_family: Record<string, Record<string, TenorSummary>> = {};
  for (const family of names) {
    const points = familySeries(history, family);
    if (points.length === 0) continue;
    const rows = backtestSeries({
      family,
      points,
      thetaAt: (d) => fitsAt(d).get(family)!.theta,
      // Announced with the model: known from its launch (the only dates the record has for them).
      announcedAt: (d, ticker) => (announced.get(ticker) ?? []).filter((a) => a.effective_date > d),
      eval_end: input.eval_end,
      tenors,
    });
    predictions.push(...rows);
    by_family[family] = summaryByTenor(rows, Object.keys(tenors));
  }
  return {
    eval_end: input.eval_end,
    tenors: Object.keys(tenors),
    families: names,
    by_tenor: summaryByTenor(predictions, Object.keys(tenors)),
    by_family,
    predictions,
  };
}
