/** MATH.md §2.1–2.3: a task's inputs, their rules (§13 codes) and their resolution into validated scalars. */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import { num, price, ratio, tokens } from "./validate";

/** A whole-request context tier: above `tau` prompt tokens every token is billed at α (§1). */
export interface Tier {
  tau: number;
  alpha_in: number;
  /** Defaults to alpha_in. */
  alpha_out?: number | null;
}

/** Per-model price data (§1). Ratios are relative to the model's own β. */
export interface InstrumentPrices {
  beta: number;
  r_in: number;
  /** Defaults to r_in (no cache discount). */
  r_cache?: number | null;
  r_think?: number | null;
  r_batch?: number | null;
  /** Cache-write price ÷ input price; overrides `cache_write`. */
  cache_write_mult?: number | null;
  tiers?: readonly Tier[] | null;
}

/** A task's token profile (§2.1). */
export interface TaskProfile {
  n_in: number;
  n_out: number;
  n_think?: number | null;
  eta?: number | null;
  omega?: number | null;
  cache_write?: "5m" | "1h" | null;
  mode?: "sync" | "batch" | null;
}

/** Input of {@link taskCost}: ref.py `task_cost` keyword arguments. */
export interface TaskCostInput extends InstrumentPrices, TaskProfile {}

/** Result of {@link tierMultipliers}. */
export interface TierMultipliers {
  alpha_in: number;
  alpha_out: number;
  tier_tau: number | null;
}

/** §2.3: the tier with the largest τ such that n_ctx > τ (strict) applies to all tokens; else (1, 1). */
export function tierMultipliers(n_ctx: number, tiers: readonly Tier[] | null | undefined): TierMultipliers {
  if (tiers == null) return { alpha_in: 1, alpha_out: 1, tier_tau: null };
  if (!Array.isArray(tiers)) {
    throw new OracleError("E_NOT_FINITE", "tiers must be a list of {tau, alpha_in, alpha_out?}", "tiers");
  }
  let best: [number, number, number] | null = null;
  for (const tr of tiers as readonly Tier[]) {
    const tau = tokens("tier.tau", tr?.tau);
    const ai = ratio("tier.alpha_in", tr.alpha_in);
    const ao = ratio("tier.alpha_out", tr.alpha_out ?? tr.alpha_in);
    if (n_ctx > tau && (best === null || tau > best[0])) best = [tau, ai, ao];
  }
  if (best === null) return { alpha_in: 1, alpha_out: 1, tier_tau: null };
  return { alpha_in: best[1], alpha_out: best[2], tier_tau: best[0] };
}

/** §2.2: r_eff = r_in(1−η−ω) + r_cache·η + r_cw·ω. */
export function effectiveInputRatio(r_in: number, r_cache: number, eta: number, omega = 0, r_cw = r_in): number {
  return r_in * (1.0 - eta - omega) + r_cache * eta + r_cw * omega;
}

/** The token profile of a task, validated and defaulted: what stays the same when it is priced on many models. */
export interface ResolvedProfile {
  n_in: number;
  /** null when the task has no n_out (a cost range over output length). */
  n_out: number | null;
  n_think: number;
  eta: number;
  omega: number;
  mode: "sync" | "batch";
  /** As given: it is only read (and checked) when the instrument has no cache_write_mult. */
  cache_write: unknown;
}

/** A task on one instrument, every scalar validated and defaulted and the tier (§2.3) applied: ready to evaluate. */
export interface ResolvedTask extends ResolvedProfile {
  beta: number;
  r_in: number;
  r_cache: number;
  r_think: number;
  /** Cache-write price ÷ output price, m_w · r_in (§2.2). */
  r_cw: number;
  r_eff: number;
  /** Batch multiplier b (1 in sync mode). */
  b: number;
  alpha_in: number;
  alpha_out: number;
  tier_tau: number | null;
}

function etaRule(x: unknown): number {
  const eta = num("eta", x ?? 0);
  if (!(eta >= 0 && eta <= 1)) {
    throw new OracleError("E_ETA_RANGE", `eta (cache-hit fraction) must be in [0,1], got ${eta}`, "eta");
  }
  return eta;
}

