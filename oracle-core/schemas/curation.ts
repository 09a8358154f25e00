import { z } from "zod";
import { IsoDateSchema, LifecycleStateSchema, SourceIdSchema } from "./registry";

/** Who decided, when and why: every curated fact carries it (an audit trail, not a comment in code). */
const Signed = {
  reason: z.string().min(10),
  author: z.string().min(1),
  date: IsoDateSchema,
};

const Ticker = z.string().regex(/^[A-Z0-9][A-Z0-9.\-]*$/, "ticker must be uppercase letters, digits, '.' and '-'");

/**
 * A manual lifecycle change: the ticker's status and why (a retirement no archive dates). `on` is the day it takes
 * effect (the deprecation or retirement date the row carries; default: `date`).
 */
export const LifecycleSchema = z.strictObject({
  action: z.literal("lifecycle"),
  ticker: Ticker,
  status: LifecycleStateSchema,
  on: IsoDateSchema.optional(),
  ...Signed,
});

/** A ticker's family, assigned by hand (a listed model the naming rule left `unassigned`, or a correction). */
export const FamilyAssignmentSchema = z.strictObject({
  action: z.literal("family"),
  ticker: Ticker,
  family: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/, "family must be lowercase kebab-case"),
  ...Signed,
});

/**
 * A listing candidate refused: the feed never lists this ticker (a fine-tune, a router alias, a mis-parsed id), and
 * a `provisional` row of it is retired.
 */
export const RejectListingSchema = z.strictObject({
  action: z.literal("reject-listing"),
  ticker: Ticker,
  ...Signed,
});

/** The source a ticker's prices follow when the archives disagree (the others' values are set aside). */
export const PreferSourceSchema = z.strictObject({
  action: z.literal("prefer-source"),
  ticker: Ticker,
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
  id: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/, "id must be lower-case, provider prefix dropped"),
  ticker: Ticker,
  ...Signed,
});

/**
 * A composite row's constituents (Meta/Llama): the hosts whose prices the row is the median of, each with the
 * archive listings that are that host's (the first found is used, the others cross-checked). Build-time only
 * (scripts/build-registry-composites.ts).
 */
export const CompositeCurationSchema = z.strictObject({
  action: z.literal("composite"),
  ticker: Ticker,
  hosts: z
    .array(
      z.strictObject({
        host: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/),
        candidates: z.array(z.strictObject({ source: SourceIdSchema, id: z.string().min(1) })).min(1),
      }),
    )
    .min(2),
  ...Signed,
});

export const CurationEntrySchema = z.discriminatedUnion("action", [
  LifecycleSchema,
  PreferSourceSchema,
  ExcludeHistoryEventSchema,
  SourceUrlSchema,
  TickerAliasSchema,
  FamilyAssignmentSchema,
  RejectListingSchema,
  CompositeCurationSchema,
]);

/** The actions a deployed feed takes through the admin API (POST /v1/admin/curation); the others are build-time. */
export const AdminCurationSchema = z.discriminatedUnion("action", [
  LifecycleSchema,
  TickerAliasSchema,
  PreferSourceSchema,
  FamilyAssignmentSchema,
  RejectListingSchema,
]);

/** data/curation.json: the curated facts the builders and the feed apply, each with its reason, author and date. */
export const CurationFileSchema = z.strictObject({
  description: z.string().min(1),
  entries: z.array(CurationEntrySchema),
});

export type CurationEntry = z.infer<typeof CurationEntrySchema>;
export type CurationFile = z.infer<typeof CurationFileSchema>;
export type AdminCuration = z.infer<typeof AdminCurationSchema>;
