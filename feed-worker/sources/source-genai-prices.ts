import { z } from "zod";
import { modelInfo, pick } from "./model-info";
import { parseJsonPayload } from "./parse-json";
import { QuoteCollector, type QuoteSlot } from "./quote-collector";
import { issueText, parseTopLevel, requireEntries } from "./top-level";
import { SourceError } from "./source-error";
import type { ParseResult, PriceWindow, QuoteField, SourceAdapter } from "./types";

const FIELD_OF: Record<string, QuoteField> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cache_read",
  cache_write_mtok: "cache_write_5m",
  cache_write_1h_mtok: "cache_write_1h",
  output_reasoning_mtok: "thinking",
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "expected an ISO date");
const ClockTime = z.string().regex(/^\d{2}:\d{2}(:\d{2})?Z?$/, "expected HH:MM[:SS]Z");
const Constraint = z.object({
  start_date: IsoDate.optional(),
  end_date: IsoDate.optional(),
  start_time: ClockTime.optional(),
  end_time: ClockTime.optional(),
});
const PriceMap = z.record(z.string(), z.unknown());
const Conditional = z.object({ constraint: Constraint.optional(), prices: PriceMap });
const Model = z.object({ id: z.string().min(1), prices: z.union([z.array(Conditional).min(1), PriceMap]) });
const Provider = z.object({ id: z.string().min(1), models: z.array(z.unknown()) });
const Tiered = z.object({
  base: z.unknown(),
  tiers: z.array(z.object({ start: z.number().int().positive(), price: z.unknown() })),
});
const Top = z.array(z.unknown());

type ConditionalPrices = z.infer<typeof Conditional>;

/**
 * pydantic/genai-prices data.json, format v2 (read by default) or v1 (detected by content): providers → models → prices
 * in USD per 1M tokens (plain, tiered, or conditional on date / time of day).
 */
export const genaiPricesAdapter: SourceAdapter = {
  id: "genai-prices",
  parserVersion: "genai-prices@1",
  liveUrl: "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json",
  bundledPath: "data/archives/genai-prices/data.json",
  contentTypes: ["application/json", "text/plain"],
  maxBytes: 16 * 1024 * 1024,
  parse: parseGenaiPrices,
};

/** Parses genai-prices v2 data.json into per-1M quotes; dated price changes become effective_from/effective_to. */
export function parseGenaiPrices(text: string): ParseResult {
  const providers = parseTopLevel(Top, parseJsonPayload(text, "genai-prices"), "genai-prices", "an array of providers");
  requireEntries(providers.length, "genai-prices");
  const out = new QuoteCollector("genai-prices");
  let valid = 0;
  providers.forEach((rawProvider, i) => {
    const p = Provider.safeParse(rawProvider);
    if (!p.success) return out.reject(`provider#${i}`, "E_QUOTE_SCHEMA", `provider entry ${issueText(p.error)}`);
    valid++;
    for (const rawModel of p.data.models) {
      const m = Model.safeParse(rawModel);
      const id = typeof (rawModel as { id?: unknown })?.id === "string" ? (rawModel as { id: string }).id : "?";
      if (!m.success) {
        out.reject(`${p.data.id}:${id}`, "E_QUOTE_SCHEMA", `model entry ${issueText(m.error)}`);
        continue;
      }
      const key = `${p.data.id}:${m.data.id}`;
      out.seen(key);
      const base = { model_id: m.data.id, provider: p.data.id };
      const sets = Array.isArray(m.data.prices) ? m.data.prices : [{ prices: m.data.prices }];
      const { quoted, offHours } = priceSets(sets);
      for (const { slot, prices } of quoted) addPriceMap(out, { ...base, ...slot }, prices);
      const windows = offHours.map((w): PriceWindow => ({ ...w, prices: windowPrices(base, w.prices) }));
      const info = modelInfo({
        context_window: pick(rawModel, "context_window"),
        deprecated: pick(rawModel, "deprecated"),
        comment: pick(rawModel, "price_comments"),
      });
      out.describe(key, windows.length > 0 ? { ...info, windows } : info);
    }
  });
  if (valid === 0)
    throw new SourceError("E_SOURCE_SCHEMA", "genai-prices: no entry has the provider shape { id, models[] }");
  return { ...out.result(), format: genaiPricesFormat(providers) };
}

/** Price keys only format v2 (prices/new_data/v2/data.json) carries; v1 (prices/data.json) has none of them. */
const V2_ONLY_KEYS = new Set([
  "cache_write_1h_mtok",
  "output_reasoning_mtok",
  "input_image_mtok",
  "output_image_mtok",
  "web_searches_kcount",
]);

/**
 * Which genai-prices format a payload is, by its content (both are arrays of providers with `models[].prices`, and
 * one parser reads both): v2 when any model prices a v2-only class, else v1.
 * @example genaiPricesFormat(JSON.parse(v1Text)) // "v1"
 */
