// Public surface of the feed's source adapters (SPEC §3.3): fetch → raw bytes → parse → quotes.
import { genaiPricesAdapter } from "./source-genai-prices.js";
import { litellmAdapter } from "./source-litellm.js";
import { llmPricesAdapter, llmPricesHistoricalAdapter } from "./source-llm-prices.js";
import { modelsDevAdapter } from "./source-models-dev.js";
import { openrouterAdapter } from "./source-openrouter.js";
import { anthropicPageAdapter } from "./page-anthropic.js";
import { deepseekPageAdapter } from "./page-deepseek.js";
import { googlePageAdapter } from "./page-google.js";
import { mistralPageAdapter } from "./page-mistral.js";
import { openaiPageAdapter } from "./page-openai.js";
import { xaiPageAdapter } from "./page-xai.js";
import type { SourceAdapter } from "./types.js";

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
export { collect, decodeText, sha256Hex } from "./collect.js";
export { matchQuotes } from "./match-quotes.js";
export { quotesInEffect } from "./quotes-in-effect.js";
export { SourceError, isSourceError } from "./source-error.js";
export { QUOTE_FIELDS, registryKeyOf } from "./types.js";
export { detectUnit, parsePriceCell, PER_MILLION } from "./price-units.js";
export { extractTables } from "./page-tables.js";

export type { CollectOptions, CollectResult } from "./collect.js";
export type { MatchedQuote, MatchResult } from "./match-quotes.js";
export type { QuoteRejectCode, SourceErrorCode } from "./source-error.js";
export type { PriceUnit } from "./price-units.js";
export type { PageTable } from "./page-tables.js";
export type { ParseResult, QuoteField, QuoteRejection, RegistrySourceKey, SourceAdapter, SourceId, SourceQuote, TickerMatch } from "./types.js";
