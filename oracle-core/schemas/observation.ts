import { z } from "zod";
import { IsoDateSchema, PRICE_BOUNDS, ProviderSchema } from "./registry";

/** Price fields an observation can carry; `tier_*` fields belong to the tier above `tier_above_tokens`. */
export const OBSERVATION_FIELDS = [
  "output",
  "input",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
  "thinking",
  "tier_input",
  "tier_output",
  "tier_cache_read",
] as const;

/** Why a value appears: launch, same-model cut/rise, promo end, scheduled, tier change, successor, other change. */
export const OBSERVATION_KINDS = [
  "launch",
  "cut",
  "rise",
  "promo-end",
  "scheduled",
  "tier",
  "successor",
  "change",
] as const;

export const ObservationFieldSchema = z.enum(OBSERVATION_FIELDS);
export const ObservationKindSchema = z.enum(OBSERVATION_KINDS);
export const ProvenanceSchema = z.union([
  z.literal("historical:public-record"),
  z.literal("historical:archive"),
  z.literal("manual"),
  z.templateLiteral(["scrape:", z.string().min(1)]),
]);
export const ConfidenceSchema = z.enum(["public-record", "snapshot-only", "archive"]);

/** ISO date or ISO datetime with offset (observed_at may be a fetch time). */
const dateOrDateTime = z.union([IsoDateSchema, z.iso.datetime({ offset: true })]);

/** One append-only history row (SPEC §3.2). θ is fitted on `effective_at`, never on `observed_at`. */
export const ObservationSchema = z
  .strictObject({
    ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/),
    family: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/),
    field: ObservationFieldSchema,
    value: z.number().finite().min(PRICE_BOUNDS.min).lt(PRICE_BOUNDS.max),
    tier_above_tokens: z.number().int().positive().optional(),
    effective_at: IsoDateSchema,
    observed_at: dateOrDateTime,
    kind: ObservationKindSchema,
    source: z.string().min(1),
    provenance: ProvenanceSchema,
    confidence: ConfidenceSchema,
    raw_sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** Where the bytes can be read: an archive file at its commit, or the document a public-record event cites. */
    url: z.url().optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    const isTier = o.field.startsWith("tier_");
    if (isTier !== (o.tier_above_tokens !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["tier_above_tokens"],
        message: `${o.ticker} ${o.effective_at}: tier_above_tokens is required on tier_* fields and only there`,
      });
    }
  });

/** A family: the successor chain θ is fitted on (MATH §5). */
export const FamilySchema = z.strictObject({
  provider: ProviderSchema,
  tickers_in_order: z.array(z.string().min(1)).min(1),
  note: z.string(),
});

/** The history file: every public-record event plus archive-derived launches. */
export const HistoryFileSchema = z.strictObject({
  description: z.string().min(1),
  generated_from: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        path: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        note: z.string().optional(),
      }),
    )
    .min(1),
  families: z.record(z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/), FamilySchema),
  observations: z.array(ObservationSchema),
});

export type ObservationField = z.infer<typeof ObservationFieldSchema>;
export type ObservationKind = z.infer<typeof ObservationKindSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Confidence = z.infer<typeof ConfidenceSchema>;
export type HistoryObservation = z.infer<typeof ObservationSchema>;
export type Family = z.infer<typeof FamilySchema>;
export type HistoryFile = z.infer<typeof HistoryFileSchema>;
