/** MATH.md §8.4–8.8: the EICI fixing run (Laspeyres with divisor, stale carry, circuit breakers, index breaker). */
import { OracleError } from "../errors";
import { breakerStep, INITIAL_BREAKER_STATE, type BreakerResult, type BreakerState } from "./breaker";
import { timestampMs } from "./dates";
import { DEFAULTS } from "./defaults";
import { indexWeights } from "./index-weights";
import { num } from "./validate";

const MS_PER_HOUR = 3_600_000;

/** A quote of one constituent. */
export interface IndexQuote {
  id: string;
  price: number;
  observed_at: string;
}

/** One fixing event (§8.8); the first must carry a rebalance. */
export interface IndexEvent {
  time: string;
  quotes?: readonly IndexQuote[];
  rebalance?: { members: readonly string[]; usage: Record<string, number> };
}

/** Index parameters: any MATH.md §12 index default may be overridden. */
export interface IndexParams {
  base_value?: number;
  basket_value_usd?: number;
  model_cap?: number;
  provider_cap?: number;
  stale_hours?: number;
  breaker_pct?: number;
  confirm_min_hours?: number;
  confirm_tol?: number;
  pending_expiry_hours?: number;
  index_breaker_pct?: number;
}

/** Input of {@link indexRun}. */
export interface IndexRunInput {
  universe: Record<string, { provider: string }>;
  events: readonly IndexEvent[];
  params?: IndexParams | null;
}

/** One entry of a fixing's quote log. */
export interface QuoteLogEntry {
  id: string;
  observed_at: string;
  price: number;
  result: BreakerResult;
}

/** One published fixing. */
export interface IndexFixing {
  time: string;
  level: number;
  level_usd_per_m: number;
  divisor: number;
  rebalanced: boolean;
  level_before_rebalance: number | null;
  quantities: Record<string, number>;
  prices_used: Record<string, number>;
  weights_drifted: Record<string, number>;
  contributions_points: Record<string, number>;
  contributions_usd_per_m: Record<string, number>;
  flags: Record<string, { stale: boolean; held: boolean }>;
  excluded_at_rebalance: string[];
  index_breaker: boolean;
  quote_log: QuoteLogEntry[];
}

/** Output of {@link indexRun}. */
export interface IndexRunResult {
  point_value_usd_per_m: number | null;
  fixings: IndexFixing[];
}

const sumOver = (ids: Iterable<string>, f: (i: string) => number): number => {
  let s = 0;
  for (const i of ids) s += f(i);
  return s;
};

