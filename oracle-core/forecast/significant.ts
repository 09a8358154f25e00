/**
 * x to `digits` significant digits (the repo's tidy pattern): published forecasts carry what their evidence
 * supports — a hazard fitted on 11 events is not known to 17 digits — and the snapshot stays small.
 * @example sig(0.30212345, 4) // 0.3021
 */
export function sig(x: number, digits: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}
