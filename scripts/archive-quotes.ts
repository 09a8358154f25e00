// Reads the five bundled archives (data/archives/<source-id>/…) into one normalised quote shape, for the
// registry and history builders. Build-time only: the feed has its own adapters (feed-worker/).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ArchiveRef, SourceId } from "../oracle-core/schemas/registry";

export const DATA_DIR = resolve(import.meta.dirname, "../data");
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
  /** genai-prices time-of-day constraint: base = the constrained (standard) price, `offpeak` = the default outside it. */
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

/** Per-token float → USD per 1M, rounded to 10 significant digits (2.4999999999999996 → 2.5). */
export const perM = (perToken: number): number => Number((perToken * 1e6).toPrecision(10));
const clean = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) && x > 0 ? x : undefined);
const isoOfUnix = (s: number): string => new Date(s * 1000).toISOString().slice(0, 10);

interface ArchiveSpec extends Omit<ArchiveRef, "sha256"> {
  files: string[];
}
/** The archives, their upstream and commit (from each SOURCE note). */
export const ARCHIVES: ArchiveSpec[] = [
  { id: "genai-prices", path: "archives/genai-prices/data.json", files: ["archives/genai-prices/data.json"], upstream: "https://github.com/pydantic/genai-prices/blob/47df840a5ab10bbcffb8e5ac01b9899032245d1b/prices/new_data/v2/data.json", commit: "47df840a5ab10bbcffb8e5ac01b9899032245d1b", date: "2026-08-21" },
  { id: "litellm", path: "archives/litellm/model_prices_and_context_window.json", files: ["archives/litellm/model_prices_and_context_window.json"], upstream: "https://github.com/Wei-Shaw/model-price-repo/blob/f9ff14734f6203c490573cb1e2ae8fdac7a52a41/model_prices_and_context_window.json", commit: "f9ff14734f6203c490573cb1e2ae8fdac7a52a41", date: "2026-07-24" },
  { id: "llm-prices", path: "archives/llm-prices/historical-v1.json", files: ["archives/llm-prices/historical-v1.json"], upstream: "https://github.com/simonw/llm-prices/tree/723ef0bd3a6254436e9fe8d7f05d4d787e99f4c5/data", commit: "723ef0bd3a6254436e9fe8d7f05d4d787e99f4c5", date: "2026-08-05" },
  { id: "models-dev", path: "archives/models-dev/api.json", files: ["archives/models-dev/api.json"], upstream: "https://github.com/anomalyco/models.dev/tree/f3fc692299671838c7c65fd8126bf84d81a2e817/providers", commit: "f3fc692299671838c7c65fd8126bf84d81a2e817", date: "2026-07-02" },
  { id: "openrouter", path: "archives/openrouter/models.json", files: ["archives/openrouter/models.json"], upstream: "https://openrouter.ai/api/v1/models", commit: "f3fc692299671838c7c65fd8126bf84d81a2e817", date: "2026-07-02" },
];
const dateOf = (id: SourceId): string => ARCHIVES.find((a) => a.id === id)!.date;

export const sha256File = (rel: string): string => createHash("sha256").update(readFileSync(resolve(DATA_DIR, rel))).digest("hex");
const readJson = (rel: string): any => JSON.parse(readFileSync(resolve(DATA_DIR, rel), "utf8"));

/** Archive references for the registry header (with the sha256 of the bytes read). */
export function archiveRefs(): ArchiveRef[] {
  return ARCHIVES.map(({ files: _f, ...a }) => ({ ...a, sha256: sha256File(a.path) }));
}

