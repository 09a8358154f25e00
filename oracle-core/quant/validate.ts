/** Input guards shared by the quant functions: each throws an OracleError with the MATH.md §13 code and the field. */
import { OracleError } from "../errors";

/** A finite number, else E_NOT_FINITE (NaN, ±∞, strings, booleans and null are all rejected). */
export function num(field: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new OracleError("E_NOT_FINITE", `${field} must be a finite number, got ${describe(x)}`, field);
  }
  return x;
}

/** Token count ≥ 0 (E_NEG_TOKENS). */
export function tokens(field: string, x: unknown): number {
  const v = num(field, x);
  if (v < 0) throw new OracleError("E_NEG_TOKENS", `${field} must be >= 0 tokens, got ${v}`, field);
  return v;
}

/** Price ≥ 0 in USD/M (E_NEG_PRICE). */
export function price(field: string, x: unknown): number {
  const v = num(field, x);
  if (v < 0) throw new OracleError("E_NEG_PRICE", `${field} must be a price >= 0, got ${v}`, field);
  return v;
}

/** Price ratio or multiplier ≥ 0 (E_NEG_RATIO). */
export function ratio(field: string, x: unknown): number {
  const v = num(field, x);
  if (v < 0) throw new OracleError("E_NEG_RATIO", `${field} must be a ratio >= 0, got ${v}`, field);
  return v;
}

/** Time in years ≥ 0 (E_NEG_TENOR). */
export function tenor(field: string, x: unknown): number {
  const v = num(field, x);
  if (v < 0) throw new OracleError("E_NEG_TENOR", `${field} must be >= 0 years, got ${v}`, field);
  return v;
}

/** Validates a `{name: years}` tenor map (each ≥ 0); an empty map is allowed. */
export function tenorMap(field: string, x: unknown): Record<string, number> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) {
    throw new OracleError("E_NOT_FINITE", `${field} must be an object of {name: years}`, field);
  }
  const out: Record<string, number> = {};
  for (const [name, t] of Object.entries(x)) out[name] = tenor(`${field}.${name}`, t);
  return out;
}

/** Throws unless the computed value is finite (guards overflow: undefined results are never ±∞/NaN). */
export function finiteResult(field: string, x: number): number {
  if (!Number.isFinite(x)) throw new OracleError("E_NOT_FINITE", `${field} overflows float64 for these inputs`, field);
  return x;
}

function describe(x: unknown): string {
  if (typeof x === "string") return JSON.stringify(x);
  return String(x);
}

/** Whether every number in a value (at any depth) is finite; null is not a number and passes. */
export function allFinite(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "object" && v !== null) return Object.values(v).every(allFinite);
  return true;
}
