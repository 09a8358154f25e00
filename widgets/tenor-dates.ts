/**
 * Days from the valuation date to each published tenor: the tenor's exact year fraction × 365.25
 * (MATH.md §0, ACT/365.25; oracle-core/quant/defaults TENORS × DAYS_PER_YEAR — a browser test holds
 * the two equal). Only where a forward is drawn on the date axis; its price comes from the snapshot.
 */
export const TENOR_DAYS = { "1M": 365.25 / 12, "3M": 365.25 / 4, "6M": 365.25 / 2, "12M": 365.25 } as const;
