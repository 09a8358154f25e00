import { lifecycleRuleMoves, type LifecycleSignal } from "../../oracle-core/publishing";
import type { RegistryEntry } from "../../oracle-core/schemas";
import { registryKeyOf } from "../sources/types";
import type { SourceRun } from "../pipeline/steps";
import type { LifecycleMove, UniverseRow } from "./universe-store";

/**
 * Delisting (issue 11 item 3): the deprecation marks and retirement dates the voting sources give for each ticker's
 * ids, and which tickers they quoted, through the rule in oracle-core/publishing/lifecycle-rules.ts.
 * @param voting the runs that vote (healthy, not frozen)
 * @param quoted tickers some voting source quoted this run
 */
export function lifecycleMoves(input: {
  rows: readonly UniverseRow[];
  voting: readonly SourceRun[];
  quoted: ReadonlySet<string>;
  today: string;
}): LifecycleMove[] {
  const signals = input.voting.flatMap((run) => signalsOf(run, input.rows));
  return lifecycleRuleMoves({
    rows: input.rows.map((r) => ({
      ticker: r.ticker,
      lifecycle: r.lifecycle,
      retired_at: r.retired_at,
      unquoted_since: r.unquoted_since,
      unquoted_flagged: r.unquoted_flagged,
      manual: r.manual,
    })),
    signals,
    quoted: input.quoted,
    today: input.today,
  });
}

/** One run's signals: every id of a ticker the payload describes, with its marks. */
function signalsOf(run: SourceRun, rows: readonly UniverseRow[]): LifecycleSignal[] {
  const info = run.info;
  if (!info) return [];
  // Keys as the payload writes them, and without a provider prefix (LiteLLM's `xai/grok-4.5`, the registry's `grok-4.5`).
  const byId = new Map<string, NonNullable<SourceRun["info"]>[string]>();
  for (const [key, value] of Object.entries(info)) {
    byId.set(key, value);
    const slash = key.indexOf("/");
    if (slash > 0 && !key.slice(slash + 1).includes("/") && !byId.has(key.slice(slash + 1)))
      byId.set(key.slice(slash + 1), value);
  }
  const out: LifecycleSignal[] = [];
  for (const row of rows) {
    const ids = idsFor(row.entry, run);
    ids.forEach((id, i) => {
      const facts = byId.get(id);
      if (!facts) return;
      out.push({
        ticker: row.ticker,
        source: run.adapter.id,
        id,
        primary: i === 0,
        deprecated: facts.deprecated === true,
        ...(facts.retires_on ? { retires_on: facts.retires_on } : {}),
        ...(run.raw.ok && run.raw.sha256 ? { raw_sha256: run.raw.sha256 } : {}),
      });
    });
  }
  return out;
}

function idsFor(entry: RegistryEntry, run: SourceRun): string[] {
  const match = entry.match as Partial<Record<string, string[]>>;
  return match[run.adapter.id] ?? match[registryKeyOf(run.adapter.id)] ?? [];
}

/** The entries with this run's moves applied (state and dates), for the snapshot the moves are published in. */
export function applyMoves(rows: readonly UniverseRow[], moves: readonly LifecycleMove[]): RegistryEntry[] {
  const byTicker = new Map<string, LifecycleMove[]>();
  for (const m of moves) byTicker.set(m.ticker, [...(byTicker.get(m.ticker) ?? []), m]);
  const entries = rows.map((r) => {
    let e = r.entry;
    for (const m of byTicker.get(r.ticker) ?? []) e = applyMove(e, m);
    return e;
  });
  const have = new Set(rows.map((r) => r.ticker));
  for (const m of moves) if (m.kind === "listed" && m.entry && !have.has(m.ticker)) entries.push(m.entry);
  return entries;
}

function applyMove(e: RegistryEntry, m: LifecycleMove): RegistryEntry {
  switch (m.kind) {
    case "missing":
    case "unquoted":
      return { ...e, unquoted_since: m.on };
    case "requoted": {
      const { unquoted_since: _, ...rest } = e;
      return rest;
    }
    case "deprecated":
      return {
        ...e,
        status: m.to,
        status_reason: m.reason,
        deprecated_at: m.on,
        ...(m.retires_on ? { retired_at: m.retires_on } : {}),
      };
    case "retired":
      return { ...e, status: m.to, status_reason: m.reason, retired_at: m.on };
    default: {
      const { status_reason: _, ...rest } = e;
      return { ...rest, status: m.to, ...(m.to === "active" ? {} : { status_reason: m.reason }) };
    }
  }
}
