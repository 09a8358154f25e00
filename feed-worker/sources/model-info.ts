import type { ModelInfo } from "./types";

/** A model's facts as an adapter finds them, before they are checked: any value of any type. */
export type RawModelInfo = { [K in keyof Omit<ModelInfo, "windows">]?: unknown };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Keeps the well-formed facts of a payload entry and drops the rest: a count must be a positive finite number, a date
 * an ISO day, a flag a boolean, a comment a string. Metadata never rejects a model or a quote.
 * @example modelInfo({ context_window: 1047576, reasoning: "yes" }) // { context_window: 1047576 }
 */
export function modelInfo(raw: RawModelInfo): ModelInfo {
  const out: ModelInfo = {};
  const count = (x: unknown): number | undefined =>
    typeof x === "number" && Number.isFinite(x) && x > 0 ? x : undefined;
  const day = (x: unknown): string | undefined => (typeof x === "string" && ISO_DAY.test(x) ? x : undefined);
  const flag = (x: unknown): boolean | undefined => (typeof x === "boolean" ? x : undefined);
  const set = <K extends keyof ModelInfo>(k: K, v: ModelInfo[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set("context_window", count(raw.context_window));
  set("max_output", count(raw.max_output));
  set("release_date", day(raw.release_date));
  set("reasoning", flag(raw.reasoning));
  set("deprecated", flag(raw.deprecated));
  set("retires_on", day(raw.retires_on));
  set("comment", typeof raw.comment === "string" && raw.comment !== "" ? raw.comment : undefined);
  return out;
}

/**
 * Reads a nested value of an untyped payload entry, or undefined when any step is not an object.
 * @example pick({ limit: { context: 8192 } }, "limit", "context") // 8192
 */
export function pick(x: unknown, ...path: string[]): unknown {
  let o = x;
  for (const k of path)
    o = typeof o === "object" && o !== null && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined;
  return o;
}
