import { z } from "zod";
import { IsoDateSchema, SourceIdSchema } from "./registry";

/** Who decided, when and why: every curated fact carries it (an audit trail, not a comment in code). */
const Signed = {
  reason: z.string().min(10),
  author: z.string().min(1),
  date: IsoDateSchema,
};

/** A manual lifecycle change: the ticker's status and why (a retirement no archive dates). */
export const LifecycleSchema = z.strictObject({
  action: z.literal("lifecycle"),
  ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/),
  status: z.enum(["legacy"]),
  ...Signed,
});

/** The source a ticker's prices follow when the archives disagree (the others' values are set aside). */
export const PreferSourceSchema = z.strictObject({
  action: z.literal("prefer-source"),
  ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/),
  source: SourceIdSchema,
  ...Signed,
});

/** A public-record event left out of data/history.json because no bytes can be found that carry it. */
export const ExcludeHistoryEventSchema = z.strictObject({
  action: z.literal("exclude-history-event"),
  /** The public record's model name and effective date (one event). */
  model: z.string().min(1),
  effective_date: IsoDateSchema,
  /** The record's own source text, to check the exclusion still matches the event it names. */
  source: z.string().min(1),
  ...Signed,
});

/** A source URL for public-record events whose source text names a document without giving its address. */
export const SourceUrlSchema = z.strictObject({
  action: z.literal("source-url"),
  /** A phrase of the public record's source text; every event whose source contains it gets the URL. */
  matches: z.string().min(3),
  url: z.url(),
  ...Signed,
});

/** An upstream id (provider prefix dropped, lower-case) whose ticker the naming rule cannot derive. */
export const TickerAliasSchema = z.strictObject({
  action: z.literal("ticker-alias"),
  id: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/),
  ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/),
  ...Signed,
});

export const CurationEntrySchema = z.discriminatedUnion("action", [
  LifecycleSchema,
  PreferSourceSchema,
  ExcludeHistoryEventSchema,
  SourceUrlSchema,
  TickerAliasSchema,
]);

/** data/curation.json: the curated facts the builders and the feed apply, each with its reason, author and date. */
export const CurationFileSchema = z.strictObject({
  description: z.string().min(1),
  entries: z.array(CurationEntrySchema),
});

export type CurationEntry = z.infer<typeof CurationEntrySchema>;
export type CurationFile = z.infer<typeof CurationFileSchema>;
