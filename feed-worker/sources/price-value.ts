import { z } from "zod";
import { tidyPrice } from "../../oracle-core/publishing";

/** What a raw price field held: a number, nothing, or something that is not a price. */
export type PriceRead =
  | { kind: "number"; value: number }
  | { kind: "absent" }
  | { kind: "variable"; reason: string }
  | { kind: "junk"; reason: string };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RawPrice = z.union([z.number(), z.string(), z.null(), z.undefined()]);

/**
 * Reads one raw price value as a source wrote it (number or numeric string).
 * `-1` (number or string) is the "variable / router-priced" sentinel, never a price.
 * @example readPriceValue("0.000003") // { kind: "number", value: 0.000003 }
 */
export function readPriceValue(raw: unknown): PriceRead {
  const parsed = RawPrice.safeParse(raw);
  if (!parsed.success) return { kind: "junk", reason: `expected a number or numeric string, got ${describe(raw)}` };
  const v = parsed.data;
  if (v === null || v === undefined) return { kind: "absent" };
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "") return { kind: "absent" };
    if (!NUMERIC.test(s)) return { kind: "junk", reason: `"${s.slice(0, 40)}" is not a number` };
    return fromNumber(Number(s), s);
  }
  return fromNumber(v, String(v));
}

function fromNumber(n: number, shown: string): PriceRead {
  if (!Number.isFinite(n)) return { kind: "junk", reason: `${shown} is not a finite number` };
  if (n === -1) return { kind: "variable", reason: `"${shown}" is the variable-price sentinel, not a price` };
  return { kind: "number", value: n };
}

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return "an array";
  return typeof raw === "object" ? "an object" : typeof raw;
}

/** Multiplies a price into USD per 1M tokens, rounding away binary noise (9e-7 × 1e6 → 0.9, not 0.8999999999999999). */
export function toPerMillion(value: number, multiplier: number): number {
  return tidyPrice(value * multiplier);
}