function omegaRule(x: unknown, eta: number): number {
  const omega = num("omega", x ?? 0);
  if (!(omega >= 0 && omega <= 1) || eta + omega > 1) {
    const got = `got eta=${eta} omega=${omega}`;
    throw new OracleError("E_CACHE_FRACTIONS", `need 0 <= omega and eta + omega <= 1, ${got}`, "omega");
  }
  return omega;
}

function modeRule(x: unknown): "sync" | "batch" {
  const mode = x ?? "sync";
  if (mode === "sync" || mode === "batch") return mode;
  throw new OracleError("E_BAD_MODE", `mode must be 'sync' or 'batch', got ${JSON.stringify(mode)}`, "mode");
}

/**
 * The rules of a task's token profile (§2.1, §13 codes), one per field: each returns the value, defaulted, or throws
 * an OracleError naming the field. {@link resolveProfile} applies them in this order; a form can apply them one by
 * one to show every problem at once (greeks/task-issues.ts). `omega` is checked against a valid `eta`.
 */
export const PROFILE_RULES = Object.freeze({
  n_in: (x: unknown): number => tokens("n_in", x),
  n_out: (x: unknown): number => tokens("n_out", x),
  n_think: (x: unknown): number => tokens("n_think", x ?? 0),
  eta: etaRule,
  omega: omegaRule,
  mode: modeRule,
});

/** max_tokens of a cost range (§4): a finite number ≥ 1 (E_MAX_TOKENS). */
export function maxTokens(x: unknown): number {
  const max_tokens = num("max_tokens", x);
  if (max_tokens < 1) throw new OracleError("E_MAX_TOKENS", `max_tokens must be >= 1, got ${max_tokens}`, "max_tokens");
  return max_tokens;
}

/** What {@link resolveProfile} reads: values of any type, since it is what checks them. */
export interface ProfileInput {
  n_in: unknown;
  n_think?: unknown;
  eta?: unknown;
  omega?: unknown;
  mode?: unknown;
  cache_write?: unknown;
}

/**
 * Validates a task's token profile once. `n_out` is passed apart: the profile's own, or null for a task priced
 * over every output length (§4).
 */
export function resolveProfile(p: ProfileInput, n_out: unknown): ResolvedProfile {
  const R = PROFILE_RULES;
  const n_in = R.n_in(p.n_in);
  const out = n_out === null ? null : R.n_out(n_out);
  const n_think = R.n_think(p.n_think);
  const eta = R.eta(p.eta);
  const omega = R.omega(p.omega, eta);
  return { n_in, n_out: out, n_think, eta, omega, mode: R.mode(p.mode), cache_write: p.cache_write };
}

/** Validates one instrument's prices for a resolved profile and applies its tier: the task, ready to evaluate. */
export function resolveTask(i: InstrumentPrices, p: ResolvedProfile): ResolvedTask {
  const beta = price("beta", i.beta);
  const r_in = ratio("r_in", i.r_in);
  const r_cache = i.r_cache == null ? r_in : ratio("r_cache", i.r_cache);
  const r_think = i.r_think == null ? DEFAULTS.r_think : ratio("r_think", i.r_think);
  let m_w: number;
  if (i.cache_write_mult == null) {
    const cw = p.cache_write ?? "5m";
    if (cw !== "5m" && cw !== "1h") {
      const got = JSON.stringify(cw);
      throw new OracleError("E_BAD_CACHE_WRITE", `cache_write must be '5m' or '1h', got ${got}`, "cache_write");
    }
    m_w = DEFAULTS.cache_write_mult[cw];
  } else {
    m_w = ratio("cache_write_mult", i.cache_write_mult);
  }
  const b = p.mode === "sync" ? 1.0 : i.r_batch == null ? DEFAULTS.r_batch : ratio("r_batch", i.r_batch);
  const r_cw = m_w * r_in;
  const { alpha_in, alpha_out, tier_tau } = tierMultipliers(p.n_in, i.tiers);
  const r_eff = effectiveInputRatio(r_in, r_cache, p.eta, p.omega, r_cw);
  const { n_in, n_out, n_think, eta, omega, mode, cache_write } = p;
  return {
    n_in,
    n_out,
    n_think,
    eta,
    omega,
    mode,
    cache_write,
    beta,
    r_in,
    r_cache,
    r_think,
    r_cw,
    r_eff,
    b,
    alpha_in,
    alpha_out,
    tier_tau,
  };
}
