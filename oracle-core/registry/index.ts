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
export { nextListing, LISTING_MIN_GAP_MS, PROMOTE_AFTER_MS, PROMOTE_ORIGINS, FORGET_AFTER_MS } from "./listing-rule";
export type { Candidate, Listing, ListingInput, ListingResult, Promotion } from "./listing-rule";
export { agreement, LISTING_FIELDS } from "./listing-rule-agree";
export type { Agreement, ListingQuote } from "./listing-rule-agree";
export { listingScope, LISTING_PROVIDERS, LISTING_TOKENIZER, NOT_TEXT_WORDS } from "./listing-rule-scope";
export type { ScopedId } from "./listing-rule-scope";
export {
  displayName,
  familyByRule,
  listingEntry,
  tickerLine,
  LISTING_DEFAULTS,
  UNASSIGNED_FAMILY,
} from "./listing-rule-entry";
export type { ListingInfo } from "./listing-rule-entry";
export { tickerFromId } from "./ticker-name";
