// taskIssues lists every rule a request breaks with the rules priceTask applies: empty exactly when priceTask
// prices the request, and its first issue is the error priceTask throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { priceTask, resolveRequest, type PricingRow, type TaskRequest } from "./price-task";
import { taskIssues } from "./task-issues";

// Sonnet 4's prices (MATH.md §2 worked example).
const ROW: PricingRow = {
  ticker: "SONNET-4",
  beta: 15,
  r_in: 0.2,
  r_cache: 0.02,
  r_think: 1,
  r_batch: 0.5,
  cache_write_mult: { "5m": 1.25, "1h": 2 },
  tiers: [],
  theta: 0.4,
  scheduled: [],
  max_output: 64_000,
};
const codes = (req: TaskRequest, row?: { max_output: number }) =>
  taskIssues(req, row).map((i) => `${i.code} ${i.field}`);

describe("taskIssues", () => {
  it("lists every broken rule at once, each on its field", () => {
    expect(codes({ n_in: -5, n_out: Number.NaN, eta: 1.5, omega: 0 })).toEqual([
      "E_NEG_TOKENS n_in",
      "E_NOT_FINITE n_out",
      "E_ETA_RANGE eta",
    ]);
    // ω is checked against a valid η: 60% + 50% > 100%.
    expect(codes({ n_in: 30000, n_out: 800, eta: 0.6, omega: 0.5 })).toEqual(["E_CACHE_FRACTIONS omega"]);
    expect(codes({ n_in: 30000, n_out: 800, eta: 0.6, omega: 0.4 })).toEqual([]);
    expect(codes({ n_in: 1, n_out: 1, mode: "turbo", cache_ttl: "2h", horizon: "2Y" })).toEqual([
      "E_BAD_CACHE_WRITE cache_ttl",
      "E_BAD_HORIZON horizon",
      "E_BAD_MODE mode",
    ]);
    expect(codes({ n_in: 1, max_tokens: 0 })).toEqual(["E_MAX_TOKENS max_tokens"]);
  });

  it("words each rule for a form, beside the API's message", () => {
    const [eta] = taskIssues({ n_in: 30000, n_out: 800, eta: 1.5 });
    expect(eta).toEqual({
      code: "E_ETA_RANGE",
      field: "eta",
      message: "eta (cache-hit fraction) must be in [0,1], got 1.5",
      rule: "must be between 0% and 100%",
    });
    expect(taskIssues({ n_in: Number.NaN })[0]!.rule).toBe("is required (a number)");
  });

  it("with a row, n_out above the model's max output is E_MAX_TOKENS (a form's check: priceTask prices it)", () => {
    expect(codes({ n_in: 1, n_out: 32_769 }, { max_output: 32_768 })).toEqual(["E_MAX_TOKENS n_out"]);
    expect(codes({ n_in: 1, n_out: 32_768 }, { max_output: 32_768 })).toEqual([]);
    const [tooLong] = taskIssues({ n_in: 1, n_out: 40_000 }, { max_output: 32_768 });
    expect(tooLong!.rule).toBe("must be at most 32768 tokens: the model answers no more");
    expect(() => resolveRequest({ n_in: 1, n_out: 40_000 })).not.toThrow();
  });

  it("agrees with priceTask on any request: empty when it prices it, else its error first", () => {
    const n = fc.oneof(
      fc.double({ min: -2, max: 2 }),
      fc.integer({ min: -10, max: 100_000 }),
      fc.constantFrom(Number.NaN, Infinity),
    );
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const req = fc.record({
      n_in: n,
      n_out: opt(n),
      n_think: opt(n),
      eta: opt(n),
      omega: opt(n),
      mode: opt(fc.constantFrom("sync", "batch", "turbo")),
      cache_ttl: opt(fc.constantFrom("5m", "1h", "2h")),
      horizon: opt(fc.oneof(fc.constantFrom("spot", "1M", "3M", "2Y"), fc.double({ min: -1, max: 2 }))),
      max_tokens: opt(n),
    });
    fc.assert(
      fc.property(req, (r) => {
        let thrown = "none";
        try {
          priceTask(ROW, r, "2026-08-21");
        } catch (e) {
          thrown = isOracleError(e) ? `${e.code} ${e.field}` : String(e);
        }
        expect(codes(r)[0] ?? "none").toBe(thrown);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
