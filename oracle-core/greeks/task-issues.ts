import { isOracleError, type OracleError, type OracleErrorCode } from "../errors";
import { maxTokens, PROFILE_RULES } from "../quant/task-inputs";
import { cacheTtl } from "./cache-ttl";
import { horizonYears } from "./horizon";
import type { PricingRow, TaskRequest } from "./price-task";

/** The fields of a task request a rule can point at. */
export type TaskField =
  | "n_in"
  | "n_out"
  | "n_think"
  | "eta"
  | "omega"
  | "mode"
  | "cache_ttl"
  | "horizon"
  | "max_tokens";

/** One rule a task breaks, addressed to its field so that a form can show it beside the input. */
export interface TaskIssue {
  code: OracleErrorCode;
  field: TaskField;
  /** What the API answers (the OracleError's message, in the request's own units). */
  message: string;
  /** The rule in a form's words, to follow the field's label: "must be between 0% and 100%". */
  rule: string;
}

// The rules are the ones priceTask applies (PROFILE_RULES, cacheTtl, horizonYears, maxTokens); this only words them
// for a person at a form, where η is typed in percent and an empty box is a missing number.
const IN_WORDS: Partial<Record<OracleErrorCode, string>> = {
  E_NOT_FINITE: "is required (a number)",
  E_NEG_TOKENS: "cannot be negative: a token count is 0 or more",
  E_ETA_RANGE: "must be between 0% and 100%",
  E_CACHE_FRACTIONS: "must be between 0% and 100% − η: a prompt token is read from cache, written to it, or neither",
  E_BAD_MODE: "must be sync or batch",
  E_BAD_CACHE_WRITE: "must be 5 minutes or 1 hour",
  E_BAD_HORIZON: "must be spot, 1M, 3M, 6M or 12M",
  E_NEG_TENOR: "must be 0 years or more",
  E_MAX_TOKENS: "must be at least 1 token",
};

function issueOf(e: OracleError): TaskIssue {
  return { code: e.code, field: e.field as TaskField, message: e.message, rule: IN_WORDS[e.code] ?? e.message };
}

/**
 * Every rule a task request breaks, each once and addressed to its field: empty exactly when priceTask accepts the
 * request, and the first issue is the error priceTask throws. With `row`, also whether the model can answer n_out
 * tokens at all (E_MAX_TOKENS: a form's check; the API prices any n_out and marks range points beyond the maximum).
 * @example taskIssues({ n_in: -5, n_out: 800, eta: 1.5 }).map((i) => i.code) // ["E_NEG_TOKENS", "E_ETA_RANGE"]
 */
export function taskIssues(req: TaskRequest, row?: Pick<PricingRow, "max_output">): TaskIssue[] {
  const out: TaskIssue[] = [];
  const check = <T>(rule: () => T): T | undefined => {
    try {
      return rule();
    } catch (e) {
      if (!isOracleError(e)) throw e;
      out.push(issueOf(e));
      return undefined;
    }
  };
  // The order of resolveRequest, so that the first issue is the error it throws.
  const R = PROFILE_RULES;
  check(() => cacheTtl(req.cache_ttl));
  check(() => horizonYears(req.horizon));
  check(() => R.n_in(req.n_in));
  const n_out = req.n_out === undefined ? undefined : check(() => R.n_out(req.n_out));
  check(() => R.n_think(req.n_think));
  const eta = check(() => R.eta(req.eta));
  check(() => R.omega(req.omega, eta ?? 0));
  check(() => R.mode(req.mode));
  if (req.n_out === undefined && req.max_tokens !== undefined) check(() => maxTokens(req.max_tokens));
  if (row && n_out !== undefined && n_out > row.max_output) {
    const max = row.max_output;
    out.push({
      code: "E_MAX_TOKENS",
      field: "n_out",
      message: `n_out must be at most the model's max output, ${max} tokens, got ${n_out}`,
      rule: `must be at most ${max} tokens: the model answers no more`,
    });
  }
  return out;
}
