import { TENORS } from "../quant/defaults";
import { instrumentFromEntry, pricesInForce } from "../registry/instrument-from-entry";
import type { GreekRow, QuoteStatus } from "../schemas/greek-row";
import type { HistoryObservation } from "../schemas/observation";
import type { RegistryEntry } from "../schemas/registry";
import { lifecycleData } from "../forecast/lifecycle-data";
import { fitLifecycle } from "../forecast/lifecycle-fit";
import { rowForecast, tickerForward } from "../forecast/row-forecast";
import { sig } from "../forecast/significant";
import type { FamilyFitResult, LifecycleContext } from "./family-fits";

/**
 * A price derived by ratio, to 12 significant digits: 15 × (3/15) is 3.0000000000000004 in float64, and the sheet
 * should say 3.
 */
const tidy = (x: number): number => Number(x.toPrecision(12));

/**
 * Significant digits of the family statistics (θ, σ, credibility): fitted on a few dozen price moves, they are not
 * known past the fourth digit, and 17-digit floats were a tenth of the signed snapshot's bytes. The forecast block
 * keeps its own 4 digits; the forwards keep 6 (clients check them against a recomputation to 1e-5).
 */
const STAT_DIGITS = 4;
const stat = (x: number): number => sig(x, STAT_DIGITS);

/** Reconciled prices fields the feed publishes (USD per 1M tokens). */
export type PublishedField = "input" | "output" | "cache_read" | "cache_write_5m" | "cache_write_1h";
export const PUBLISHED_FIELDS: readonly PublishedField[] = [
  "output",
  "input",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
];

/** What the feed knows about a ticker's quotes this run. */
export interface QuoteState {
  prices: Partial<Record<PublishedField, number>>;
  status: QuoteStatus;
  dispersion: number | null;
  sources: string[];
  pending: { field: string; value: number; since: string } | null;
}

/** The registry row with the published prices in place of its bundled ones (provenance kept). */
export function withPublishedPrices(entry: RegistryEntry, prices: QuoteState["prices"]): RegistryEntry {
  const next = { ...entry.prices };
  for (const f of PUBLISHED_FIELDS) {
    const v = prices[f];
    const cur = next[f];
    if (v === undefined) continue;
    next[f] = cur
      ? { ...cur, usd_per_m: v }
      : { usd_per_m: v, source: "feed", url: "https://exostream.invalid/v1/sources", checked: entry.release_date };
  }
  return { ...entry, prices: next };
}

/**
 * The most recent move of output or input in force on `asOf` (launch if it never moved): a scheduled or
 * promo-end price counts once its date has come (SONNET-5's 2 → 3 / 10 → 15 on 2026-09-01), a future one never.
 * @example lastChange(history, "SONNET-5", "2026-11-24") // { field: "output", from: 10, to: 15, effective_at:
 *   "2026-09-01" }
 */
export function lastChange(obs: readonly HistoryObservation[], ticker: string, asOf: string): GreekRow["last_change"] {
  let best: GreekRow["last_change"] = null;
  for (const field of ["output", "input"] as const) {
    const xs = obs
      .filter((o) => o.ticker === ticker && o.field === field && o.effective_at <= asOf)
      .sort((a, b) => a.effective_at.localeCompare(b.effective_at));
    let prev: number | null = null;
    for (const o of xs) {
      if (prev === null || o.value !== prev) {
        const cand = { field, from: prev, to: o.value, effective_at: o.effective_at };
        if (
          !best ||
          cand.effective_at > best.effective_at ||
          (cand.effective_at === best.effective_at && field === "output")
        )
          best = cand;
      }
      prev = o.value;
    }
  }
  return best;
}

/**
 * One Greek-sheet row (SPEC §5): the registry row resolved at the valuation date with published prices,
 * MATH §1 ratios, the family's θ/σ (descriptive), the forecast model and the expected prices it gives at the
 * tenors (announced prices honoured), and the quote state.
 */
