import { applyCuration } from "../../oracle-core/registry";
import type { CurationEntry } from "../../oracle-core/schemas";
import { universeEntries, type LifecycleMove, type UniverseRow } from "./universe-store";

/**
 * The lifecycle moves the stored curation asks for: one `curation` move for each ticker whose curated state (a manual
 * lifecycle, or a rejected `provisional` listing) differs from its universe row's. Written through the store's
 * lifecycleStatements, which marks the row `manual` so the feed's rules leave it alone; once written, the row and the
 * curation agree and nothing moves again.
 */
export function curationMoves(rows: readonly UniverseRow[], curation: readonly CurationEntry[]): LifecycleMove[] {
  if (curation.length === 0) return [];
  const curated = applyCuration(universeEntries(rows), curation).models;
  const out: LifecycleMove[] = [];
  rows.forEach((r, i) => {
    const e = curated[i]!;
    if (e.status === r.lifecycle) return;
    type Manual = Extract<CurationEntry, { action: "lifecycle" | "reject-listing" }>;
    const manual = (c: CurationEntry): c is Manual =>
      (c.action === "lifecycle" || c.action === "reject-listing") && c.ticker === r.ticker;
    const by = [...curation].reverse().find(manual)!;
    out.push({
      ticker: r.ticker,
      kind: "curation",
      to: e.status,
      on: by.action === "lifecycle" ? (by.on ?? by.date) : by.date,
      reason: e.status_reason ?? by.reason,
      source: "admin",
      detail: { action: by.action, author: by.author, date: by.date },
    });
  });
  return out;
}
