import { z } from "zod";
import { GreekRowSchema } from "./greek-row";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const isoDateTime = z.string().datetime({ offset: false });

/** A standard workload published with the snapshot so every client prices the same reference tasks. */
export const ReferenceProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  n_in: z.number().nonnegative(),
  n_out: z.number().nonnegative(),
  eta: z.number().min(0).max(1),
});

export const SourceHealthSchema = z.object({
  id: z.string(),
  healthy: z.boolean(),
  last_fetch_at: isoDateTime.nullable(),
  last_ok_at: isoDateTime.nullable(),
  last_sha256: z.string().nullable(),
  model_count: z.number().int().nonnegative(),
  reasons: z.array(z.string()),
  /** Present (true) when the source's bytes have not changed for 14 days while others' did: it has no vote. */
  frozen: z.literal(true).optional(),
});

export const IndexConstituentSchema = z.object({
  ticker: z.string(),
  provider: z.string(),
  weight: z.number().min(0).max(1),
  price: z.number().nonnegative(),
  quantity: z.number().nonnegative(),
  contribution: z.number(),
  stale: z.boolean(),
});

export const IndexBlockSchema = z.object({
  name: z.string(),
  level: z.number().finite(),
  level_usd_per_m: z.number().finite(),
  divisor: z.number().finite().positive(),
  base_date: isoDate,
  base_value: z.number().positive(),
  fixing_date: isoDate,
  index_breaker: z.boolean(),
  /**
   * Date of the last rebalance: `weight` is the capped weight it set (drifted weight = contribution ÷ level). Always
   * published; optional for older blocks.
   */
  rebalance_date: isoDate.optional(),
  /**
   * The index forward E[I(τ)] in USD/M at 1M/3M/6M/12M: Σ contribution_usd × each member's ticker forward ÷ its spot
   * (blocks from before the forecast models: MATH.md §8.7 Σ contribution_usd·e^(−θ_i τ)).
   */
  forwards_usd_per_m: z
    .object({
      "1M": z.number().finite(),
      "3M": z.number().finite(),
      "6M": z.number().finite(),
      "12M": z.number().finite(),
    })
    .optional(),
  /** The same forward at months 1–12 and years 2–10 (21 values): the curve an index swap is priced on. */
  forward_grid_usd_per_m: z.array(z.number().finite().nonnegative()).length(21).optional(),
  constituents: z.array(IndexConstituentSchema),
});

/** The signed snapshot payload (SPEC §5). */
export const SnapshotPayloadSchema = z.object({
  version: z.number().int().positive(),
  issued_at: isoDateTime,
  expires_at: isoDateTime,
  heartbeat_s: z.number().int().positive(),
  prev_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  keyset_version: z.number().int().positive(),
  methodology_version: z.string(),
  mode: z.enum(["bundled", "live"]),
  data_as_of: isoDate,
  valuation_date: isoDate,
  models: z.array(GreekRowSchema).min(1),
  index: IndexBlockSchema.nullable(),
  reference_profiles: z.array(ReferenceProfileSchema),
  sources: z.array(SourceHealthSchema),
});

export type SnapshotPayload = z.infer<typeof SnapshotPayloadSchema>;
export type ReferenceProfile = z.infer<typeof ReferenceProfileSchema>;
export type SourceHealth = z.infer<typeof SourceHealthSchema>;
export type IndexBlock = z.infer<typeof IndexBlockSchema>;
