/**
 * Walk-forward calibration of the tier law, the out-of-sample check of the published calibration. The fitted
 * compound-Poisson law is too sure of itself (its 90% bands cover ~76% at 6M), so it is widened along a path —
 * more price-changing launches, wider steps — to the first point whose 90% bands covered ≥ 90% of the tier
 * forecasts that had matured by the date: past outcomes only.
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
  [1, 1], [1.25, 1], [1.25, 1.15], [1.5, 1.15], [1.5, 1.3], [1.75, 1.3], [1.75, 1.5], [2, 1.5], [2, 1.75],
] as const);
/** Fewer matured forecasts than this leave the law as fitted. */
export const MIN_CALIBRATION_PAIRS = 60;

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
 * `at(d)` then picks the first path point whose 90% bands covered ≥ 90% of the forecasts matured by d.
 * @example tierCalibrator(data, fitAt, "2026-08-21").at("2026-08-21").widen
 */
export function tierCalibrator(
  data: LifecycleData,
  fitAt: (date: string) => LifecycleFit,
  evalEnd: string,
  tenors: Readonly<Record<string, number>> = TENORS,
): TierCalibrator {
  const end = dateOrdinal(evalEnd, "eval_end");
  const matured: { at: number; c90: Float64Array; c50: Float64Array }[] = [];
  for (const origin of monthlyOrigins(firstLaunch(data), evalEnd)) {
    const d = dateOrdinal(origin);
    for (const h of Object.values(tenors)) {
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
        matured.push({ at: Math.floor(target + 1e-9), c90, c50 });
      }
    }
  }
  matured.sort((a, b) => a.at - b.at);
  // Prefix sums per path point: coverage over the first n matured forecasts in O(path) per date.
  const s90 = [new Float64Array(COMBOS.length)];
  const s50 = [new Float64Array(COMBOS.length)];
  for (const p of matured) {
    const a = Float64Array.from(s90.at(-1)!, (v, k) => v + p.c90[k]!);
    const b = Float64Array.from(s50.at(-1)!, (v, k) => v + p.c50[k]!);
    s90.push(a);
    s50.push(b);
  }
  return {
    at(asOf: string): TierCalibration {
      const d = dateOrdinal(asOf, "as_of");
      let n = 0;
      while (n < matured.length && matured[n]!.at <= d) n++;
      if (n < MIN_CALIBRATION_PAIRS) {
        return { ...UNCALIBRATED, pairs: n, coverage90: n ? s90[n]![0]! / n : null, coverage50: n ? s50[n]![0]! / n : null };
      }
      let best = COMBOS.findIndex((_, k) => s90[n]![k]! / n >= 0.9);
      if (best < 0) best = COMBOS.length - 1;
      return { ...COMBOS[best]!, pairs: n, coverage90: s90[n]![best]! / n, coverage50: s50[n]![best]! / n };
    },
  };
}
