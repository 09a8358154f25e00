import type { QuoteField } from "../publishing/price-quote";
import type { PricePoint, Provider, RegistryEntry, SourceId } from "../schemas/registry";
import { LISTING_TOKENIZER } from "./listing-rule-scope";

/** The family a listed model joins when no existing ticker shares its line. */
export const UNASSIGNED_FAMILY = "unassigned";

/**
 * What a listed row states when no source gives the fact (issue 11, written down): a 128k context window, 16,384
 * output tokens, not a reasoning model, released on the day it is listed. Batch pricing is left to MATH's default.
 */
export const LISTING_DEFAULTS = Object.freeze({ context_window: 128_000, max_output: 16_384, reasoning: false });

/** A model's facts as a source states them (the feed's ModelInfo, the fields a listing reads). */
export interface ListingInfo {
  context_window?: number;
  max_output?: number;
  release_date?: string;
  reasoning?: boolean;
  /** The source marks the model deprecated or no longer offered: it is not listed. */
  deprecated?: boolean;
}

/**
 * A ticker's line: its segments without version numbers (`GPT-5.6-SOL` → `GPT-SOL`, `HAIKU-4.5` → `HAIKU`,
 * `DEEPSEEK-V4-FLASH` → `DEEPSEEK-V-FLASH`). Tickers of one provider on one line are one family.
 */
export function tickerLine(ticker: string): string {
  return ticker
    .split("-")
    .map((s) => s.replace(/[\d.]+/g, ""))
    .filter((s) => s.length > 0)
    .join("-");
}

/**
 * The family by rule: the family most of the provider's tickers on the same line belong to (a tie goes to the most
 * recently released), else `unassigned` (priced with the provider prior until curated).
 * @example familyByRule("HAIKU-5", "anthropic", registry.models) // "anthropic-haiku"
 */
export function familyByRule(
  ticker: string,
  provider: Provider,
  universe: readonly Pick<RegistryEntry, "ticker" | "provider" | "family" | "release_date">[],
): string {
  const line = tickerLine(ticker);
  const votes = new Map<string, { n: number; latest: string }>();
  for (const e of universe) {
    if (e.provider !== provider || e.family === UNASSIGNED_FAMILY || tickerLine(e.ticker) !== line) continue;
    const v = votes.get(e.family) ?? { n: 0, latest: "" };
    votes.set(e.family, { n: v.n + 1, latest: e.release_date > v.latest ? e.release_date : v.latest });
  }
  const best = [...votes].sort(([, a], [, b]) => b.n - a.n || b.latest.localeCompare(a.latest))[0];
  return best?.[0] ?? UNASSIGNED_FAMILY;
}

const BRANDS: Readonly<Record<string, string>> = { GPT: "GPT", DEEPSEEK: "DeepSeek", XAI: "xAI", GLM: "GLM" };

/**
 * A display name from the ticker: Anthropic's lines get "Claude", words are title-cased, brands keep their case,
 * `GPT-` keeps its hyphen. `HAIKU-4.5` → "Claude Haiku 4.5", `GEMINI-3.7-FLASH` → "Gemini 3.7 Flash",
 * `GPT-5.6-SOL` → "GPT-5.6 Sol".
 */
export function displayName(ticker: string, provider: Provider): string {
  const words = ticker
    .split("-")
    .map((w) => BRANDS[w] ?? (/^[A-Z]{3,}$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w));
  const name = words.join(" ").replace(/^GPT (?=\d)/, "GPT-");
  return provider === "anthropic" && !/^Claude\b/.test(name) ? `Claude ${name}` : name;
}

/** The registry key a feed source's ids are listed under (provider pages share `provider-page`). */
export function registrySourceOf(source: string): SourceId | null {
  if (source.startsWith("page-")) return "provider-page";
  if (source === "llm-prices-historical") return "llm-prices";
  const known: readonly string[] = ["genai-prices", "litellm", "llm-prices", "models-dev", "openrouter"];
  return known.includes(source) ? (source as SourceId) : null;
}

/** One agreed price: its value and the quote that vouches for it (source, URL read, date). */
export interface AgreedPrice {
  usd_per_m: number;
  source: string;
  url: string;
}

/**
 * The new registry row of a listed model (status `provisional`, index weight 0): facts from the sources' info
 * where given (the value most sources state, the smaller on a tie), else {@link LISTING_DEFAULTS}.
 */
export function listingEntry(input: {
  ticker: string;
  provider: Provider;
  family: string;
  on: string;
  prices: Partial<Record<QuoteField, AgreedPrice>>;
  /** Per source, the ids that confirmed the listing, in the form the registry's `match` takes. */
  match: Partial<Record<SourceId, string[]>>;
  info: readonly ListingInfo[];
  reason: string;
}): RegistryEntry {
  const { info, on } = input;
  const point = (p: AgreedPrice): PricePoint => ({ usd_per_m: p.usd_per_m, source: p.source, url: p.url, checked: on });
  const prices = {} as RegistryEntry["prices"];
  for (const f of ["output", "input", "cache_read", "cache_write_5m", "cache_write_1h", "thinking"] as const) {
    const p = input.prices[f];
    if (p) prices[f] = point(p);
  }
  const released = info.flatMap((i) => (i.release_date && i.release_date <= on ? [i.release_date] : [])).sort()[0];
  return {
    ticker: input.ticker,
    display_name: displayName(input.ticker, input.provider),
    provider: input.provider,
    family: input.family,
    status: "provisional",
    status_reason: input.reason,
    listed_at: on,
    release_date: released ?? on,
    context_window: mostStated(info.map((i) => i.context_window)) ?? LISTING_DEFAULTS.context_window,
    max_output: mostStated(info.map((i) => i.max_output)) ?? LISTING_DEFAULTS.max_output,
    reasoning: info.some((i) => i.reasoning === true) || LISTING_DEFAULTS.reasoning,
    tokenizer: LISTING_TOKENIZER[input.provider] ?? `estimate:${input.provider}`,
    match: input.match,
    index_weight_proxy: 0,
    prices,
    tiers: [],
    windows: [],
    scheduled: [],
    disagreements: [],
  };
}

/** The positive integer most values state; the smaller on a tie; undefined when none does. */
function mostStated(values: readonly (number | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== undefined && Number.isInteger(v) && v > 0) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, na], [b, nb]) => nb - na || a - b)[0]?.[0];
}
