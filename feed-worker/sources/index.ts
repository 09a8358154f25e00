// Public surface of the feed's source adapters (SPEC §3.3): fetch → raw bytes → parse → quotes.
import { genaiPricesAdapter } from "./source-genai-prices";
import { litellmAdapter } from "./source-litellm";
import { llmPricesAdapter, llmPricesHistoricalAdapter } from "./source-llm-prices";
import { modelsDevAdapter } from "./source-models-dev";
import { openrouterAdapter } from "./source-openrouter";
import { anthropicPageAdapter } from "./page-anthropic";
import { deepseekPageAdapter } from "./page-deepseek";
import { googlePageAdapter } from "./page-google";
import { mistralPageAdapter } from "./page-mistral";
import { openaiPageAdapter } from "./page-openai";
import { xaiPageAdapter } from "./page-xai";
import type { SourceAdapter } from "./types";

/** Aggregator feeds with a recorded archive: the sources `bundled` mode collects. */
export const BUNDLED_ADAPTERS: readonly SourceAdapter[] = [
  genaiPricesAdapter,
  litellmAdapter,
  llmPricesAdapter,
  llmPricesHistoricalAdapter,
  modelsDevAdapter,
  openrouterAdapter,
];

/** Provider pricing pages (primary sources in `live` mode; no recorded capture exists, so never bundled). */
export const PAGE_ADAPTERS: readonly SourceAdapter[] = [
  anthropicPageAdapter,
  openaiPageAdapter,
  googlePageAdapter,
  xaiPageAdapter,
  mistralPageAdapter,
  deepseekPageAdapter,
];

/** Every adapter, aggregators first. */
export const ADAPTERS: readonly SourceAdapter[] = [...BUNDLED_ADAPTERS, ...PAGE_ADAPTERS];

export {
  genaiPricesAdapter,
  litellmAdapter,
  llmPricesAdapter,
  llmPricesHistoricalAdapter,
  modelsDevAdapter,
  openrouterAdapter,
  anthropicPageAdapter,
  openaiPageAdapter,
  googlePageAdapter,
  xaiPageAdapter,
  mistralPageAdapter,
  deepseekPageAdapter,
};
export { collect, decodeText, sha256Hex } from "./collect";
export { matchQuotes } from "./match-quotes";
export { quotesInEffect } from "./quotes-in-effect";
export { SourceError, isSourceError } from "./source-error";
export { QUOTE_FIELDS, registryKeyOf } from "./types";
export { detectUnit, parsePriceCell, PER_MILLION } from "./price-units";
export { extractTables } from "./page-tables";

export type { CollectOptions, CollectResult } from "./collect";
export type { MatchedQuote, MatchResult } from "./match-quotes";
export type { QuoteRejectCode, SourceErrorCode } from "./source-error";
export type { PriceUnit } from "./price-units";
export type { PageTable } from "./page-tables";
export type { ModelInfo, ParseResult, PriceWindow, QuoteField, QuoteRejection, RegistrySourceKey } from "./types";
export type { SourceAdapter, SourceId, SourceQuote, TickerMatch } from "./types";
