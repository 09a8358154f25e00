import { PUBLISHED_FIELDS } from "../oracle-core/greeks";
import {
  archiveDeprecations,
  findGlitches,
  findRealChanges,
  unquotedSpells,
  type FieldSeries,
  type Glitch,
  type RealChange,
} from "./replay-expect";
import { POLL_TIMES, type ChangeRow, type ReplayRun } from "./replay-run";

export interface ReplayReport {
  range: { from: string; to: string; days: number; poll_times_utc: readonly string[] };
  archives: { "genai-prices-v1": number; "genai-prices-v2": number; "llm-prices": number; copies_served: number };
  cut: { rule: string; as_of: string; tickers: string[] };
  pipeline: { runs: number; publishes: number; run_ms_median: number; run_ms_p90: number };
  listing: {
    /** True when a snapshot carried a ticker outside the cut or a provisional/deprecated/retired row. */
    pipeline_lists: boolean;
    /** Curated models outside the cut; `first_in_two_sources`: the first day ≥ 2 origins quote the same input and
     * output (within 1%), the listing rule's condition (a model the origins dispute is not expected to list). */
    expected: {
      ticker: string;
      first_quoted: string;
      first_in_two_sources: string | null;
      listed_on: string | null;
      lag_days: number | null;
    }[];
    /**
     * Tickers the snapshots carried outside the cut. `curated_ticker`: the curated model whose match ids the listing's
     * ids include (null when the listing is a model the curated registry leaves out, e.g. Gemini 1.5 Pro), and
     * whether the listed ticker equals it (null without a curated counterpart).
     */
    listed: {
      ticker: string;
      listed_on: string;
      curated_ticker: string | null;
      ticker_equals_curated: boolean | null;
    }[];
    share_ticker_equals_curated: number | null;
    two_source_models_listed_within_1_day: number;
  };
  lifecycle: {
    deprecated: { ticker: string; on: string }[];
    retired: { ticker: string; on: string }[];
    /** What the archives say: entries of tracked providers genai-prices marks deprecated (none is a curated id). */
    upstream_deprecated: { id: string; first_marked: string; ticker: string | null }[];
    /** Cut tickers no origin quoted for 14 days in a row (the `unquoted` flag a living universe raises). */
    unquoted_14_days: { ticker: string; last_quoted: string; flagged_from: string }[];
  };
  price_changes: {
    published: number;
    real: (RealChange & { published_on: string | null; lag_days: number | null })[];
    real_published_within_1_day: number;
    /** Fields where the first day's archives disagree with the curated seed (published or held like any move). */
    first_day_disagreements: number;
    /** Published moves that match no real change (the archives and the curated seed disagreeing, mostly). */
    other_published: { ticker: string; field: string; at: string; from: number; to: number; reason: string }[];
  };
  glitches: {
    in_archives: Glitch[];
    published: (Glitch & { at: string })[];
    /** Moves of ≥ 10× off the published value the breaker held, and when (if ever) one was published and why. */
    ten_x_holds: {
      ticker: string;
      field: string;
      held_at: string;
      from: number;
      to: number;
      published_at: string | null;
      reason: string | null;
    }[];
  };
  snapshots: { day: string; models: number; raw_bytes: number; gzip_bytes: number; gzip_per_model: number }[];
}

const dayOf = (iso: string) => iso.slice(0, 10);
const daysApart = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const near = (a: number, b: number, tol = 0.005) => Math.abs(a / b - 1) <= tol;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : 0;
};

