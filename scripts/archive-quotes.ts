// The five bundled archives (data/archives/<source-id>/…) as the registry and history builders need them: each
// read by the feed's own adapter (feed-worker/sources/, one parser per format), then regrouped here per model into
// dated price segments with the model's facts. Nothing in this file reads an archive's format.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { tidyPrice } from "../oracle-core/publishing";
import type { ArchiveRef, SourceId } from "../oracle-core/schemas";
import {
  genaiPricesAdapter,
  litellmAdapter,
  llmPricesHistoricalAdapter,
  modelsDevAdapter,
  openrouterAdapter,
} from "../feed-worker/sources/index";
import type { ModelInfo, QuoteField, SourceAdapter, SourceQuote } from "../feed-worker/sources/types";

const ROOT = resolve(import.meta.dirname, "..");
export const DATA_DIR = resolve(ROOT, "data");
/** The registry's valuation date: the newest archive date (genai-prices commit 2026-08-21). */
export const AS_OF = "2026-08-21";

/** Prices of one model at one moment, USD per 1M tokens. */
export interface FieldPrices {
  input?: number;
  output?: number;
  cache_read?: number;
  cache_write_5m?: number;
  cache_write_1h?: number;
  thinking?: number;
  tiers?: TierQuote[];
}
export interface TierQuote {
  above: number;
  input?: number;
  output?: number;
  cache_read?: number;
}
/** A dated price segment: in force from `from` (inclusive, undefined = since launch) until the next segment. */
export interface Segment {
  from?: string;
  prices: FieldPrices;
}
/** One model as one archive lists it. */
export interface Quote {
  source: SourceId;
  id: string;
  url: string;
  checked: string;
  segments: Segment[];
  /** genai-prices time-of-day constraint: base = the constrained (standard) price, `offpeak` = the price outside it. */
  window?: { start_utc: string; end_utc: string; offpeak: FieldPrices };
  batch?: number;
  comment?: string;
  context?: number;
  maxOutput?: number;
  releaseDate?: string;
  reasoning?: boolean;
  /** Why the archive says it is no longer offered (deprecation/expiry on or before AS_OF). */
  retired?: string;
}

/** Prices in force at `date` (the last segment whose `from` ≤ date). */
export function pricesAt(q: Quote, date: string): FieldPrices {
  let cur = q.segments[0]!.prices;
  for (const s of q.segments) if (s.from === undefined || s.from <= date) cur = s.prices;
  return cur;
}

interface ArchiveSpec extends Omit<ArchiveRef, "sha256" | "path"> {
  adapter: SourceAdapter;
  /** Where the registry cites a model of this archive. */
  url: (id: string, quotes: readonly SourceQuote[]) => string;
  /** Why the archive says the model is no longer offered on or before AS_OF, in the archive's own terms. */
  retired: (info: ModelInfo) => string | undefined;
}
const UPSTREAM = {
  genai:
    "https://github.com/pydantic/genai-prices/blob/47df840a5ab10bbcffb8e5ac01b9899032245d1b/prices/new_data/v2/data.json",
  litellm:
    "https://github.com/Wei-Shaw/model-price-repo/blob/f9ff14734f6203c490573cb1e2ae8fdac7a52a41/model_prices_and_context_window.json",
  llmPrices: "https://github.com/simonw/llm-prices/tree/723ef0bd3a6254436e9fe8d7f05d4d787e99f4c5/data",
  modelsDev: "https://github.com/anomalyco/models.dev/tree/f3fc692299671838c7c65fd8126bf84d81a2e817/providers",
};
const retiredOn = (what: string) => (i: ModelInfo) =>
  i.retires_on !== undefined && i.retires_on <= AS_OF ? `${what} ${i.retires_on}` : undefined;
const deprecated = (what: string) => (i: ModelInfo) => (i.deprecated === true ? what : undefined);

