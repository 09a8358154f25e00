import { z } from "zod";
import type { GreekRow } from "../schemas/greek-row";
import { CHANGE_KINDS, DERIVED_KINDS, type ChangeEvent } from "./change-event";

/**
 * What a webhook subscribes to. Lists narrow (an event must match every list given); thresholds add events:
 * `theta_shift_gt` — θ moved by more than this (per year) between two consecutive snapshots;
 * `price_move_pct_gt` — only price changes larger than this percentage;
 * `family_below` — the cheapest active model of a family crosses below a price (USD/M) on `field` (default output).
 */
export const WebhookFilterSchema = z.strictObject({
  tickers: z.array(z.string().min(1).max(64)).max(100).optional(),
  families: z.array(z.string().min(1).max(64)).max(50).optional(),
  kinds: z
    .array(z.enum([...CHANGE_KINDS, ...DERIVED_KINDS]))
    .max(10)
    .optional(),
  theta_shift_gt: z.number().positive().optional(),
  price_move_pct_gt: z.number().nonnegative().optional(),
  family_below: z
    .array(
      z.strictObject({
        family: z.string().min(1).max(64),
        usd_per_m: z.number().positive(),
        field: z.enum(["output", "input"]).optional(),
      }),
    )
    .max(20)
    .optional(),
});

/** POST /v1/webhooks body. */
export const WebhookCreateSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  filter: WebhookFilterSchema.optional(),
  description: z.string().max(200).optional(),
});

export type WebhookFilter = z.infer<typeof WebhookFilterSchema>;
export type WebhookCreate = z.infer<typeof WebhookCreateSchema>;

/** The fields of a snapshot row the derived events read. */
export type EventRow = Pick<GreekRow, "ticker" | "family" | "lifecycle" | "theta" | "prices">;

/** The events of one publish: the changes recorded for that version and the two snapshots around it. */
export interface PublishEvents {
  version: number;
  at: string;
  changes: readonly ChangeEvent[];
  /** The previous snapshot's rows; null on the first publish (no derived events then). */
  prev: readonly EventRow[] | null;
  next: readonly EventRow[];
}

function cheapest(
  rows: readonly EventRow[],
  family: string,
  field: "output" | "input",
): { ticker: string; price: number } | null {
  let best: { ticker: string; price: number } | null = null;
  for (const r of rows) {
    if (r.family !== family || r.lifecycle !== "active") continue;
    const p = r.prices[field];
    if (!best || p < best.price || (p === best.price && r.ticker < best.ticker)) best = { ticker: r.ticker, price: p };
  }
  return best;
}

/**
 * The events of a publish that a filter selects, recorded changes first (in id order), then derived ones.
 * @example matchEvents({ kinds: ["price_change"], tickers: ["GPT-4.1"] }, publish)
 */
export function matchEvents(filter: WebhookFilter, pub: PublishEvents): ChangeEvent[] {
  const familyOf = new Map<string, string>();
  for (const r of [...(pub.prev ?? []), ...pub.next]) familyOf.set(r.ticker, r.family);
  const tickers = filter.tickers ? new Set(filter.tickers.map((t) => t.trim().toUpperCase())) : null;
  const families = filter.families ? new Set(filter.families) : null;
  const wants = (kind: string) => !filter.kinds || (filter.kinds as string[]).includes(kind);
  const about = (ticker: string | null) =>
    (!tickers || (ticker !== null && tickers.has(ticker))) &&
    (!families || (ticker !== null && families.has(familyOf.get(ticker) ?? "")));

  const out: ChangeEvent[] = [];
  for (const c of pub.changes) {
    if (!wants(c.kind) || !about(c.ticker)) continue;
    if (c.kind === "price_change" && filter.price_move_pct_gt !== undefined) {
      const moved =
        typeof c.from === "number" && typeof c.to === "number" && c.from > 0
          ? Math.abs(c.to / c.from - 1) * 100
          : Infinity;
      if (!(moved > filter.price_move_pct_gt)) continue;
    }
    out.push(c);
  }
  if (!pub.prev) return out;
  const base = { version: pub.version, at: pub.at, id: null, effective_at: null } as const;
  if (filter.theta_shift_gt !== undefined && wants("theta_shift")) {
    const before = new Map(pub.prev.map((r) => [r.ticker, r.theta]));
    for (const r of pub.next) {
      const was = before.get(r.ticker);
      if (was === undefined || !about(r.ticker)) continue;
      if (Math.abs(r.theta - was) > filter.theta_shift_gt)
        out.push({
          ...base,
          kind: "theta_shift",
          ticker: r.ticker,
          field: "theta",
          from: was,
          to: r.theta,
          detail: { threshold: filter.theta_shift_gt },
        });
    }
  }
  if (wants("family_below")) {
    for (const rule of filter.family_below ?? []) {
      const field = rule.field ?? "output";
      const was = cheapest(pub.prev, rule.family, field);
      const now = cheapest(pub.next, rule.family, field);
      // A crossing: below now, and not below before (a family that had no active model counts as not below).
      if (now && now.price < rule.usd_per_m && !(was && was.price < rule.usd_per_m) && about(now.ticker)) {
        out.push({
          ...base,
          kind: "family_below",
          ticker: now.ticker,
          field,
          from: was?.price ?? null,
          to: now.price,
          detail: { family: rule.family, below: rule.usd_per_m, previous_cheapest: was?.ticker ?? null },
        });
      }
    }
  }
  return out;
}
