/**
 * Delisting (issue 11 item 3): how upstream deprecation data and missing quotes move a ticker's lifecycle. Pure; the
 * feed gathers the signals from its healthy, unfrozen sources and writes the moves with the snapshot.
 *
 * The rule, in order, for each ticker on `today`:
 * 1. Evidence. A source is evidence against a ticker when the entry for the ticker's primary id there (the first id
 *    of the ticker's match list for that source) carries a retirement date or a deprecated mark, or when that
 *    primary id is an undated alias and every dated snapshot id of the ticker that source lists is marked (GPT-4:
 *    LiteLLM dates gpt-4-0613 and gpt-4-0314; its `gpt-4` key has no date). The same rule builds data/registry.json.
 * 2. `active` or `provisional` with evidence → `deprecated` on `today`; its shutdown date is the earliest retirement
 *    date the evidence gives (none when the sources only mark it deprecated). `legacy` is a curated terminal state
 *    (kept for history, no longer sold) and is left alone; so is a row an admin moved.
 * 3. `deprecated` with a shutdown date on or before `today` → `retired` on that date. Evidence that later vanishes
 *    does not undo a deprecation (upstream files drop entries when a model goes away; no flapping).
 * 4. A ticker no healthy source quotes gets `unquoted_since` (the first day missing, not an event); after
 *    {@link UNQUOTED_DAYS} days it is flagged `unquoted` (an event: kept, shown, never deleted); a quote clears both.
 *    Retired and legacy rows are not tracked.
 */

/** Days missing from every healthy source before a ticker is flagged `unquoted`. */
export const UNQUOTED_DAYS = 14;

/** What one source says about one id of a ticker. */
export interface LifecycleSignal {
  ticker: string;
  source: string;
  id: string;
  /** The id is the ticker's first id for this source. */
  primary: boolean;
  deprecated: boolean;
  /** A retirement date the source gives (past or future), ISO YYYY-MM-DD. */
  retires_on?: string;
  raw_sha256?: string;
}

export interface LifecycleRowState {
  ticker: string;
  lifecycle: "provisional" | "active" | "legacy" | "deprecated" | "retired";
  retired_at: string | null;
  unquoted_since: string | null;
  /** The row carries the `unquoted` flag already (its event was written). */
  unquoted_flagged: boolean;
  /** An admin set the lifecycle by hand: the feed's rules leave it alone. */
  manual: boolean;
}

export interface LifecycleRuleMove {
  ticker: string;
  kind: "deprecated" | "retired" | "missing" | "unquoted" | "requoted";
  to: LifecycleRowState["lifecycle"];
  on: string;
  reason: string;
  retires_on?: string;
  source?: string;
  raw_sha256?: string;
}

/** A dated snapshot id: `-0613`, `-20250514`, `-2024-04-09`, `-0125-preview`. */
const DATED = /-(\d{4}|\d{8}|\d{4}-\d{2}-\d{2})(-preview)?$/;

const marked = (s: LifecycleSignal) => s.deprecated || s.retires_on !== undefined;
const describe = (s: LifecycleSignal) =>
  `${s.source} ${s.retires_on ? `retires ${s.id} on ${s.retires_on}` : `marks ${s.id} deprecated`}`;

/** The signals that are evidence against a ticker, per rule 1 (one source's signals at a time). */
export function deprecationEvidence(signals: readonly LifecycleSignal[]): LifecycleSignal[] {
  const bySource = new Map<string, LifecycleSignal[]>();
  for (const s of signals) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const out: LifecycleSignal[] = [];
  for (const list of bySource.values()) {
    const primary = list.find((s) => s.primary);
    if (primary && marked(primary)) {
      out.push(primary);
      continue;
    }
    if (primary && DATED.test(primary.id)) continue;
    const dated = list.filter((s) => DATED.test(s.id));
    if (dated.length > 0 && dated.every(marked)) out.push(...dated);
  }
  return out;
}

/**
 * The lifecycle moves of one run.
 * @example lifecycleRuleMoves({ rows: [{ ticker: "GPT-4", lifecycle: "active", … }], signals: [{ ticker: "GPT-4",
 *   source: "litellm", id: "gpt-4", primary: true, deprecated: false, retires_on: "2026-03-26" }], quoted: new
 *   Set(["GPT-4"]), today: "2026-01-10" }) // [{ kind: "deprecated", on: "2026-01-10", retires_on: "2026-03-26", … }]
 */
export function lifecycleRuleMoves(input: {
  rows: readonly LifecycleRowState[];
  signals: readonly LifecycleSignal[];
  /** Tickers a healthy source quoted in this run. */
  quoted: ReadonlySet<string>;
  today: string;
}): LifecycleRuleMove[] {
  const { today } = input;
  const signalsOf = new Map<string, LifecycleSignal[]>();
  for (const s of input.signals) signalsOf.set(s.ticker, [...(signalsOf.get(s.ticker) ?? []), s]);
  const moves: LifecycleRuleMove[] = [];
  for (const row of input.rows) {
    let state = row.lifecycle;
    let retiresOn = row.retired_at;
    if (!row.manual && (state === "active" || state === "provisional")) {
      const evidence = deprecationEvidence(signalsOf.get(row.ticker) ?? []);
      if (evidence.length > 0) {
        const dates = evidence.flatMap((e) => (e.retires_on ? [e.retires_on] : [])).sort();
        const first = evidence.find((e) => e.retires_on === dates[0]) ?? evidence[0]!;
        retiresOn = dates[0] ?? null;
        state = "deprecated";
        moves.push({
          ticker: row.ticker,
          kind: "deprecated",
          to: "deprecated",
          on: today,
          reason: evidence.map(describe).join("; "),
          ...(retiresOn ? { retires_on: retiresOn } : {}),
          source: first.source,
          ...(first.raw_sha256 ? { raw_sha256: first.raw_sha256 } : {}),
        });
      }
    }
    if (!row.manual && state === "deprecated" && retiresOn !== null && retiresOn <= today) {
      state = "retired";
      moves.push({
        ticker: row.ticker,
        kind: "retired",
        to: "retired",
        on: retiresOn,
        reason: `its shutdown date ${retiresOn} has passed`,
      });
    }
    if (state === "retired" || state === "legacy") continue;
    if (input.quoted.has(row.ticker)) {
      if (row.unquoted_since !== null)
        moves.push({ ticker: row.ticker, kind: "requoted", to: state, on: today, reason: "quoted again" });
    } else if (row.unquoted_since === null) {
      moves.push({ ticker: row.ticker, kind: "missing", to: state, on: today, reason: "no healthy source quotes it" });
    } else if (!row.unquoted_flagged && daysBetween(row.unquoted_since, today) >= UNQUOTED_DAYS) {
      moves.push({
        ticker: row.ticker,
        kind: "unquoted",
        to: state,
        on: row.unquoted_since,
        reason: `no healthy source has quoted it for ${daysBetween(row.unquoted_since, today)} days`,
      });
    }
  }
  return moves;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
