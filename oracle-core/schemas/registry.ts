import { z } from "zod";

/** Providers in scope (SPEC §3.1). */
export const PROVIDERS = ["anthropic", "openai", "google", "xai", "mistral", "deepseek", "meta"] as const;
/** Source ids a registry `match` map and a price's `source` may name (SPEC §3.3). */
export const SOURCE_IDS = [
  "genai-prices",
  "litellm",
  "llm-prices",
  "models-dev",
  "openrouter",
  "provider-page",
] as const;
/** Price bounds in USD per 1M tokens: per token [1e-10, 1e-3), the ceiling exclusive (SPEC §4 step 4). */
export const PRICE_BOUNDS = Object.freeze({ min: 1e-4, max: 1000 });
/** Plausible ratio bounds, checked on every row (the ×1000 unit errors of public price files fail them). */
export const RATIO_BOUNDS = Object.freeze({
  /** input ÷ output */
  r_in: [0, 2] as const,
  /** thinking ÷ output */
  r_think: [0, 10] as const,
  /** cache write ÷ input */
  cache_write_mult: [1, 4] as const,
  /** tier price ÷ base price */
  tier_alpha: [1, 4] as const,
  /** window multiplier */
  window_mult: [0, 2] as const,
});

export const ProviderSchema = z.enum(PROVIDERS);
/**
 * A ticker's lifecycle (issue 11): `provisional` (listed by the feed, not yet confirmed), `active`, `legacy` (kept for
 * history, no longer sold; curated), `deprecated` (an upstream shutdown date is known), `retired` (past that date).
 */
export const LIFECYCLES = ["provisional", "active", "legacy", "deprecated", "retired"] as const;
export const LifecycleStateSchema = z.enum(LIFECYCLES);
export type LifecycleState = z.infer<typeof LifecycleStateSchema>;
export const SourceIdSchema = z.enum(SOURCE_IDS);
export const IsoDateSchema = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (UTC)");
const usd = z.number().finite().min(PRICE_BOUNDS.min).lt(PRICE_BOUNDS.max);
/** Where a value was read: a source id (or provider page name), the URL read, the date checked. */
const provenance = { source: z.string().min(1), url: z.url(), checked: IsoDateSchema };

/** One price with its provenance. */
export const PricePointSchema = z.strictObject({ usd_per_m: usd, ...provenance });

/** Batch ÷ sync price ratio, applied to every token class (MATH §1 `r_batch`). */
export const BatchRatioSchema = z.strictObject({ value: z.number().gt(0).max(1), ...provenance });

/** A whole-request context tier (MATH §1): prompts longer than `above_tokens` are billed entirely at these prices. */
export const TierSchema = z.strictObject({
  above_tokens: z.number().int().positive(),
  input: usd,
  output: usd,
  cache_read: usd.optional(),
  ...provenance,
});

/** A time-of-day price window (e.g. DeepSeek off-peak); may wrap midnight (start > end). */
export const WindowSchema = z.strictObject({
  name: z.string().min(1),
  start_utc: hhmm,
  end_utc: hhmm,
  input_mult: z.number().gt(RATIO_BOUNDS.window_mult[0]).max(RATIO_BOUNDS.window_mult[1]),
  output_mult: z.number().gt(RATIO_BOUNDS.window_mult[0]).max(RATIO_BOUNDS.window_mult[1]),
  cache_read_mult: z.number().gt(0).max(2).optional(),
  note: z.string().optional(),
  ...provenance,
});

/** A known future price (an introductory price ending, an announced change). */
export const ScheduledSchema = z.strictObject({
  effective_date: IsoDateSchema,
  input: usd,
  output: usd,
  cache_read: usd.optional(),
  kind: z.enum(["promo-end", "scheduled"]),
  ...provenance,
});

/** One host price inside a composite row (Meta/Llama). */
export const ConstituentSchema = z.strictObject({ host: z.string().min(1), input: usd, output: usd, ...provenance });
export const CompositeSchema = z.strictObject({
  method: z.literal("median"),
  constituents: z.array(ConstituentSchema).min(2),
});

/** Archives that disagree on a field, and what was chosen and why. */
export const DisagreementSchema = z.strictObject({
  field: z.string().min(1),
  values: z.array(z.strictObject({ source: z.string().min(1), usd_per_m: z.number().finite().nonnegative() })).min(2),
  chosen_usd_per_m: z.number().finite().nonnegative(),
  reason: z.string().min(1),
});

