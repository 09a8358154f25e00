import type { GreekRow } from "../schemas/greek-row";
import { classPrices } from "./class-prices";
import { bareModelId, providerModelIds, type AliasEntry } from "./model-aliases";

/**
 * LiteLLM's `litellm_provider` for our providers' own APIs (Gemini API keys are `gemini/…`; bare Gemini ids are
 * Vertex's).
 */
const LITELLM_PROVIDER: Readonly<Record<string, string>> = {
  openai: "openai",
  anthropic: "anthropic",
  google: "vertex_ai-language-models",
  xai: "xai",
  mistral: "mistral",
  deepseek: "deepseek",
  meta: "meta_llama",
};
/** Providers whose LiteLLM route is `prefix/model`, and that prefix's litellm_provider. */
const LITELLM_PREFIXED: Readonly<Record<string, string>> = {
  google: "gemini",
  xai: "xai",
  mistral: "mistral",
  deepseek: "deepseek",
  meta: "meta_llama",
};

/** One entry of model_prices_and_context_window.json (prices in USD per token, as LiteLLM stores them). */
export type LitellmEntry = Record<string, number | string | boolean>;

const perToken = (usdPerM: number): number => usdPerM / 1e6;

/** The per-token price fields of a row, with `_above_Nk_tokens` context tiers and batch prices. */
function litellmPrices(row: GreekRow): Record<string, number> {
  const p = classPrices(row);
  const out: Record<string, number> = {
    input_cost_per_token: perToken(p.input),
    output_cost_per_token: perToken(p.output),
  };
  const inputSide: [string, number | null][] = [
    ["cache_read_input_token_cost", p.cache_read],
    ["cache_creation_input_token_cost", p.cache_write_5m],
    ["cache_creation_input_token_cost_above_1hr", p.cache_write_1h],
  ];
  for (const [k, v] of inputSide) if (v !== null) out[k] = perToken(v);
  if (p.thinking !== null) out.output_cost_per_reasoning_token = perToken(p.thinking);
  if (row.r_batch !== null) {
    out.input_cost_per_token_batches = perToken(p.input * row.r_batch);
    out.output_cost_per_token_batches = perToken(p.output * row.r_batch);
  }
  for (const t of row.tiers) {
    // LiteLLM names tiers in thousands of tokens ("_above_200k_tokens"); a threshold it cannot name is left out.
    if (t.tau % 1000 !== 0) continue;
    const sfx = `_above_${t.tau / 1000}k_tokens`;
    out[`input_cost_per_token${sfx}`] = perToken(p.input * t.alpha_in);
    out[`output_cost_per_token${sfx}`] = perToken(p.output * t.alpha_out);
    for (const [k, v] of inputSide) if (v !== null) out[`${k}${sfx}`] = perToken(v * t.alpha_in);
    if (p.thinking !== null) out[`output_cost_per_reasoning_token${sfx}`] = perToken(p.thinking * t.alpha_out);
  }
  return out;
}

/** The keys a row is listed under: LiteLLM's own ids for it (else our canonical id), plus `provider/id` routes. */
export function litellmKeys(
  row: Pick<GreekRow, "ticker" | "provider">,
  entry: AliasEntry | undefined,
): { key: string; provider: string }[] {
  const own = LITELLM_PROVIDER[row.provider] ?? row.provider;
  const ids =
    entry?.match.litellm?.map(bareModelId) ??
    (entry ? providerModelIds(entry).slice(0, 1) : [row.ticker.toLowerCase()]);
  const keys = ids.map((id) => ({ key: id, provider: own }));
  const prefix = LITELLM_PREFIXED[row.provider];
  if (prefix) for (const id of ids) keys.push({ key: `${prefix}/${id}`, provider: prefix });
  return keys;
}

/**
 * Every active ticker in LiteLLM's model_prices_and_context_window.json format, so LiteLLM (or anything that reads
 * its file) can point at Exostream instead of a hand-edited copy. Keys are sorted for a stable body.
 * @example litellmExport(snapshot.models, (t) => registryEntry(t))["gpt-4.1"].output_cost_per_token // 8e-6
 */
export function litellmExport(
  rows: readonly GreekRow[],
  entryOf: (ticker: string) => AliasEntry | undefined,
): Record<string, LitellmEntry> {
  const out: Record<string, LitellmEntry> = {};
  for (const row of rows) {
    if (row.lifecycle !== "active") continue;
    const prices = litellmPrices(row);
    for (const { key, provider } of litellmKeys(row, entryOf(row.ticker))) {
      out[key] = {
        ...prices,
        litellm_provider: provider,
        mode: "chat",
        max_input_tokens: row.context_window,
        max_output_tokens: row.max_output,
        max_tokens: row.max_output,
        supports_prompt_caching: row.prices.cache_read !== null,
        supports_reasoning: row.reasoning,
      };
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
