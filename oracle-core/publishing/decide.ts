import { PUBLISHED_FIELDS, type PublishedField, type QuoteState } from "../greeks/greek-sheet";
import { DEFAULTS } from "../quant/defaults";
import type { TickerQuote } from "./price-quote";
import { breakerDecide, confirmsValue, type PendingMove } from "./publish-breaker";
import { RATIO_RULES, ratioViolation } from "./ratio-check";
import { reconcile, type Reconciled } from "./reconcile";

/** The field a published field's ratio rule compares it to (input → output, cache fields → input). */
const ratioPartner = (field: PublishedField): PublishedField | undefined =>
  RATIO_RULES.find(([f]) => f === field)?.[1] as PublishedField | undefined;

export interface PublishedRow {
  value: number;
  effective_at: string;
  last_quoted_at: string | null;
}

/** A value to write: history row, published update and a change event. */
export interface FieldPublish {
  ticker: string;
  field: PublishedField;
  from: number | null;
  value: number;
  effective_at: string;
  reason: string;
  sources: string[];
}

export interface FieldHold {
  ticker: string;
  field: PublishedField;
  published: number;
  pending: PendingMove;
  reason: string;
  isNew: boolean;
}

export interface Decisions {
  publishes: FieldPublish[];
  holds: FieldHold[];
  /** Pending moves to drop (the quote came back in band or was confirmed). */
  cleared: { ticker: string; field: PublishedField }[];
  /** Per ticker: what the Greek row shows. */
  quotes: Map<string, QuoteState>;
  /** Per ticker and field: the reconciliation, for /v1/sources disagreements. */
  reconciled: Map<string, Reconciled>;
  /** Tickers that had at least one quote this run. */
  quoted: Set<string>;
}

/** The key of a ticker field in the published and pending maps. */
export const fieldKey = (ticker: string, field: string): string => `${ticker}\u0000${field}`;
const key = fieldKey;

/**
 * SPEC §4 steps 5–6 for every ticker and published field: reconcile the healthy sources' quotes,
 * then let the breaker decide what is published, held or unchanged.
 */
