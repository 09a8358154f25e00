import type { QuoteField } from "../publishing/price-quote";
import { RegistryEntrySchema, type Provider, type RegistryEntry, type SourceId } from "../schemas/registry";
import { agreement, samePrices, type ListingQuote } from "./listing-rule-agree";
import {
  familyByRule,
  listingEntry,
  registrySourceOf,
  UNASSIGNED_FAMILY,
  type ListingInfo,
} from "./listing-rule-entry";
import { listingScope } from "./listing-rule-scope";
import { tickerFromId } from "./ticker-name";

/** A listing needs the same agreed prices on two polls at least this far apart. */
export const LISTING_MIN_GAP_MS = 3600_000;
/** A provisional ticker becomes active after this long without a dispute… */
export const PROMOTE_AFTER_MS = 7 * 86_400_000;
/** …or at once when this many independent origins agree on it. */
export const PROMOTE_ORIGINS = 3;
/** A candidate no source has quoted for this long is forgotten (a listed one is kept until promoted). */
export const FORGET_AFTER_MS = 30 * 86_400_000;

/** A ticker the rule can list: letters and digits joined by single `.` or `-` (no trailing or doubled separator). */
const WELL_FORMED = /^[A-Z0-9]+(?:[.-][A-Z0-9]+)*$/;

/** One model the feed is watching (the D1 `candidates` row): what it saw, and since when the origins agree. */
export interface Candidate {
  ticker: string;
  provider: Provider;
  /** `watching` until listed; `rejected` when its ticker collides; `listed` until promoted. */
  state: "watching" | "rejected" | "listed";
  first_seen_at: string;
  /** The last day (YYYY-MM-DD) a source quoted it: a day, so a quiet poll rewrites no row. */
  last_seen_on: string;
  /** The poll that first saw ≥ 2 origins agree on `input`/`output` (null when they do not agree now). */
  agreed_at: string | null;
  input: number | null;
  output: number | null;
  origins: string[];
  /** Source ids seen for it, `source:id`. */
  ids: string[];
  /** Why it is not listed yet (or why it was rejected); null once listed. */
  code: string | null;
  reason: string | null;
  /** Listed: when the 7-day promotion clock started (the listing, or the last dispute). */
  clock_from: string | null;
}

/** A model listed on this poll: its new provisional row and the evidence. */
export interface Listing {
  ticker: string;
  on: string;
  entry: RegistryEntry;
  origins: string[];
  sources: string[];
  reason: string;
}

export interface Promotion {
  ticker: string;
  on: string;
  reason: string;
}

export interface ListingInput {
  /** This poll's guarded, in-force quotes that matched no ticker (healthy, unfrozen sources). */
  quotes: readonly ListingQuote[];
  /** What a quote's source says about its model, when it says anything. */
  info?: (q: ListingQuote) => ListingInfo | undefined;
  candidates: readonly Candidate[];
  /** The tickers the feed serves (any lifecycle). */
  universe: readonly RegistryEntry[];
  /** data/curation.json `ticker-alias`: id → ticker. */
  aliases: ReadonlyMap<string, string>;
  /** Provisional tickers quoted this poll: independent origins agreeing on the output, and whether disputed. */
  quoted?: ReadonlyMap<string, { origins: number; disputed: boolean }>;
  now: Date;
}

export interface ListingResult {
  /** The next candidate state (every row to keep). */
  candidates: Candidate[];
  listed: Listing[];
  promoted: Promotion[];
  /** Candidates rejected on this poll for the first time (a ticker collision, reported and never merged). */
  rejected: { ticker: string; code: string; reason: string }[];
}

/**
 * One poll of the listing rule (issue 11 item 2). A quote that matched no ticker and is in scope
 * ({@link listingScope}) names a candidate by {@link tickerFromId} + aliases (dated ids, `-latest`, `-preview` and
 * provider prefixes are one candidate). A candidate is listed `provisional` when ≥ 2 independent origins agree on
 * its input and output within 1% on two polls ≥ 1 h apart, at the same prices, and every guard rule passes. A
 * ticker that an existing ticker of another provider holds (or two providers' ids name) is rejected and reported.
 * A listed ticker is promoted to `active` at once on ≥ 3 origins, else after 7 days without a dispute.
 */
