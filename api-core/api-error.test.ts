import { describe, expect, it } from "vitest";
import { OracleError } from "../oracle-core";
import { ApiError, apiErrorOf, errorBody } from "./api-error";

describe("api-core errors: one body and one status rule for REST and MCP", () => {
  it("errorBody omits an absent field and spreads extras (suggestions)", () => {
    expect(errorBody("E_X", "m")).toEqual({ error: { code: "E_X", message: "m" } });
    expect(errorBody("E_X", "m", "f", { suggestions: ["A"] })).toEqual({
      error: { code: "E_X", message: "m", field: "f", suggestions: ["A"] },
    });
  });

  it("apiErrorOf: ApiError as is; OracleError keeps its §13 code and field, 404 only for an unknown ticker", () => {
    const a = new ApiError(429, "E_RATE_LIMIT", "slow down", undefined, undefined, { "Retry-After": "60" });
    expect(apiErrorOf(a)).toBe(a);
    const neg = apiErrorOf(new OracleError("E_NEG_TOKENS", "n_in must be >= 0 tokens, got -1", "n_in"))!;
    expect([neg.status, neg.code, neg.message, neg.field]).toEqual([
      400,
      "E_NEG_TOKENS",
      "n_in must be >= 0 tokens, got -1",
      "n_in",
    ]);
    expect(apiErrorOf(new OracleError("E_UNKNOWN_TICKER", "unknown ticker", "model"))!.status).toBe(404);
  });

  it("apiErrorOf: anything uncoded is null, so the transport answers E_INTERNAL without its message", () => {
    expect(apiErrorOf(new TypeError("Cannot read properties of undefined"))).toBeNull();
    expect(apiErrorOf({ code: "E_SOMETHING", message: "a look-alike is not trusted" })).toBeNull();
    expect(apiErrorOf("E_ETA_RANGE")).toBeNull();
  });
});