/** Runs the fixings in order; the level does not move on rebalances, entries or exits. */
export function indexRun(input: IndexRunInput): IndexRunResult {
  const prm = { ...DEFAULTS, ...(input.params ?? {}) };
  for (const k of ["base_value", "basket_value_usd", "stale_hours", "index_breaker_pct"] as const)
    num(`params.${k}`, prm[k]);
  const B = prm.basket_value_usd;
  const universe = input.universe;
  const states = new Map<string, BreakerState>();
  for (const i of Object.keys(universe)) states.set(i, INITIAL_BREAKER_STATE);
  const st = (i: string): BreakerState => states.get(i)!;
  const acc = (i: string): number => st(i).accepted!;

  let q = new Map<string, number>();
  let D: number | null = null;
  let v_point: number | null = null;
  let prev_level: number | null = null;
  const out: IndexFixing[] = [];
  input.events.forEach((ev, e) => {
    const T = timestampMs(ev.time, `events[${e}].time`);
    const log: QuoteLogEntry[] = [];
    const quotes = (ev.quotes ?? []).map((qt, k) => ({
      qt,
      t: timestampMs(qt.observed_at, `events[${e}].quotes[${k}].observed_at`),
    }));
    quotes.sort((a, b) => a.t - b.t); // stable: input order within the same instant
    for (const { qt, t } of quotes) {
      const i = qt.id;
      if (!states.has(i))
        throw new OracleError(
          "E_UNKNOWN_ID",
          `quote for unknown id ${JSON.stringify(i)}: add it to the universe`,
          "id",
        );
      if (t > T)
        throw new OracleError(
          "E_FUTURE_QUOTE",
          `quote for ${i} observed at ${qt.observed_at}, after the fixing ${ev.time}`,
          "observed_at",
        );
      const r = breakerStep(st(i), { price: qt.price }, t, prm);
      states.set(i, r.state);
      log.push({ id: i, observed_at: qt.observed_at, price: qt.price, result: r.result });
    }
    const status = (i: string): { stale: boolean; held: boolean } => {
      const s = st(i);
      const stale = s.last_quote_at === null || T - s.last_quote_at > prm.stale_hours * MS_PER_HOUR;
      return { stale, held: s.pending !== null };
    };

    let rebalanced = false;
    const excluded: string[] = [];
    let L_pre: number | null = null;
    if (ev.rebalance !== undefined) {
      const rb = ev.rebalance;
      L_pre = D === null ? prm.base_value : sumOver(q.keys(), (i) => q.get(i)! * acc(i)) / D;
      const eligible: Record<string, number> = {};
      for (const i of rb.members) {
        if (!states.has(i))
          throw new OracleError(
            "E_UNKNOWN_ID",
            `rebalance member ${JSON.stringify(i)} is not in the universe`,
            "members",
          );
        const { stale, held } = status(i);
        if (st(i).accepted === null || stale || held) excluded.push(i);
        else {
          const u = rb.usage?.[i];
          if (u === undefined)
            throw new OracleError("E_NO_USAGE", `no usage given for rebalance member ${i}`, `usage.${i}`);
          eligible[i] = u;
        }
      }
      const provider_of = Object.fromEntries(Object.keys(eligible).map((i) => [i, universe[i]!.provider]));
      const w = indexWeights({
        usage: eligible,
        provider_of,
        model_cap: prm.model_cap,
        provider_cap: prm.provider_cap,
      }).weights;
      q = new Map();
      for (const i of Object.keys(w)) if (w[i]! > 0) q.set(i, (w[i]! * B) / acc(i));
      D = sumOver(q.keys(), (i) => q.get(i)! * acc(i)) / L_pre;
      if (v_point === null) v_point = sumOver(Object.keys(w), (i) => w[i]! * acc(i)) / prm.base_value;
      rebalanced = true;
    }
    if (D === null || v_point === null)
      throw new OracleError("E_NO_BASE", "the first event must be a rebalance (the base date)", "events");
    const div = D;
    const vp = v_point;
    const ids = [...q.keys()];
    const mv = new Map(ids.map((i) => [i, q.get(i)! * acc(i)]));
    const tot = sumOver(ids, (i) => mv.get(i)!);
    const level = tot / div;
    const rec = (f: (i: string) => number): Record<string, number> => Object.fromEntries(ids.map((i) => [i, f(i)]));
    out.push({
      time: ev.time,
      level,
      level_usd_per_m: vp * level,
      divisor: div,
      rebalanced,
      level_before_rebalance: rebalanced && prev_level !== null ? L_pre : null,
      quantities: rec((i) => q.get(i)!),
      prices_used: rec(acc),
      weights_drifted: rec((i) => mv.get(i)! / tot),
      contributions_points: rec((i) => mv.get(i)! / div),
      contributions_usd_per_m: rec((i) => (vp * mv.get(i)!) / div),
      flags: Object.fromEntries(ids.map((i) => [i, status(i)])),
      excluded_at_rebalance: excluded,
      index_breaker: prev_level !== null && Math.abs(level / prev_level - 1.0) > prm.index_breaker_pct,
      quote_log: log,
    });
    prev_level = level;
  });
  return { point_value_usd_per_m: v_point, fixings: out };
}
