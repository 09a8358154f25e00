import historyJson from "../data/history.json";
import registryJson from "../data/registry.json";
import { backtestFamilies } from "../oracle-core/market/backtest-families";
import { indexSeries } from "../oracle-core/market/index-series";
import { priceSwap, tickerUnderlying } from "../oracle-core/market/swap-request";
import { simulateMerton } from "../oracle-core/quant/monte-carlo";
import { HistoryFileSchema } from "../oracle-core/schemas/observation";
import { RegistryFileSchema } from "../oracle-core/schemas/registry";
import { measure, median, timeAsync } from "./measure";

const VALUATION = "2026-11-24";

/** Median wall time of `runs` calls (after one warm-up call). */
async function medianMs(fn: () => unknown, runs: number): Promise<number> {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timeAsync(async () => fn())).ms);
  return median(ms);
}

/** Issue 4 budgets: Monte Carlo throughput, EICI recomputation over the bundled history, the full backtest. */
export async function benchMarket() {
  const registry = RegistryFileSchema.parse(registryJson);
  const history = HistoryFileSchema.parse(historyJson);

  // Monte Carlo: 100,000 paths over 12 monthly steps (GPT-4-like parameters), and the API default.
  const monthly = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i + 1}M`, (i + 1) / 12]));
  const params = { beta: 8, theta: 0.8015, sigma_month: 0.1262 };
  const mc100k = await medianMs(() => simulateMerton(params, { paths: 100_000, seed: 1, tenors: monthly }), 5);
  const mc10k = await medianMs(() => simulateMerton(params, { paths: 10_000, seed: 1 }), 9);

  // EICI: the daily series from the base date to the valuation date, recomputed from the history.
  const universe = registry.models.map((m) => ({ ticker: m.ticker, provider: m.provider, usage: m.index_weight_proxy }));
  let series = indexSeries({ observations: history.observations, universe, valuation_date: VALUATION });
  const indexMs = await medianMs(() => (series = indexSeries({ observations: history.observations, universe, valuation_date: VALUATION })), 9);

  // Backtest: every family, date and tenor, θ re-fitted as of each date.
  let bt = backtestFamilies({ history, families: history.families, eval_end: registry.as_of });
  const btMs = await medianMs(() => (bt = backtestFamilies({ history, families: history.families, eval_end: registry.as_of })), 9);

  const swap = measure(() => priceSwap({ underlying: "GPT-4.1", term_months: 6, fixing: "average", notional: { kind: "tokens", amount: 1e9 }, K: 7 }, tickerUnderlying({ ticker: "GPT-4.1", beta: 8, theta: 0.8 }), VALUATION), { warmup: 200 });

  return {
    monte_carlo: {
      paths_x_steps_per_s: (100_000 * 12) / (mc100k / 1000),
      ms_100k_paths_12_monthly_steps: mc100k,
      ms_10k_paths_4_tenors: mc10k,
    },
    index: { ms_full_history: indexMs, fixings: series.series.length, base_date: series.base_date, members_today: series.series.at(-1)!.members },
    backtest: { ms_full_history: btMs, predictions: bt.predictions.length, families: bt.families.length },
    swap: { ops_per_s_6m_average: swap.ops_per_s },
  };
}