/** Builds the replay report from a run and the archives' own day-by-day series (over the full curated registry). */
export function replayReport(run: ReplayRun, series: Map<string, FieldSeries>): ReplayReport {
  const { days } = run;
  const cutTickers = new Set(run.registry.models.map((m) => m.ticker));
  const curated = new Set(run.fullRegistry.models.map((m) => m.ticker));
  const seed = (t: string, f: string) =>
    run.registry.models.find((m) => m.ticker === t)?.prices[f as (typeof PUBLISHED_FIELDS)[number]]?.usd_per_m;
  // Composites are priced from their constituents, never from a quote: no archive move is theirs to publish.
  const quoted = new Set(run.registry.models.filter((m) => !m.composite).map((m) => m.ticker));
  const cutSeries = new Map([...series].filter(([, s]) => quoted.has(s.ticker)));
  const glitches = findGlitches(cutSeries, days);
  const moved = findRealChanges(cutSeries, days, seed, glitches);
  // On the first day a "move" is the archives disagreeing with the curated seed, not a change upstream.
  const real = moved.filter((r) => r.day > run.from);
  const moves = run.changes.filter(
    (c): c is ChangeRow & { ticker: string; field: string; from_value: number; to_value: number } =>
      c.kind === "price_change" && c.ticker !== null && c.field !== null,
  );

  const explained = new Set<ChangeRow>();
  const realOut = real.map((r) => {
    const next = real.find((x) => x.ticker === r.ticker && x.field === r.field && x.day > r.day)?.day ?? "9999";
    const hit = moves.find(
      (m) =>
        m.ticker === r.ticker &&
        m.field === r.field &&
        dayOf(m.at) >= r.day &&
        dayOf(m.at) < next &&
        near(m.to_value, r.value),
    );
    if (hit) explained.add(hit);
    // Already published (an earlier move or the seed equals the new value): nothing left to publish.
    const before =
      moves.filter((m) => m.ticker === r.ticker && m.field === r.field && dayOf(m.at) < r.day).at(-1)?.to_value ??
      seed(r.ticker, r.field);
    const already = !hit && before !== undefined && near(before, r.value);
    const published_on = hit ? dayOf(hit.at) : already ? r.confirmed_on : null;
    return { ...r, published_on, lag_days: published_on ? Math.max(0, daysApart(r.confirmed_on, published_on)) : null };
  });

  const published = glitches.flatMap((g) => {
    const m = moves.find(
      (x) =>
        x.ticker === g.ticker &&
        x.field === g.field &&
        dayOf(x.at) >= g.day &&
        dayOf(x.at) <= g.reverted_on &&
        near(x.to_value, g.value, 0.01),
    );
    return m ? [{ ...g, at: m.at }] : [];
  });

  const firstSeen = new Map<string, string>();
  const upstream = archiveDeprecations(run.archives, run.from, run.to, [
    "anthropic",
    "openai",
    "google",
    "x-ai",
    "mistral",
    "deepseek",
    "meta",
  ]);
  const tickerOfId = (id: string) =>
    run.fullRegistry.models.find((m) => m.match["genai-prices"]?.includes(id))?.ticker ?? null;
  const lifecycle: ReplayReport["lifecycle"] = {
    deprecated: [],
    retired: [],
    upstream_deprecated: upstream.map((u) => ({ ...u, ticker: tickerOfId(u.id) })),
    unquoted_14_days: unquotedSpells(series, days, quoted),
  };
  for (const s of run.snapshots) {
    for (const r of s.rows) {
      if (!firstSeen.has(r.ticker)) firstSeen.set(r.ticker, s.day);
      for (const state of ["deprecated", "retired"] as const) {
        if (r.lifecycle === state && !lifecycle[state].some((x) => x.ticker === r.ticker))
          lifecycle[state].push({ ticker: r.ticker, on: s.day });
      }
    }
  }
  const counterpart = curatedCounterparts(run);
  const listed = [...firstSeen]
    .filter(([t]) => !cutTickers.has(t))
    .map(([ticker, on]) => {
      const curated_ticker = counterpart.get(ticker) ?? (curated.has(ticker) ? ticker : null);
      return {
        ticker,
        listed_on: on,
        curated_ticker,
        ticker_equals_curated: curated_ticker === null ? null : curated_ticker === ticker,
      };
    });
  const comparable = listed.filter((l) => l.ticker_equals_curated !== null);
  const expected = run.fullRegistry.models
    .filter((m) => !cutTickers.has(m.ticker) && series.has(`${m.ticker}|output`))
    .map((m) => {
      const s = series.get(`${m.ticker}|output`)!;
      const one = s.consensus.findIndex((v) => v !== undefined);
      const input = series.get(`${m.ticker}|input`);
      const two = s.origins.findIndex(
        (_, i) => agreeingOrigins(s, i) >= 2 && !!input && agreeingOrigins(input, i) >= 2,
      );
      const on = firstSeen.get(m.ticker) ?? null;
      const first_in_two_sources = two >= 0 ? days[two]! : null;
      return {
        ticker: m.ticker,
        first_quoted: days[one]!,
        first_in_two_sources,
        listed_on: on,
        lag_days: on && first_in_two_sources ? daysApart(first_in_two_sources, on) : null,
      };
    });
  // Today's rows carry lifecycle active/legacy; the living universe adds provisional, deprecated and retired.
  const lifecycleStates = new Set(["provisional", "deprecated", "retired"]);
  const pipelineLists =
    listed.length > 0 || run.snapshots.some((s) => s.rows.some((r) => lifecycleStates.has(r.lifecycle ?? "")));

  return {
    range: { from: run.from, to: run.to, days: days.length, poll_times_utc: POLL_TIMES },
    archives: {
      "genai-prices-v1": run.archives.v1.days.filter((d) => d >= run.from && d <= run.to).length,
      "genai-prices-v2": run.archives.v2.days.filter((d) => d >= run.from && d <= run.to).length,
      "llm-prices": run.archives.llm.days.filter((d) => d >= run.from && d <= run.to).length,
      copies_served: new Set(run.served).size,
    },
    cut: { rule: CUT_RULE, as_of: run.registry.as_of, tickers: [...cutTickers] },
    pipeline: {
      runs: run.runs,
      publishes: run.publishes,
      run_ms_median: Math.round(pct(run.runMs, 0.5)),
      run_ms_p90: Math.round(pct(run.runMs, 0.9)),
    },
    listing: {
      pipeline_lists: pipelineLists,
      expected,
      listed,
      share_ticker_equals_curated: comparable.length
        ? comparable.filter((l) => l.ticker_equals_curated).length / comparable.length
        : null,
      two_source_models_listed_within_1_day: expected.filter((e) => e.lag_days !== null && e.lag_days <= 1).length,
    },
    lifecycle,
    price_changes: {
      published: moves.length,
      real: realOut,
      real_published_within_1_day: realOut.filter((r) => r.lag_days !== null && r.lag_days <= 1).length,
      first_day_disagreements: moved.length - real.length,
      other_published: moves
        .filter((m) => !explained.has(m))
        .map((m) => ({
          ticker: m.ticker,
          field: m.field,
          at: m.at,
          from: m.from_value,
          to: m.to_value,
          reason: (JSON.parse(m.detail ?? "{}") as { reason?: string }).reason ?? "",
        })),
    },
    glitches: { in_archives: glitches, published, ten_x_holds: tenXHolds(run.changes, moves) },
    snapshots: run.snapshots.map((s) => ({
      day: s.day,
      models: s.models,
      raw_bytes: s.raw_bytes,
      gzip_bytes: s.gzip_bytes,
      gzip_per_model: Math.round(s.gzip_bytes / s.models),
    })),
  };
}

