import type { z } from "zod";
import { ApiError } from "./api-error";

type Issue = z.core.$ZodIssue;

const FIELD_CODES: Record<string, string> = {
  mode: "E_BAD_MODE",
  cache_ttl: "E_BAD_CACHE_WRITE",
  horizon: "E_BAD_HORIZON",
};

/** A size or range issue in words that fit its kind: "must be > 0" for a number, "is too long" for a string. */
function boundMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, field: string): string {
  const small = issue.code === "too_small";
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    return `${field} must be ${small ? ">" : "<"}${issue.inclusive ? "=" : ""} ${String(limit)}`;
  }
  const unit = issue.origin === "string" ? "characters" : "items";
  return `${field} is too ${small ? "short" : "long"} (${small ? "at least" : "at most"} ${String(limit)} ${unit})`;
}

/**
 * Turns the first zod issue into a stable code and a sentence; never a validator dump.
 * The issue must come from a parse with `reportInput: true` (as {@link parseWith} does): zod 4 leaves
 * `input` out otherwise, and a wrong-typed field would read as a missing one.
 */
export function issueToApiError(issue: Issue): ApiError {
  const field = issue.path.map(String).join(".") || undefined;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    return new ApiError(400, "E_UNKNOWN_FIELD", `unknown field(s): ${keys}`, issue.keys[0]);
  }
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return new ApiError(400, "E_MISSING_FIELD", `${field ?? "body"} is required`, field);
    if (issue.expected === "number")
      return new ApiError(400, "E_NOT_FINITE", `${field} must be a finite number`, field);
    const code = (field && FIELD_CODES[field]) ?? "E_BAD_TYPE";
    return new ApiError(400, code, `${field ?? "body"} must be of type ${issue.expected}`, field);
  }
  if (field && FIELD_CODES[field]) return new ApiError(400, FIELD_CODES[field]!, `${field} is not valid`, field);
  if (issue.code === "too_big" || issue.code === "too_small") {
    return new ApiError(400, "E_BAD_TYPE", boundMessage(issue, field ?? "value"), field);
  }
  if (issue.code === "custom") return new ApiError(400, "E_BAD_TYPE", `${field ?? "value"} ${issue.message}`, field);
  return new ApiError(400, "E_BAD_TYPE", `${field ?? "body"} is not valid`, field);
}

/**
 * Parses a request (a REST body or query, an MCP tool's arguments) with its zod schema; the first issue is thrown as
 * an ApiError with a stable code and the field at fault.
 * @example const req = parseWith(PriceRequestSchema, body); // throws E_NOT_FINITE on { n_in: "abc" }
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw issueToApiError(r.error.issues[0]!);
  return r.data;
}
