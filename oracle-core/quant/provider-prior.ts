/** MATH.md §5.4: empirical-Bayes provider prior from the provider's families (unshrunk θ̂_f). */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import { num } from "./validate";

/** A family fit as used by {@link providerPrior}; families without intervals (theta_raw null) are skipped. */
export interface FamilyFit {
  theta_raw: number | null;
  t_eff_years: number;
}

/** Input of {@link providerPrior}. */
export interface ProviderPriorInput {
  family_fits: readonly FamilyFit[];
  theta_global?: number | null;
  prior_strength_years?: number | null;
}

/** Output of {@link providerPrior}. */
export interface ProviderPriorResult {
  theta_prior: number;
  weight_years: number;
}

/** θ_prov = (T_0·θ_global + Σ T_eff,f·θ̂_f) / (T_0 + Σ T_eff,f). */
export function providerPrior(input: ProviderPriorInput): ProviderPriorResult {
  const tg = input.theta_global == null ? DEFAULTS.theta_prior_global : num("theta_global", input.theta_global);
  const T0 =
    input.prior_strength_years == null
      ? DEFAULTS.prior_strength_years
      : num("prior_strength_years", input.prior_strength_years);
  if (T0 < 0)
    throw new OracleError("E_BAD_PRIOR", `prior_strength_years must be >= 0, got ${T0}`, "prior_strength_years");
  if (!Array.isArray(input.family_fits)) throw new OracleError("E_NO_OBS", "family_fits must be a list", "family_fits");
  let numer = T0 * tg;
  let den = T0;
  (input.family_fits as readonly FamilyFit[]).forEach((f, i) => {
    if (f.theta_raw == null) return;
    const te = num(`family_fits[${i}].t_eff_years`, f.t_eff_years);
    if (te < 0)
      throw new OracleError(
        "E_BAD_PRIOR",
        `family_fits[${i}].t_eff_years must be >= 0, got ${te}`,
        `family_fits[${i}].t_eff_years`,
      );
    numer += te * num(`family_fits[${i}].theta_raw`, f.theta_raw);
    den += te;
  });
  return { theta_prior: den > 0 ? numer / den : tg, weight_years: den - T0 };
}