// ---- genai-prices: provider → models; prices as {base, tiers[]} or a list of constrained price sets.
const GENAI_FIELDS: Record<string, keyof Omit<FieldPrices, "tiers">> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cache_read",
  cache_write_mtok: "cache_write_5m",
  cache_write_1h_mtok: "cache_write_1h",
};
function genaiPrices(p: Record<string, unknown>): FieldPrices {
  const out: FieldPrices = {};
  const tiers = new Map<number, TierQuote>();
  for (const [k, field] of Object.entries(GENAI_FIELDS)) {
    const v = p[k] as number | { base: number; tiers: { start: number; price: number }[] } | undefined;
    if (typeof v === "number") out[field] = clean(v);
    else if (v && typeof v === "object") {
      out[field] = clean(v.base);
      for (const t of v.tiers) {
        if (field !== "input" && field !== "output" && field !== "cache_read") continue;
        const tq = tiers.get(t.start) ?? { above: t.start };
        tq[field] = clean(t.price);
        tiers.set(t.start, tq);
      }
    }
  }
  if (tiers.size) out.tiers = [...tiers.values()].sort((a, b) => a.above - b.above);
  return out;
}
function loadGenai(): Map<string, Quote> {
  const m = new Map<string, Quote>();
  const url = ARCHIVES[0]!.upstream;
  for (const prov of readJson("archives/genai-prices/data.json") as any[]) {
    for (const model of prov.models as any[]) {
      const q: Quote = { source: "genai-prices", id: `${prov.id}:${model.id}`, url, checked: dateOf("genai-prices"), segments: [], comment: model.price_comments };
      if (Array.isArray(model.prices)) {
        const plain = model.prices.filter((x: any) => !x.constraint);
        const timed = model.prices.find((x: any) => x.constraint?.start_time);
        if (timed) {
          // genai-prices encodes DeepSeek off-peak as the default price and the standard price as a
          // 00:30–16:30 UTC constraint (see its price_comments); the registry's base is the standard price.
          q.segments.push({ prices: genaiPrices(timed.prices) });
          q.window = { start_utc: timed.constraint.end_time.slice(0, 5), end_utc: timed.constraint.start_time.slice(0, 5), offpeak: genaiPrices(plain[0].prices) };
        } else q.segments.push({ prices: genaiPrices(plain[0].prices) });
        for (const x of model.prices) if (x.constraint?.start_date) q.segments.push({ from: x.constraint.start_date, prices: genaiPrices(x.prices) });
      } else q.segments.push({ prices: genaiPrices(model.prices ?? {}) });
      const bm = /batch[^.]*?offers? (?:a )?(\d+)% discount/i.exec(model.price_comments ?? "");
      if (bm) q.batch = 1 - Number(bm[1]) / 100;
      if (clean(model.context_window)) q.context = model.context_window;
      if (model.deprecated === true) q.retired = "genai-prices marks it deprecated";
      m.set(q.id, q);
    }
  }
  return m;
}

// ---- LiteLLM: per-token floats; tiers as *_above_<n>k_tokens keys; deprecation_date.
function loadLitellm(): Map<string, Quote> {
  const m = new Map<string, Quote>();
  const url = ARCHIVES[1]!.upstream;
  for (const [id, v] of Object.entries(readJson("archives/litellm/model_prices_and_context_window.json") as Record<string, any>)) {
    const f = (k: string) => (typeof v[k] === "number" && v[k] > 0 ? perM(v[k]) : undefined);
    const prices: FieldPrices = {
      input: f("input_cost_per_token"),
      output: f("output_cost_per_token"),
      cache_read: f("cache_read_input_token_cost"),
      cache_write_5m: f("cache_creation_input_token_cost"),
      cache_write_1h: f("cache_creation_input_token_cost_above_1hr"),
      thinking: f("output_cost_per_reasoning_token"),
    };
    const tiers: TierQuote[] = [];
    for (const n of [128, 200, 272]) {
      const t = { above: n * 1000, input: f(`input_cost_per_token_above_${n}k_tokens`), output: f(`output_cost_per_token_above_${n}k_tokens`), cache_read: f(`cache_read_input_token_cost_above_${n}k_tokens`) };
      if (t.input !== undefined || t.output !== undefined) tiers.push(t);
    }
    if (tiers.length) prices.tiers = tiers;
    const q: Quote = { source: "litellm", id, url, checked: dateOf("litellm"), segments: [{ prices }], comment: v._comment };
    const bi = f("input_cost_per_token_batches");
    const bo = f("output_cost_per_token_batches");
    if (bi && bo && prices.input && prices.output && Math.abs(bi / prices.input - bo / prices.output) < 1e-9) q.batch = Number((bi / prices.input).toPrecision(10));
    if (clean(v.max_input_tokens)) q.context = v.max_input_tokens;
    if (clean(v.max_output_tokens)) q.maxOutput = v.max_output_tokens;
    if (typeof v.supports_reasoning === "boolean") q.reasoning = v.supports_reasoning;
    if (typeof v.deprecation_date === "string" && v.deprecation_date <= AS_OF) q.retired = `LiteLLM deprecation_date ${v.deprecation_date}`;
    m.set(id, q);
  }
  return m;
}

