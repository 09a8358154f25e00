import { originOf } from "../publishing/reconcile";
import type { CurationEntry } from "../schemas/curation";
import type { RegistryEntry, SourceId } from "../schemas/registry";

/** The universe after curation, and what the listing and reconcile steps must follow. */
export interface CuratedUniverse {
  /** The entries with curated lifecycles and families (a new object for each changed entry; the input is kept). */
  models: RegistryEntry[];
  /** Upstream id (lower-case, provider prefix dropped) → ticker, for the naming rule. */
  aliases: Map<string, string>;
  /** Ticker → the source its prices follow; the other sources' values are set aside. */
  preferred: Map<string, SourceId>;
  /** Tickers the listing step must never list. */
  rejected: Set<string>;
  /** The entries that named no ticker of the universe (kept, not applied: a ticker the feed may list later). */
  unmatched: CurationEntry[];
}

/**
 * Applies curation entries in order (a later entry about the same ticker and action wins) to the universe's entries.
 * A lifecycle sets `status`, `status_reason` and the date of a deprecation or retirement (`on`, else `date`);
 * `family` re-assigns a family; `reject-listing` retires a `provisional` row (a curated row is retired by lifecycle).
 * Pure: the same entries and curation give the same universe.
 * @example applyCuration(registry.models, [{ action: "lifecycle", ticker: "GPT-4", status: "retired", … }])
 */
export function applyCuration(entries: readonly RegistryEntry[], curation: readonly CurationEntry[]): CuratedUniverse {
  const byTicker = new Map(entries.map((e) => [e.ticker, e]));
  const aliases = new Map<string, string>();
  const preferred = new Map<string, SourceId>();
  const rejected = new Set<string>();
  const unmatched: CurationEntry[] = [];
  const update = (ticker: string, c: CurationEntry, f: (e: RegistryEntry) => RegistryEntry) => {
    const e = byTicker.get(ticker);
    if (e) byTicker.set(ticker, f(e));
    else unmatched.push(c);
  };
  for (const c of curation) {
    switch (c.action) {
      case "lifecycle":
        update(c.ticker, c, (e) => withLifecycle(e, c.status, c.reason, c.on ?? c.date));
        break;
      case "family":
        update(c.ticker, c, (e) => ({ ...e, family: c.family }));
        break;
      case "prefer-source":
        if (byTicker.has(c.ticker)) preferred.set(c.ticker, c.source);
        else unmatched.push(c);
        break;
      case "ticker-alias":
        aliases.set(c.id, c.ticker);
        break;
      case "reject-listing":
        rejected.add(c.ticker);
        if (byTicker.get(c.ticker)?.status === "provisional")
          update(c.ticker, c, (e) => withLifecycle(e, "retired", `listing rejected: ${c.reason}`, c.date));
        break;
      // exclude-history-event and source-url are the history builder's (scripts/build-history.ts).
    }
  }
  return { models: entries.map((e) => byTicker.get(e.ticker)!), aliases, preferred, rejected, unmatched };
}

/** An entry moved to a lifecycle state: its reason, and the date the state carries (none for provisional/active). */
function withLifecycle(e: RegistryEntry, status: RegistryEntry["status"], reason: string, on: string): RegistryEntry {
  const next: RegistryEntry = { ...e, status, status_reason: reason };
  if (status === "deprecated") next.deprecated_at = on;
  if (status === "retired") next.retired_at = on;
  if (status === "active" || status === "provisional") {
    delete next.deprecated_at;
    delete next.retired_at;
  }
  return next;
}

/**
 * The reconcile step's set-aside rule for preferred sources: a value from any other origin moves nothing.
 * @example setAsideByPreference(new Map([["DEEPSEEK-V3", "genai-prices"]]))("DEEPSEEK-V3", "input", "openrouter", 1)
 * // true
 */
export function setAsideByPreference(
  preferred: ReadonlyMap<string, SourceId>,
): (ticker: string, field: string, source: string, value: number) => boolean {
  return (ticker, _field, source) => {
    const p = preferred.get(ticker);
    return p !== undefined && originOf(source) !== p;
  };
}
