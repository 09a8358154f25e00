// Public surface of the integrations: provider usage → MATH.md §2.1, metering and pre-call estimates,
// drop-in price tables (LiteLLM, genai-prices), change events and webhook filters and signatures. Pure: no I/O, no
// clock.
export { readUsage } from "./read-usage";
export { meterTokens } from "./meter-usage";
export { estimateCall } from "./estimate-call";
export { modelAliases, resolveModel, providerModelIds, genaiIds, bareModelId, GENAI_PROVIDER } from "./model-aliases";
export { litellmExport, litellmKeys } from "./export-litellm";
export { genaiPricesExport } from "./export-genai-prices";
export { CHANGE_KINDS, DERIVED_KINDS, changeTitle } from "./change-event";
export { WebhookFilterSchema, WebhookCreateSchema, matchEvents } from "./webhook-filter";
export { signWebhook, verifyWebhook, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_S } from "./webhook-signature";
export {
  OpenAIChatUsageSchema,
  OpenAIResponsesUsageSchema,
  AnthropicUsageSchema,
  GeminiUsageSchema,
} from "./usage-schemas";

export type { UsageFormat, MeteredTokens } from "./read-usage";
export type { MeterResult } from "./meter-usage";
export type { CallToEstimate, CallEstimate } from "./estimate-call";
export type { AliasEntry } from "./model-aliases";
export type { LitellmEntry } from "./export-litellm";
export type { GenaiProvider, GenaiModel, GenaiPrices, GenaiPrice, GenaiMatch } from "./export-genai-prices";
export type { ChangeEvent, ChangeKind, EventKind } from "./change-event";
export type { WebhookFilter, WebhookCreate, PublishEvents, EventRow } from "./webhook-filter";

// used by the other parts
export { classPrices } from "./class-prices";
