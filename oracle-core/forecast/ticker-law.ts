/**
 * The lifecycle-hazard law of one ticker's own list price τ years ahead. Unannounced moves arrive with a hazard set
 * by the ticker's state — young (within `young_years` of launch, still its family's newest model), older, or
 * superseded once a successor launches (successors arrive at the family's rate) — and multiply the price by
 * e^Y, Y ~ N(μ, s²). Announced prices are the base the moves apply to.
 */
import { OracleError } from "../errors";
import { forEachNode } from "./quadrature";
import type { LawComponent } from "./price-law";

/** What the law needs about one ticker (published per row as its forward model). */
export interface TickerLawState {
  /** Years since launch at valuation. */
  age: number;
  /** A newer model of the family exists. */
  superseded: boolean;
  /** Move hazards per year by state. */
  hazard: { young: number; old: number; superseded: number };
  young_years: number;
  /** Successor launches per year in the family. */
  successor_rate: number;
  /** ln of a move's factor ~ N(mu, s²). */
  jump: { mu: number; s: number };
}

const MAX_MOVES = 400;

/** Adds weight·Poisson(λ) probabilities into acc[0…]. */
function addPoisson(acc: Float64Array, lambda: number, weight: number): void {
  let p = weight * Math.exp(-lambda);
  acc[0]! += p;
  for (let n = 1; n < acc.length; n++) {
    p *= lambda / n;
    acc[n]! += p;
  }
}

/** Length of the count vector: enough that the Poisson tail beyond it is negligible for a mean ≤ λmax. */
function countLength(lambdaMax: number): number {
  return Math.min(MAX_MOVES, Math.ceil(lambdaMax + 10 * Math.sqrt(lambdaMax) + 12));
}

/**
 * The number of unannounced moves in (0, τ] is Poisson(Λ) given the successor's arrival time σ (exponential at the
 * family's rate), Λ(σ) = ∫ hazard while the newest model, then the superseded hazard: calls `at(Λ, weight)` for each
 * node of that mixture (weights sum to 1).
 */
function forEachMixture(st: TickerLawState, tau: number, at: (lambda: number, weight: number) => void): void {
  if (!(tau >= 0)) throw new OracleError("E_NEG_TENOR", `t must be ≥ 0 years, got ${tau}`, "t");
  const { young, old, superseded: sup } = st.hazard;
  if (st.superseded) return at(sup * tau, 1);
  const r = Math.max(0, st.young_years - st.age); // years of youth left
  const H = (x: number) => young * Math.min(x, r) + old * Math.max(0, x - r);
  const nu = st.successor_rate;
  at(H(tau), Math.exp(-nu * tau)); // no successor by τ
  if (nu > 0) {
    // σ = −ln(1 − u)/ν turns ν e^(−νσ) dσ into du on [0, 1 − e^(−ντ)]; the kink at σ = r maps to 1 − e^(−νr).
    const U = -Math.expm1(-nu * tau);
    forEachNode(0, U, [-Math.expm1(-nu * r)], (u, w) => {
      const sigma = -Math.log1p(-u) / nu;
      at(H(sigma) + sup * (tau - sigma), w);
    });
  }
}

/** P(N = n) for the number N of unannounced moves in (0, τ] (the Poisson mixture of {@link forEachMixture}). */
export function moveCounts(st: TickerLawState, tau: number): Float64Array {
  const { young, old, superseded: sup } = st.hazard;
  const acc = new Float64Array(countLength(Math.max(young, old, sup) * Math.max(0, tau)));
  forEachMixture(st, tau, (lambda, w) => addPoisson(acc, lambda, w));
  return acc;
}

/**
 * The ticker's price law at τ: an atom at `base` (no move) and, for n ≥ 1 moves, ln price ~ N(ln base + nμ, n s²).
 * `base` is the spot with any announced price in force by τ.
 * @example tickerLaw(state, 8, 0.5) // [{ w: P(no move), m: ln 8, s: 0 }, …]
 */
export function tickerLaw(st: TickerLawState, base: number, tau: number): LawComponent[] {
  if (!(base > 0)) throw new OracleError("E_NONPOS_PRICE", `a price law needs a positive price, got ${base}`, "beta");
  const pn = moveCounts(st, tau);
  const lb = Math.log(base);
  const out: LawComponent[] = [{ w: pn[0]!, m: lb, s: 0, x: base }];
  for (let n = 1; n < pn.length; n++)
    if (pn[n]! > 1e-12) out.push({ w: pn[n]!, m: lb + n * st.jump.mu, s: Math.sqrt(n) * st.jump.s });
  return out;
}

/**
 * E[price at τ] / base = Σ P(N=n)·E[e^Y]^n: the drift the moves add to the announced path. Given Λ, E[m^N] of a
 * Poisson(Λ) count is e^(Λ(m−1)), so no count vector is built (the index grid calls this for every member and knot).
 */
export function tickerDrift(st: TickerLawState, tau: number): number {
  const k = Math.exp(st.jump.mu + 0.5 * st.jump.s * st.jump.s) - 1; // E[e^Y] − 1
  let g = 0;
  forEachMixture(st, tau, (lambda, w) => (g += w * Math.exp(lambda * k)));
  return g;
}
