/** MATH.md §11: walk-forward backtest of the forward β(d)·e^(−θ_d h) against the step-function actual price. */
import { dateOrdinal, ordinalToIso } from "./dates";
import { DAYS_PER_YEAR, TENORS } from "./defaults";
import { prepareSeries, type Observation } from "./prepare-series";
import { fitPrepared, resolveFitOptions, type FitOptions } from "./theta";
import { tenorMap } from "./validate";

/** Input of {@link backtest}: the series, tenors, evaluation end `as_of`, and production fit options. */
export interface BacktestInput extends Omit<FitOptions, "as_of"> {
  obs: readonly Observation[];
  tenors?: Record<string, number> | null;
  /** Last date a pair may reach (default: the last observation). */
  as_of?: string | null;
}

/** One (date, tenor) pair. */
export interface BacktestRow {
  date: string;
  tenor: string;
  theta: number;
  predicted: number;
  actual: number;
  ape: number;
  successor_step: boolean;
}

/** Error summary over a set of pairs (null when there are none). */
export interface BacktestAggregate {
  n: number;
  mape_pct: number | null;
  median_ape_pct: number | null;
}

/** Output of {@link backtest}. */
export interface BacktestResult {
  rows: BacktestRow[];
  summary: Record<string, { all: BacktestAggregate; ex_successor: BacktestAggregate; n_flagged: number }>;
}

function aggregate(xs: number[]): BacktestAggregate {
  if (xs.length === 0) return { n: 0, mape_pct: null, median_ape_pct: null };
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const med = n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
  return { n, mape_pct: (100.0 * s.reduce((a, b) => a + b, 0)) / n, median_ape_pct: 100.0 * med };
}

/**
 * For each observation date d and tenor h with d + h ≤ as_of: fit θ on data ≤ d, predict, compare, and
 * flag pairs with a successor launch in (d, d+h].
 */
export function backtest(input: BacktestInput): BacktestResult {
  const fitOpts = resolveFitOptions(input);
  const tenors = tenorMap("tenors", input.tenors ?? TENORS);
  const pts = prepareSeries(input.obs);
  const end = input.as_of != null ? dateOrdinal(input.as_of, "as_of") : pts[pts.length - 1]!.ordinal;
  const rows: BacktestRow[] = [];
  for (let i = 0; i < pts.length; i++) {
    const { ordinal: d, price: p } = pts[i]!;
    if (d > end) break;
    const theta = fitPrepared(pts.slice(0, i + 1), fitOpts).theta;
    for (const [name, h] of Object.entries(tenors)) {
      const target = d + h * DAYS_PER_YEAR;
      if (target > end + 1e-9) continue;
      let actual = p;
      for (const x of pts) if (x.ordinal <= target) actual = x.price;
      const pred = p * Math.exp(-theta * h);
      rows.push({
        date: ordinalToIso(d),
        tenor: name,
        theta,
        predicted: pred,
        actual,
        ape: Math.abs(pred - actual) / actual,
        successor_step: pts.some((x) => x.kind === "successor" && d < x.ordinal && x.ordinal <= target),
      });
    }
  }
  const summary: BacktestResult["summary"] = {};
  for (const name of Object.keys(tenors)) {
    const mine = rows.filter((r) => r.tenor === name);
    summary[name] = {
      all: aggregate(mine.map((r) => r.ape)),
      ex_successor: aggregate(mine.filter((r) => !r.successor_step).map((r) => r.ape)),
      n_flagged: mine.filter((r) => r.successor_step).length,
    };
  }
  return { rows, summary };
}
