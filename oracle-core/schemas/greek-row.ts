import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const price = z.number().finite().nonnegative();
const nullablePrice = price.nullable();

/** Quote status of a ticker in a snapshot (SPEC §4 step 5–6). */
export const QuoteStatusSchema = z.enum(["ok", "single_source", "disputed", "stale", "pending", "halted"]);

export const TenorForwardsSchema = z.object({
  "1M": price,
  "3M": price,
  "6M": price,
  "12M": price,
});

const rate = z.number().finite().nonnegative();
const lnLaw = z.object({ mu: z.number().finite(), s: z.number().finite().nonnegative() });

/**
 * The forecast model of a row, fitted on the price history up to the valuation date (docs/METHODOLOGY.md). Every
 * forward of the row — mean, median, probability of a change, quantiles, the swap curve, the Monte Carlo — is
 * computed from it by oracle-core/forecast. Optional so that snapshots from before it still verify.
 */
export const RowForecastSchema = z.object({
  /** The date the model was fitted on data up to (the valuation date): ages and announced prices count from it. */
  as_of: isoDate,
  /** First date of the ticker's price history: its age is counted from it. */
  launch: isoDate,
  /** A newer model of its family had launched by the valuation date. */
  superseded: z.boolean(),
  /** Hazard of an unannounced list-price move, per year: young (< young_years old, no successor), older, superseded. */
  hazard: z.object({ young: rate, old: rate, superseded: rate, young_years: z.number().finite().positive() }),
  /** Launches per year in the family (a launch supersedes the newest model). */
  successor_rate: rate,
  /** ln of a move's factor ~ N(mu, s²) (the provider's mean, shrunk toward the pooled one). */
  jump: lnLaw,
  /**
   * On the family's newest model only: the tier law, "what the family's newest model will cost" — the share of
   * launches at the predecessor's price, the ln step of the others, and the calibration (rate and ln-sd multipliers).
   */
  tier: z
    .object({
      p_same: z.number().min(0).max(1),
      ratio: lnLaw,
      rate_scale: z.number().finite().positive(),
      widen: z.number().finite().positive(),
    })
    .nullable(),
});

/**
 * One row of the Greek sheet: every registry field resolved to the value in force, the ratios of
 * MATH.md §1 (so a client can price a task from the row alone), the family's fitted θ/σ (descriptive statistics of
 * its price history: they no longer drive the forward), and the forwards with the forecast model behind them.
 * `status` is the quote status; the registry's active/legacy is `lifecycle`. Values derivable from the
 * row alone (annual decline, half-life, tokens per USD) are left out of the signed payload to keep it
 * small; `derivedGreeks` computes them for the API and clients.
 */
export const GreekRowSchema = z.object({
  ticker: z.string().min(1),
  display_name: z.string().min(1),
  provider: z.string().min(1),
  family: z.string().min(1),
  /** provisional | active | legacy | deprecated | retired (oracle-core/schemas/registry.ts LIFECYCLES). */
  lifecycle: z.enum(["provisional", "active", "legacy", "deprecated", "retired"]),
  /** Lifecycle dates, present only when set (a curated row carries none): listed by the feed, deprecated upstream,
   * retired, and the first day no healthy source quoted it (flagged `unquoted` after 14 days). */
  listed_at: isoDate.optional(),
  deprecated_at: isoDate.optional(),
  retired_at: isoDate.optional(),
  unquoted_since: isoDate.optional(),
  release_date: isoDate,
  context_window: z.number().int().positive(),
  max_output: z.number().int().positive(),
  reasoning: z.boolean(),
  tokenizer: z.string().min(1),
  composite: z
    .object({
      method: z.literal("median"),
      constituents: z.array(z.object({ host: z.string(), input: price, output: price })),
    })
    .nullable(),
  beta: price,
  beta_batch: nullablePrice,
  prices: z.object({
    input: price,
    output: price,
    cache_read: nullablePrice,
    cache_write_5m: nullablePrice,
    cache_write_1h: nullablePrice,
    thinking: nullablePrice,
  }),
  r_in: z.number().finite().nonnegative(),
  r_cache: z.number().finite().nonnegative(),
  r_think: z.number().finite().nonnegative(),
  r_batch: z.number().finite().positive().max(1).nullable(),
  cache_write_mult: z.object({ "5m": z.number().finite().nonnegative(), "1h": z.number().finite().nonnegative() }),
  tiers: z.array(
    z.object({ tau: z.number().nonnegative(), alpha_in: z.number().positive(), alpha_out: z.number().positive() }),
  ),
  windows: z.array(
    z.object({
      name: z.string(),
      start_utc: z.string(),
      end_utc: z.string(),
      input_mult: z.number().positive(),
      output_mult: z.number().positive(),
    }),
  ),
  scheduled: z.array(z.object({ effective_date: isoDate, input: price, output: price, kind: z.string() })),
  /**
   * θ and σ: the family's fitted decay rate per year and volatility (MATH.md §5–6), statistics of its history,
   * published to 4 significant digits (as are theta_raw, t_eff_years and credibility_z; older snapshots carry 17).
   */
  theta: z.number().finite(),
  theta_month: z.number().finite(),
  theta_raw: z.number().finite().nullable(),
  t_eff_years: z.number().finite().nonnegative(),
  credibility_z: z.number().finite().min(0).max(1),
  theta_prior: z.enum(["family", "provider", "global"]),
  sigma_month: z.number().finite().nonnegative(),
  /** The expected price E[β_t] of this ticker at each tenor, from `forecast` (θ and σ above do not enter it). */
  forwards: TenorForwardsSchema,
  forecast: RowForecastSchema.optional(),
  status: QuoteStatusSchema,
  dispersion: z.number().finite().nonnegative().nullable(),
  sources: z.array(z.string()),
  last_change: z.object({ field: z.string(), from: price.nullable(), to: price, effective_at: isoDate }).nullable(),
  pending: z.object({ field: z.string(), value: price, since: z.string() }).nullable(),
});

export type GreekRow = z.infer<typeof GreekRowSchema>;
export type QuoteStatus = z.infer<typeof QuoteStatusSchema>;
export type TenorForwards = z.infer<typeof TenorForwardsSchema>;
export type RowForecast = z.infer<typeof RowForecastSchema>;
