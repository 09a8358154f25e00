import { z } from "zod";
import { modelInfo, pick } from "./model-info";
import { parseJsonPayload } from "./parse-json";
import { QuoteCollector } from "./quote-collector";
import { SourceError } from "./source-error";
import { issueText, parseTopLevel, requireEntries } from "./top-level";
import type { ParseResult, QuoteField, SourceAdapter } from "./types";

/** OpenRouter pricing key (USD per token, as a decimal string) → quote field. */
const FIELD_OF: Record<string, QuoteField> = {
  prompt: "input",
  completion: "output",
  input_cache_read: "cache_read",
  input_cache_write: "cache_write_5m",
  internal_reasoning: "thinking",
};

const Model = z.object({ id: z.string().min(1), pricing: z.record(z.string(), z.unknown()) });
const Top = z.object({ data: z.array(z.unknown()) });

/** OpenRouter GET /api/v1/models: per-token decimal strings; "-1" marks router-priced models (no fixed price). */
export const openrouterAdapter: SourceAdapter = {
  id: "openrouter",
  parserVersion: "openrouter@1",
  liveUrl: "https://openrouter.ai/api/v1/models",
  bundledPath: "data/archives/openrouter/models.json",
  contentTypes: ["application/json"],
  maxBytes: 16 * 1024 * 1024,
  parse: parseOpenrouter,
};

/**
 * Parses the OpenRouter model list; "-1" prices are rejected (E_QUOTE_VARIABLE), never turned into 0 or a negative.
 * @example parseOpenrouter('{"data":[{"id":"a/b","pricing":{"prompt":"0.000003"}}]}').quotes[0].usd_per_m // 3
 */
export function parseOpenrouter(text: string): ParseResult {
  const top = parseTopLevel(Top, parseJsonPayload(text, "openrouter"), "openrouter", "an object with a data[] array");
  requireEntries(top.data.length, "openrouter");
  const out = new QuoteCollector("openrouter");
  let valid = 0;
  top.data.forEach((raw, i) => {
    const m = Model.safeParse(raw);
    if (!m.success) {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : `entry#${i}`;
      return out.reject(id, "E_QUOTE_SCHEMA", `model entry ${issueText(m.error)}`);
    }
    valid++;
    out.seen(m.data.id);
    out.describe(m.data.id, openrouterInfo(raw));
    for (const [key, value] of Object.entries(m.data.pricing)) {
      const field = FIELD_OF[key];
      if (field) out.price({ model_id: m.data.id, field }, value, 1e6);
    }
  });
  if (valid === 0) throw new SourceError("E_SOURCE_SCHEMA", "openrouter: no entry has the shape { id, pricing }");
  return out.result();
}

const isoDay = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

/** Context length, the top provider's output limit, the listing date (`created`, unix seconds), reasoning, expiry. */
function openrouterInfo(raw: unknown) {
  const created = pick(raw, "created");
  const params = pick(raw, "supported_parameters");
  return modelInfo({
    context_window: pick(raw, "context_length"),
    max_output: pick(raw, "top_provider", "max_completion_tokens"),
    release_date: typeof created === "number" && Number.isFinite(created) ? isoDay(created) : undefined,
    reasoning: Array.isArray(params) ? params.includes("reasoning") || params.includes("include_reasoning") : undefined,
    retires_on: pick(raw, "expiration_date"),
  });
}
