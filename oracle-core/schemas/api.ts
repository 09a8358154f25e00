import { z } from "zod";

/**
 * Request bodies of the computed endpoints, shared by the REST API and the MCP tools.
 * Types and shape only: ranges (η ∈ [0,1], tokens ≥ 0, …) are checked by the oracle-core
 * functions so that every layer reports the same MATH.md §13 code.
 */
const num = z.number();
/** A token count: a whole number (ranges are oracle-core's, as above). Number.isInteger, not zod's int(): 1e308 is
 * a whole number that must reach oracle-core to fail as an overflow, not here as "not an integer". */
const count = num.refine(Number.isInteger, { message: "must be a whole number of tokens" });
export const HorizonSchema = z.union([z.enum(["spot", "1M", "3M", "6M", "12M"]), num]);

export const TaskSchema = z.strictObject({
  n_in: count.optional(),
  prompt: z.string().max(16_384).optional(),
  n_out: count.optional(),
  n_think: count.optional(),
  eta: num.optional(),
  omega: num.optional(),
  cache_ttl: z.string().optional(),
  mode: z.string().optional(),
  horizon: HorizonSchema.optional(),
  max_tokens: count.optional(),
});

export const PriceRequestSchema = TaskSchema.extend({ model: z.string().min(1).max(64) });

export const CompareRequestSchema = TaskSchema.extend({
  models: z.array(z.string().min(1).max(64)).max(200).optional(),
  provider: z.string().max(32).optional(),
});

export type TaskInput = z.infer<typeof TaskSchema>;
export type PriceRequest = z.infer<typeof PriceRequestSchema>;
export type CompareRequest = z.infer<typeof CompareRequestSchema>;
export type Horizon = z.infer<typeof HorizonSchema>;
