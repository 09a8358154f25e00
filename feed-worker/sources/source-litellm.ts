import { z } from "zod";
import { modelInfo } from "./model-info";
import { parseJsonPayload } from "./parse-json";
import { QuoteCollector } from "./quote-collector";
import { parseTopLevel, requireEntries } from "./top-level";
import { SourceError } from "./source-error";
import type { ParseResult, QuoteField, SourceAdapter } from "./types";

/** LiteLLM key (per token) → quote field. Service-tier variants (_priority, _flex) and modality prices are not read. */
const FIELD_OF: Record<string, QuoteField> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cache_read",
  cache_creation_input_token_cost: "cache_write_5m",
  cache_creation_input_token_cost_above_1hr: "cache_write_1h",
  input_cost_per_token_batches: "batch_input",
  output_cost_per_token_batches: "batch_output",
  output_cost_per_reasoning_token: "thinking",
};

/** `input_cost_per_token_above_200k_tokens` → the base key and a 200 000-token tier. */
const TIER_KEY = /^(.+)_above_(\d+)k_tokens$/;
const NOT_MODELS = new Set(["sample_spec"]);

const Top = z.record(z.string(), z.unknown());
const Entry = z.record(z.string(), z.unknown());
const Provider = z.string().min(1);

/** LiteLLM model_prices_and_context_window.json: model → flat fields, prices in USD per token. */
export const litellmAdapter: SourceAdapter = {
  id: "litellm",
  parserVersion: "litellm@1",
  liveUrl: "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
  bundledPath: "data/archives/litellm/model_prices_and_context_window.json",
  contentTypes: ["application/json", "text/plain"],
  maxBytes: 16 * 1024 * 1024,
  parse: parseLitellm,
};

/**
 * Parses LiteLLM's price map into per-1M quotes (per-token floats × 1e6), with context tiers from `_above_Nk_tokens`
 * keys.
 * @example parseLitellm('{"gpt-4.1":{"output_cost_per_token":8e-6}}').quotes[0].usd_per_m // 8
 */
export function parseLitellm(text: string): ParseResult {
  const top = parseTopLevel(Top, parseJsonPayload(text, "litellm"), "litellm", "an object of model entries");
  const ids = Object.keys(top).filter((k) => !NOT_MODELS.has(k));
  requireEntries(ids.length, "litellm");
  const out = new QuoteCollector("litellm");
  let objects = 0;
  for (const id of ids) {
    const entry = Entry.safeParse(top[id]);
    if (!entry.success || Array.isArray(top[id])) {
      out.reject(id, "E_QUOTE_SCHEMA", "model entry is not an object");
      continue;
    }
    objects++;
    out.seen(id);
    const e = entry.data;
    // LiteLLM's max_input_tokens is the prompt limit: the context window as far as this file says.
    out.describe(
      id,
      modelInfo({
        context_window: e.max_input_tokens,
        max_output: e.max_output_tokens,
        reasoning: e.supports_reasoning,
        retires_on: e.deprecation_date,
        comment: e._comment,
      }),
    );
    const provider = Provider.safeParse(entry.data.litellm_provider);
    const base = provider.success ? { model_id: id, provider: provider.data } : { model_id: id };
    for (const [key, raw] of Object.entries(entry.data)) {
      const tier = TIER_KEY.exec(key);
      const field = FIELD_OF[tier ? (tier[1] ?? "") : key];
      if (!field) continue;
      const slot = tier ? { ...base, field, tier_above: Number(tier[2]) * 1000 } : { ...base, field };
      out.price(slot, raw, 1e6);
    }
  }
  if (objects === 0) throw new SourceError("E_SOURCE_SCHEMA", "litellm: no entry is a model object");
  return out.result();
}