/** The archives, their upstream and commit (from each SOURCE note), and the adapter that reads each. */
export const ARCHIVES: (ArchiveSpec & { path: string })[] = (
  [
    {
      id: "genai-prices",
      adapter: genaiPricesAdapter,
      upstream: UPSTREAM.genai,
      commit: "47df840a5ab10bbcffb8e5ac01b9899032245d1b",
      date: "2026-08-21",
      url: () => UPSTREAM.genai,
      retired: deprecated("genai-prices marks it deprecated"),
    },
    {
      id: "litellm",
      adapter: litellmAdapter,
      upstream: UPSTREAM.litellm,
      commit: "f9ff14734f6203c490573cb1e2ae8fdac7a52a41",
      date: "2026-07-24",
      url: () => UPSTREAM.litellm,
      retired: retiredOn("LiteLLM deprecation_date"),
    },
    {
      id: "llm-prices",
      adapter: llmPricesHistoricalAdapter,
      upstream: UPSTREAM.llmPrices,
      commit: "723ef0bd3a6254436e9fe8d7f05d4d787e99f4c5",
      date: "2026-08-05",
      url: (_id, qs) =>
        `https://github.com/simonw/llm-prices/blob/723ef0bd3a6254436e9fe8d7f05d4d787e99f4c5/data/${qs[0]?.provider}.json`,
      retired: () => undefined,
    },
    {
      id: "models-dev",
      adapter: modelsDevAdapter,
      upstream: UPSTREAM.modelsDev,
      commit: "f3fc692299671838c7c65fd8126bf84d81a2e817",
      date: "2026-07-02",
      url: (id) =>
        `https://github.com/anomalyco/models.dev/blob/f3fc692299671838c7c65fd8126bf84d81a2e817/providers/${id.replace(":", "/models/")}.toml`,
      retired: deprecated("models.dev status: deprecated"),
    },
    {
      id: "openrouter",
      adapter: openrouterAdapter,
      upstream: "https://openrouter.ai/api/v1/models",
      commit: "f3fc692299671838c7c65fd8126bf84d81a2e817",
      date: "2026-07-02",
      url: () => "https://openrouter.ai/api/v1/models",
      retired: retiredOn("OpenRouter expiration_date"),
    },
  ] satisfies ArchiveSpec[]
).map(({ id, adapter, upstream, commit, date, url, retired }) => ({
  id,
  path: adapter.bundledPath.replace(/^data\//, ""),
  upstream,
  commit,
  date,
  adapter,
  url,
  retired,
}));

export const sha256File = (rel: string): string =>
  createHash("sha256")
    .update(readFileSync(resolve(DATA_DIR, rel)))
    .digest("hex");

/** Archive references for the registry header (with the sha256 of the bytes read). */
export function archiveRefs(): ArchiveRef[] {
  return ARCHIVES.map(({ id, path, upstream, commit, date }) => ({
    id,
    path,
    upstream,
    commit,
    date,
    sha256: sha256File(path),
  }));
}

/** genai-prices and models.dev file models under providers: the registry writes their ids `<provider>:<model id>`. */
const BY_PROVIDER = new Set<SourceId>(["genai-prices", "models-dev"]);
const BASE_FIELDS = ["input", "output", "cache_read", "cache_write_5m", "cache_write_1h", "thinking"] as const;
const TIER_FIELDS = ["input", "output", "cache_read"] as const;

/** The positive prices among quotes in force together (free or unpriced listings are no price). */
function fieldPrices(quotes: readonly SourceQuote[]): FieldPrices {
  const value = (field: QuoteField, tier?: number) =>
    quotes.find((q) => q.field === field && q.tier_above === tier && q.usd_per_m > 0)?.usd_per_m;
  const out: FieldPrices = {};
  for (const f of BASE_FIELDS) if (value(f) !== undefined) out[f] = value(f);
  const tiers: TierQuote[] = [];
  for (const above of [...new Set(quotes.flatMap((q) => q.tier_above ?? []))].sort((a, b) => a - b)) {
    const t: TierQuote = { above };
    for (const f of TIER_FIELDS) if (value(f, above) !== undefined) t[f] = value(f, above);
    if (TIER_FIELDS.some((f) => t[f] !== undefined)) tiers.push(t);
  }
  if (tiers.length > 0) out.tiers = tiers;
  return out;
}

/** One segment per date a price takes effect, each with the quotes in force on that date (the first: since launch). */
function segmentsOf(quotes: readonly SourceQuote[]): Segment[] {
  const at = (d: string) =>
    quotes.filter(
      (q) =>
        (q.effective_from === undefined || q.effective_from <= d) &&
        (q.effective_to === undefined || d < q.effective_to),
    );
  const froms = [...new Set(quotes.flatMap((q) => q.effective_from ?? []))].sort();
  return [
    { prices: fieldPrices(quotes.filter((q) => q.effective_from === undefined)) },
    ...froms.map((from) => ({ from, prices: fieldPrices(at(from)) })),
  ];
}

/** A model's batch ratio where the archive states one: LiteLLM's *_batches prices, genai-prices' price comment. */
function batchRatio(
  segment: FieldPrices,
  quotes: readonly SourceQuote[],
  comment: string | undefined,
): number | undefined {
  const stated = /batch[^.]*?offers? (?:a )?(\d+)% discount/i.exec(comment ?? "");
  if (stated) return 1 - Number(stated[1]) / 100;
  const price = (f: QuoteField) =>
    quotes.find((q) => q.field === f && q.tier_above === undefined && q.usd_per_m > 0)?.usd_per_m;
  const [bi, bo, { input, output }] = [price("batch_input"), price("batch_output"), segment];
  if (!bi || !bo || !input || !output || Math.abs(bi / input - bo / output) >= 1e-9) return undefined;
  return tidyPrice(bi / input);
}

/** Reads one archive with its adapter: match id → the model's quote history and facts. */
function loadArchive(spec: (typeof ARCHIVES)[number]): Map<string, Quote> {
  const parsed = spec.adapter.parse(readFileSync(resolve(ROOT, spec.adapter.bundledPath), "utf8"));
  const byModel = new Map<string, SourceQuote[]>();
  for (const q of parsed.quotes) {
    const id = BY_PROVIDER.has(spec.id) ? `${q.provider}:${q.model_id}` : q.model_id;
    (byModel.get(id) ?? byModel.set(id, []).get(id)!).push(q);
  }
  const out = new Map<string, Quote>();
  // A model is one the archive prices or describes (llm-prices' tier rows are neither: they fold into their base).
  for (const id of new Set([...parsed.models, ...byModel.keys()])) {
    const quotes = byModel.get(id) ?? [];
    const info = parsed.info?.[id];
    if (quotes.length === 0 && info === undefined) continue;
    const segments = segmentsOf(quotes);
    if (spec.id === "openrouter") openrouterCacheWrite(segments);
    const q: Quote = { source: spec.id, id, url: spec.url(id, quotes), checked: spec.date, segments };
    const w = info?.windows?.[0];
    if (w)
      q.window = {
        start_utc: w.start_utc,
        end_utc: w.end_utc,
        offpeak: fieldPrices(
          Object.entries(w.prices).map(([field, usd_per_m]) => ({
            source: spec.adapter.id,
            model_id: id,
            field: field as QuoteField,
            usd_per_m,
          })),
        ),
      };
    const batch = batchRatio(segments[0]!.prices, quotes, info?.comment);
    if (batch !== undefined) q.batch = batch;
    if (info?.comment !== undefined) q.comment = info.comment;
    if (info?.context_window !== undefined) q.context = info.context_window;
    if (info?.max_output !== undefined) q.maxOutput = info.max_output;
    if (info?.release_date !== undefined) q.releaseDate = info.release_date;
    if (info?.reasoning !== undefined) q.reasoning = info.reasoning;
    const retired = spec.retired(info ?? {});
    if (retired !== undefined) q.retired = retired;
    out.set(id, q);
  }
  return out;
}

/** OpenRouter's input_cache_write is a write premium only when ≥ the input price (Gemini's is a storage figure). */
function openrouterCacheWrite(segments: Segment[]): void {
  for (const { prices: p } of segments)
    if (p.cache_write_5m !== undefined && (p.input === undefined || p.cache_write_5m < p.input))
      delete p.cache_write_5m;
}

/** Every archive loaded: source id → (match id → quote). */
export function loadArchives(): Map<SourceId, Map<string, Quote>> {
  return new Map(ARCHIVES.map((a) => [a.id, loadArchive(a)]));
}
