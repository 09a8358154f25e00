import { z } from "zod";
import { modelInfo, pick } from "./model-info";
import { parseJsonPayload } from "./parse-json";
import { QuoteCollector } from "./quote-collector";
import { SourceError } from "./source-error";
import { issueText, parseTopLevel, requireEntries } from "./top-level";
import type { ParseResult, QuoteField, SourceAdapter } from "./types";

const FIELD_OF: Record<string, QuoteField> = {
  input: "input",
  output: "output",
  cache_read: "cache_read",
  cached_input: "cache_read",
  cache_write: "cache_write_5m",
  reasoning: "thinking",
};

const Tier = z.object({ tier: z.object({ size: z.number().int().positive() }) }).catchall(z.unknown());
const Cost = z.object({ tiers: z.array(z.unknown()).optional() }).catchall(z.unknown());
const Model = z.object({ id: z.string().min(1).optional(), cost: Cost.optional() });
const Provider = z.object({ models: z.record(z.string(), z.unknown()) });
const Top = z.record(z.string(), z.unknown());

/** models.dev api.json: provider → models → cost in USD per 1M tokens, optional context tiers. */
export const modelsDevAdapter: SourceAdapter = {
  id: "models-dev",
  parserVersion: "models-dev@1",
  liveUrl: "https://models.dev/api.json",
  bundledPath: "data/archives/models-dev/api.json",
  contentTypes: ["application/json"],
  maxBytes: 16 * 1024 * 1024,
  parse: parseModelsDev,
};

/** Parses models.dev api.json; a model without `cost` is seen but quoted nowhere. */
export function parseModelsDev(text: string): ParseResult {
  const top = parseTopLevel(Top, parseJsonPayload(text, "models-dev"), "models-dev", "an object of providers");
  requireEntries(Object.keys(top).length, "models-dev");
  const out = new QuoteCollector("models-dev");
  let valid = 0;
  for (const [providerId, rawProvider] of Object.entries(top)) {
    const p = Provider.safeParse(rawProvider);
    if (!p.success) {
      out.reject(`${providerId}:*`, "E_QUOTE_SCHEMA", `provider entry ${issueText(p.error)}`);
      continue;
    }
    valid++;
    for (const [key, rawModel] of Object.entries(p.data.models)) {
      const m = Model.safeParse(rawModel);
      if (!m.success) {
        out.reject(`${providerId}:${key}`, "E_QUOTE_SCHEMA", `model entry ${issueText(m.error)}`);
        continue;
      }
      const modelId = m.data.id ?? key;
      out.seen(`${providerId}:${modelId}`);
      out.describe(
        `${providerId}:${modelId}`,
        modelInfo({
          context_window: pick(rawModel, "limit", "context"),
          max_output: pick(rawModel, "limit", "output"),
          release_date: pick(rawModel, "release_date"),
          reasoning: pick(rawModel, "reasoning"),
          deprecated: pick(rawModel, "status") === "deprecated" ? true : undefined,
        }),
      );
      const cost = m.data.cost;
      if (!cost) continue;
      const base = { model_id: modelId, provider: providerId };
      addCost(out, base, cost);
      for (const rawTier of cost.tiers ?? []) {
        const t = Tier.safeParse(rawTier);
        if (!t.success) {
          out.reject(modelId, "E_QUOTE_SCHEMA", `cost tier ${issueText(t.error)}`);
          continue;
        }
        addCost(out, { ...base, tier_above: t.data.tier.size }, t.data);
      }
    }
  }
  if (valid === 0) throw new SourceError("E_SOURCE_SCHEMA", "models-dev: no provider has a models object");
  return out.result();
}

function addCost(
  out: QuoteCollector,
  base: { model_id: string; provider: string; tier_above?: number },
  cost: Record<string, unknown>,
): void {
  for (const [key, raw] of Object.entries(cost)) {
    const field = FIELD_OF[key];
    if (!field) continue;
    if (key === "cached_input" && cost.cache_read !== undefined) continue; // cache_read wins when both are given
    out.price({ ...base, field }, raw, 1);
  }
}
