import type { z } from "zod";
import { SourceError } from "./source-error";

/**
 * Validates a payload's top-level shape; a mismatch means the whole payload is not this source's format
 * (E_SOURCE_SCHEMA).
 */
export function parseTopLevel<T>(schema: z.ZodType<T>, data: unknown, source: string, expected: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
    throw new SourceError(
      "E_SOURCE_SCHEMA",
      `${source}: expected ${expected}${where}: ${first?.message ?? "wrong shape"}`,
    );
  }
  return r.data;
}

/** Throws E_SOURCE_EMPTY when a payload parsed but lists nothing. */
export function requireEntries(count: number, source: string): void {
  if (count === 0) throw new SourceError("E_SOURCE_EMPTY", `${source}: the payload lists no models`);
}

/** First zod issue as one line, for a per-entry rejection reason. */
export function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return "does not match the expected shape";
  return `${first.path.length > 0 ? `${first.path.join(".")}: ` : ""}${first.message}`;
}
