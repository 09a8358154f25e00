import { simulateMertonChunks } from "../../oracle-core/quant/monte-carlo";
import { TENORS } from "../../oracle-core/quant/defaults";
import { yieldToEvents } from "./jobs";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { MonteCarloInput, MonteCarloView, OnProgress } from "./worker-api";

/** Seeded Merton simulation of a model's β (MATH.md §10.3) in chunks, reporting progress; cancel stops it between chunks. */
export async function monteCarlo(input: MonteCarloInput, signal: { readonly aborted: boolean }, onProgress: OnProgress): Promise<MonteCarloView> {
  const row = rowOf(input.ticker);
  const vd = currentPayload().valuation_date;
  const it = simulateMertonChunks({ beta: row.beta, theta: row.theta, sigma_month: row.sigma_month }, { paths: input.paths, seed: input.seed, chunkSize: 2_000, signal });
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) {
      const dates: Record<string, string> = { spot: vd };
      for (const [name, t] of Object.entries(TENORS)) dates[name] = dateAfter(vd, t);
      return { result: r.value, dates, beta: row.beta };
    }
    onProgress({ ...r.value, phase: "simulating paths" });
    await yieldToEvents();
  }
}
