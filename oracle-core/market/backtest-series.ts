/** MATH.md §11 walk-forward backtest of one family series, with announced prices honoured and the no-change baseline. */
import { scheduledForward } from "../greeks/forward-scheduled";
import { dateOrdinal, ordinalToIso } from "../quant/dates";
import { DAYS_PER_YEAR, TENORS } from "../quant/defaults";
import { prepareSeries } from "../quant/prepare-series";
import type { FamilyPoint } from "../registry/family-series";

/** A price announced for a future date (an introductory price ending, a scheduled change). */
export interface AnnouncedPrice {
  effective_date: string;
  output: number;
}

/** One (date, tenor) pair: the forward and the no-change forecast against the step-function actual. */
export interface BacktestPrediction {
  family: string;
  ticker: string;
  date: string;
  tenor: string;
  theta: number;
  spot: number;
  predicted: number;
  actual: number;
  ape: number;
  /** APE of the no-change forecast (forward = spot). */
  ape_no_change: number;
  successor_step: boolean;
  /** True when an announced price inside the horizon replaced spot before decay. */
  scheduled: boolean;
}

/** Input of {@link backtestSeries}. */
export interface BacktestSeriesInput {
  family: string;
  /** The family's chain (familySeries), all dates; points after `eval_end` only serve as nothing. */
  points: readonly FamilyPoint[];
  /** θ per year fitted with data ≤ date (as_of = date), as production would have published it then. */
  thetaAt: (date: string) => number;
  /** Prices announced by `date` for `ticker`, effective after it (default none). */
  announcedAt?: (date: string, ticker: string) => readonly AnnouncedPrice[];
  /** Last date a pair may reach (MATH `as_of_eval`). */
  eval_end: string;
  tenors?: Readonly<Record<string, number>>;
}

/**
 * For each observation date d ≤ eval_end (series prepared as §5.2) and tenor h with d + h ≤ eval_end: the forward
 * (announced prices first, then β(d)·e^(−θ_d h)), the actual step-function price at d + h, their APE, the
 * no-change APE, and the successor flag for a successor launch in (d, d+h].
 */
export function backtestSeries(input: BacktestSeriesInput): BacktestPrediction[] {
  const pts = prepareSeries(input.points);
  const end = dateOrdinal(input.eval_end, "eval_end");
  const tenors = input.tenors ?? TENORS;
  const sorted = [...input.points].sort((a, b) => a.date.localeCompare(b.date));
  const out: BacktestPrediction[] = [];
  for (const { ordinal: d, price: spot } of pts) {
    if (d > end) break;
    const date = ordinalToIso(d);
    const ticker = sorted.filter((p) => p.date <= date).at(-1)!.ticker;
    const theta = input.thetaAt(date);
    const announced = (input.announcedAt?.(date, ticker) ?? []).filter((a) => a.effective_date > date);
    for (const [tenor, h] of Object.entries(tenors)) {
      const target = d + h * DAYS_PER_YEAR;
      if (target > end + 1e-9) continue;
      let actual = spot;
      for (const x of pts) if (x.ordinal <= target) actual = x.price;
      const predicted = scheduledForward({ beta: spot, theta, scheduled: announced }, date, h);
      out.push({
        family: input.family,
        ticker,
        date,
        tenor,
        theta,
        spot,
        predicted,
        actual,
        ape: Math.abs(predicted - actual) / actual,
        ape_no_change: Math.abs(spot - actual) / actual,
        successor_step: pts.some((x) => x.kind === "successor" && d < x.ordinal && x.ordinal <= target),
        scheduled: announced.some((a) => dateOrdinal(a.effective_date) - d <= h * DAYS_PER_YEAR),
      });
    }
  }
  return out;
}
