/** GET /v1/monte-carlo/:ticker: a bounded, seeded simulation of a row's forecast model, the exact law beside it. */
import { OracleError } from "../errors";
import { announcedWithin, forwardPoint } from "../forecast/forward-point";
import type { PriceLaw } from "../forecast/price-law";
import {
  announcedPath,
  tickerForwardLaw,
  tickerStateOfRow,
  tierForwardLaw,
  tierStateOfRow,
} from "../forecast/row-forecast";
import {
  simulateLifecycle,
  tickerProcess,
  tierProcess,
  type JumpProcess,
  type LifecycleSimTenor,
} from "../forecast/simulate-lifecycle";
import { TENORS } from "../quant/defaults";
import { mertonAnalytics, type MertonParams } from "../quant/merton";
import { simulateMerton, type SimTenorStats } from "../quant/monte-carlo";
import type { GreekRow, RowForecast } from "../schemas/greek-row";

/** Path bounds of the API (the PWA's worker may run more with simulateLifecycleChunks). */
export const MC_PATHS = Object.freeze({ min: 100, max: 50_000, default: 10_000 });
/** Seed used when none is given, so that a plain GET is reproducible. */
export const MC_DEFAULT_SEED = 1;

/** Parses `?paths=&seed=` (strings or numbers) into bounded integers; E_BAD_MC_PARAM with a sentence otherwise. */
export function mcQuery(raw: { paths?: unknown; seed?: unknown }): { paths: number; seed: number } {
  const int = (field: string, v: unknown, lo: number, hi: number, def: number): number => {
    if (v === undefined) return def;
    const x = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(x) || x < lo || x > hi) {
      throw new OracleError(
        "E_BAD_MC_PARAM",
        `${field} must be an integer from ${lo} to ${hi}, got ${JSON.stringify(v)}`,
        field,
      );
    }
    return x;
  };
  return {
    paths: int("paths", raw.paths, MC_PATHS.min, MC_PATHS.max, MC_PATHS.default),
    seed: int("seed", raw.seed, 0, Number.MAX_SAFE_INTEGER, MC_DEFAULT_SEED),
  };
}

/** The exact law's statistics beside a simulated tenor. */
export type McAnalytic = Omit<LifecycleSimTenor, "t" | "sd">;

/** Simulated statistics at one tenor and the exact law beside them. */
export interface McTenor extends LifecycleSimTenor {
  analytic: McAnalytic;
}

/** Response of {@link monteCarloFor}. */
export interface McResult {
  ticker: string;
  spot: number;
  valuation_date: string;
  /** "lifecycle-hazard" (the row's forecast model); "merton" for a row from a snapshot without one (MATH.md §10). */
  model: "lifecycle-hazard" | "merton";
  paths: number;
  seed: number;
  /** The model simulated: the row's forecast block, or the Merton parameters. */
  params: RowForecast | MertonParams;
  tenors: Record<string, McTenor | LegacyMcTenor>;
  /** On a family's newest model: the same for the family's tier price (seed + 1). */
  tier: { family: string; tenors: Record<string, McTenor> } | null;
}

/** A Merton tenor (snapshots without a forecast model). */
export interface LegacyMcTenor extends SimTenorStats {
  analytic: { mean: number; sd: number; p5: number; p25: number; p50: number; p75: number; p95: number };
}

/** The row fields the Monte Carlo reads. */
export type McRow = Pick<GreekRow, "ticker" | "beta" | "theta" | "sigma_month"> & {
  family?: string;
  scheduled?: GreekRow["scheduled"];
  forecast?: RowForecast | undefined;
};

function simulated(
  law: (t: number) => PriceLaw,
  proc: JumpProcess,
  base: (t: number) => number,
  q: { paths: number; seed: number },
  announced: (t: number) => boolean,
): Record<string, McTenor> {
  const sim = simulateLifecycle(proc, base, { paths: q.paths, seed: q.seed, tenors: { ...TENORS } });
  const out: Record<string, McTenor> = {};
  for (const [name, st] of Object.entries(sim)) {
    const p = forwardPoint(law(st.t), base(st.t), st.t, announced(st.t));
    const p_change = announced(st.t) ? 1 : st.p_change;
    out[name] = {
      ...st,
      p_change,
      analytic: { mean: p.mean, p_change: p.p_change, p5: p.q5, p25: p.q25, p50: p.median, p75: p.q75, p95: p.q95 },
    };
  }
  return out;
}

/**
 * Monte Carlo fan of a row at 1M/3M/6M/12M, simulated monthly: the ticker's lifecycle-hazard law (and, on a
 * family's newest model, the tier law), each beside its exact law. Deterministic for a seed. A row without a
 * forecast model (an older snapshot) gets MATH.md §10's Merton jump-diffusion as before.
 * @example monteCarloFor(row, { paths: 10000, seed: 1 }).tenors["12M"].p50
 */
export function monteCarloFor(row: McRow, q: { paths: number; seed: number }, valuationDate?: string): McResult {
  if (!(row.beta > 0))
    throw new OracleError("E_BAD_MC_PARAM", `${row.ticker} has no positive price to simulate`, "ticker");
  const f = row.forecast;
  if (!f) return mertonFor(row, q, valuationDate ?? "");
  const vd = valuationDate ?? f.as_of;
  const base = (t: number) => announcedPath(row, vd, t);
  const announced = (t: number) => announcedWithin(row.scheduled ?? [], vd, t);
  const tier = tierStateOfRow(f, vd);
  return {
    ticker: row.ticker,
    spot: row.beta,
    valuation_date: vd,
    model: "lifecycle-hazard",
    paths: q.paths,
    seed: q.seed,
    params: f,
    tenors: simulated((t) => tickerForwardLaw(row, vd, t)!, tickerProcess(tickerStateOfRow(f, vd)), base, q, announced),
    tier: tier
      ? {
          family: row.family ?? "",
          tenors: simulated(
            (t) => tierForwardLaw(row, vd, t)!,
            tierProcess(tier),
            base,
            { paths: q.paths, seed: q.seed + 1 },
            announced,
          ),
        }
      : null,
  };
}

/** MATH.md §10 for a row without a forecast model: Merton with the row's θ and σ, the exact law beside. */
function mertonFor(row: McRow, q: { paths: number; seed: number }, valuationDate: string): McResult {
  const params = { beta: row.beta, theta: row.theta, sigma_month: row.sigma_month };
  const sim = simulateMerton(params, { paths: q.paths, seed: q.seed, tenors: { ...TENORS } });
  const tenors: Record<string, LegacyMcTenor> = {};
  for (const [name, st] of Object.entries(sim.tenors)) {
    const a = mertonAnalytics({ ...params, t: st.t });
    const qs = a.quantiles;
    tenors[name] = {
      ...st,
      analytic: {
        mean: a.mean,
        sd: a.sd,
        p5: qs["p5"]!,
        p25: qs["p25"]!,
        p50: qs["p50"]!,
        p75: qs["p75"]!,
        p95: qs["p95"]!,
      },
    };
  }
  return {
    ticker: row.ticker,
    spot: row.beta,
    valuation_date: valuationDate,
    model: "merton",
    paths: sim.paths,
    seed: sim.seed,
    params: sim.params,
    tenors,
    tier: null,
  };
}