export function nextListing(input: ListingInput): ListingResult {
  const { now } = input;
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const universe = new Map(input.universe.map((e) => [e.ticker, e]));
  const previous = new Map(input.candidates.map((c) => [c.ticker, c]));
  const groups = new Map<string, { providers: Set<Provider>; quotes: ListingQuote[]; ids: Set<string> }>();
  for (const q of input.quotes) {
    const scoped = listingScope(q);
    if (!scoped) continue;
    const ticker = tickerFromId(scoped.id, scoped.provider, input.aliases);
    if (!WELL_FORMED.test(ticker)) continue;
    const g = groups.get(ticker) ?? { providers: new Set(), quotes: [], ids: new Set() };
    g.providers.add(scoped.provider);
    g.quotes.push(q);
    g.ids.add(`${q.source}:${q.model_id}`);
    groups.set(ticker, g);
  }
  const out: ListingResult = { candidates: [], listed: [], promoted: [], rejected: [] };
  const next = new Map<string, Candidate>();
  for (const [ticker, g] of groups) {
    const prev = previous.get(ticker);
    if (prev?.state === "listed") continue;
    const provider = [...g.providers][0]!;
    const existing = universe.get(ticker);
    // The same provider's ticker: another spelling of a model the feed knows, not a new one.
    if (existing && existing.provider === provider && g.providers.size === 1) continue;
    const base: Candidate = prev ?? {
      ticker,
      provider,
      state: "watching",
      first_seen_at: nowIso,
      last_seen_on: today,
      agreed_at: null,
      input: null,
      output: null,
      origins: [],
      ids: [],
      code: null,
      reason: null,
      clock_from: null,
    };
    const seen = { ...base, last_seen_on: today, ids: [...new Set([...base.ids, ...g.ids])].sort() };
    if (existing || g.providers.size > 1) {
      const holders = existing ? [existing.provider, provider] : [...g.providers];
      const reason = `${ticker} is named by ${[...new Set(holders)].join(" and ")} ids; a collision is never merged`;
      next.set(ticker, { ...seen, state: "rejected", code: "E_LISTING_COLLISION", reason, agreed_at: null });
      if (prev?.state !== "rejected") out.rejected.push({ ticker, code: "E_LISTING_COLLISION", reason });
      continue;
    }
    const infos = g.quotes.flatMap((q) => input.info?.(q) ?? []);
    const family = familyByRule(ticker, provider, input.universe);
    const a = infos.some((i) => i.deprecated)
      ? ({ ok: false, code: "E_LISTING_DEPRECATED", reason: "a source marks the model deprecated" } as const)
      : agreement(g.quotes, familyReference(family, input.universe));
    if (!a.ok) {
      next.set(ticker, { ...seen, state: "watching", agreed_at: null, input: null, output: null, ...pick(a) });
      continue;
    }
    const agreed = { input: a.prices.input!.usd_per_m, output: a.prices.output!.usd_per_m };
    const held = seen.agreed_at !== null && seen.input !== null && seen.output !== null;
    const same = held && samePrices(agreed, { input: seen.input!, output: seen.output! });
    const since = same ? seen.agreed_at! : nowIso;
    const waited = now.getTime() - Date.parse(since);
    const state = { ...seen, state: "watching" as const, agreed_at: since, ...agreed, origins: a.origins };
    if (waited < LISTING_MIN_GAP_MS) {
      const reason = `${a.origins.join(" and ")} agree at ${agreed.input}/${agreed.output} since ${since}; listing needs the same prices on a poll ≥ 1 h later`;
      next.set(ticker, { ...state, code: "E_LISTING_WAIT", reason });
      continue;
    }
    const reason =
      `${a.origins.join(" and ")} agree at ${agreed.input}/${agreed.output} on polls ${since} and ${nowIso}` +
      `; family ${family === UNASSIGNED_FAMILY ? "unassigned (no ticker of the provider on its line)" : `${family} by line`}`;
    const entry = listingEntry({
      ticker,
      provider,
      family,
      on: today,
      prices: a.prices,
      match: matchOf(g.quotes.filter((q) => a.sources.includes(q.source))),
      info: infos,
      reason: `listed by the feed: ${a.origins.join(" and ")} agreed on two polls ≥ 1 h apart`,
    });
    const checked = RegistryEntrySchema.safeParse(entry);
    if (!checked.success) {
      const why = checked.error.issues[0]?.message ?? "invalid row";
      next.set(ticker, { ...state, agreed_at: null, code: "E_LISTING_ENTRY", reason: why });
      continue;
    }
    next.set(ticker, { ...state, state: "listed", code: null, reason, clock_from: nowIso });
    out.listed.push({ ticker, on: today, entry: checked.data, origins: a.origins, sources: a.sources, reason });
  }
  for (const c of input.candidates) {
    if (next.has(c.ticker)) continue;
    if (c.state === "listed") {
      const promoted = promotion(c, universe.get(c.ticker), input.quoted?.get(c.ticker), now);
      if (promoted === "drop") continue;
      if (promoted) {
        out.promoted.push({ ticker: c.ticker, on: today, reason: promoted });
        continue;
      }
      const disputed = input.quoted?.get(c.ticker)?.disputed === true;
      next.set(c.ticker, disputed ? { ...c, clock_from: nowIso, reason: `disputed on ${nowIso}` } : c);
    } else if (now.getTime() - Date.parse(`${c.last_seen_on}T00:00:00Z`) < FORGET_AFTER_MS) next.set(c.ticker, c);
  }
  out.candidates = [...next.values()].sort((x, y) => x.ticker.localeCompare(y.ticker));
  return out;
}

