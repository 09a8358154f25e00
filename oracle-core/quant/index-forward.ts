/** MATH.md §8.7: index forward I_fwd(τ) = Σ_i c_i e^(−θ_i τ), assuming no future rebalance. */
import { OracleError } from "../errors";
import { TENORS } from "./defaults";
import { curveForward, type CurveTerm } from "./forward";
import { tenorMap } from "./validate";

/** Input of {@link indexForward}: contributions (points or USD/M) and θ per constituent. */
export interface IndexForwardInput {
  contributions: Record<string, number>;
  thetas: Record<string, number>;
  tenors?: Record<string, number> | null;
}

/** Index forward at named tenors (default 1M, 3M, 6M, 12M), in the unit of the contributions. */
export function indexForward(input: IndexForwardInput): Record<string, number> {
  const curve: CurveTerm[] = Object.keys(input.contributions).map((i) => {
    const theta = input.thetas?.[i];
    if (theta === undefined)
      throw new OracleError("E_UNKNOWN_ID", `no theta given for constituent ${i}`, `thetas.${i}`);
    return { c: input.contributions[i]!, theta };
  });
  const tenors = tenorMap("tenors", input.tenors ?? TENORS);
  const out: Record<string, number> = {};
  for (const [name, t] of Object.entries(tenors)) out[name] = curveForward(curve, t);
  return out;
}
