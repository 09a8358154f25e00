// Tiny structural checks for the verifier's own parsing. The zod schemas (dsse-schema.ts,
// keyset-schema.ts, snapshot-header-schema.ts) stay the published contract, but zod costs ~20 KB
// gzipped in a widget bundle whose whole budget is 12 KB, so the verifier path checks shapes by hand;
// schema-agreement.test.ts holds both to the same answers.
import { OracleError } from "../errors";

/** A JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A safe integer ≥ min (what z.int() with .nonnegative()/.positive() accepts). */
export function isIntAtLeast(v: unknown, min: number): v is number {
  return Number.isSafeInteger(v) && (v as number) >= min;
}

/** A string matching `re` (and, when given, of exactly `len` or at least `min` UTF-16 units). */
export function isStr(v: unknown, re?: RegExp, min = 0, len?: number): v is string {
  return (
    typeof v === "string" &&
    v.length >= min &&
    (len === undefined || v.length === len) &&
    (re === undefined || re.test(v))
  );
}

/** Throws E_MALFORMED as "<what> is malformed at <field>: <why>" (the format the zod parsers used). */
export function malformed(what: string, field: string, why: string): never {
  throw new OracleError(
    "E_MALFORMED",
    `${what} is malformed${field ? ` at ${field}` : ""}: ${why}`,
    field || undefined,
  );
}
