/**
 * Calibration of the tier law. The fitted compound-Poisson law is too sure of itself (its 90% bands cover ~76% at
 * 6M), so it is widened along a path — more price-changing launches, wider steps — to the first point whose 90%
 * bands covered ≥ 85% of the matured 3M and of the matured 6M tier forecasts: past outcomes only.
 */
import { dateOrdinal, ordinalToIso } from "../quant/dates";
import { DAYS_PER_YEAR, TENORS } from "../quant/defaults";
import { announcedAfter, familyHead, tierPrice, type LifecycleData } from "./lifecycle-data";
import type { LifecycleFit } from "./lifecycle-fit";
import { tierLawState, UNCALIBRATED, type TierCalibrationScale } from "./law-states";
import { lawPit, pitCoverage } from "./price-law";
import { scheduledBase } from "./scheduled-base";
import { tierLaw } from "./tier-law";

/** The widening path: [multiplier of the price-changing launch rate, multiplier of the ln-sds], least first. */
export const TIER_CALIBRATION_PATH: readonly (readonly [number, number])[] = Object.freeze([
  [1, 1],
  [1.25, 1],
  [1.25, 1.15],
  [1.5, 1.15],
  [1.5, 1.3],
  [1.75, 1.3],
  [1.75, 1.5],
  [2, 1.5],
  [2, 1.75],
] as const);
/** The tenors whose 90% bands must cover, how much, and how many matured forecasts each needs first. */
export const CALIBRATION_TENORS = ["3M", "6M"] as const;
export const CALIBRATION_COVERAGE = 0.85;
export const MIN_CALIBRATION_PAIRS = 30;

/** The calibration in force at a date, with the evidence it rests on. */
export interface TierCalibration extends TierCalibrationScale {
  /** Matured tier forecasts it was chosen on, and their 90%/50% band coverage with it (null: none). */
  pairs: number;
  coverage90: number | null;
  coverage50: number | null;
}

/** Chooses the calibration in force at any date from the forecasts matured by then. */
export interface TierCalibrator {
  at(asOf: string): TierCalibration;
}

const COMBOS: TierCalibrationScale[] = TIER_CALIBRATION_PATH.map(([rate_scale, widen]) => ({ rate_scale, widen }));

/** Month-starts from the month after `first` up to `end`. */
export function monthlyOrigins(first: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (;;) {
    m += 1;
    if (m > 12) (m = 1), (y += 1);
    const d = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
    if (d > end) return out;
    out.push(d);
  }
}

/** The first launch date in the data (the backtest's and the calibration's first origin follows it). */
export function firstLaunch(data: LifecycleData): string {
  let first = "9999-12-31";
  for (const t of data.tickers.values()) if (t.launch < first) first = t.launch;
  return first;
}

/**
 * Scores every tier forecast (monthly origins, every tenor) that matures by `evalEnd` at each path point, once;
 * `at(d)` then picks the first path point whose 90% bands covered ≥ 85% of the 3M and of the 6M forecasts matured
 * by d (the law as fitted while fewer than 30 of either have).
 * @example tierCalibrator(data, fitAt, "2026-08-21").at("2026-08-21").widen
 */
export function tierCalibrator(
  data: LifecycleData,
  fitAt: (date: string) => LifecycleFit,
  evalEnd: string,
  tenors: Readonly<Record<string, number>> = TENORS,
): TierCalibrator {
  const end = dateOrdinal(evalEnd, "eval_end");
  const matured: { at: number; tenor: string; c90: Float64Array; c50: Float64Array }[] = [];
  for (const origin of monthlyOrigins(firstLaunch(data), evalEnd)) {
    const d = dateOrdinal(origin);
    for (const [tenor, h] of Object.entries(tenors)) {
      const target = d + h * DAYS_PER_YEAR;
      if (target > end + 1e-9) continue;
      const at = ordinalToIso(Math.floor(target + 1e-9));
      for (const family of data.families.keys()) {
        const head = familyHead(data, family, origin);
        if (!head) continue;
        const spot = tierPrice(data, family, origin)!;
        const actual = tierPrice(data, family, at)!;
        const base = scheduledBase(spot, announcedAfter(head, origin), origin, h);
        const c90 = new Float64Array(COMBOS.length);
        const c50 = new Float64Array(COMBOS.length);
        COMBOS.forEach((cal, k) => {
          const pit = lawPit(tierLaw(tierLawState(data, fitAt(origin), family, origin, cal)!, base, h), actual);
          c90[k] = pitCoverage(pit, 0.9);
          c50[k] = pitCoverage(pit, 0.5);
        });
        matured.push({ at: Math.floor(target + 1e-9), tenor, c90, c50 });
      }
    }
  }
  matured.sort((a, b) => a.at - b.at);
  return {
    at(asOf: string): TierCalibration {
      const d = dateOrdinal(asOf, "as_of");
      const upTo = matured.filter((p) => p.at <= d);
      const cov = (ps: typeof upTo, k: number, c: "c90" | "c50") => ps.reduce((s, p) => s + p[c][k]!, 0) / ps.length;
      const goal = CALIBRATION_TENORS.map((t) => upTo.filter((p) => p.tenor === t));
      if (goal.some((ps) => ps.length < MIN_CALIBRATION_PAIRS)) {
        return {
          ...UNCALIBRATED,
          pairs: upTo.length,
          coverage90: upTo.length ? cov(upTo, 0, "c90") : null,
          coverage50: upTo.length ? cov(upTo, 0, "c50") : null,
        };
      }
      let best = COMBOS.findIndex((_, k) => goal.every((ps) => cov(ps, k, "c90") >= CALIBRATION_COVERAGE));
      if (best < 0) best = COMBOS.length - 1;
      return {
        ...COMBOS[best]!,
        pairs: upTo.length,
        coverage90: cov(upTo, best, "c90"),
        coverage50: cov(upTo, best, "c50"),
      };
    },
  };
}
