import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";

const T0 = new Date("2026-11-24T06:15:00Z");

const ORIGIN = "https://dashboard.example";
const JSON_POST = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", origin: ORIGIN },
  body: JSON.stringify(body),
});

/** X-Frame-Options DENY, CSP frame-ancestors 'none', nosniff (SPEC §10). */
function expectSecure(res: Response, label: string): void {
  expect(res.headers.get("x-frame-options"), label).toBe("DENY");
  expect(res.headers.get("content-security-policy") ?? "", label).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
}

describe("CORS, security headers and 405 on the public API", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("OPTIONS preflight on /v1/price: 204, Access-Control-Allow-Origin *, allows POST and Content-Type", async () => {
    const res = await h.request("/v1/price", {
      method: "OPTIONS",
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")!.split(/\s*,\s*/)).toContain("POST");
    expect(
      res.headers
        .get("access-control-allow-headers")!
        .toLowerCase()
        .split(/\s*,\s*/),
    ).toContain("content-type");
    expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(await res.text()).toBe("");
  });

  it("preflight on /v1/compare allows POST too; on a GET route it allows GET", async () => {
    for (const [path, method] of [
      ["/v1/compare", "POST"],
      ["/v1/spots", "GET"],
      ["/v1/history/GPT-4.1", "GET"],
    ] as const) {
      const res = await h.request(path, {
        method: "OPTIONS",
        headers: { origin: ORIGIN, "access-control-request-method": method },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")!.split(/\s*,\s*/)).toContain(method);
    }
  });

  const GETS = [
    "/v1/snapshot",
    "/v1/widget-view",
    "/v1/spots",
    "/v1/greeks",
    "/v1/models/GPT-4.1",
    "/v1/forwards/GPT-4.1?t=1",
    "/v1/history/GPT-4.1",
    "/v1/sources",
    "/v1/openapi.json",
    "/.well-known/exostream-keys.json",
  ];

  it.each(GETS)("GET %s: 200 with ACAO * and the security headers", async (path) => {
    const res = await h.request(path, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expectSecure(res, path);
  });

  it("ETag is exposed to cross-origin scripts", async () => {
    const res = await h.request("/v1/spots", { headers: { origin: ORIGIN } });
    expect(res.headers.get("access-control-expose-headers")).toMatch(/ETag/);
  });

  it("POST responses (200 and 4xx) carry ACAO * and the security headers", async () => {
    const cases: [string, RequestInit, number][] = [
      ["/v1/price", JSON_POST({ model: "GPT-4.1", n_in: 10, n_out: 10 }), 200],
      ["/v1/compare", JSON_POST({ n_in: 10, n_out: 10 }), 200],
      ["/v1/price", JSON_POST({ model: "GPT-4.1", n_in: 10, eta: 2 }), 400],
      ["/v1/price", JSON_POST({ model: "NOPE", n_in: 10 }), 404],
      ["/v1/price", { method: "POST", headers: { "content-type": "text/plain", origin: ORIGIN }, body: "x" }, 415],
      ["/v1/price", JSON_POST({ model: "GPT-4.1", pad: "x".repeat(17_000) }), 413],
    ];
    for (const [path, init, status] of cases) {
      const res = await h.request(path, init);
      expect(res.status, `${path} ${status}`).toBe(status);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expectSecure(res, `${path} → ${status}`);
    }
  });

  it.each([
    ["DELETE", "/v1/greeks", "GET, HEAD, OPTIONS", "GET"],
    ["GET", "/v1/price", "POST, OPTIONS", "POST"],
    ["PUT", "/v1/snapshot", "GET, HEAD, OPTIONS", "GET"],
    ["POST", "/v1/spots", "GET, HEAD, OPTIONS", "GET"],
    ["PATCH", "/v1/models/GPT-4.1", "GET, HEAD, OPTIONS", "GET"],
    ["GET", "/v1/compare", "POST, OPTIONS", "POST"],
    ["DELETE", "/.well-known/exostream-keys.json", "GET, HEAD, OPTIONS", "GET"],
  ])("%s %s → 405 E_METHOD with Allow: %s, and the security headers", async (method, path, allow, use) => {
    const res = await h.request(path, { method, headers: { origin: ORIGIN } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("E_METHOD");
    expect(body.error.message).toContain(`use ${use}`);
    expectSecure(res, `${method} ${path}`);
  });

  it("404 E_NOT_FOUND for an unknown path, with the security headers (also outside /v1)", async () => {
    for (const path of ["/v1/nothing", "/v1/models", "/v2/spots", "/admin"]) {
      const res = await h.request(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("E_NOT_FOUND");
      expectSecure(res, path);
    }
  });

  it("the embed routes are left frameable (no X-Frame-Options DENY, no frame-ancestors 'none')", async () => {
    const res = await h.request("/embed/ticker/GPT-4.1");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("content-security-policy") ?? "").not.toMatch(/frame-ancestors 'none'/);
  });
});
