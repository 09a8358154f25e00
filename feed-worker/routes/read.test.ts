import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickerForward } from "../../oracle-core/forecast";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import type { GreekRow } from "../../oracle-core/schemas";
import registry from "../../data/registry.json";

const T0 = new Date("2026-11-24T06:15:00Z");

type Stamped<T> = { data: T; oracle_timestamp: string; snapshot_version: number };
type Derived = { annual_decline: number; half_life_years: number | null; tokens_per_usd: number | null };

/** The unsigned display fields follow from θ and β alone (MATH.md §3, §5.4). */
function expectDerived(r: GreekRow & Derived): void {
  expect(r.annual_decline).toBeCloseTo(1 - Math.exp(-r.theta), 12);
  if (r.theta > 0) expect(r.half_life_years).toBeCloseTo(Math.LN2 / r.theta, 9);
  else expect(r.half_life_years).toBeNull();
  if (r.beta > 0) expect(r.tokens_per_usd).toBeCloseTo(1e6 / r.beta, 6);
}

type ErrorBody = { error: { code: string; message: string; field?: string; suggestions?: string[] } };

describe("GET endpoints on the published v1 snapshot", () => {
  let h: FeedHarness;
  let payload: SnapshotPayload;
  const get = async <T>(path: string, init?: RequestInit) => {
    const res = await h.request(path, init);
    return { res, json: (await res.json()) as T };
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("/v1/snapshot is the signed envelope itself, with X-Exostream-Version and X-Oracle-Timestamp", async () => {
    const { res, json } = await get<{
      payloadType: string;
      payload: string;
      signatures: { keyid: string; sig: string }[];
    }>("/v1/snapshot");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.payloadType).toMatch(/^application\/vnd\.exostream\.snapshot\+json/);
    expect(json.signatures.length).toBeGreaterThan(0);
    payload = JSON.parse(Buffer.from(json.payload, "base64").toString("utf8")) as SnapshotPayload;
    expect(payload.version).toBe(1);
    expect(payload.issued_at).toBe(T0.toISOString());
    expect(res.headers.get("x-exostream-version")).toBe("1");
    expect(res.headers.get("x-oracle-timestamp")).toBe(payload.issued_at);
  });

  it("/v1/spots: every ticker with β sync and batch; GPT-4.1 is 8 and 4", async () => {
    const { res, json } =
      await get<Stamped<{ ticker: string; beta_sync: number; beta_batch: number | null }[]>>("/v1/spots");
    expect(res.status).toBe(200);
    expect(json.oracle_timestamp).toBe(T0.toISOString());
    expect(json.snapshot_version).toBe(1);
    expect(json.data.length).toBe(registry.models.length);
    expect(json.data.find((r) => r.ticker === "GPT-4.1")).toMatchObject({ beta_sync: 8, beta_batch: 4 });
    // A row without a batch API has beta_batch null.
    expect(json.data.find((r) => r.ticker === "DEEPSEEK-V3")!.beta_batch).toBeNull();
  });

  it("/v1/greeks: the full sheet, the signed payload's rows plus derived display fields", async () => {
    const { res, json } = await get<Stamped<(GreekRow & Derived)[]>>("/v1/greeks");
    expect(res.status).toBe(200);
    expect(json.snapshot_version).toBe(1);
    expect(json.oracle_timestamp).toBe(payload.issued_at);
    expect(json.data.map((r) => r.ticker)).toEqual(payload.models.map((m) => m.ticker));
    json.data.forEach((r, i) => {
      expect(r).toMatchObject(payload.models[i]!);
      expectDerived(r);
    });
    // GPT-4.1 by hand: 1e6/8 output tokens per USD, 1e4/8 per cent.
    expect(json.data.find((r) => r.ticker === "GPT-4.1")).toMatchObject({
      tokens_per_usd: 125000,
      tokens_per_cent: 1250,
    });
  });

  it("/v1/models/:ticker is case-insensitive and percent-decoded, and returns the row", async () => {
    const expected = payload.models.find((m) => m.ticker === "GPT-4.1")!;
    for (const path of ["/v1/models/gpt-4.1", "/v1/models/GPT-4.1", "/v1/models/Gpt%2D4%2E1"]) {
      const { res, json } = await get<Stamped<GreekRow & Derived>>(path);
      expect(res.status).toBe(200);
      expect(json.data).toMatchObject(expected);
      expectDerived(json.data);
      expect(json.data.sources.length).toBeGreaterThan(0);
      expect(json.data.status).toBe(expected.status);
      expect(json.data.beta).toBe(8);
      expect(json.snapshot_version).toBe(1);
      expect(json.oracle_timestamp).toBe(payload.issued_at);
    }
  });

  it("/v1/models/GPT-4.2 → 404 E_UNKNOWN_TICKER suggesting GPT-4.1", async () => {
    const { res, json } = await get<ErrorBody>("/v1/models/GPT-4.2");
    expect(res.status).toBe(404);
    expect(json.error.code).toBe("E_UNKNOWN_TICKER");
    expect(json.error.suggestions).toContain("GPT-4.1");
    expect(json.error.message).toContain("GPT-4.1");
  });

  it("a ticker that is not valid percent-encoding (%25, %E0%A4%A) is a 404, not a 500", async () => {
    for (const path of ["/v1/models/%25", "/v1/models/%E0%A4%A", "/v1/forwards/100%25", "/v1/history/%25%25"]) {
      const { res, json } = await get<ErrorBody>(path);
      expect(res.status).toBe(404);
      expect(json.error.code).toBe("E_UNKNOWN_TICKER");
    }
  });

  it("/v1/forwards/GPT-4.1: t=0 gives β = 8; other t give the lifecycle forward; θ and σ are family statistics", async () => {
    const row = payload.models.find((m) => m.ticker === "GPT-4.1")!;
    type Point = { t: number; beta_forward: number; median: number | null; p_change: number | null };
    const { res, json } = await get<
      Stamped<{
        spot: number;
        model: string;
        forwards: Record<string, number>;
        custom: Point[];
        family_statistics: { theta: number };
      }>
    >("/v1/forwards/GPT-4.1?t=0&t=0.5");
    expect(res.status).toBe(200);
    expect(json.snapshot_version).toBe(1);
    expect(json.oracle_timestamp).toBe(payload.issued_at);
    expect(json.data.spot).toBe(8);
    expect(json.data.model).toMatch(/^lifecycle-hazard/);
    expect(json.data.family_statistics.theta).toBe(row.theta);
    expect(json.data.custom).toHaveLength(2);
    expect(json.data.custom[0]).toMatchObject({ t: 0, beta_forward: 8, median: 8, p_change: 0 });
    // Nothing is announced for GPT-4.1, so its median stays at spot; the forward is oracle-core's expected price.
    const half = json.data.custom[1]!;
    expect(half.t).toBe(0.5);
    expect(half.median).toBe(8);
    // (the view rounds the law's summary to 5 significant digits)
    expect(Math.abs(half.beta_forward / tickerForward(row, payload.valuation_date, 0.5) - 1)).toBeLessThan(1e-4);
    expect(half.p_change).toBeGreaterThan(0);
    expect(half.p_change).toBeLessThan(1);
    // The tenors are the signed row's forwards (6 significant digits of the same function).
    const years: Record<string, number> = { "1M": 1 / 12, "3M": 0.25, "6M": 0.5, "12M": 1 };
    for (const [k, t] of Object.entries(years)) {
      expect(json.data.forwards[k]).toBe(row.forwards[k as keyof typeof row.forwards]);
      expect(json.data.forwards[k]).toBeCloseTo(tickerForward(row, payload.valuation_date, t), 4);
    }
  });

  it.each([
    ["t=-1", "E_NEG_TENOR"],
    ["t=abc", "E_NOT_FINITE"],
    ["t=", "E_NOT_FINITE"],
    ["t=Infinity", "E_NOT_FINITE"],
    ["t=31", "E_BAD_HORIZON"],
  ])("/v1/forwards/GPT-4.1?%s → 400 %s (field t)", async (q, code) => {
    const { res, json } = await get<ErrorBody>(`/v1/forwards/GPT-4.1?${q}`);
    expect(res.status).toBe(400);
    expect(json.error).toMatchObject({ code, field: "t" });
  });

  it("/v1/sources: the six bundled sources, healthy, with the raw sha256", async () => {
    const { res, json } =
      await get<Stamped<{ source: string; healthy: boolean; last_sha256: string; reasons: unknown }[]>>("/v1/sources");
    expect(res.status).toBe(200);
    expect(json.snapshot_version).toBe(1);
    expect(json.oracle_timestamp).toBe(payload.issued_at);
    expect(json.data.map((s) => s.source).sort()).toEqual([
      "genai-prices",
      "litellm",
      "llm-prices",
      "llm-prices-historical",
      "models-dev",
      "openrouter",
    ]);
    for (const s of json.data) {
      expect(s.healthy).toBe(true);
      expect(s.last_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Array.isArray(s.reasons)).toBe(true);
    }
  });

  it("/.well-known/exostream-keys.json: the keyset chain; /v1/openapi.json lists every route", async () => {
    const keys = await get<{ keysets: { payloadType: string }[] }>("/.well-known/exostream-keys.json");
    expect(keys.res.status).toBe(200);
    expect(keys.json.keysets[0]!.payloadType).toMatch(/keyset/);
    const doc = await get<{ openapi: string; paths: Record<string, object> }>("/v1/openapi.json");
    expect(doc.json.openapi).toBe("3.1.0");
    for (const p of [
      "/v1/snapshot",
      "/v1/spots",
      "/v1/greeks",
      "/v1/models/{ticker}",
      "/v1/forwards/{ticker}",
      "/v1/history/{ticker}",
      "/v1/price",
      "/v1/compare",
      "/v1/sources",
    ]) {
      expect(Object.keys(doc.json.paths)).toContain(p);
    }
  });

  describe("ETag, 304 and Cache-Control", () => {
    const paths = [
      "/v1/snapshot",
      "/v1/spots",
      "/v1/greeks",
      "/v1/models/GPT-4.1",
      "/v1/forwards/GPT-4.1?t=0.5",
      "/v1/history/GPT-4.1",
      "/v1/sources",
      "/.well-known/exostream-keys.json",
    ];

    it.each(paths)("%s: If-None-Match of its ETag → 304 with no body; Cache-Control on the 200", async (path) => {
      const first = await h.request(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(first.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
      await first.arrayBuffer();
      const again = await h.request(path, { headers: { "if-none-match": etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      // A weak comparison and a list also match; a stale tag gets the body.
      expect((await h.request(path, { headers: { "if-none-match": `"nope", W/${etag}` } })).status).toBe(304);
      const stale = await h.request(path, { headers: { "if-none-match": '"v0-stale"' } });
      expect(stale.status).toBe(200);
      expect((await stale.text()).length).toBeGreaterThan(0);
    });

    it("the same body gives the same ETag; different routes give different ETags", async () => {
      const tags = await Promise.all(paths.map(async (p) => (await h.request(p)).headers.get("etag")));
      expect(new Set(tags).size).toBe(paths.length);
      expect((await h.request("/v1/spots")).headers.get("etag")).toBe(tags[1]);
      const t05 = (await h.request("/v1/forwards/GPT-4.1?t=0.5")).headers.get("etag");
      const t1 = (await h.request("/v1/forwards/GPT-4.1?t=1")).headers.get("etag");
      expect(t05).not.toBe(t1);
    });

    it("HEAD answers like GET without a body", async () => {
      const res = await h.request("/v1/greeks", { method: "HEAD" });
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toMatch(/^"v1-/);
      expect(await res.text()).toBe("");
    });
  });
});

describe("before the first publish", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await feedHarness();
  });
  afterAll(() => h.dispose());

  it("read endpoints answer 503 E_NO_SNAPSHOT (a stable code, not a crash)", async () => {
    for (const path of ["/v1/snapshot", "/v1/spots", "/v1/models/GPT-4.1", "/.well-known/exostream-keys.json"]) {
      const res = await h.request(path);
      expect(res.status).toBe(503);
      expect(((await res.json()) as ErrorBody).error.code).toBe("E_NO_SNAPSHOT");
    }
  });
});
