import type { PriceQuote, QuoteField } from "../../oracle-core/publishing";

export { QUOTE_FIELDS } from "../../oracle-core/publishing";
export type { QuoteField };

/** Every source adapter the feed knows (aggregators, the llm-prices history file, and one parser per provider page). */
export type SourceId =
  | "genai-prices"
  | "litellm"
  | "llm-prices"
  | "llm-prices-historical"
  | "models-dev"
  | "openrouter"
  | "page-anthropic"
  | "page-openai"
  | "page-google"
  | "page-xai"
  | "page-mistral"
  | "page-deepseek";

/** The source keys a registry entry's `match` uses (all provider pages share `provider-page`). */
export type RegistrySourceKey =
  | "genai-prices"
  | "litellm"
  | "llm-prices"
  | "models-dev"
  | "openrouter"
  | "provider-page";

/**
 * One price a source states, normalised to USD per 1M tokens, and which source stated it. `provider` is the one the
 * source files the model under (genai-prices, models.dev, LiteLLM, llm-prices vendor).
 */
export interface SourceQuote extends PriceQuote {
  source: SourceId;
}

/** One quote (or whole model) a parser refused, with a stable code and a reason a person can act on. */
export interface QuoteRejection {
  model_id: string;
  field?: string;
  code: string;
  reason: string;
}

export interface ParseResult {
  quotes: SourceQuote[];
  /**
   * Model ids seen in the payload (`provider:id` where the source groups by provider, as the registry writes them); the
   * shrink check counts these.
   */
  models: string[];
  rejected: QuoteRejection[];
  /** What the payload says about a model besides its prices, keyed like `models`; only well-formed facts. */
  info?: Record<string, ModelInfo>;
  /** The payload's format when a source has more than one, detected by content (genai-prices `v1` / `v2`). */
  format?: string;
}

/**
 * A model's facts as a source states them (the registry build reads them; the pipeline publishes prices only).
 * Dates are ISO YYYY-MM-DD as the source wrote them.
 */
export interface ModelInfo {
  context_window?: number;
  max_output?: number;
  release_date?: string;
  reasoning?: boolean;
  /** The source marks the model deprecated or no longer offered. */
  deprecated?: boolean;
  /** The date the source gives for the model's retirement (a deprecation or expiration date, past or future). */
  retires_on?: string;
  /** The source's free-text note on the model's prices (e.g. a batch discount or an introductory price). */
  comment?: string;
  /** Prices in force only at some hours of the day, USD per 1M tokens (genai-prices' DeepSeek off-peak). */
  windows?: PriceWindow[];
}

/** A daily window in UTC ("16:30" to "00:30" wraps midnight) and the prices in force during it. */
export interface PriceWindow {
  start_utc: string;
  end_utc: string;
  prices: Partial<Record<QuoteField, number>>;
}

export interface SourceAdapter {
  id: SourceId;
  parserVersion: string;
  liveUrl: string;
  /**
   * Repo-relative path of the bundled archive file, e.g. data/archives/litellm/model_prices_and_context_window.json.
   */
  bundledPath: string;
  /** Accepted media types (lowercase, without parameters). */
  contentTypes: string[];
  maxBytes: number;
  /** Parses a payload; throws SourceError when the payload as a whole is not the expected format. */
  parse(text: string): ParseResult;
}

/** The minimal slice of a registry entry that matching needs. */
export interface TickerMatch {
  ticker: string;
  match: Partial<Record<SourceId | RegistrySourceKey, string[]>>;
}

/** The registry key a source's ids are listed under. */
export function registryKeyOf(source: SourceId): RegistrySourceKey {
  if (source.startsWith("page-")) return "provider-page";
  if (source === "llm-prices-historical") return "llm-prices";
  return source as RegistrySourceKey;
}
