import { z } from "zod";

/**
 * The usage objects providers return, as their APIs document them (loose: unknown extra fields pass, so a new
 * provider field does not break metering). Counts are non-negative finite numbers; `null` is accepted where the
 * official SDKs type a field as nullable.
 */
const count = z.number().finite().nonnegative();
const opt = count.nullish();

/** OpenAI Chat Completions `usage` (prompt_tokens includes cached tokens; completion_tokens includes reasoning). */
export const OpenAIChatUsageSchema = z.looseObject({
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: opt,
  prompt_tokens_details: z.looseObject({ cached_tokens: opt, audio_tokens: opt }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: opt, audio_tokens: opt }).nullish(),
});

/** OpenAI Responses `usage` (input_tokens includes cached tokens; output_tokens includes reasoning). */
export const OpenAIResponsesUsageSchema = z.looseObject({
  input_tokens: count,
  output_tokens: count,
  total_tokens: opt,
  input_tokens_details: z.looseObject({ cached_tokens: opt }).nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: opt }).nullish(),
});

/** Anthropic Messages `usage` (input_tokens excludes cache reads and writes; output_tokens includes thinking). */
export const AnthropicUsageSchema = z.looseObject({
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: opt,
  cache_read_input_tokens: opt,
  cache_creation: z.looseObject({ ephemeral_5m_input_tokens: opt, ephemeral_1h_input_tokens: opt }).nullish(),
});

/** Gemini `usageMetadata` (promptTokenCount includes cached content; candidatesTokenCount excludes thoughts). */
export const GeminiUsageSchema = z.looseObject({
  promptTokenCount: count,
  candidatesTokenCount: opt,
  cachedContentTokenCount: opt,
  thoughtsTokenCount: opt,
  toolUsePromptTokenCount: opt,
  totalTokenCount: opt,
});

export type OpenAIChatUsage = z.infer<typeof OpenAIChatUsageSchema>;
export type OpenAIResponsesUsage = z.infer<typeof OpenAIResponsesUsageSchema>;
export type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;
export type GeminiUsage = z.infer<typeof GeminiUsageSchema>;
