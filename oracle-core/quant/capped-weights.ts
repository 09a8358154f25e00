/** MATH.md §8.3 water-filling: w_i = min(c_i, s·x_i) with s chosen so that Σw = 1. */
import { OracleError } from "../errors";
import { num } from "./validate";

/** Input of {@link cappedWeights}: raw usage per id and a single cap or a cap per id. */
export interface CappedWeightsInput {
  raw: Record<string, number>;
  caps: number | Record<string, number>;
}

/**
 * Iteratively caps every name with s·x_i > c_i and re-solves s over the rest (E_CAP_INFEASIBLE if Σ caps < 1).
 * @example cappedWeights({ raw: { a: 50, b: 30, c: 15, d: 5 }, caps: 0.35 }) // { a: .35, b: .35, c: .225, d: .075 }
 */
export function cappedWeights(input: CappedWeightsInput): Record<string, number> {
  const { raw, caps } = input;
  if (typeof raw !== "object" || raw === null)
    throw new OracleError("E_NO_USAGE", "raw must be an object {id: usage}", "raw");
  const ids = Object.keys(raw);
  const x = new Map<string, number>();
  for (const i of ids) {
    const v = num(`usage.${i}`, raw[i]);
    if (v < 0) throw new OracleError("E_NEG_USAGE", `usage must be >= 0, got ${v} for ${i}`, `usage.${i}`);
    x.set(i, v);
  }
  const c = new Map<string, number>();
  for (const i of ids) {
    const ci = num(`caps.${i}`, typeof caps === "number" ? caps : caps?.[i]);
    if (ci < 0) throw new OracleError("E_NEG_RATIO", `cap must be >= 0, got ${ci} for ${i}`, `caps.${i}`);
    c.set(i, ci);
  }
  let total = 0;
  for (const i of ids) total += x.get(i)!;
  if (total <= 0) throw new OracleError("E_NO_USAGE", "total usage must be > 0", "usage");
  let capSum = 0;
  for (const i of ids) if (x.get(i)! > 0) capSum += c.get(i)!;
  if (capSum < 1.0 - 1e-12) {
    throw new OracleError(
      "E_CAP_INFEASIBLE",
      `caps over members with usage sum to ${capSum} < 1: raise the caps or add members`,
      "caps",
    );
  }
  // Each round rescales the uncapped usage by an exact power of two when its total is < 1 (up: always exact) or
  // huge (down). Within float64's normal range every s·x_i and comparison stays bit-identical to ref.py, while
  // denormal usage (whose names may still need a large share) or near-overflow usage cannot break s = rem / Σx.
  const scale = (members: readonly string[], v: number): void => {
    const e = -Math.floor(Math.log2(v));
    const f1 = 2 ** Math.trunc(e / 2);
    const f2 = 2 ** (e - Math.trunc(e / 2));
    for (const i of members) x.set(i, x.get(i)! * f1 * f2);
  };
  const capped = new Set<string>();
  let s = 0;
  for (;;) {
    let cappedSum = 0;
    for (const i of ids) if (capped.has(i)) cappedSum += c.get(i)!;
    const rem = 1.0 - cappedSum;
    const free = ids.filter((i) => !capped.has(i));
    const total = (): number => free.reduce((a, i) => a + x.get(i)!, 0);
    let sx = total();
    if (sx > 2 ** 512) {
      scale(free, Math.max(...free.map((i) => x.get(i)!)));
      sx = total();
    }
    if (!(sx > 0)) {
      // Every name with usage is capped: the caps sum to 1 within the feasibility slack (a boundary ref.py divides by 0
      // on).
      s = 0;
      break;
    }
    if (sx < 1) {
      scale(free, sx);
      sx = total();
    }
    s = rem / sx;
    const fresh = free.filter((i) => s * x.get(i)! > c.get(i)!);
    if (fresh.length === 0) break;
    for (const i of fresh) capped.add(i);
  }
  const out: Record<string, number> = {};
  for (const i of ids) out[i] = capped.has(i) ? c.get(i)! : s * x.get(i)!;
  return out;
}