export const PricesSchema = z.strictObject({
  output: PricePointSchema,
  input: PricePointSchema,
  cache_read: PricePointSchema.optional(),
  cache_write_5m: PricePointSchema.optional(),
  cache_write_1h: PricePointSchema.optional(),
  thinking: PricePointSchema.optional(),
});

/**
 * `batch_ratio`: an object when a source states it; absent → MATH default 0.5 (provider has a batch API); null → no
 * batch API.
 */
const batchRatio = BatchRatioSchema.nullable().optional();

const inRange = (x: number, [lo, hi]: readonly [number, number], openLow = false): boolean =>
  (openLow ? x > lo : x >= lo) && x <= hi;
/** The median, the lower middle for an even count: a composite's price is always one some host quotes. */
export const lowerMedian = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
};
const median = lowerMedian;

/** One ticker of the registry (SPEC §3.1), with the ratio and composite cross-checks as refinements. */
export const RegistryEntrySchema = z
  .strictObject({
    ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/, "ticker must be uppercase letters, digits, '.' and '-'"),
    display_name: z.string().min(1),
    label: z.string().min(1).optional(),
    provider: ProviderSchema,
    family: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/, "family must be lowercase kebab-case"),
    status: LifecycleStateSchema,
    status_reason: z.string().min(1).optional(),
    /** Lifecycle dates the feed's universe store sets (absent in the curated file): when the feed listed the ticker,
     * when upstream deprecated it, when it retired, since when no healthy source quotes it. */
    listed_at: IsoDateSchema.optional(),
    deprecated_at: IsoDateSchema.optional(),
    retired_at: IsoDateSchema.optional(),
    unquoted_since: IsoDateSchema.optional(),
    release_date: IsoDateSchema,
    context_window: z.number().int().positive(),
    max_output: z.number().int().positive(),
    reasoning: z.boolean(),
    tokenizer: z.union([
      z.enum(["o200k_base", "cl100k_base", "llama3", "tekken", "deepseek-v3", "gemma3"]),
      z.string().regex(/^estimate:[a-z0-9][a-z0-9\-]*$/),
    ]),
    match: z.partialRecord(SourceIdSchema, z.array(z.string().min(1)).min(1)),
    index_weight_proxy: z.number().finite().nonnegative(),
    prices: PricesSchema,
    batch_ratio: batchRatio,
    tiers: z.array(TierSchema),
    windows: z.array(WindowSchema),
    scheduled: z.array(ScheduledSchema),
    composite: CompositeSchema.optional(),
    disagreements: z.array(DisagreementSchema),
    notes: z.array(z.string().min(1)).optional(),
  })
  .superRefine((e, ctx) => {
    const bad = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message: `${e.ticker}: ${message}` });
    const p = e.prices;
    const out = p.output.usd_per_m;
    const inp = p.input.usd_per_m;
    if (!inRange(inp / out, RATIO_BOUNDS.r_in, true))
      bad(["prices", "input"], `r_in = input/output = ${inp / out} outside (0, 2]`);
    if (p.cache_read && p.cache_read.usd_per_m > inp)
      bad(["prices", "cache_read"], `cache_read ${p.cache_read.usd_per_m} > input ${inp}`);
    for (const k of ["cache_write_5m", "cache_write_1h"] as const) {
      const w = p[k];
      if (w && !inRange(w.usd_per_m / inp, RATIO_BOUNDS.cache_write_mult))
        bad(["prices", k], `${k}/input = ${w.usd_per_m / inp} outside [1, 4]`);
    }
    if (p.thinking && !inRange(p.thinking.usd_per_m / out, RATIO_BOUNDS.r_think, true))
      bad(["prices", "thinking"], `thinking/output outside (0, 10]`);
    let prevTau = 0;
    e.tiers.forEach((t, i) => {
      if (t.above_tokens <= prevTau) bad(["tiers", i], "tiers must be sorted by above_tokens, strictly increasing");
      prevTau = t.above_tokens;
      if (!inRange(t.input / inp, RATIO_BOUNDS.tier_alpha))
        bad(["tiers", i, "input"], `α_in = ${t.input / inp} outside [1, 4]`);
      if (!inRange(t.output / out, RATIO_BOUNDS.tier_alpha))
        bad(["tiers", i, "output"], `α_out = ${t.output / out} outside [1, 4]`);
      if (t.above_tokens >= e.context_window)
        bad(["tiers", i], `tier threshold ${t.above_tokens} ≥ context window ${e.context_window}`);
    });
    e.scheduled.forEach((s, i) => {
      if (!inRange(s.input / s.output, RATIO_BOUNDS.r_in, true))
        bad(["scheduled", i], `scheduled input/output outside (0, 2]`);
      if (s.cache_read !== undefined && s.cache_read > s.input) bad(["scheduled", i], `scheduled cache_read > input`);
    });
    if (e.composite) {
      const c = e.composite.constituents;
      const hosts = new Set(c.map((x) => x.host));
      if (hosts.size !== c.length) bad(["composite"], "composite hosts must be distinct");
      const mi = median(c.map((x) => x.input));
      const mo = median(c.map((x) => x.output));
      if (Math.abs(mi - inp) > 1e-9 * Math.max(1, mi))
        bad(["prices", "input"], `composite input ${inp} ≠ median of constituents ${mi}`);
      if (Math.abs(mo - out) > 1e-9 * Math.max(1, mo))
        bad(["prices", "output"], `composite output ${out} ≠ median of constituents ${mo}`);
      if (e.provider !== "meta") bad(["composite"], "only Meta/Llama rows are composites");
      if (!/composite/i.test(`${e.display_name} ${e.label ?? ""}`))
        bad(["label"], "a composite row must say so in display_name or label");
    } else if (e.provider === "meta")
      bad(["composite"], "Meta/Llama rows are composites of host prices: `composite` is required");
    if (e.status === "legacy" && !e.status_reason) bad(["status_reason"], "a legacy row states why (status_reason)");
  });

