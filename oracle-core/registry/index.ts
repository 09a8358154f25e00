// Public surface of the registry helpers (pure: no I/O, no clock).
export { instrumentFromEntry, pricesInForce, INSTRUMENT_DEFAULTS } from "./instrument-from-entry";
export type { Instrument, ResolvedPrices } from "./instrument-from-entry";
export { familySeries } from "./family-series";
export type { FamilyPoint } from "./family-series";
export { findTicker, closestIds, editDistance, normalizeTicker } from "./find-ticker";
export type { TickerLookup } from "./find-ticker";
export { checkData, COVERAGE } from "./data-check";
export type { DataCheckResult } from "./data-check";
export { README_MODELS } from "./readme-models";
export { applyCuration, setAsideByPreference } from "./apply-curation";
export type { CuratedUniverse } from "./apply-curation";
