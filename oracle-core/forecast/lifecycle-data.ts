/**
 * The price history arranged for the lifecycle models: each ticker's output-price steps (announced prices marked)
 * and each family's launches in order. Built once; every fit and backtest origin then reads it "as of" a date.
 */
import type { HistoryObservation } from "../schemas/observation";

/** The observation fields the forecasts read (history rows satisfy it). */
export type LifecycleObservation = Pick<
  HistoryObservation,
  "ticker" | "family" | "field" | "value" | "effective_at" | "kind"
>;

/** Kinds whose price was announced ahead of its effective date (an introductory price ending, a scheduled change). */
export const ANNOUNCED_KINDS: ReadonlySet<string> = new Set(["scheduled", "promo-end"]);

/** One output-price step of a ticker, in force from `date`. */
export interface PriceStepAnnounced {
  date: string;
  price: number;
  /** Announced with the model: known from its launch, not a surprise move. */
  announced: boolean;
}

/** A ticker's launch and price steps. */
export interface TickerTimeline {
  ticker: string;
  family: string;
  provider: string;
  launch: string;
  steps: PriceStepAnnounced[];
}

/** A family's launches in date order (the newest launched model is the family's tier). */
export interface FamilyLaunches {
  family: string;
  provider: string;
  launches: { date: string; ticker: string }[];
}

/** Everything the lifecycle fits read. */
export interface LifecycleData {
  tickers: Map<string, TickerTimeline>;
  families: Map<string, FamilyLaunches>;
}

/**
 * Output-price steps per ticker (tier rows left out; same-date rows keep the last in input order, MATH §5.2) and
 * launches per family. A ticker's provider is its family's.
 */
export function lifecycleData(
  observations: readonly LifecycleObservation[],
  families: Readonly<Record<string, { provider: string }>>,
): LifecycleData {
  const rows = observations
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.field === "output" && o.kind !== "tier")
    .sort((a, b) => a.o.effective_at.localeCompare(b.o.effective_at) || a.i - b.i);
  const tickers = new Map<string, TickerTimeline>();
  for (const { o } of rows) {
    let t = tickers.get(o.ticker);
    if (!t) {
      t = {
        ticker: o.ticker,
        family: o.family,
        provider: families[o.family]?.provider ?? "unknown",
        launch: o.effective_at,
        steps: [],
      };
      tickers.set(o.ticker, t);
    }
    const step = { date: o.effective_at, price: o.value, announced: ANNOUNCED_KINDS.has(o.kind) };
    const last = t.steps[t.steps.length - 1];
    if (last && last.date === step.date) t.steps[t.steps.length - 1] = step;
    else t.steps.push(step);
  }
  const fams = new Map<string, FamilyLaunches>();
  for (const t of tickers.values()) {
    let f = fams.get(t.family);
    if (!f) fams.set(t.family, (f = { family: t.family, provider: t.provider, launches: [] }));
    f.launches.push({ date: t.launch, ticker: t.ticker });
  }
  // Stable: tickers were inserted in launch order, so same-day launches keep input order.
  for (const f of fams.values()) f.launches.sort((a, b) => a.date.localeCompare(b.date));
  return { tickers, families: fams };
}

/** The price of a timeline in force on `date` (null before launch). */
export function priceInForce(t: TickerTimeline, date: string): number | null {
  let p: number | null = null;
  for (const s of t.steps) {
    if (s.date > date) break;
    p = s.price;
  }
  return p;
}

/** Unannounced moves of a ticker effective by `asOf`: the surprises the hazard counts. */
export function tickerMoves(t: TickerTimeline, asOf: string): { date: string; ratio: number }[] {
  const out: { date: string; ratio: number }[] = [];
  for (let i = 1; i < t.steps.length; i++) {
    const s = t.steps[i]!;
    if (s.date > asOf) break;
    const prev = t.steps[i - 1]!.price;
    if (!s.announced && s.price !== prev && prev > 0 && s.price > 0) out.push({ date: s.date, ratio: s.price / prev });
  }
  return out;
}

/** Prices announced for a ticker launched by `asOf` that take effect after it (known from the launch). */
export function announcedAfter(t: TickerTimeline, asOf: string): { effective_date: string; output: number }[] {
  if (t.launch > asOf) return [];
  return t.steps.filter((s) => s.announced && s.date > asOf).map((s) => ({ effective_date: s.date, output: s.price }));
}

/** The first launch in the ticker's family strictly after its own (its successor), or null. */
export function successorDate(data: LifecycleData, t: TickerTimeline): string | null {
  for (const l of data.families.get(t.family)?.launches ?? []) if (l.date > t.launch) return l.date;
  return null;
}

/** The family's newest model launched by `date` (ties: the last in input order), or null. */
export function familyHead(data: LifecycleData, family: string, date: string): TickerTimeline | null {
  let head: string | null = null;
  for (const l of data.families.get(family)?.launches ?? []) if (l.date <= date) head = l.ticker;
  return head === null ? null : data.tickers.get(head)!;
}

/** The family's tier price on `date`: its newest model's price in force. */
export function tierPrice(data: LifecycleData, family: string, date: string): number | null {
  const head = familyHead(data, family, date);
  return head ? priceInForce(head, date) : null;
}

/** Every date the family's tier price changed (a launch at a new price, or its newest model repriced). */
export function tierChangeDates(data: LifecycleData, family: string): string[] {
  const dates = new Set<string>();
  for (const l of data.families.get(family)?.launches ?? [])
    for (const s of data.tickers.get(l.ticker)!.steps) dates.add(s.date);
  let prev: number | null = null;
  const out: string[] = [];
  for (const d of [...dates].sort()) {
    const p = tierPrice(data, family, d);
    if (prev !== null && p !== prev) out.push(d);
    prev = p;
  }
  return out;
}
