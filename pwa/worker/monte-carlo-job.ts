import { simulateLifecycleChunks, tickerProcess } from "../../oracle-core/forecast";
import { announcedPath, tickerStateOfRow } from "../../oracle-core/forecast";
import { simulateMertonChunks } from "../../oracle-core/quant";
import { TENORS } from "../../oracle-core/quant";
import { yieldToEvents } from "./jobs";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { MonteCarloInput, MonteCarloView, OnProgress } from "./worker-api";

/**
 * Seeded simulation of a model's β in chunks, reporting progress; cancel stops it between chunks. The row's
 * lifecycle-hazard law (moves at a hazard that depends on age and succession, monthly steps) as the API simulates
 * it; Merton (MATH.md §10.3) only for a row from a snapshot without a forecast block.
 */
export async function monteCarlo(
  input: MonteCarloInput,
  signal: { readonly aborted: boolean },
  onProgress: OnProgress,
): Promise<MonteCarloView> {
  const row = rowOf(input.ticker);
  const vd = currentPayload().valuation_date;
  const opts = { paths: input.paths, seed: input.seed, chunkSize: 2_000, signal };
  const dates: Record<string, string> = { spot: vd };
  for (const [name, t] of Object.entries(TENORS)) dates[name] = dateAfter(vd, t);
  if (row.forecast && row.beta > 0) {
    const proc = tickerProcess(tickerStateOfRow(row.forecast, vd));
    const it = simulateLifecycleChunks(proc, (t) => announcedPath(row, vd, t), { ...opts, tenors: { ...TENORS } });
    for (let r = it.next(); ; r = it.next()) {
      if (r.done) {
        const result = { paths: input.paths, seed: input.seed, tenors: r.value };
        return { model: "lifecycle-hazard", result, dates, beta: row.beta };
      }
      onProgress({ ...r.value, phase: "simulating paths" });
      await yieldToEvents();
    }
  }
  const it = simulateMertonChunks({ beta: row.beta, theta: row.theta, sigma_month: row.sigma_month }, opts);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { model: "merton", result: r.value, dates, beta: row.beta };
    onProgress({ ...r.value, phase: "simulating paths" });
    await yieldToEvents();
  }
}
