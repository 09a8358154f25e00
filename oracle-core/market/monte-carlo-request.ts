/** GET /v1/monte-carlo/:ticker: bounded, seeded MATH.md §10 simulation of one model, with the exact law beside it. */
import { OracleError } from "../errors";
import { TENORS } from "../quant/defaults";
import { mertonAnalytics, type MertonParams } from "../quant/merton";
import { simulateMerton } from "../quant/monte-carlo";

/** Path bounds of the API (the PWA's worker may run more with simulateMertonChunks). */
export const MC_PATHS = Object.freeze({ min: 100, max: 50_000, default: 10_000 });
/** Seed used when none is given, so that a plain GET is reproducible. */
export const MC_DEFAULT_SEED = 1;

/** Parses `?paths=&seed=` (strings or numbers) into bounded integers; E_BAD_MC_PARAM with a sentence otherwise. */
export function mcQuery(raw: { paths?: unknown; seed?: unknown }): { paths: number; seed: number } {
  const int = (field: string, v: unknown, lo: number, hi: number, def: number): number => {
    if (v === undefined) return def;
    const x = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(x) || x < lo || x > hi) {
      throw new OracleError("E_BAD_MC_PARAM", `${field} must be an integer from ${lo} to ${hi}, got ${JSON.stringify(v)}`, field);
    }
    return x;
  };
  return { paths: int("paths", raw.paths, MC_PATHS.min, MC_PATHS.max, MC_PATHS.default), seed: int("seed", raw.seed, 0, Number.MAX_SAFE_INTEGER, MC_DEFAULT_SEED) };
}

/** Simulated and exact statistics at one tenor. */
export interface McTenor {
  t: number;
  mean: number;
  sd: number | null;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** The exact law (§10.2): E[β_t] = β·e^(−θt), sd, and the mixture-CDF quantiles. */
  analytic: { mean: number; sd: number; p5: number; p25: number; p50: number; p75: number; p95: number };
}

/** Response of {@link monteCarloFor}. */
export interface McResult {
  ticker: string;
  spot: number;
  theta: number;
  sigma_month: number;
  paths: number;
  seed: number;
  params: MertonParams;
  tenors: Record<string, McTenor>;
}

/**
 * Merton jump-diffusion fan for a model row (β, θ, σ per √month; default jumps), percentiles at 1M/3M/6M/12M.
 * Deterministic for a seed. Announced future prices are not part of §10's dynamics.
 * @example monteCarloFor({ ticker: "GPT-4.1", beta: 8, theta: 0.8, sigma_month: 0.13 }, { paths: 10000, seed: 1 }).tenors["12M"].p50
 */
export function monteCarloFor(row: { ticker: string; beta: number; theta: number; sigma_month: number }, q: { paths: number; seed: number }): McResult {
  const params = { beta: row.beta, theta: row.theta, sigma_month: row.sigma_month };
  if (!(row.beta > 0)) throw new OracleError("E_BAD_MC_PARAM", `${row.ticker} has no positive price to simulate`, "ticker");
  const sim = simulateMerton(params, { paths: q.paths, seed: q.seed, tenors: { ...TENORS } });
  const tenors: Record<string, McTenor> = {};
  for (const [name, st] of Object.entries(sim.tenors)) {
    const a = mertonAnalytics({ ...params, t: st.t });
    const qs = a.quantiles;
    tenors[name] = { ...st, analytic: { mean: a.mean, sd: a.sd, p5: qs["p5"]!, p25: qs["p25"]!, p50: qs["p50"]!, p75: qs["p75"]!, p95: qs["p95"]! } };
  }
  return { ticker: row.ticker, spot: row.beta, theta: row.theta, sigma_month: row.sigma_month, paths: sim.paths, seed: sim.seed, params: sim.params, tenors };
}