export function genaiPricesFormat(providers: readonly unknown[]): "v1" | "v2" {
  const priceMaps = (m: unknown): unknown[] => {
    const prices = (m as { prices?: unknown })?.prices;
    return Array.isArray(prices) ? prices.map((c) => (c as { prices?: unknown })?.prices) : [prices];
  };
  for (const p of providers) {
    for (const m of ((p as { models?: unknown })?.models as unknown[] | undefined) ?? []) {
      for (const map of priceMaps(m)) {
        if (map && typeof map === "object" && Object.keys(map).some((k) => V2_ONLY_KEYS.has(k))) return "v2";
      }
    }
  }
  return "v1";
}

type PriceMap = Record<string, unknown>;
interface PriceSets {
  quoted: { slot: Partial<QuoteSlot>; prices: PriceMap }[];
  offHours: { start_utc: string; end_utc: string; prices: PriceMap }[];
}

/**
 * Turns a conditional price list into the sets to quote. Date constraints chain into effective ranges.
 * Time-of-day windows (DeepSeek off-peak) quote only the set in force for most of the day — the standard price;
 * the others are the model's off-hours windows (its info), for the registry's time windows, not a spot quote.
 */
function priceSets(sets: ConditionalPrices[]): PriceSets {
  const timed = sets.filter((s) => s.constraint?.start_time !== undefined || s.constraint?.end_time !== undefined);
  if (timed.length > 0) {
    const covered = timed.map((s) => windowMinutes(s.constraint?.start_time, s.constraint?.end_time));
    const plain = sets.filter((s) => !timed.includes(s));
    const restMinutes = 1440 - covered.reduce((a, b) => a + b, 0);
    let best = plain[0];
    let bestMinutes = plain[0] ? restMinutes : -1;
    timed.forEach((s, i) => {
      if ((covered[i] ?? 0) > bestMinutes) {
        best = s;
        bestMinutes = covered[i] ?? 0;
      }
    });
    const hhmm = (t = "00:00") => t.slice(0, 5);
    const only = timed.length === 1 ? timed[0]?.constraint : undefined;
    const offHours = sets.flatMap((s) => {
      if (s === best) return [];
      // A timed set holds at its own hours; the plain set at the rest of the day (known when one set is timed).
      const c = timed.includes(s) ? s.constraint : only && { start_time: only.end_time, end_time: only.start_time };
      return c ? [{ start_utc: hhmm(c.start_time), end_utc: hhmm(c.end_time), prices: s.prices }] : [];
    });
    return { quoted: best ? [{ slot: {}, prices: best.prices }] : [], offHours };
  }
  const ordered = [...sets].sort((a, b) =>
    (a.constraint?.start_date ?? "").localeCompare(b.constraint?.start_date ?? ""),
  );
  const quoted = ordered.map((s, i) => {
    const slot: Partial<QuoteSlot> = {};
    const from = s.constraint?.start_date;
    const to = s.constraint?.end_date ?? ordered[i + 1]?.constraint?.start_date;
    if (from) slot.effective_from = from.slice(0, 10);
    if (to) slot.effective_to = to.slice(0, 10);
    return { slot, prices: s.prices };
  });
  return { quoted, offHours: [] };
}

/** An off-hours set's base prices, USD per 1M tokens (read like a quote, but kept as the model's info). */
function windowPrices(base: Omit<QuoteSlot, "field">, prices: PriceMap): PriceWindow["prices"] {
  const scratch = new QuoteCollector("genai-prices");
  addPriceMap(scratch, base, prices);
  const untiered = scratch.result().quotes.filter((q) => q.tier_above === undefined);
  return Object.fromEntries(untiered.map((q) => [q.field, q.usd_per_m]));
}

function windowMinutes(start = "00:00", end = "00:00"): number {
  const mins = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const span = (mins(end) - mins(start) + 1440) % 1440;
  return span === 0 ? 1440 : span;
}

function addPriceMap(out: QuoteCollector, base: Omit<QuoteSlot, "field">, prices: PriceMap): void {
  for (const [key, raw] of Object.entries(prices)) {
    const field = FIELD_OF[key];
    if (!field) continue; // audio, image, per-request and search prices are not token-class quotes
    if (typeof raw === "object" && raw !== null) {
      const t = Tiered.safeParse(raw);
      if (!t.success) {
        out.reject(base.model_id, "E_QUOTE_JUNK", `${key}: tiered price ${issueText(t.error)}`, field);
        continue;
      }
      out.price({ ...base, field }, t.data.base, 1);
      for (const tier of t.data.tiers) out.price({ ...base, field, tier_above: tier.start }, tier.price, 1);
    } else {
      out.price({ ...base, field }, raw, 1);
    }
  }
}