export const CUT_RULE =
  "curated models (data/registry.json) released before the first day, each field at its curated value in effect " +
  "the day before (the last data/history.json observation effective earlier, else the registry value); scheduled " +
  "prices cleared; history cut to observations effective before the first day";

/** Origins whose own quote on day `i` is within 1% of the day's reconciled value (the listing rule's agreement). */
function agreeingOrigins(s: FieldSeries, i: number): number {
  const c = s.consensus[i];
  if (c === undefined) return 0;
  return [...s.bySource.values()].filter((v) => v[i] !== undefined && Math.abs(v[i]! / c - 1) <= 0.01).length;
}

/**
 * Listed ticker → the curated model one of its listed match ids belongs to (the `listed` change's detail carries the
 * row's match), so a listing is compared with the curated ticker of the same model.
 */
function curatedCounterparts(run: ReplayRun): Map<string, string> {
  const owner = new Map<string, string>();
  for (const m of run.fullRegistry.models)
    for (const [src, ids] of Object.entries(m.match)) for (const id of ids ?? []) owner.set(`${src}|${id}`, m.ticker);
  const out = new Map<string, string>();
  for (const c of run.changes) {
    if (c.kind !== "listed" || !c.ticker) continue;
    const match = (JSON.parse(c.detail ?? "{}") as { match?: Record<string, string[]> }).match ?? {};
    const hit = Object.entries(match)
      .flatMap(([src, ids]) => ids.map((id) => owner.get(`${src}|${id}`)))
      .find((t) => t !== undefined);
    if (hit) out.set(c.ticker, hit);
  }
  return out;
}

/** Breaker holds of a ≥ 10× move (the unit-error shape) and the publish that followed, if any. */
function tenXHolds(changes: ChangeRow[], moves: ChangeRow[]): ReplayReport["glitches"]["ten_x_holds"] {
  const out: ReplayReport["glitches"]["ten_x_holds"] = [];
  for (const h of changes) {
    if (h.kind !== "breaker_hold" || !h.ticker || !h.field || !h.from_value || !h.to_value) continue;
    if (Math.max(h.to_value / h.from_value, h.from_value / h.to_value) < 10) continue;
    if (out.some((o) => o.ticker === h.ticker && o.field === h.field && o.to === h.to_value)) continue;
    const p = moves.find(
      (m) =>
        m.ticker === h.ticker &&
        m.field === h.field &&
        m.at >= h.at &&
        m.to_value !== null &&
        near(m.to_value, h.to_value!),
    );
    const reason = p ? ((JSON.parse(p.detail ?? "{}") as { reason?: string }).reason ?? "") : null;
    out.push({
      ticker: h.ticker,
      field: h.field,
      held_at: h.at,
      from: h.from_value,
      to: h.to_value,
      published_at: p?.at ?? null,
      reason,
    });
  }
  return out;
}
