// Public surface of the guard (SPEC §4 steps 1–4): transport, schema, shrink, units and bounds.
export { guardSource, isParseResult } from "./guard-source.js";
export { checkPriceBounds, MAX_USD_PER_M, MIN_USD_PER_M } from "./price-bounds.js";
export { checkRatios, MAX_INPUT_OVER_OUTPUT } from "./ratio-check.js";
export { shrinkCheck } from "./shrink-check.js";
export { isRejectable, unitSuspect, UNIT_SUSPECT_FLAG, UNIT_SUSPECT_REJECT } from "./unit-suspect.js";

export type { GuardCode, GuardRejection } from "./guard-codes.js";
export type { GuardFlag, GuardInput, GuardResult } from "./guard-source.js";
export type { UnitSuspect } from "./unit-suspect.js";
