import { OracleError } from "../errors";
import type { Bytes } from "./bytes";
import { utf8Encode } from "./utf8";

// A lone surrogate has no UTF-8 encoding; RFC 8785 requires I-JSON strings, so refuse it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting accepted: far beyond any snapshot, well within every engine's stack. */
export const MAX_DEPTH = 256;

function malformed(path: string, why: string): OracleError {
  return new OracleError("E_MALFORMED", `cannot canonicalise ${path || "value"}: ${why}`, path || undefined);
}

function str(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw malformed(path, "string contains a lone surrogate");
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 asks (short escapes, \u00xx lower-case, rest literal).
  return JSON.stringify(s);
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function walk(v: unknown, path: string, seen: Set<object>): string {
  if (seen.size > MAX_DEPTH) throw malformed(path, `nested deeper than ${MAX_DEPTH}`);
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      if (!Number.isFinite(v)) throw malformed(path, `${v} is not a JSON number`);
      // ECMAScript Number::toString is the RFC 8785 §3.2.2.3 serialisation (and gives "0" for -0).
      return String(v);
    case "string":
      return str(v, path);
    case "object":
      break;
    default:
      throw malformed(path, `${typeof v} is not a JSON value`);
  }
  const o = v as object;
  if (seen.has(o)) throw malformed(path, "cyclic structure");
  seen.add(o);
  let out: string;
  if (Array.isArray(o)) {
    const parts: string[] = [];
    for (let i = 0; i < o.length; i++) {
      // `i in o` catches holes, which JSON.stringify would silently turn into null.
      if (!(i in o)) throw malformed(`${path}[${i}]`, "sparse array hole");
      parts.push(walk(o[i], `${path}[${i}]`, seen));
    }
    out = `[${parts.join(",")}]`;
  } else {
    if (!isPlainObject(o)) throw malformed(path, "not a plain object");
    if (Object.getOwnPropertySymbols(o).length > 0) throw malformed(path, "symbol keys");
    // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 prescribes.
    const keys = Object.keys(o).sort();
    const rec = o as Record<string, unknown>;
    out = `{${keys.map((k) => `${str(k, path)}:${walk(rec[k], path ? `${path}.${k}` : k, seen)}`).join(",")}}`;
  }
  seen.delete(o);
  return out;
}

/**
 * RFC 8785 (JCS) canonical JSON text of a value. Throws OracleError E_MALFORMED on NaN/Infinity,
 * undefined, functions, symbols, bigints, lone surrogates, cycles, sparse arrays and non-plain objects.
 * @example canonicalize({ b: 1, a: [true, 1e21] }) // '{"a":[true,1e+21],"b":1}'
 */
export function canonicalize(value: unknown): string {
  return walk(value, "", new Set());
}

/** UTF-8 bytes of the RFC 8785 canonical JSON of a value (what gets signed). */
export function canonicalBytes(value: unknown): Bytes {
  return utf8Encode(canonicalize(value));
}
