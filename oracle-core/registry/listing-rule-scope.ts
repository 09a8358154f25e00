import type { PriceQuote } from "../publishing/price-quote";
import type { Provider, RegistryEntry } from "../schemas/registry";

/**
 * The provider a source files a model under → the registry's provider, for the providers the feed lists by itself.
 * A new provider is one entry here (plus its tokenizer in {@link LISTING_TOKENIZER}). Meta is not listed: its rows
 * are composites of host prices, which a listing cannot build from one quote per origin.
 */
export const LISTING_PROVIDERS: Readonly<Record<string, Exclude<Provider, "meta">>> = {
  anthropic: "anthropic",
  openai: "openai",
  google: "google",
  gemini: "google",
  "vertex_ai-language-models": "google",
  xai: "xai",
  "x-ai": "xai",
  mistral: "mistral",
  mistralai: "mistral",
  deepseek: "deepseek",
};

/** The tokenizer a listed model gets by provider (the curated rows' choice); any other is `estimate:<provider>`. */
export const LISTING_TOKENIZER: Readonly<Partial<Record<Provider, RegistryEntry["tokenizer"]>>> = {
  anthropic: "estimate:claude",
  openai: "o200k_base",
  google: "gemma3",
  xai: "estimate:grok",
  mistral: "tekken",
  deepseek: "deepseek-v3",
};

/**
 * Id prefixes that name a tracked provider's own models. A source filing such an id under another provider is a host
 * reselling it (Claude on Google Vertex): not that provider's model, and no vote on a listing.
 */
export const BRANDS: readonly [RegExp, Exclude<Provider, "meta">][] = [
  [/^claude\b/, "anthropic"],
  [/^(gpt|chatgpt|o\d|codex)\b/, "openai"],
  [/^(gemini|gemma)\b/, "google"],
  [/^grok\b/, "xai"],
  [/^(mistral|ministral|magistral|codestral|devstral|pixtral|mixtral|open-mistral|open-mixtral)\b/, "mistral"],
  [/^deepseek\b/, "deepseek"],
];

/**
 * Words (whole id segments) that mark a model that is not a text/chat model: embeddings, image and video
 * generation, audio in or out, speech, realtime/live sessions, moderation. Its token prices are not a chat price.
 */
export const NOT_TEXT_WORDS: readonly string[] = [
  "embed",
  "embedding",
  "embeddings",
  "image",
  "imagen",
  "dall",
  "veo",
  "sora",
  "lyria",
  "audio",
  "tts",
  "whisper",
  "transcribe",
  "speech",
  "realtime",
  "live",
  "moderation",
  "guard",
  "babbage",
  "davinci",
];

/** A quote the listing rule considers: its registry provider and the id without any provider prefix, lower-case. */
export interface ScopedId {
  provider: Exclude<Provider, "meta">;
  /** Lower-case, without the source's provider prefix (`x-ai/`, `gemini/`), spaces as `-` (provider pages). */
  id: string;
}

/**
 * Which quotes can list a model (written down, issue 11): a quote of a tracked provider's text/chat model.
 * 1. The provider is the source's (`provider`), else an id prefix (`x-ai/grok-4`), else a provider page's own;
 *    it must be in {@link LISTING_PROVIDERS} (hosts such as `openrouter`, `aws`, `together` are not providers, so an
 *    aggregator's copy of a host's listing is no vote).
 * 2. An id whose brand ({@link BRANDS}) is another tracked provider's is a host's copy and is out.
 * 3. Fine-tunes (`ft:…`, `….ft-…`), router variants (`…:free`, `…:beta`) and nested router ids (`a/b/c`) are out.
 * 4. An id with a {@link NOT_TEXT_WORDS} segment is out (embeddings, image, audio, tts, realtime, moderation).
 * Returns null for a quote out of scope.
 * @example listingScope({ source: "openrouter", model_id: "x-ai/grok-5" }) // { provider: "xai", id: "grok-5" }
 */
export function listingScope(q: Pick<PriceQuote, "model_id" | "provider"> & { source: string }): ScopedId | null {
  let id = q.model_id.trim().toLowerCase();
  if (/(^|[-.:_])ft[:-]/.test(id)) return null;
  let label = q.provider?.toLowerCase();
  const slash = id.indexOf("/");
  if (slash > 0) {
    const prefix = id.slice(0, slash);
    // A router's own feed names the provider in the id; LiteLLM repeats its own provider (`gemini/gemini-…`).
    if (label === undefined || prefix === label) {
      label = prefix;
      id = id.slice(slash + 1);
    }
  }
  if (label === undefined && q.source.startsWith("page-")) label = q.source.slice("page-".length);
  const provider = label === undefined ? undefined : LISTING_PROVIDERS[label];
  if (provider === undefined) return null;
  id = id.replace(/\s+/g, "-");
  if (/[:/]/.test(id) || !/^[a-z0-9][a-z0-9.\-_]*$/.test(id)) return null;
  const brand = BRANDS.find(([re]) => re.test(id))?.[1];
  if (brand !== undefined && brand !== provider) return null;
  const words = id.split(/[-_.]/);
  if (words.some((w) => NOT_TEXT_WORDS.includes(w))) return null;
  return { provider, id };
}
