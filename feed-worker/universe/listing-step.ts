import curationJson from "../../data/curation.json";
import { fieldKey, originOf, reconcile, type PublishedRow } from "../../oracle-core/publishing";
import { nextListing, type ListingInfo, type ListingQuote } from "../../oracle-core/registry";
import { CurationFileSchema, type RegistryEntry } from "../../oracle-core/schemas";
import type { SourceRun } from "../pipeline/steps";
import type { MatchedQuote } from "../sources/match-quotes";
import type { SourceQuote } from "../sources/types";
import { candidateStatements, loadCandidates } from "./candidates";
import type { LifecycleMove } from "./universe-store";

let aliasCache: ReadonlyMap<string, string> | null = null;

/** data/curation.json's `ticker-alias` entries: upstream id → ticker (validated once per isolate). */
export function tickerAliases(): ReadonlyMap<string, string> {
  aliasCache ??= new Map(
    CurationFileSchema.parse(curationJson).entries.flatMap((e) =>
      e.action === "ticker-alias" ? [[e.id, e.ticker] as const] : [],
    ),
  );
  return aliasCache;
}

export interface ListingStep {
  /** `listed` (with the new provisional row) and `promoted` moves, for the universe store and /v1/changes. */
  moves: LifecycleMove[];
  /** The rows listed on this run: the run's models include them at once. */
  entries: RegistryEntry[];
  /** Their agreed prices as published references (ticker/field key), so the breaker guards their next move. */
  published: Map<string, PublishedRow>;
  /** The candidate-table writes: every run's, published or not (the first agreeing poll must be remembered). */
  candidateWrites: D1PreparedStatement[];
  /** The listed rows' published references, written with the snapshot that lists them (its version). */
  publishedWrites(version: number): D1PreparedStatement[];
}

/**
 * The listing step of a live run (issue 11 item 2): the healthy, unfrozen sources' in-force quotes that matched no
 * ticker go through oracle-core's listing rule against the stored candidates; a listing becomes a `listed` move with
 * its row and evidence (the vouching source's raw sha256), a promotion a `promoted` move. Bundled mode lists nothing:
 * its archives are the registry's own build inputs, so an entry they quote that the registry lacks was left out.
 * @example const listing = await listingStep({ db, runs, quotes, matched, universe, now })
 */
export async function listingStep(input: {
  db: D1Database;
  runs: readonly SourceRun[];
  /** The quotes the run reconciles (healthy, unfrozen, in force) and those of them that matched a ticker. */
  quotes: readonly SourceQuote[];
  matched: readonly MatchedQuote[];
  universe: readonly RegistryEntry[];
  now: Date;
  /** Curation taken through the admin API: more `ticker-alias` entries, and tickers never to list. */
  curated?: { aliases: ReadonlyMap<string, string>; rejected: ReadonlySet<string> };
}): Promise<ListingStep> {
  const { db, runs, now } = input;
  const nowIso = now.toISOString();
  const before = await loadCandidates(db);
  const key = (q: SourceQuote) => `${q.source}\u0000${q.provider ?? ""}\u0000${q.model_id}`;
  const matchedKeys = new Set(input.matched.map(key));
  const urlOf = new Map(runs.map((r) => [r.adapter.id as string, r.raw.url]));
  const quotes: ListingQuote[] = input.quotes
    .filter((q) => !matchedKeys.has(key(q)))
    .map((q) => ({ ...q, url: urlOf.get(q.source) ?? "" }));
  const infoBy = new Map(runs.map((r) => [r.adapter.id as string, r.info ?? {}]));
  const info = (q: ListingQuote): ListingInfo | undefined => {
    const facts = infoBy.get(q.source);
    return facts?.[`${q.provider}:${q.model_id}`] ?? facts?.[q.model_id];
  };
  const result = nextListing({
    quotes,
    info,
    candidates: before,
    universe: input.universe,
    aliases: input.curated ? new Map([...tickerAliases(), ...input.curated.aliases]) : tickerAliases(),
    quoted: provisionalQuotes(input.universe, input.matched),
    now,
  });
  const sha = new Map(runs.map((r) => [r.adapter.id as string, r.raw.ok ? r.raw.sha256 : undefined]));
  const moves: LifecycleMove[] = [];
  const published = new Map<string, PublishedRow>();
  // An admin's `reject-listing` keeps a candidate out of the universe (it stays in the candidates table).
  const refused = input.curated?.rejected ?? new Set<string>();
  result.listed = result.listed.filter((l) => !refused.has(l.ticker));
  result.promoted = result.promoted.filter((p) => !refused.has(p.ticker));
  for (const l of result.listed) {
    const source = l.entry.prices.input.source;
    const raw = sha.get(source);
    moves.push({
      ticker: l.ticker,
      kind: "listed",
      to: "provisional",
      on: l.on,
      reason: l.reason,
      source,
      ...(raw ? { raw_sha256: raw } : {}),
      entry: l.entry,
      detail: { origins: l.origins, sources: l.sources, match: l.entry.match },
    });
    for (const [field, p] of Object.entries(l.entry.prices))
      if (p)
        published.set(fieldKey(l.ticker, field), { value: p.usd_per_m, effective_at: l.on, last_quoted_at: nowIso });
  }
  for (const p of result.promoted)
    moves.push({ ticker: p.ticker, kind: "promoted", to: "active", on: p.on, reason: p.reason });
  return {
    moves,
    entries: result.listed.map((l) => l.entry),
    published,
    candidateWrites: candidateStatements(db, before, result.candidates),
    publishedWrites: (version) =>
      [...published].map(([k, row]) => {
        const [ticker, field] = k.split("\u0000");
        return db
          .prepare(
            `INSERT INTO published (ticker, field, value, effective_at, version, last_quoted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(ticker, field) DO UPDATE SET value = ?3, effective_at = ?4, version = ?5, last_quoted_at = ?6`,
          )
          .bind(ticker, field, row.value, row.effective_at, version, row.last_quoted_at);
      }),
  };
}

/**
 * This run's evidence on each provisional ticker: independent origins agreeing on both input and output, and
 * whether either field is disputed (the promotion rule's input).
 */
function provisionalQuotes(
  universe: readonly RegistryEntry[],
  matched: readonly MatchedQuote[],
): Map<string, { origins: number; disputed: boolean }> {
  const out = new Map<string, { origins: number; disputed: boolean }>();
  for (const e of universe) {
    if (e.status !== "provisional") continue;
    const recs = (["input", "output"] as const).map((f) =>
      reconcile(matched.filter((q) => q.ticker === e.ticker && q.field === f && q.tier_above === undefined)),
    );
    if (recs.some((r) => r === null)) continue;
    const [inp, out_] = recs as [NonNullable<(typeof recs)[0]>, NonNullable<(typeof recs)[0]>];
    const both = new Set(inp.agreeing.map(originOf).filter((o) => out_.agreeing.map(originOf).includes(o)));
    out.set(e.ticker, { origins: both.size, disputed: inp.status === "disputed" || out_.status === "disputed" });
  }
  return out;
}
