import type { z } from "zod";
import { OracleError } from "../errors";
import {
  AnthropicUsageSchema,
  GeminiUsageSchema,
  OpenAIChatUsageSchema,
  OpenAIResponsesUsageSchema,
} from "./usage-schemas";

/** The provider usage formats {@link readUsage} understands. */
export type UsageFormat = "openai-chat" | "openai-responses" | "anthropic" | "gemini";

/**
 * A call's tokens in MATH.md §2.1 terms: n_in is the whole prompt (uncached + cache reads + cache writes),
 * n_out the visible output without reasoning, n_think the reasoning tokens; η and ω are fractions of n_in.
 */
export interface MeteredTokens {
  format: UsageFormat;
  /** The model id the response names, when the input was a whole response. */
  response_model: string | null;
  n_in: number;
  n_out: number;
  n_think: number;
  cache_read: number;
  cache_write_5m: number;
  cache_write_1h: number;
  eta: number;
  omega: number;
  /** What the mapping could not price or had to assume, in words. */
  notes: string[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const n0 = (x: number | null | undefined): number => x ?? 0;

function parse<S extends z.ZodType>(schema: S, value: unknown, format: UsageFormat): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join(".") : "usage";
    throw new OracleError("E_BAD_USAGE", `${format} usage: ${where} must be a non-negative number`, where);
  }
  return r.data;
}

function finish(
  format: UsageFormat,
  response_model: string | null,
  t: Omit<MeteredTokens, "format" | "response_model" | "eta" | "omega">,
): MeteredTokens {
  if (t.n_out < 0)
    throw new OracleError("E_BAD_USAGE", `${format} usage reports more reasoning tokens than output tokens`, "n_think");
  const writes = t.cache_write_5m + t.cache_write_1h;
  if (t.cache_read + writes > t.n_in)
    throw new OracleError("E_BAD_USAGE", `${format} usage reports more cached tokens than prompt tokens`, "cache_read");
  return {
    format,
    response_model,
    ...t,
    eta: t.n_in > 0 ? t.cache_read / t.n_in : 0,
    omega: t.n_in > 0 ? writes / t.n_in : 0,
  };
}

/** Which format a bare usage object is in, from the fields only that format has. */
function detect(u: Obj): UsageFormat | null {
  if ("promptTokenCount" in u) return "gemini";
  if ("prompt_tokens" in u) return "openai-chat";
  if ("input_tokens_details" in u || "output_tokens_details" in u) return "openai-responses";
  if ("cache_creation_input_tokens" in u || "cache_read_input_tokens" in u || "cache_creation" in u) return "anthropic";
  // A bare {input_tokens, output_tokens}: OpenAI Responses and Anthropic read it to the same n_in, n_out (no cache, no
  // reasoning).
  if ("input_tokens" in u && "output_tokens" in u) return "anthropic";
  return null;
}

/**
 * Unwraps a whole response (OpenAI chat/responses, Anthropic message, Gemini generateContent) to its usage and model.
 */
function unwrap(x: Obj): { usage: Obj; format: UsageFormat | null; model: string | null } {
  const model = typeof x.model === "string" ? x.model : typeof x.modelVersion === "string" ? x.modelVersion : null;
  if (isObj(x.usageMetadata)) return { usage: x.usageMetadata, format: "gemini", model };
  if (isObj(x.usage)) {
    const byObject =
      x.object === "chat.completion"
        ? "openai-chat"
        : x.object === "response"
          ? "openai-responses"
          : x.type === "message"
            ? "anthropic"
            : null;
    return { usage: x.usage, format: byObject ?? detect(x.usage), model };
  }
  return { usage: x, format: detect(x), model: null };
}

/**
 * Maps a provider response (or its bare usage object) to MATH.md §2.1 token counts.
 * OpenAI: n_in = prompt/input tokens, η = cached/n_in, n_out = completion − reasoning, n_think = reasoning.
 * Anthropic: n_in = input + cache_read + cache_creation (5m and 1h split), n_out = output (thinking is inside it).
 * Gemini: n_in = prompt + tool-use prompt, η = cached/n_in, n_out = candidates, n_think = thoughts.
 * @example readUsage({ prompt_tokens: 1000, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 600 }
 *   }).eta // 0.6
 */
export function readUsage(input: unknown, format?: UsageFormat): MeteredTokens {
  if (!isObj(input)) throw new OracleError("E_BAD_USAGE", "pass a provider response or its usage object", "usage");
  const w = unwrap(input);
  const f = format ?? w.format;
  if (!f)
    throw new OracleError(
      "E_BAD_USAGE",
      "not an OpenAI, Anthropic or Gemini usage object (no prompt_tokens, input_tokens or promptTokenCount)",
      "usage",
    );
  const notes: string[] = [];
  switch (f) {
    case "openai-chat": {
      const u = parse(OpenAIChatUsageSchema, w.usage, f);
      const reasoning = n0(u.completion_tokens_details?.reasoning_tokens);
      if (n0(u.prompt_tokens_details?.audio_tokens) > 0 || n0(u.completion_tokens_details?.audio_tokens) > 0)
        notes.push("audio tokens are priced as text tokens");
      return finish(f, w.model, {
        n_in: u.prompt_tokens,
        n_out: u.completion_tokens - reasoning,
        n_think: reasoning,
        cache_read: n0(u.prompt_tokens_details?.cached_tokens),
        cache_write_5m: 0,
        cache_write_1h: 0,
        notes,
      });
    }
    case "openai-responses": {
      const u = parse(OpenAIResponsesUsageSchema, w.usage, f);
      const reasoning = n0(u.output_tokens_details?.reasoning_tokens);
      return finish(f, w.model, {
        n_in: u.input_tokens,
        n_out: u.output_tokens - reasoning,
        n_think: reasoning,
        cache_read: n0(u.input_tokens_details?.cached_tokens),
        cache_write_5m: 0,
        cache_write_1h: 0,
        notes,
      });
    }
    case "anthropic": {
      const u = parse(AnthropicUsageSchema, w.usage, f);
      const read = n0(u.cache_read_input_tokens);
      const oneHour = n0(u.cache_creation?.ephemeral_1h_input_tokens);
      // The total is authoritative; the breakdown says how much of it was 1-hour (older responses have no breakdown:
      // all 5-minute).
      const total = u.cache_creation_input_tokens ?? n0(u.cache_creation?.ephemeral_5m_input_tokens) + oneHour;
      if (oneHour > total)
        throw new OracleError(
          "E_BAD_USAGE",
          "anthropic usage: ephemeral_1h_input_tokens exceeds cache_creation_input_tokens",
          "cache_creation",
        );
      notes.push("thinking tokens are inside output_tokens (Anthropic bills them as output)");
      return finish(f, w.model, {
        n_in: u.input_tokens + read + total,
        n_out: u.output_tokens,
        n_think: 0,
        cache_read: read,
        cache_write_5m: total - oneHour,
        cache_write_1h: oneHour,
        notes,
      });
    }
    case "gemini": {
      const u = parse(GeminiUsageSchema, w.usage, f);
      const tool = n0(u.toolUsePromptTokenCount);
      if (tool > 0) notes.push("tool-use prompt tokens are billed as input");
      return finish(f, w.model, {
        n_in: u.promptTokenCount + tool,
        n_out: n0(u.candidatesTokenCount),
        n_think: n0(u.thoughtsTokenCount),
        cache_read: n0(u.cachedContentTokenCount),
        cache_write_5m: 0,
        cache_write_1h: 0,
        notes,
      });
    }
  }
}
