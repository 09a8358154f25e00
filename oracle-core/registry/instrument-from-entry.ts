/** MATH.md §1: the instrument (β and ratios) of a registry row, honouring scheduled prices. */
import { OracleError } from "../errors";
import type { RegistryEntry } from "../schemas/registry";

/** The MATH §1 instrument: β (output, sync, base tier) and every ratio relative to β. */
export interface Instrument {
  beta: number;
  r_in: number;
  r_cache: number;
  r_think: number;
  /** Batch ÷ sync; null when the model has no batch price. */
  r_batch: number | null;
  /** Cache-write price ÷ input price per TTL. */
  cache_write_mult: { "5m": number; "1h": number };
  tiers: Array<{ tau: number; alpha_in: number; alpha_out: number }>;
}

/** MATH §1 defaults: r_batch 0.5; Anthropic cache writes 1.25× (5m) and 2× (1h); no write premium elsewhere. */
export const INSTRUMENT_DEFAULTS = Object.freeze({
  r_batch: 0.5,
  r_think: 1,
  anthropic_write: { "5m": 1.25, "1h": 2 },
  write: 1,
});

/** Sync base-tier prices in force on `at` (a scheduled price applies from its effective_date on). */
export interface ResolvedPrices {
  input: number;
  output: number;
  cache_read: number | null;
  /** The scheduled entry applied, if any. */
  scheduled_from: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Prices in force on `at` (default: the row's current prices). A scheduled entry without a cache-read
 * price keeps the row's cache discount (cache_read ÷ input) unchanged.
 */
export function pricesInForce(entry: RegistryEntry, at?: string): ResolvedPrices {
  if (at !== undefined && !ISO.test(at))
    throw new OracleError("E_BAD_DATE", `at must be an ISO date 'YYYY-MM-DD', got ${JSON.stringify(at)}`, "at");
  const p = entry.prices;
  let input = p.input.usd_per_m;
  let output = p.output.usd_per_m;
  let cache_read = p.cache_read?.usd_per_m ?? null;
  let scheduled_from: string | null = null;
  if (at !== undefined) {
    const due = entry.scheduled
      .filter((s) => s.effective_date <= at)
      .sort((a, b) => a.effective_date.localeCompare(b.effective_date))
      .at(-1);
    if (due) {
      if (cache_read !== null) cache_read = due.cache_read ?? (cache_read / input) * due.input;
      else if (due.cache_read !== undefined) cache_read = due.cache_read;
      input = due.input;
      output = due.output;
      scheduled_from = due.effective_date;
    }
  }
  return { input, output, cache_read, scheduled_from };
}

/**
 * The MATH §1 instrument of a row: β = output price; r_in, r_cache, r_think relative to β; cache-write
 * multipliers relative to input; tier α = tier price ÷ base price.
 * @example instrumentFromEntry(sonnet4) // { beta: 15, r_in: 0.2, r_cache: 0.02, cache_write_mult: { "5m": 1.25, "1h":
 *   2 }, … }
 */
export function instrumentFromEntry(entry: RegistryEntry, opts: { at?: string } = {}): Instrument {
  const { input, output, cache_read } = pricesInForce(entry, opts.at);
  const p = entry.prices;
  const baseIn = p.input.usd_per_m;
  const baseOut = p.output.usd_per_m;
  const dflt =
    entry.provider === "anthropic"
      ? INSTRUMENT_DEFAULTS.anthropic_write
      : { "5m": INSTRUMENT_DEFAULTS.write, "1h": INSTRUMENT_DEFAULTS.write };
  const m5 = p.cache_write_5m ? p.cache_write_5m.usd_per_m / baseIn : dflt["5m"];
  // A provider with one write price (no TTL choice) charges it whatever the TTL.
  const m1 = p.cache_write_1h
    ? p.cache_write_1h.usd_per_m / baseIn
    : p.cache_write_5m && entry.provider !== "anthropic"
      ? m5
      : dflt["1h"];
  const r_in = input / output;
  return {
    beta: output,
    r_in,
    r_cache: cache_read === null ? r_in : cache_read / output,
    r_think: p.thinking ? p.thinking.usd_per_m / baseOut : INSTRUMENT_DEFAULTS.r_think,
    r_batch: entry.batch_ratio === null ? null : (entry.batch_ratio?.value ?? INSTRUMENT_DEFAULTS.r_batch),
    cache_write_mult: { "5m": m5, "1h": m1 },
    // α are ratios to the base prices, so a scheduled change scales the tier prices with the base.
    tiers: entry.tiers.map((t) => ({ tau: t.above_tokens, alpha_in: t.input / baseIn, alpha_out: t.output / baseOut })),
  };
}
