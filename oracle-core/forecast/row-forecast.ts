/**
 * The forecast block of a Greek-sheet row, and the laws a client computes from a row alone: the ticker's own price
 * (lifecycle hazard) and, on a family's newest model, the tier (compound-Poisson lifecycle).
 */
import { scheduledForward } from "../greeks/forward-scheduled";
import { dateOrdinal } from "../quant/dates";
import { DAYS_PER_YEAR } from "../quant/defaults";
import type { GreekRow, RowForecast } from "../schemas/greek-row";
import { TIER_CALIBRATION, type TierCalibrationScale } from "./law-states";
import { familyHead, type LifecycleData } from "./lifecycle-data";
import { providerMu, type LifecycleFit } from "./lifecycle-fit";
import type { LawComponent } from "./price-law";
import { scheduledBase } from "./scheduled-base";
import { sig } from "./significant";
import { tickerDrift, tickerLaw, type TickerLawState } from "./ticker-law";
import { tierLaw, type TierLawState } from "./tier-law";

/** Significant digits of the published model parameters (fitted on tens of events: four is generous). */
const DIGITS = 4;

/** The rows' fields the forecasts read (no `scheduled`: nothing announced). */
export type ForecastRow = Pick<GreekRow, "ticker" | "beta"> & {
  scheduled?: GreekRow["scheduled"];
  forecast?: RowForecast | undefined;
};
/** A row that may predate the forecast block: its forward falls back to θ decay. */
export type ForwardRow = ForecastRow & Pick<GreekRow, "theta">;

/**
 * The forecast block of a ticker on `valuationDate`, rounded as published. A ticker without price history (a new
 * registry entry) counts from its release date and, with no family data, as its family's newest model.
 */
export function rowForecast(
  data: LifecycleData,
  fit: LifecycleFit,
  entry: { ticker: string; family: string; provider: string; release_date: string },
  valuationDate: string,
  cal: TierCalibrationScale = TIER_CALIBRATION,
): RowForecast {
  const r = (x: number) => sig(x, DIGITS);
  const t = data.tickers.get(entry.ticker);
  const launch = t?.launch ?? entry.release_date;
  const launches = data.families.get(entry.family)?.launches ?? [];
  const superseded = launches.some((l) => l.date > launch && l.date <= valuationDate);
  const head = familyHead(data, entry.family, valuationDate);
  const provider = t?.provider ?? entry.provider;
  const p_same = fit.same.by_provider[provider] ?? fit.same.p;
  return {
    as_of: valuationDate,
    launch,
    superseded,
    hazard: {
      young: r(fit.hazard.young),
      old: r(fit.hazard.old),
      superseded: r(fit.hazard.superseded),
      young_years: fit.young_years,
    },
    successor_rate: r(fit.successor.by_family[entry.family] ?? fit.successor.pooled),
    jump: { mu: r(providerMu(fit.jump, provider)), s: r(fit.jump.s) },
    tier:
      head?.ticker === entry.ticker
        ? {
            p_same: r(p_same),
            ratio: { mu: r(providerMu(fit.ratio, provider)), s: r(fit.ratio.s) },
            rate_scale: cal.rate_scale,
            widen: cal.widen,
          }
        : null,
  };
}

const ageAt = (launch: string, valuationDate: string): number =>
  Math.max(0, dateOrdinal(valuationDate) - dateOrdinal(launch)) / DAYS_PER_YEAR;

/** The ticker law's state from a row's forecast block. */
export function tickerStateOfRow(f: RowForecast, valuationDate: string): TickerLawState {
  return {
    age: ageAt(f.launch, valuationDate),
    superseded: f.superseded,
    hazard: { young: f.hazard.young, old: f.hazard.old, superseded: f.hazard.superseded },
    young_years: f.hazard.young_years,
    successor_rate: f.successor_rate,
    jump: f.jump,
  };
}

/** The tier law's state from the forecast block of a family's newest model (null on any other row). */
export function tierStateOfRow(f: RowForecast, valuationDate: string): TierLawState | null {
  if (!f.tier) return null;
  return {
    head_age: ageAt(f.launch, valuationDate),
    hazard: { young: f.hazard.young, old: f.hazard.old },
    young_years: f.hazard.young_years,
    successor_rate: f.successor_rate,
    p_same: f.tier.p_same,
    ratio: f.tier.ratio,
    jump: f.jump,
    rate_scale: f.tier.rate_scale,
    widen: f.tier.widen,
  };
}

/** The row's announced path at t years: spot, replaced by each announced price once in force. */
export function announcedPath(row: ForecastRow, valuationDate: string, t: number): number {
  return scheduledBase(row.beta, row.scheduled ?? [], valuationDate, t);
}

/** The law of the ticker's list price t years after valuation (null without a forecast block or a positive price). */
export function tickerForwardLaw(row: ForecastRow, valuationDate: string, t: number): LawComponent[] | null {
  if (!row.forecast || !(row.beta > 0)) return null;
  return tickerLaw(tickerStateOfRow(row.forecast, valuationDate), announcedPath(row, valuationDate, t), t);
}

/** The law of the family's tier price t years after valuation, from its newest model's row (else null). */
export function tierForwardLaw(row: ForecastRow, valuationDate: string, t: number): LawComponent[] | null {
  const st = row.forecast && row.beta > 0 ? tierStateOfRow(row.forecast, valuationDate) : null;
  return st ? tierLaw(st, announcedPath(row, valuationDate, t), t) : null;
}

/**
 * The ticker's forward: its expected list price t years after valuation, announced prices honoured. A row without
 * a forecast block (an older snapshot) keeps MATH.md §7's θ decay from the announced path.
 * @example tickerForward(row, "2026-11-24", 0.25) // E[β at 3M]
 */
export function tickerForward(row: ForwardRow, valuationDate: string, t: number): number {
  if (t === 0) return row.beta;
  // The law's mean without building it: the announced path times the moves' expected factor.
  if (row.forecast && row.beta > 0)
    return announcedPath(row, valuationDate, t) * tickerDrift(tickerStateOfRow(row.forecast, valuationDate), t);
  // A free model has no moves to model: its path is the announced one.
  return row.forecast
    ? announcedPath(row, valuationDate, t)
    : scheduledForward({ ...row, scheduled: row.scheduled ?? [] }, valuationDate, t);
}
