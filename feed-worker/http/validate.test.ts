import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { z } from "zod";
import { ApiError, handleError } from "./api-error";
import { parseWith, readJsonBody } from "./validate";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas/api";

/** The ApiError parseWith throws for a body (or null when it parses). */
function errorOf(schema: z.ZodType, body: unknown): { status: number; code: string; field: string | undefined; message: string } | null {
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
    expect(errorOf(CompareRequestSchema, { models: ["GPT-4.1", 7] })).toMatchObject({ code: "E_BAD_TYPE", field: "models.1" });
  });

  it("valid bodies pass through unchanged", () => {
    expect(errorOf(PriceRequestSchema, { model: "GPT-4.1", n_in: 1, n_out: 2, eta: 0.5, horizon: "3M" })).toBeNull();
    expect(parseWith(PriceRequestSchema, { model: "GPT-4.1", horizon: 0.5 })).toEqual({ model: "GPT-4.1", horizon: 0.5 });
  });
});

describe("readJsonBody", () => {
  const app = new Hono();
  app.onError(handleError);
  app.post("/", async (c) => c.json({ got: await readJsonBody(c) }));
  const send = async (body: string, type?: string) => {
    const res = await app.request("/", { method: "POST", body, headers: type === undefined ? {} : { "content-type": type } });
    return { status: res.status, json: (await res.json()) as { got?: unknown; error?: { code: string } } };
  };

  it("accepts application/json, with a charset, and +json media types", async () => {
    for (const t of ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.api+json"]) {
      expect(await send('{"a":1}', t)).toEqual({ status: 200, json: { got: { a: 1 } } });
    }
  });

  it("415 E_UNSUPPORTED_MEDIA for other or missing content types", async () => {
    for (const t of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", "multipart/form-data; boundary=x", ""]) {
      expect(await send('{"a":1}', t)).toEqual({ status: 415, json: { error: expect.objectContaining({ code: "E_UNSUPPORTED_MEDIA" }) } });
    }
  });

  it("400 E_BAD_JSON for unparsable text; 400 E_BAD_TYPE for JSON that is not an object", async () => {
    for (const b of ["", "{", "{'a':1}", "NaN", '{"a":1}x']) expect((await send(b, "application/json")).json.error?.code).toBe("E_BAD_JSON");
    for (const b of ["[]", "null", "1", '"s"', "true"]) expect((await send(b, "application/json")).json.error?.code).toBe("E_BAD_TYPE");
  });
});
