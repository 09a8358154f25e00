import { tidyPrice } from "../publishing/tidy-price";
import type { GreekRow } from "../schemas/greek-row";
import { classPrices, type ClassPrices } from "./class-prices";
import { GENAI_PROVIDER, providerModelIds, type AliasEntry } from "./model-aliases";

/** genai-prices v2 `MatchLogic` (the subset we emit). */
export type GenaiMatch =
  | { equals: string }
  | { or: GenaiMatch[] }
  | { contains: string }
  | { starts_with: string }
  | { regex: string };
/** A price: USD per 1M tokens, or whole-request tiers keyed on the prompt's input tokens (`start` is exclusive). */
export type GenaiPrice = number | { base: number; tiers: { start: number; price: number }[] };
export type GenaiPrices = Record<string, GenaiPrice>;
export interface GenaiModel {
  id: string;
  name: string;
  match: GenaiMatch;
  context_window: number;
  prices: GenaiPrices | { constraint?: { start_date: string }; prices: GenaiPrices }[];
}
export interface GenaiProvider {
  id: string;
  name: string;
  api_pattern: string;
  pricing_urls?: string[];
  model_match: GenaiMatch;
  models: GenaiModel[];
}

/** Provider metadata as genai-prices' own data states it (name, API URL pattern, model-name match). */
const PROVIDERS: Readonly<Record<string, Omit<GenaiProvider, "models" | "id">>> = {
  openai: {
    name: "OpenAI",
    api_pattern: "https://api\\.openai\\.com",
    model_match: { or: [{ starts_with: "gpt-" }, { regex: "^o[134]" }] },
  },
  anthropic: { name: "Anthropic", api_pattern: "https://api\\.anthropic\\.com", model_match: { contains: "claude" } },
  google: { name: "Google", api_pattern: "https://(.*\\.)?googleapis\\.com", model_match: { contains: "gemini" } },
  xai: { name: "X AI", api_pattern: "https://api\\.x\\.ai", model_match: { contains: "grok" } },
  mistral: {
    name: "Mistral",
    api_pattern: "https://api\\.mistral\\.ai",
    model_match: { regex: "(?:mi|code|dev|magi|mini)stral" },
  },
  deepseek: { name: "Deepseek", api_pattern: "https://api\\.deepseek\\.com", model_match: { starts_with: "deepseek" } },
  meta: {
    name: "Meta (median of hosts)",
    api_pattern: "https://api\\.llama\\.com",
    model_match: { contains: "llama" },
  },
};

/**
 * One price set in genai-prices keys; tiered when the row has context tiers (input side × α_in, output side × α_out).
 */
function genaiPrices(p: ClassPrices, tiers: GreekRow["tiers"]): GenaiPrices {
  const tiered = (base: number, side: "alpha_in" | "alpha_out"): GenaiPrice =>
    tiers.length === 0 ? base : { base, tiers: tiers.map((t) => ({ start: t.tau, price: base * t[side] })) };
  const out: GenaiPrices = { input_mtok: tiered(p.input, "alpha_in"), output_mtok: tiered(p.output, "alpha_out") };
  if (p.cache_read !== null) out.cache_read_mtok = tiered(p.cache_read, "alpha_in");
  // genai-prices prices a 1h write only beside its ancestor cache_write_mtok (the 5-minute, default write).
  if (p.cache_write_5m !== null) out.cache_write_mtok = tiered(p.cache_write_5m, "alpha_in");
  if (p.cache_write_5m !== null && p.cache_write_1h !== null)
    out.cache_write_1h_mtok = tiered(p.cache_write_1h, "alpha_in");
  if (p.thinking !== null) out.output_reasoning_mtok = tiered(p.thinking, "alpha_out");
  return out;
}

/**
 * An announced price as a full set: input and output as announced, the other classes by the row's ratios (MATH.md §1:
 * cache read and thinking relative to β, cache writes relative to input), assumed stationary as the forward curve does.
 */
function scheduledSet(row: GreekRow, s: GreekRow["scheduled"][number]): ClassPrices {
  const p = row.prices;
  return {
    input: s.input,
    output: s.output,
    cache_read: p.cache_read === null ? null : tidyPrice(s.output * row.r_cache),
    cache_write_5m: p.cache_write_5m === null ? null : tidyPrice(s.input * row.cache_write_mult["5m"]),
    cache_write_1h: p.cache_write_1h === null ? null : tidyPrice(s.input * row.cache_write_mult["1h"]),
    thinking: p.thinking === null ? null : tidyPrice(s.output * row.r_think),
  };
}

/**
 * Every active ticker in genai-prices' v2 data format (providers → models → prices per 1M tokens), with announced
 * prices after `valuationDate` as start_date-constrained sets, so genai-prices' `updatePrices` can load it as its data.
 */
export function genaiPricesExport(
  rows: readonly GreekRow[],
  entryOf: (ticker: string) => AliasEntry | undefined,
  valuationDate: string,
): GenaiProvider[] {
  const byProvider = new Map<string, GenaiModel[]>();
  for (const row of rows) {
    if (row.lifecycle !== "active") continue;
    const entry = entryOf(row.ticker);
    const ids = entry ? providerModelIds(entry) : [row.ticker.toLowerCase()];
    const current = genaiPrices(classPrices(row), row.tiers);
    const future = [...row.scheduled]
      .filter((s) => s.effective_date > valuationDate)
      .sort((a, b) => a.effective_date.localeCompare(b.effective_date));
    const model: GenaiModel = {
      id: ids[0]!,
      name: row.display_name,
      match: ids.length === 1 ? { equals: ids[0]! } : { or: ids.map((equals) => ({ equals })) },
      context_window: row.context_window,
      prices:
        future.length === 0
          ? current
          : [
              { prices: current },
              ...future.map((s) => ({
                constraint: { start_date: s.effective_date },
                prices: genaiPrices(scheduledSet(row, s), row.tiers),
              })),
            ],
    };
    const list = byProvider.get(row.provider) ?? [];
    list.push(model);
    byProvider.set(row.provider, list);
  }
  return [...byProvider]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provider, models]) => ({
      id: GENAI_PROVIDER[provider] ?? provider,
      ...(PROVIDERS[provider] ?? { name: provider, api_pattern: "$^", model_match: { equals: "" } }),
      models,
    }));
}
