/**
 * The daily EICI series from price history (MATH.md §8, methodology in docs/METHODOLOGY.md): one fixing a day at
 * 16:00 UTC from the base date to the valuation date, monthly rebalances, all computed by `indexRun`.
 */
import { OracleError, isOracleError } from "../errors";
import { dateOrdinal, ordinalToIso, timestampMs } from "../quant/dates";
import { DEFAULTS } from "../quant/defaults";
import { indexRun, type IndexEvent, type IndexFixing, type IndexParams, type IndexQuote } from "../quant/index-run";
import { indexWeights } from "../quant/index-weights";
import { priceTimelines, type MarketObservation, type PriceStep } from "./price-timelines";

/** Fixing time of day (MATH.md §8.2). */
export const FIXING_UTC = "16:00:00";
/** A member stale for more than 7 days after it turned stale forces an extraordinary rebalance (§8.5). */
const EXTRAORDINARY_STALE_DAYS = 7;
const MS_PER_HOUR = 3_600_000;

/** One candidate constituent: its provider and usage proxy (0 keeps it out of every basket). */
export interface IndexUniverseEntry {
  ticker: string;
  provider: string;
  usage: number;
  /** First date it may join a basket (a listed ticker: its listing date); absent = always. */
  member_from?: string;
  /** Date from which it may no longer be a member (a retirement); a member leaves at a rebalance on that date. */
  member_until?: string;
}

/** Input of {@link indexSeries}. */
export interface IndexSeriesInput {
  observations: readonly MarketObservation[];
  universe: readonly IndexUniverseEntry[];
  /** Last fixing date (inclusive). */
  valuation_date: string;
  /** Base date; default: the first month-start at which the caps are feasible for the eligible names. */
  base_date?: string | null;
  params?: IndexParams | null;
  /** Tickers whose quotes stop after the given date (the feed lost them): carried, then stale. */
  quoted_through?: Readonly<Record<string, string>> | null;
}

/** One daily fixing, compact (the full fixing of the last day is in {@link IndexSeriesResult.last}). */
export interface IndexSeriesPoint {
  date: string;
  level: number;
  level_usd_per_m: number;
  divisor: number;
  rebalanced: boolean;
  /** Level just before the rebalance (equal to `level`: entries and exits never move it). */
  level_before_rebalance: number | null;
  index_breaker: boolean;
  members: number;
  stale: number;
  entries?: string[];
  exits?: string[];
}

/** Output of {@link indexSeries}. */
export interface IndexSeriesResult {
  name: "EICI";
  base_date: string;
  base_value: number;
  point_value_usd_per_m: number;
  series: IndexSeriesPoint[];
  /** The last fixing in full (quantities, prices, contributions, flags). */
  last: IndexFixing;
  /** The last rebalance: its date and the capped weights w_i it set. */
  last_rebalance: { date: string; weights: Record<string, number> };
}

interface Cand {
  ticker: string;
  provider: string;
  usage: number;
  steps: PriceStep[];
  cursor: number;
  through: string | null;
  from: string | null;
  until: string | null;
}

/** Capped weights exist for these names (Σ caps ≥ 1 at both levels, §8.3). */
function feasible(names: readonly Cand[], prm: { model_cap: number; provider_cap: number }): boolean {
  if (names.length === 0) return false;
  try {
    indexWeights({
      usage: Object.fromEntries(names.map((c) => [c.ticker, c.usage])),
      provider_of: Object.fromEntries(names.map((c) => [c.ticker, c.provider])),
      model_cap: prm.model_cap,
      provider_cap: prm.provider_cap,
    });
    return true;
  } catch (e) {
    if (isOracleError(e) && (e.code === "E_CAP_INFEASIBLE" || e.code === "E_NO_USAGE")) return false;
    throw e;
  }
}

/** Price in force on `date`, advancing the candidate's cursor (dates are visited in order). */
function advance(c: Cand, date: string): { price: number | null; changed: boolean } {
  let changed = false;
  while (c.cursor + 1 < c.steps.length && c.steps[c.cursor + 1]!.date <= date) {
    c.cursor++;
    changed = true;
  }
  const s = c.steps[c.cursor];
  if (!s || s.date > date) return { price: null, changed: false };
  if (c.cursor === 0 && s.date === date) changed = true;
  return { price: s.price, changed };
}

/** First month-start (≤ valuation date) at which the names priced by then make the caps feasible. */
function autoBaseDate(
  cands: readonly Cand[],
  valuation: string,
  prm: { model_cap: number; provider_cap: number },
): string {
  const first = cands
    .map((c) => c.steps[0]?.date)
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  if (first === undefined)
    throw new OracleError("E_NO_BASE", "no constituent has a price: the index has no base date", "observations");
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (;;) {
    const d = `${y}-${String(m).padStart(2, "0")}-01`;
    if (d > valuation) break;
    const priced = cands.filter(
      (c) =>
        c.steps[0] !== undefined &&
        c.steps[0].date <= d &&
        (c.through === null || d <= c.through) &&
        (c.from === null || d >= c.from) &&
        (c.until === null || d < c.until),
    );
    if (d >= first && feasible(priced, prm)) return d;
    m++;
    if (m > 12) (m = 1), y++;
  }
  throw new OracleError(
    "E_NO_BASE",
    "too few names for the caps at every month-start up to the valuation date: no base date",
    "universe",
  );
}

