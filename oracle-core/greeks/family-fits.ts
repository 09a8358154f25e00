import { lifecycleData, type LifecycleData } from "../forecast/lifecycle-data";
import { fitLifecycle, type LifecycleFit } from "../forecast/lifecycle-fit";
import { fitTheta, type FitThetaResult } from "../quant/theta";
import { providerPrior } from "../quant/provider-prior";
import { DEFAULTS } from "../quant/defaults";
import { familySeries } from "../registry/family-series";
import type { HistoryObservation } from "../schemas/observation";

export interface FamilyFitResult extends FitThetaResult {
  family: string;
  provider: string;
  prior: "family" | "provider" | "global";
  theta_prior_value: number;
  n_observations: number;
  /** The lifecycle forecast models fitted on every family's history to the valuation date (shared by all families). */
  lifecycle: LifecycleContext;
}

/** The history arranged for the forecasts and the models fitted on it as of a date. */
export interface LifecycleContext {
  data: LifecycleData;
  fit: LifecycleFit;
}

/**
 * θ and σ for every family, as of the valuation date (MATH.md §5–6): each family's output-price chain
 * is fitted with the provider prior (empirical Bayes over the provider's families' unshrunk θ̂), or the
 * global prior when the provider has no intervals yet. θ and σ describe the history; the forwards come from the
 * lifecycle models fitted beside them (`lifecycle`).
 */
export function fitFamilies(
  history: { observations: readonly HistoryObservation[] },
  families: Readonly<Record<string, { provider: string }>>,
  valuationDate: string,
): Map<string, FamilyFitResult> {
  const series = new Map<string, ReturnType<typeof familySeries>>();
  const raw = new Map<string, FitThetaResult>();
  for (const family of Object.keys(families)) {
    const s = familySeries(history, family, { asOf: valuationDate });
    if (s.length === 0) continue;
    series.set(family, s);
    raw.set(family, fitTheta({ obs: s, as_of: valuationDate }));
  }
  const priors = new Map<string, { value: number; kind: "provider" | "global" }>();
  for (const provider of new Set(Object.values(families).map((f) => f.provider))) {
    const fits = [...raw.entries()].filter(([f]) => families[f]!.provider === provider).map(([, r]) => r);
    const withData = fits.filter((r) => r.theta_raw !== null && r.t_eff_years > 0);
    priors.set(
      provider,
      withData.length
        ? {
            value: providerPrior({
              family_fits: withData.map((r) => ({ theta_raw: r.theta_raw, t_eff_years: r.t_eff_years })),
            }).theta_prior,
            kind: "provider",
          }
        : { value: DEFAULTS.theta_prior_global, kind: "global" },
    );
  }
  const data = lifecycleData(history.observations, families);
  const lifecycle: LifecycleContext = { data, fit: fitLifecycle(data, valuationDate) };
  const out = new Map<string, FamilyFitResult>();
  for (const [family, s] of series) {
    const provider = families[family]!.provider;
    const prior = priors.get(provider)!;
    const fit = fitTheta({ obs: s, as_of: valuationDate, theta_prior: prior.value });
    const n_observations = s.length;
    const theta_prior_value = prior.value;
    out.set(family, { ...fit, family, provider, prior: prior.kind, theta_prior_value, n_observations, lifecycle });
  }
  return out;
}