// ---- llm-prices: historical-v1 rows with from/to dates; "<id>-<n>k" rows are the tier above n·1000 tokens.
function loadLlmPrices(): Map<string, Quote> {
  const rows = readJson("archives/llm-prices/historical-v1.json").prices as any[];
  const ids = new Set(rows.map((r) => r.id as string));
  const byId = new Map<string, any[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const m = new Map<string, Quote>();
  const at = (rs: any[], d: string | undefined) =>
    rs.find((r) => (r.from_date === null || (d !== undefined && r.from_date <= d)) && (r.to_date === null || d === undefined || d < r.to_date)) ?? rs[0];
  for (const [id, rs] of byId) {
    const tm = /^(.*)-(\d+)k$/.exec(id);
    if (tm && ids.has(tm[1]!)) continue; // a tier row, folded into its base below
    const tierRows = [...byId.entries()].filter(([k]) => new RegExp(`^${id.replace(/[.]/g, "\\.")}-(\\d+)k$`).test(k));
    const bounds = [...new Set([...rs, ...tierRows.flatMap(([, t]) => t)].map((r) => r.from_date).filter((x: string | null) => x !== null))].sort() as string[];
    const seg = (d: string | undefined): FieldPrices => {
      const r = at(rs, d);
      const p: FieldPrices = { input: clean(r.input), output: clean(r.output), cache_read: clean(r.input_cached) };
      const tiers = tierRows.map(([k, t]) => {
        const tr = at(t, d);
        return { above: Number(/-(\d+)k$/.exec(k)![1]) * 1000, input: clean(tr.input), output: clean(tr.output), cache_read: clean(tr.input_cached) };
      });
      if (tiers.length) p.tiers = tiers.sort((a, b) => a.above - b.above);
      return p;
    };
    const url = `https://github.com/simonw/llm-prices/blob/${ARCHIVES[2]!.commit}/data/${rs[0].vendor}.json`;
    const q: Quote = { source: "llm-prices", id, url, checked: dateOf("llm-prices"), segments: [{ prices: seg(undefined) }] };
    for (const b of bounds) q.segments.push({ from: b, prices: seg(b) });
    m.set(id, q);
  }
  return m;
}

// ---- models.dev: provider → models with cost {input, output, cache_read, cache_write, tiers}.
function loadModelsDev(): Map<string, Quote> {
  const m = new Map<string, Quote>();
  for (const [pid, prov] of Object.entries(readJson("archives/models-dev/api.json") as Record<string, any>)) {
    for (const [mid, v] of Object.entries(prov.models as Record<string, any>)) {
      const c = v.cost ?? {};
      const prices: FieldPrices = { input: clean(c.input), output: clean(c.output), cache_read: clean(c.cache_read), cache_write_5m: clean(c.cache_write) };
      if (Array.isArray(c.tiers)) prices.tiers = c.tiers.map((t: any) => ({ above: t.tier.size, input: clean(t.input), output: clean(t.output), cache_read: clean(t.cache_read) }));
      const url = `https://github.com/anomalyco/models.dev/blob/${ARCHIVES[3]!.commit}/providers/${pid}/models/${mid}.toml`;
      const q: Quote = { source: "models-dev", id: `${pid}:${mid}`, url, checked: dateOf("models-dev"), segments: [{ prices }] };
      if (clean(v.limit?.context)) q.context = v.limit.context;
      if (clean(v.limit?.output)) q.maxOutput = v.limit.output;
      if (typeof v.release_date === "string") q.releaseDate = v.release_date;
      if (typeof v.reasoning === "boolean") q.reasoning = v.reasoning;
      if (v.status === "deprecated") q.retired = "models.dev status: deprecated";
      m.set(q.id, q);
    }
  }
  return m;
}

// ---- OpenRouter: per-token strings ("-1" = variable, "0" = free); created (unix); expiration_date.
function loadOpenRouter(): Map<string, Quote> {
  const m = new Map<string, Quote>();
  for (const v of readJson("archives/openrouter/models.json").data as any[]) {
    const f = (k: string) => {
      const x = Number(v.pricing?.[k]);
      return Number.isFinite(x) && x > 0 ? perM(x) : undefined;
    };
    const prices: FieldPrices = { input: f("prompt"), output: f("completion"), cache_read: f("input_cache_read"), thinking: f("internal_reasoning") };
    const w = f("input_cache_write");
    // OpenRouter's input_cache_write is a write premium only when ≥ the input price (Gemini lists a storage-like figure).
    if (w !== undefined && prices.input !== undefined && w >= prices.input) prices.cache_write_5m = w;
    const q: Quote = { source: "openrouter", id: v.id, url: ARCHIVES[4]!.upstream, checked: dateOf("openrouter"), segments: [{ prices }] };
    if (clean(v.context_length)) q.context = v.context_length;
    if (clean(v.top_provider?.max_completion_tokens)) q.maxOutput = v.top_provider.max_completion_tokens;
    if (typeof v.created === "number") q.releaseDate = isoOfUnix(v.created);
    const sp: string[] = v.supported_parameters ?? [];
    q.reasoning = sp.includes("reasoning") || sp.includes("include_reasoning");
    if (typeof v.expiration_date === "string" && v.expiration_date <= AS_OF) q.retired = `OpenRouter expiration_date ${v.expiration_date}`;
    m.set(v.id, q);
  }
  return m;
}

/** Every archive loaded: source id → (match id → quote). */
export function loadArchives(): Map<SourceId, Map<string, Quote>> {
  return new Map<SourceId, Map<string, Quote>>([
    ["genai-prices", loadGenai()],
    ["litellm", loadLitellm()],
    ["llm-prices", loadLlmPrices()],
    ["models-dev", loadModelsDev()],
    ["openrouter", loadOpenRouter()],
  ]);
}
