import { calcPrice } from "@pydantic/genai-prices";
import historyJson from "../data/history.json";
import registryJson from "../data/registry.json";
import { compareRows } from "../oracle-core/greeks";
import { fitFamilies } from "../oracle-core/greeks";
import { greekRow } from "../oracle-core/greeks";
import { priceTask } from "../oracle-core/greeks";
import { DEFAULTS } from "../oracle-core/quant";
import { HistoryFileSchema } from "../oracle-core/schemas";
import { RegistryFileSchema } from "../oracle-core/schemas";
import { measure, median, timeAsync } from "./measure";

const VALUATION = "2026-11-24";

/** Issue 2 budgets: one task priced vs @pydantic/genai-prices calcPrice; compare across active models; θ/σ fits. */
export async function benchCore() {
  const registry = RegistryFileSchema.parse(registryJson);
  const history = HistoryFileSchema.parse(historyJson);

  const fitRuns: number[] = [];
  let fits = fitFamilies(history, history.families, VALUATION);
  for (let i = 0; i < 20; i++)
    fitRuns.push((await timeAsync(async () => (fits = fitFamilies(history, history.families, VALUATION)))).ms);

  const quote = { prices: {}, status: "ok" as const, dispersion: 0, sources: [], pending: null };
  const rows = registry.models.map((m) =>
    greekRow(m, fits.get(m.family), quote, history.observations, VALUATION, DEFAULTS.theta_prior_global),
  );
  const byTicker = new Map(rows.map((r) => [r.ticker, r]));

  // One task, the MATH.md worked example: Sonnet 4, 30,000 prompt tokens of which 18,000 cache reads, 800 out.
  const task = { n_in: 30_000, n_out: 800, eta: 0.6 };
  const usage = { input_tokens: 30_000, cache_read_tokens: 18_000, output_tokens: 800 };
  const ours = priceTask(byTicker.get("SONNET-4")!, task, VALUATION).spot!.cost;
  const theirs = Number(calcPrice(usage, "claude-sonnet-4-20250514", { providerId: "anthropic" })?.total_price);
  const one = measure(() => priceTask(byTicker.get("SONNET-4")!, task, VALUATION));
  const peerOne = measure(() => calcPrice(usage, "claude-sonnet-4-20250514", { providerId: "anthropic" }), {
    warmup: 50,
  });

  const active = rows.filter((r) => r.lifecycle === "active");
  const peerIds = active
    .map((r) => registry.models.find((m) => m.ticker === r.ticker)!.match["genai-prices"]?.[0])
    .filter((id): id is string => !!id)
    .map((id) => ({ provider: id.split(":")[0]!, model: id.slice(id.indexOf(":") + 1) }));
  const cmp = measure(() => compareRows(active, task, VALUATION), { warmup: 20 });
  const peerCmp = measure(
    () => {
      for (const p of peerIds) {
        try {
          calcPrice(usage, p.model, { providerId: p.provider });
        } catch {
          /* a model the peer cannot price is skipped, as ours would exclude it */
        }
      }
    },
    { warmup: 3 },
  );

  return {
    price_one_task: {
      model: "SONNET-4",
      cost_ours_usd: ours,
      cost_peer_usd: theirs,
      ours_ops_per_s: one.ops_per_s,
      peer_ops_per_s: peerOne.ops_per_s,
      ratio: one.ops_per_s / peerOne.ops_per_s,
      budget: "≥ 100× the peer",
    },
    compare_all_active: {
      models: active.length,
      peer_models: peerIds.length,
      ours_us_per_call: cmp.us_per_op,
      peer_us_per_call: peerCmp.us_per_op,
      ratio: peerCmp.us_per_op / cmp.us_per_op,
    },
    theta_sigma_fit_all_families: { families: fits.size, median_ms: median(fitRuns), runs: fitRuns.length },
  };
}