export function decide(input: {
  tickers: readonly string[];
  quotes: readonly TickerQuote[];
  published: ReadonlyMap<string, PublishedRow>;
  pending: ReadonlyMap<string, PendingMove>;
  halted: ReadonlySet<string>;
  /** Registry composites (Meta/Llama medians of hosts): priced from their constituents, never from one host's quote. */
  composites: ReadonlySet<string>;
  /** True when the registry's curation set this source's value aside (a recorded disagreement: unit error, stale or
   * pre-announced price). */
  setAside: (ticker: string, field: string, source: string, value: number) => boolean;
  /** Of the set-aside values, those that only lost a majority vote: they still make the field `disputed`. */
  outvoted?: (ticker: string, field: string, source: string, value: number) => boolean;
  now: Date;
  mode: "bundled" | "live";
}): Decisions {
  const { now } = input;
  const today = now.toISOString().slice(0, 10);
  const byKey = new Map<string, TickerQuote[]>();
  const outvotedByKey = new Map<string, TickerQuote[]>();
  for (const q of input.quotes) {
    if (q.tier_above !== undefined || !(PUBLISHED_FIELDS as readonly string[]).includes(q.field)) continue;
    if (input.composites.has(q.ticker)) continue;
    const k = key(q.ticker, q.field);
    if (input.setAside(q.ticker, q.field, q.source, q.usd_per_m)) {
      if (input.outvoted?.(q.ticker, q.field, q.source, q.usd_per_m))
        (outvotedByKey.get(k) ?? outvotedByKey.set(k, []).get(k)!).push(q);
      continue;
    }
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(q);
  }
  const out: Decisions = {
    publishes: [],
    holds: [],
    cleared: [],
    quotes: new Map(),
    reconciled: new Map(),
    quoted: new Set(),
  };
  for (const ticker of input.tickers) {
    const prices: QuoteState["prices"] = {};
    let status: QuoteState["status"] | null = null;
    let dispersion: number | null = null;
    let sources: string[] = [];
    let pendingShown: QuoteState["pending"] = null;
    for (const field of PUBLISHED_FIELDS) {
      const k = key(ticker, field);
      const pub = input.published.get(k) ?? null;
      const pend = input.pending.get(k) ?? null;
      // Every served field keeps its ratio rule against the row's own published partner (output before input before
      // the cache fields): a source's quote that breaks it is not a vote, and a stored value that breaks it is not
      // served.
      const partner = ratioPartner(field);
      const against = partner === undefined ? undefined : prices[partner];
      const breaks = (v: number) => against !== undefined && ratioViolation(field, v, partner!, against) !== null;
      const qs = (byKey.get(k) ?? []).filter((q) => !breaks(q.usd_per_m));
      const rec = reconcile(
        qs.map((q) => ({ source: q.source, usd_per_m: q.usd_per_m, effective_from: q.effective_from })),
      );
      let current = pub?.value;
      if (rec) {
        out.quoted.add(ticker);
        out.reconciled.set(k, rec);
        const agreeing = qs.filter((q) => confirmsValue(q.usd_per_m, rec.value)).map((q) => q.source);
        const d = input.halted.has(ticker)
          ? ({ kind: "unchanged" } as const)
          : breakerDecide({ published: pub?.value ?? null, pending: pend, value: rec.value, sources: agreeing, now });
        if (d.kind === "publish") {
          const effective_at =
            d.reason === "first_quote"
              ? (rec.effective_from ?? today)
              : rec.effective_from && rec.effective_from <= today
                ? rec.effective_from
                : today;
          out.publishes.push({
            ticker,
            field,
            from: d.from,
            value: d.value,
            effective_at,
            reason: d.reason,
            sources: [...new Set(agreeing)].sort(),
          });
          current = d.value;
          if (pend) out.cleared.push({ ticker, field });
        } else if (d.kind === "hold") {
          out.holds.push({
            ticker,
            field,
            published: pub!.value,
            pending: d.pending,
            reason: d.reason,
            isNew: !pend || pend.first_seen_at !== d.pending.first_seen_at,
          });
          pendingShown ??= { field, value: d.pending.value, since: d.pending.first_seen_at };
        } else if (pend) {
          out.cleared.push({ ticker, field });
        }
        // The row's status: its output's, made `disputed` by a dispute on the output or input among every quote,
        // out-voted ones included (they move no price, but a reader must see that sources disagree).
        const withOutvoted = (f: PublishedField) =>
          reconcile([...(byKey.get(key(ticker, f)) ?? []), ...(outvotedByKey.get(key(ticker, f)) ?? [])]);
        if (field === "input" && status === "ok" && withOutvoted("input")?.status === "disputed") status = "disputed";
        if (field === "output") {
          status = withOutvoted("output")?.status === "disputed" ? "disputed" : rec.status;
          dispersion = rec.dispersion;
          sources = rec.agreeing;
        }
      } else if (pend) {
        pendingShown ??= { field, value: pend.value, since: pend.first_seen_at };
      }
      if (current !== undefined && !breaks(current)) prices[field] = current;
    }
    const last = input.published.get(key(ticker, "output"))?.last_quoted_at;
    // Stale: no fresh quote within the same 48 h (MATH.md §12 stale_hours) after which the index flags a constituent.
    const unquoted = !last || now.getTime() - Date.parse(last) > DEFAULTS.stale_hours * 3600_000;
    const staleLive = input.mode === "live" && !input.composites.has(ticker) && !out.quoted.has(ticker) && unquoted;
    const finalStatus: QuoteState["status"] = input.halted.has(ticker)
      ? "halted"
      : pendingShown
        ? "pending"
        : staleLive
          ? "stale"
          : (status ?? (input.composites.has(ticker) ? "ok" : "single_source"));
    out.quotes.set(ticker, { prices, status: finalStatus, dispersion, sources, pending: pendingShown });
  }
  return out;
}