/** Why a listed ticker is promoted now, `drop` when it is no longer provisional (curated since), else null. */
function promotion(
  c: Candidate,
  row: RegistryEntry | undefined,
  quoted: { origins: number; disputed: boolean } | undefined,
  now: Date,
): string | "drop" | null {
  if (!row || row.status !== "provisional") return "drop";
  if (quoted?.disputed) return null;
  if (quoted && quoted.origins >= PROMOTE_ORIGINS) return `${quoted.origins} independent origins agree`;
  const from = c.clock_from ?? `${c.last_seen_on}T00:00:00.000Z`;
  if (now.getTime() - Date.parse(from) >= PROMOTE_AFTER_MS) return `7 days without dispute since ${from}`;
  return null;
}

/** The family's median price per field (the reference the ≥ 100× unit rule compares a new model to). */
function familyReference(family: string, universe: readonly RegistryEntry[]): Partial<Record<QuoteField, number>> {
  if (family === UNASSIGNED_FAMILY) return {};
  const out: Partial<Record<QuoteField, number>> = {};
  for (const f of ["input", "output"] as const) {
    const xs = universe.filter((e) => e.family === family).map((e) => e.prices[f].usd_per_m);
    if (xs.length) out[f] = [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  }
  return out;
}

/** The registry `match` of the confirming quotes: `provider:id` for the sources that group by provider. */
function matchOf(quotes: readonly ListingQuote[]): Partial<Record<SourceId, string[]>> {
  const out: Partial<Record<SourceId, string[]>> = {};
  for (const q of quotes) {
    const key = registrySourceOf(q.source);
    if (!key) continue;
    const qualified = (key === "genai-prices" || key === "models-dev") && q.provider;
    const id = qualified ? `${q.provider}:${q.model_id}` : q.model_id;
    const list = out[key] ?? (out[key] = []);
    if (!list.includes(id)) list.push(id);
  }
  return out;
}

const pick = (a: { code: string; reason: string }) => ({ code: a.code, reason: a.reason });
