import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "../../api-core";
import { OracleError } from "../../oracle-core";
import { handleError } from "./api-error";

describe("handleError: stable codes, never a stack", () => {
  const app = new Hono();
  app.onError(handleError);
  app.get("/api", () => {
    throw new ApiError(400, "E_ETA_RANGE", "eta must be between 0 and 1", "eta", undefined, { "X-Extra": "1" });
  });
  app.get("/oracle", () => {
    throw new OracleError("E_NEG_TOKENS", "n_in must be >= 0 tokens, got -1", "n_in");
  });
  app.get("/ticker", () => {
    throw new OracleError("E_UNKNOWN_TICKER", "unknown ticker", "model");
  });
  app.get("/type", () => {
    (undefined as unknown as { x: number }).x;
    return new Response("unreachable");
  });
  app.get("/http", () => {
    throw new HTTPException(400, { message: "at handler (/src/secret.ts:1:1)" });
  });
  const get = async (p: string) => {
    const res = await app.request(p);
    return { res, text: await res.text() };
  };

  it("ApiError: its status, {error:{code,message,field}} and its headers", async () => {
    const { res, text } = await get("/api");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-extra")).toBe("1");
    expect(JSON.parse(text)).toEqual({
      error: { code: "E_ETA_RANGE", message: "eta must be between 0 and 1", field: "eta" },
    });
  });

  it("OracleError: 400 with its MATH.md §13 code; E_UNKNOWN_TICKER is a 404", async () => {
    const a = await get("/oracle");
    expect(a.res.status).toBe(400);
    expect(JSON.parse(a.text)).toEqual({
      error: { code: "E_NEG_TOKENS", message: "n_in must be >= 0 tokens, got -1", field: "n_in" },
    });
    expect((await get("/ticker")).res.status).toBe(404);
  });

  it("an unexpected TypeError → 500 E_INTERNAL without its name, message or stack", async () => {
    const { res, text } = await get("/type");
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: "E_INTERNAL", message: "internal error; the published snapshot is unaffected" },
    });
    expect(text).not.toMatch(/TypeError|undefined|\.ts|at /);
  });

  it("a framework 4xx keeps its status but not its message", async () => {
    const { res, text } = await get("/http");
    expect(res.status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      error: { code: "E_BAD_REQUEST", message: "the request could not be processed" },
    });
  });
});
