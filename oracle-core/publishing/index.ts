/** oracle-core/publishing public surface: the rules that decide which quoted price is published (SPEC §4 steps 3–6). */

// quotes and rounding
export { QUOTE_FIELDS } from "./price-quote";
export { tidyPrice } from "./tidy-price";

// guard rules (steps 3–4): shrink, bounds, unit errors, ratios
export { shrinkCheck } from "./shrink-check";
export { checkPriceBounds, MAX_USD_PER_M, MIN_USD_PER_M } from "./price-bounds";
export { isRejectable, unitSuspect, UNIT_SUSPECT_FLAG, UNIT_SUSPECT_REJECT } from "./unit-suspect";
export { checkRatios, MAX_INPUT_OVER_OUTPUT } from "./ratio-check";

// reconcile (step 5) and the breaker (step 6)
export { reconcile, originOf, AGREE_TOL } from "./reconcile";
export { breakerDecide, confirmsValue } from "./publish-breaker";
export { setAsideFromRegistry } from "./set-aside";
export { decide, fieldKey } from "./decide";

export type { GuardCode, GuardRejection, PriceQuote, QuoteField, TickerQuote } from "./price-quote";
export type { UnitSuspect } from "./unit-suspect";
export type { FieldQuote, Reconciled } from "./reconcile";
export type { BreakerDecision, BreakerInput, PendingMove } from "./publish-breaker";
export type { Decisions, FieldHold, FieldPublish, PublishedRow } from "./decide";

// used by the other parts
export { frozenSources } from "./source-freshness";

export type { SourceBytesAge } from "./source-freshness";
export { lifecycleRuleMoves, deprecationEvidence, UNQUOTED_DAYS } from "./lifecycle-rules";
export type { LifecycleSignal, LifecycleRowState, LifecycleRuleMove } from "./lifecycle-rules";
