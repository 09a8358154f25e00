/** oracle-core/greeks public surface: what the other parts of the repository import from it. */

export { compareRows } from "./compare-rows";
export { derivedGreeks } from "./derived";
export { fitFamilies } from "./family-fits";
export { forwardDirection } from "./forward-direction";
export { forwardPointAt, forwardView } from "./forward-view";
export { PUBLISHED_FIELDS, greekRow } from "./greek-sheet";
export { HORIZON_NAMES, horizonYears } from "./horizon";
export { priceTask, priceTaskAndRange } from "./price-task";
export { REFERENCE_PROFILES } from "./reference-profiles";
export { taskIssues } from "./task-issues";

export type { CompareEntry, CompareRowsResult } from "./compare-rows";
export type { DerivedGreeks } from "./derived";
export type { QuoteState } from "./greek-sheet";
export type { HorizonName } from "./horizon";
export type { PricedTask, PricingRow, TaskRequest } from "./price-task";
export type { TaskField } from "./task-issues";
