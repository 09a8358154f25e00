import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-error";
import { parseWith } from "./parse-with";
import { CompareRequestSchema, PriceRequestSchema } from "../oracle-core/schemas";

/** The ApiError parseWith throws for a body (or null when it parses). */
function errorOf(
  schema: z.ZodType,
  body: unknown,
): { status: number; code: string; field: string | undefined; message: string } | null {
  try {
    parseWith(schema, body);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    const a = e as ApiError;
    return { status: a.status, code: a.code, field: a.field, message: a.message };
  }
}

describe("parseWith: the first zod issue → a stable code and the field", () => {
  it.each([
    [{ model: "GPT-4.1", n_in: "abc" }, "E_NOT_FINITE", "n_in"],
    [{ model: "GPT-4.1", n_in: null }, "E_NOT_FINITE", "n_in"],
    [{ model: "GPT-4.1", n_in: true }, "E_NOT_FINITE", "n_in"],
    [{ model: "GPT-4.1", eta: "NaN" }, "E_NOT_FINITE", "eta"],
    [{ model: "GPT-4.1", n_out: Infinity }, "E_NOT_FINITE", "n_out"],
    [{ model: "GPT-4.1", n_out: [1] }, "E_NOT_FINITE", "n_out"],
    [{ n_in: 1 }, "E_MISSING_FIELD", "model"],
    [{ model: 42 }, "E_BAD_TYPE", "model"],
    [{ model: "" }, "E_BAD_TYPE", "model"],
    [{ model: "X".repeat(65) }, "E_BAD_TYPE", "model"],
    [{ model: "GPT-4.1", mode: 1 }, "E_BAD_MODE", "mode"],
    [{ model: "GPT-4.1", cache_ttl: {} }, "E_BAD_CACHE_WRITE", "cache_ttl"],
    [{ model: "GPT-4.1", horizon: "2Y" }, "E_BAD_HORIZON", "horizon"],
    [{ model: "GPT-4.1", horizon: true }, "E_BAD_HORIZON", "horizon"],
    [{ model: "GPT-4.1", temperature: 0 }, "E_UNKNOWN_FIELD", "temperature"],
    [{ model: "GPT-4.1", prompt: 5 }, "E_BAD_TYPE", "prompt"],
  ])("%j → %s on %s", (body, code, field) => {
    const e = errorOf(PriceRequestSchema, body)!;
    expect(e).toMatchObject({ status: 400, code, field });
    // A sentence of our own, never zod's wording or a dump of the issue.
    expect(e.message).not.toMatch(/Invalid input|expected .* received|\[|\{/);
  });

  it("compare: a non-array models list and a non-string entry", () => {
    expect(errorOf(CompareRequestSchema, { models: "GPT-4.1" })).toMatchObject({ code: "E_BAD_TYPE", field: "models" });
    expect(errorOf(CompareRequestSchema, { models: ["GPT-4.1", 7] })).toMatchObject({
      code: "E_BAD_TYPE",
      field: "models.1",
    });
  });

  it("valid bodies pass through unchanged", () => {
    expect(errorOf(PriceRequestSchema, { model: "GPT-4.1", n_in: 1, n_out: 2, eta: 0.5, horizon: "3M" })).toBeNull();
    expect(parseWith(PriceRequestSchema, { model: "GPT-4.1", horizon: 0.5 })).toEqual({
      model: "GPT-4.1",
      horizon: 0.5,
    });
  });
});
