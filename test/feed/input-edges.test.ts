import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, type FeedHarness } from "../../harness/feed-harness";

type Err = { error: { code: string; message: string; field?: string } };

/** The small findings of issue 16 item 11, each against the app in-process with a published snapshot. */
describe("input edges: media types, echoes, numbers, messages, caching (issue 16 item 11)", () => {
  let h: FeedHarness;
  const post = (path: string, body: unknown, type = "application/json") =>
    h.request(path, { method: "POST", headers: { "content-type": type }, body: JSON.stringify(body) });
  beforeAll(async () => {
    h = await publishedHarness();
  });
  afterAll(() => h.dispose());

  it("application/json-evil is 415; application/json; charset=utf-8 and application/x+json are JSON", async () => {
    const task = { model: "GPT-4.1", n_in: 10, n_out: 10 };
    const evil = await post("/v1/price", task, "application/json-evil");
    expect([evil.status, ((await evil.json()) as Err).error.code]).toEqual([415, "E_UNSUPPORTED_MEDIA"]);
    expect((await post("/v1/price", task, "application/json; charset=utf-8")).status).toBe(200);
    expect((await post("/v1/price", task, "application/merge-patch+json")).status).toBe(200);
  });

  it("a 60,000-character ticker is a 404 of under 1 KB that does not repeat it", async () => {
    const long = "T".repeat(60_000);
    for (const path of [`/v1/models/${long}`, `/v1/forwards/${long}`, `/v1/nothing/${long}`]) {
      const res = await h.request(path);
      const text = await res.text();
      expect(res.status, path.slice(0, 20)).toBe(404);
      expect(text.length).toBeLessThan(1024);
    }
  });

  it("?t=0x10 is not 16 years: E_NOT_FINITE; ?t=0.25 and ?t=1e0 still price", async () => {
    for (const t of ["0x10", "0b11", "Infinity", ""]) {
      const res = await h.request(`/v1/forwards/GPT-4.1?t=${t}`);
      expect([res.status, ((await res.json()) as Err).error.code], t).toEqual([400, "E_NOT_FINITE"]);
    }
    expect((await h.request("/v1/forwards/GPT-4.1?t=0.25&t=1e0")).status).toBe(200);
  });

  it("fractional n_in and max_tokens are 400 naming the field; 1e308 still reaches the overflow check", async () => {
    for (const [body, field] of [
      [{ model: "GPT-4.1", n_in: 1000.5, n_out: 10 }, "n_in"],
      [{ model: "GPT-4.1", n_in: 1000, max_tokens: 99.9 }, "max_tokens"],
    ] as const) {
      const e = ((await (await post("/v1/price", body)).json()) as Err).error;
      expect([e.code, e.field, e.message]).toEqual(["E_BAD_TYPE", field, `${field} must be a whole number of tokens`]);
    }
    const big = ((await (await post("/v1/price", { model: "GPT-4.1", n_in: 1e308, n_out: 1e308 })).json()) as Err)
      .error;
    expect(big.code).toBe("E_NOT_FINITE");
  });

  it("theta_shift_gt: -1 says it must be > 0, not 'too short'", async () => {
    const res = await post("/v1/webhooks", { url: "https://hooks.example.com/", filter: { theta_shift_gt: -1 } });
    const e = ((await res.json()) as Err).error;
    expect([res.status, e.code, e.message]).toEqual([400, "E_BAD_TYPE", "filter.theta_shift_gt must be > 0"]);
  });

  it("/v1/openapi.json has an ETag (304 on it) and Cache-Control; /v1/health is no-store", async () => {
    const doc = await h.request("/v1/openapi.json");
    expect(doc.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = doc.headers.get("etag")!;
    expect(etag).toMatch(/^"c/);
    expect((await h.request("/v1/openapi.json", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await h.request("/v1/health")).headers.get("cache-control")).toBe("no-store");
  });
});
