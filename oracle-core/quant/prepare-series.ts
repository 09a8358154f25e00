/** MATH.md §5.2 steps 1–4: sort, collapse same-date points (last wins), cut at as_of, carry point, intervals. */
import { OracleError } from "../errors";
import { dateOrdinal } from "./dates";
import { DAYS_PER_YEAR } from "./defaults";
import { num } from "./validate";

/** A price observation of a family series. */
export interface Observation {
  date: string;
  price: number;
  /** launch | change | successor (default "change"); "carry" marks the synthetic as_of point. */
  kind?: string | null;
}

/** A prepared point: day ordinal, price, kind. */
export interface SeriesPoint {
  ordinal: number;
  price: number;
  kind: string;
}

/**
 * Sorted (stable), same-date collapsed keeping the last in input order, truncated to ≤ as_of,
 * with a flat "carry" point appended when as_of is later than the last observation.
 */
export function prepareSeries(obs: readonly Observation[], as_of?: string | null): SeriesPoint[] {
  if (!Array.isArray(obs) || obs.length === 0)
    throw new OracleError("E_NO_OBS", "at least one price observation is required", "obs");
  const rows = (obs as readonly Observation[]).map((o, i) => {
    const d = dateOrdinal(o?.date, `obs[${i}].date`);
    const p = num(`obs[${i}].price`, o.price);
    if (p <= 0)
      throw new OracleError(
        "E_NONPOS_PRICE",
        `theta needs prices > 0 (log price), got ${p} at obs[${i}]`,
        `obs[${i}].price`,
      );
    return { d, i, p, k: o.kind ?? "change" };
  });
  rows.sort((a, b) => a.d - b.d || a.i - b.i);
  let pts: SeriesPoint[] = [];
  for (const r of rows) {
    const last = pts[pts.length - 1];
    if (last !== undefined && last.ordinal === r.d) pts[pts.length - 1] = { ordinal: r.d, price: r.p, kind: r.k };
    else pts.push({ ordinal: r.d, price: r.p, kind: r.k });
  }
  if (as_of != null) {
    const a = dateOrdinal(as_of, "as_of");
    pts = pts.filter((x) => x.ordinal <= a);
    const last = pts[pts.length - 1];
    if (last === undefined) throw new OracleError("E_NO_OBS", `no observations on or before as_of ${as_of}`, "as_of");
    if (a > last.ordinal) pts.push({ ordinal: a, price: last.price, kind: "carry" });
  }
  return pts;
}

/** Log changes Δy_i and year fractions Δt_i between consecutive prepared points. */
export function seriesIntervals(pts: readonly SeriesPoint[]): { dy: number[]; dt: number[] } {
  const dy: number[] = [];
  const dt: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    dy.push(Math.log(pts[i]!.price / pts[i - 1]!.price));
    dt.push((pts[i]!.ordinal - pts[i - 1]!.ordinal) / DAYS_PER_YEAR);
  }
  return { dy, dt };
}
