import { isOracleError } from "../../oracle-core";
import { indexBlock, indexMembership } from "../../oracle-core/market";
import { indexSeries, type IndexSeriesInput, type IndexSeriesResult } from "../../oracle-core/market";
import type { MarketObservation } from "../../oracle-core/market";
import { publishedCorrections } from "../../oracle-core/market";
import { dateOrdinal, ordinalToIso } from "../../oracle-core/quant";
import type { GreekRow } from "../../oracle-core/schemas";
import type { IndexBlock } from "../../oracle-core/schemas";
import { bundledData } from "../data/bundled";

type IndexRow = Pick<GreekRow, "ticker" | "provider" | "family" | "status" | "beta" | "lifecycle"> &
  Partial<Pick<GreekRow, "listed_at" | "retired_at">>;

/**
 * The index inputs the feed uses everywhere (snapshot block and /v1/index/history): the registry's usage proxy,
 * providers, the history reconciled with the published β (a recorded event the curated registry overrides, such
 * as DeepSeek V4 Flash's, gives way from the registry's as-of date), and the feed's quote state: a ticker the feed
 * marks stale (no fresh quote within 48 h) is treated as last quoted three days before the valuation date, so the
 * last fixing carries it and flags it stale.
 */
export function indexInputFor(
  models: readonly IndexRow[],
  observations: readonly MarketObservation[],
  valuationDate: string,
): IndexSeriesInput {
  const { registry } = bundledData();
  const proxy = new Map(registry.models.map((m) => [m.ticker, m.index_weight_proxy]));
  const through = ordinalToIso(dateOrdinal(valuationDate, "valuation_date") - 3);
  return {
    observations: [...observations, ...publishedCorrections(observations, models, registry.as_of, valuationDate)],
    // Membership follows the lifecycle (oracle-core/market/index-membership.ts).
    universe: indexMembership(models, proxy),
    valuation_date: valuationDate,
    quoted_through: Object.fromEntries(models.filter((m) => m.status === "stale").map((m) => [m.ticker, through])),
  };
}

/** The daily EICI series for the feed's models and history, or null when the history has no base date yet. */
export function feedIndexSeries(
  models: readonly IndexRow[],
  observations: readonly MarketObservation[],
  valuationDate: string,
): IndexSeriesResult | null {
  try {
    return indexSeries(indexInputFor(models, observations, valuationDate));
  } catch (e) {
    // Data that cannot make an index (no base date, infeasible caps) leaves the block null; prices still publish.
    if (isOracleError(e)) {
      console.warn(`EICI not computed: ${e.code} ${e.message}`);
      return null;
    }
    throw e;
  }
}

/**
 * The EICI block of the snapshot (MATH.md §8, docs/METHODOLOGY.md), recomputed from the full history on every
 * publish. Its forward is the members' lifecycle forwards (the rows' forecast blocks), not θ: the level moves only
 * with its members' own prices, since a launch enters through the divisor.
 */
export function buildIndexBlock(
  models: readonly GreekRow[],
  obs: readonly MarketObservation[],
  valuationDate: string,
): IndexBlock | null {
  const series = feedIndexSeries(models, obs, valuationDate);
  if (!series) return null;
  return indexBlock(
    series,
    Object.fromEntries(models.map((m) => [m.ticker, m.theta])),
    Object.fromEntries(models.map((m) => [m.ticker, m.provider])),
    models,
  );
}
