/** Stable error codes: MATH.md §13 plus the snapshot/registry codes used across every layer. */
export type OracleErrorCode =
  | "E_NOT_FINITE"
  | "E_NEG_TOKENS"
  | "E_NEG_PRICE"
  | "E_NEG_RATIO"
  | "E_ETA_RANGE"
  | "E_CACHE_FRACTIONS"
  | "E_BAD_MODE"
  | "E_BAD_CACHE_WRITE"
  | "E_MAX_TOKENS"
  | "E_NO_OBS"
  | "E_NONPOS_PRICE"
  | "E_BAD_DATE"
  | "E_BAD_LAMBDA"
  | "E_BAD_PRIOR"
  | "E_NEG_TENOR"
  | "E_NEG_USAGE"
  | "E_NO_USAGE"
  | "E_CAP_INFEASIBLE"
  | "E_NO_BASE"
  | "E_UNKNOWN_ID"
  | "E_FUTURE_QUOTE"
  | "E_SWAP_TERM"
  | "E_BAD_FIXING"
  | "E_BAD_NOTIONAL"
  | "E_SWAP_K"
  | "E_SWAP_EXPIRED"
  | "E_NEED_REALIZED"
  | "E_BAD_MC_PARAM"
  // swap side outside §13's table: fixed_payer or fixed_receiver
  | "E_SWAP_SIDE"
  // ref.py codes outside the §13 table: θ candidates need ≥ 2 points; percentile of an empty sample
  | "E_SHORT_SERIES"
  | "E_EMPTY"
  // snapshot / envelope verification
  | "E_MALFORMED"
  | "E_PAYLOAD_TYPE"
  | "E_SIG_INVALID"
  | "E_UNKNOWN_KEY"
  | "E_EXPIRED"
  | "E_NOT_YET_VALID"
  | "E_ROLLBACK"
  | "E_REPLAY"
  | "E_KEYSET_CHAIN"
  | "E_NO_ED25519"
  // registry / API
  | "E_UNKNOWN_TICKER"
  | "E_BAD_HORIZON"
  | "E_SCHEMA"
  | "E_CANCELLED"
  // planning (System Canvas, Budget Planner)
  | "E_MIX_SUM"
  | "E_ALLOC_SUM"
  | "E_BAD_VOLUME"
  // integrations (SDK meter / estimate): a usage object no provider format recognises, or one that contradicts itself
  | "E_BAD_USAGE"
  // SDK: no verified snapshot available (feed unreachable and nothing cached)
  | "E_NO_SNAPSHOT"
  // EXOSTREAM_CLOCK_OFFSET (the test switch that moves every default clock) is not "<whole number><unit>"
  | "E_CLOCK_OFFSET";

/** The one error type oracle-core throws: a stable `code`, a message a user can act on, and the field at fault. */
export class OracleError extends Error {
  override readonly name = "OracleError";
  readonly code: OracleErrorCode;
  readonly field: string | undefined;

  constructor(code: OracleErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/** True when `e` is an OracleError (works across bundle copies, where instanceof may not). */
export function isOracleError(e: unknown): e is OracleError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "OracleError" &&
    typeof (e as { code?: unknown }).code === "string"
  );
}