/** One archive the registry was read from. */
export const ArchiveRefSchema = z.strictObject({
  id: SourceIdSchema,
  path: z.string().min(1),
  upstream: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  date: IsoDateSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The registry file: header, conventions, and one entry per ticker. */
export const RegistryFileSchema = z
  .strictObject({
    description: z.string().min(1),
    as_of: IsoDateSchema,
    archives: z.array(ArchiveRefSchema).min(1),
    conventions: z.record(z.string(), z.string()),
    models: z.array(RegistryEntrySchema).min(1),
  })
  .superRefine((f, ctx) => {
    // A price cannot have been checked after the archive it was read from (or after as_of for other sources).
    const dates = new Map(f.archives.map((a) => [a.id as string, a.date]));
    const maxArchive = f.archives
      .map((a) => a.date)
      .sort()
      .at(-1)!;
    if (f.as_of < maxArchive)
      ctx.addIssue({
        code: "custom",
        path: ["as_of"],
        message: `as_of ${f.as_of} precedes newest archive ${maxArchive}`,
      });
    f.models.forEach((m, i) => {
      for (const [path, pp] of provenanceOf(m)) {
        const limit = dates.get(pp.source) ?? f.as_of;
        if (pp.checked > limit)
          ctx.addIssue({
            code: "custom",
            path: ["models", i, ...path],
            message: `${m.ticker}: checked ${pp.checked} is after the ${pp.source} archive date ${limit}`,
          });
      }
    });
  });

/** Every (path, provenance) pair of a row: prices, batch, tiers, windows, scheduled and composite constituents. */
export function provenanceOf(
  m: RegistryEntry,
): Array<[(string | number)[], { source: string; url: string; checked: string }]> {
  const out: Array<[(string | number)[], { source: string; url: string; checked: string }]> = [];
  for (const [k, v] of Object.entries(m.prices)) if (v) out.push([["prices", k], v]);
  if (m.batch_ratio) out.push([["batch_ratio"], m.batch_ratio]);
  m.tiers.forEach((t, i) => out.push([["tiers", i], t]));
  m.windows.forEach((t, i) => out.push([["windows", i], t]));
  m.scheduled.forEach((t, i) => out.push([["scheduled", i], t]));
  m.composite?.constituents.forEach((t, i) => out.push([["composite", "constituents", i], t]));
  return out;
}

export type Provider = z.infer<typeof ProviderSchema>;
export type SourceId = z.infer<typeof SourceIdSchema>;
export type PricePoint = z.infer<typeof PricePointSchema>;
export type BatchRatio = z.infer<typeof BatchRatioSchema>;
export type Tier = z.infer<typeof TierSchema>;
export type PriceWindow = z.infer<typeof WindowSchema>;
export type Scheduled = z.infer<typeof ScheduledSchema>;
export type Composite = z.infer<typeof CompositeSchema>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;
export type RegistryFile = z.infer<typeof RegistryFileSchema>;
export type ArchiveRef = z.infer<typeof ArchiveRefSchema>;