/**
 * Builds the daily fixing events from history and runs `indexRun` on them. Quotes: every priced member of the
 * universe is quoted at each 16:00 fixing with its price in force; a price that takes effect on a day is also
 * quoted at 00:00, so a confirmed move above the 15% constituent breaker is confirmed by the 16:00 quote.
 * Rebalances: the base date, the 1st of each month, and any fixing where a member has been stale for more
 * than 7 days; a rebalance for which the caps are infeasible is skipped (the old basket carries on).
 * @example indexSeries({ observations, universe, valuation_date: "2026-11-24" }).series[0].level // 1000
 */
export function indexSeries(input: IndexSeriesInput): IndexSeriesResult {
  const prm = { ...DEFAULTS, ...(input.params ?? {}) };
  const timelines = priceTimelines(input.observations);
  const valuation = ordinalToIso(dateOrdinal(input.valuation_date, "valuation_date"));
  const cands: Cand[] = input.universe
    .filter((u) => u.usage > 0)
    .map((u) => ({
      ticker: u.ticker,
      provider: u.provider,
      usage: u.usage,
      steps: timelines.get(u.ticker) ?? [],
      cursor: 0,
      through: input.quoted_through?.[u.ticker] ?? null,
      from: u.member_from ?? null,
      until: u.member_until ?? null,
    }));
  const untilOf = new Map(cands.map((c) => [c.ticker, c.until]));
  const inForce = (c: Cand, d: string) => (c.from === null || d >= c.from) && (c.until === null || d < c.until);
  const base =
    input.base_date != null
      ? ordinalToIso(dateOrdinal(input.base_date, "base_date"))
      : autoBaseDate(cands, valuation, prm);
  if (base > valuation)
    throw new OracleError("E_NO_BASE", `base date ${base} is after the valuation date ${valuation}`, "base_date");

  const universe = Object.fromEntries(cands.map((c) => [c.ticker, { provider: c.provider }]));
  const usage = Object.fromEntries(cands.map((c) => [c.ticker, c.usage]));
  const lastQuote = new Map<string, number>();
  const staleMs = prm.stale_hours * MS_PER_HOUR;
  const events: IndexEvent[] = [];
  const changes: { entries: string[]; exits: string[] }[] = [];
  let members: string[] = [];
  for (let o = dateOrdinal(base), end = dateOrdinal(valuation); o <= end; o++) {
    const d = ordinalToIso(o);
    const time = `${d}T${FIXING_UTC}Z`;
    const T = timestampMs(time);
    const quotes: IndexQuote[] = [];
    const priced: Cand[] = [];
    for (const c of cands) {
      const { price, changed } = advance(c, d);
      if (price === null || (c.through !== null && d > c.through)) continue;
      if (changed) quotes.push({ id: c.ticker, price, observed_at: `${d}T00:00:00Z` });
      quotes.push({ id: c.ticker, price, observed_at: time });
      lastQuote.set(c.ticker, T);
      priced.push(c);
    }
    const staleTooLong = members.some(
      (m) => T - (lastQuote.get(m) ?? -Infinity) > staleMs + EXTRAORDINARY_STALE_DAYS * 24 * MS_PER_HOUR,
    );
    const ev: IndexEvent = { time, quotes };
    let change = { entries: [] as string[], exits: [] as string[] };
    // A member whose membership ends (a retirement) forces a rebalance on that date, like one stale too long.
    const memberEnded = members.some((m) => {
      const until = untilOf.get(m);
      return until != null && d >= until;
    });
    if (d === base || d.endsWith("-01") || staleTooLong || memberEnded) {
      const eligible = priced.filter((c) => T - lastQuote.get(c.ticker)! <= staleMs && inForce(c, d));
      if (feasible(eligible, prm) || d === base) {
        const next = eligible.map((c) => c.ticker);
        const now = new Set(members);
        const nextSet = new Set(next);
        change = { entries: next.filter((t) => !now.has(t)), exits: members.filter((t) => !nextSet.has(t)) };
        ev.rebalance = { members: next, usage };
        members = next;
      }
    }
    events.push(ev);
    changes.push(change);
  }

  const run = indexRun({ universe, events, params: input.params ?? null });
  const B = prm.basket_value_usd;
  const series: IndexSeriesPoint[] = run.fixings.map((f, k) => {
    const p: IndexSeriesPoint = {
      date: f.time.slice(0, 10),
      level: f.level,
      level_usd_per_m: f.level_usd_per_m,
      divisor: f.divisor,
      rebalanced: f.rebalanced,
      level_before_rebalance: f.level_before_rebalance,
      index_breaker: f.index_breaker,
      members: Object.keys(f.quantities).length,
      stale: Object.values(f.flags).filter((x) => x.stale).length,
    };
    if (f.rebalanced && k > 0) {
      p.entries = changes[k]!.entries;
      p.exits = changes[k]!.exits;
    }
    return p;
  });
  const last = run.fixings[run.fixings.length - 1]!;
  const rb = [...run.fixings].reverse().find((f) => f.rebalanced)!;
  const weights = Object.fromEntries(
    Object.keys(rb.quantities).map((i) => [i, (rb.quantities[i]! * rb.prices_used[i]!) / B]),
  );
  return {
    name: "EICI",
    base_date: base,
    base_value: prm.base_value,
    point_value_usd_per_m: run.point_value_usd_per_m!,
    series,
    last,
    last_rebalance: { date: rb.time.slice(0, 10), weights },
  };
}