export function greekRow(
  entry: RegistryEntry,
  fit: FamilyFitResult | undefined,
  quote: QuoteState,
  history: readonly HistoryObservation[],
  valuationDate: string,
  globalPrior: number,
): GreekRow {
  const e = withPublishedPrices(entry, quote.prices);
  const inst = instrumentFromEntry(e, { at: valuationDate });
  const theta = stat(fit?.theta ?? globalPrior);
  const scheduled = e.scheduled
    .filter((s) => s.effective_date > valuationDate)
    .map((s) => ({ effective_date: s.effective_date, input: s.input, output: s.output, kind: s.kind }));
  const p = e.prices;
  const now = pricesInForce(e, valuationDate);
  const inForce = now.output;
  // A family without history has no fit: the models are then fitted on whatever history there is (priors if none).
  const ctx: LifecycleContext = fit?.lifecycle ?? fallbackContext(history, valuationDate);
  const forecast = rowForecast(ctx.data, ctx.fit, e, valuationDate);
  const priced = { ticker: e.ticker, beta: inForce, theta, scheduled, forecast };
  const fwd = (t: number) => sig(tickerForward(priced, valuationDate, t), 6);
  return {
    ticker: e.ticker,
    display_name: e.display_name,
    provider: e.provider,
    family: e.family,
    lifecycle: e.status,
    ...(e.listed_at ? { listed_at: e.listed_at } : {}),
    ...(e.deprecated_at ? { deprecated_at: e.deprecated_at } : {}),
    ...(e.retired_at ? { retired_at: e.retired_at } : {}),
    ...(e.unquoted_since ? { unquoted_since: e.unquoted_since } : {}),
    release_date: e.release_date,
    context_window: e.context_window,
    max_output: e.max_output,
    reasoning: e.reasoning,
    tokenizer: e.tokenizer,
    composite: e.composite
      ? {
          method: "median",
          constituents: e.composite.constituents.map((c) => ({ host: c.host, input: c.input, output: c.output })),
        }
      : null,
    beta: inForce,
    beta_batch: inst.r_batch === null ? null : inForce * inst.r_batch,
    prices: {
      input: now.input,
      output: now.output,
      cache_read: now.cache_read,
      // Class prices follow the prices in force (a scheduled change moves them with input and output).
      cache_write_5m: p.cache_write_5m ? tidy(inst.cache_write_mult["5m"] * now.input) : null,
      cache_write_1h: p.cache_write_1h ? tidy(inst.cache_write_mult["1h"] * now.input) : null,
      thinking: p.thinking ? tidy(inst.r_think * now.output) : null,
    },
    r_in: inst.r_in,
    r_cache: inst.r_cache,
    r_think: inst.r_think,
    r_batch: inst.r_batch,
    cache_write_mult: inst.cache_write_mult,
    tiers: inst.tiers,
    windows: e.windows.map((w) => ({
      name: w.name,
      start_utc: w.start_utc,
      end_utc: w.end_utc,
      input_mult: w.input_mult,
      output_mult: w.output_mult,
    })),
    scheduled,
    theta,
    theta_month: stat(theta / 12),
    theta_raw: fit?.theta_raw == null ? null : stat(fit.theta_raw),
    t_eff_years: stat(fit?.t_eff_years ?? 0),
    credibility_z: stat(fit?.credibility_z ?? 0),
    theta_prior: fit?.prior ?? "global",
    sigma_month: stat(fit?.sigma_month ?? 0.05),
    forwards: {
      "1M": fwd(TENORS["1M"]!),
      "3M": fwd(TENORS["3M"]!),
      "6M": fwd(TENORS["6M"]!),
      "12M": fwd(TENORS["12M"]!),
    },
    forecast,
    status: quote.status,
    dispersion: quote.dispersion,
    sources: quote.sources,
    last_change: lastChange(history, e.ticker, valuationDate),
    pending: quote.pending,
  };
}

function fallbackContext(history: readonly HistoryObservation[], valuationDate: string): LifecycleContext {
  const data = lifecycleData(history, {});
  return { data, fit: fitLifecycle(data, valuationDate) };
}
