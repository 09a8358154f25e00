import { isOracleError } from "../../oracle-core";
import type { Fail, Result } from "./worker-api";

/** A coded failure from anything thrown (OracleError keeps its code and field). */
export function failOf(e: unknown): Fail {
  if (isOracleError(e)) return { code: e.code, message: e.message, field: e.field };
  const coded = e as { code?: unknown; message?: unknown } | null;
  if (coded && typeof coded.code === "string" && typeof coded.message === "string")
    return { code: coded.code, message: coded.message };
  return { code: "E_INTERNAL", message: e instanceof Error ? e.message : String(e) };
}

/** Runs `fn`, answering { ok, value } or { ok: false, error } (what crosses the worker boundary). */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: failOf(e) };
  }
}

/** A worker-level error with a stable code (network and storage problems have no oracle-core code). */
export class WorkerError extends Error {
  override readonly name = "WorkerError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
