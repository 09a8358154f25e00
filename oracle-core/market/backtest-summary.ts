/** MATH.md §11 summaries of backtest pairs: n, MAPE and median APE (in %), all pairs and ex-successor, for the forward and the no-change baseline. */
import type { BacktestPrediction } from "./backtest-series";

/** Error summary over a set of pairs; null statistics when there are none (§11). */
export interface ApeSummary {
  n: number;
  mape_pct: number | null;
  median_ape_pct: number | null;
}

/** One tenor's (or one family-tenor's) summary. */
export interface TenorSummary {
  forward: { all: ApeSummary; ex_successor: ApeSummary };
  no_change: { all: ApeSummary; ex_successor: ApeSummary };
  n_flagged: number;
}

/** n, mean APE × 100 and median APE × 100 (median of an even count: mean of the middle two). */
export function apeSummary(apes: readonly number[]): ApeSummary {
  if (apes.length === 0) return { n: 0, mape_pct: null, median_ape_pct: null };
  const s = [...apes].sort((a, b) => a - b);
  const n = s.length;
  const med = n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
  return { n, mape_pct: (100.0 * s.reduce((a, b) => a + b, 0)) / n, median_ape_pct: 100.0 * med };
}

/** Summary of the pairs of one tenor. */
export function tenorSummary(rows: readonly BacktestPrediction[]): TenorSummary {
  const ex = rows.filter((r) => !r.successor_step);
  return {
    forward: { all: apeSummary(rows.map((r) => r.ape)), ex_successor: apeSummary(ex.map((r) => r.ape)) },
    no_change: { all: apeSummary(rows.map((r) => r.ape_no_change)), ex_successor: apeSummary(ex.map((r) => r.ape_no_change)) },
    n_flagged: rows.length - ex.length,
  };
}

/** {tenor: summary} for every tenor name, in the given order. */
export function summaryByTenor(rows: readonly BacktestPrediction[], tenors: readonly string[]): Record<string, TenorSummary> {
  return Object.fromEntries(tenors.map((t) => [t, tenorSummary(rows.filter((r) => r.tenor === t))]));
}
