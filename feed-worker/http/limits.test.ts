import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { RATE_LIMIT_PER_MINUTE } from "./limits";

const T0 = new Date("2026-11-24T06:15:00Z");

/**
 * Measured slack: 0. Miniflare's local limiter (miniflare/dist/src/workers/ratelimit) is an exact
 * fixed-window counter keyed by Math.floor(Date.now() / 60 s): the 101st request in a window is the
 * first 429, every time. The only way to see more is a window rollover during the burst, which the
 * test detects (the clock's minute changed) and then repeats with a fresh key; it never widens the bound.
 * (Cloudflare's production limiter is eventually consistent per location and may let a few more through.)
 */
const SLACK = 0;
const CAP = RATE_LIMIT_PER_MINUTE + SLACK + 50;

describe("rate limit: 100 requests / 60 s per client on computed endpoints (RATE_LIMITER binding)", () => {
  let h: FeedHarness;
  const price = (key: string, header = "cf-connecting-ip") =>
    h.request("/v1/price", { method: "POST", headers: { "content-type": "application/json", [header]: key }, body: JSON.stringify({ model: "GPT-4.1", n_in: 1000, n_out: 100 }) });

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  /** Sends until the first 429 (or CAP); the 1-based index of that 429, and whether a window rolled over. */
  async function burst(key: string, header?: string): Promise<{ first429: number | null; rolled: boolean; last: Response | null; okStatuses: Set<number> }> {
    const minute = Math.floor(Date.now() / 60_000);
    const okStatuses = new Set<number>();
    for (let i = 1; i <= CAP; i++) {
      const res = await price(key, header);
      if (res.status === 429) return { first429: i, rolled: Math.floor(Date.now() / 60_000) !== minute, last: res, okStatuses };
      okStatuses.add(res.status);
      await res.arrayBuffer();
    }
    return { first429: null, rolled: Math.floor(Date.now() / 60_000) !== minute, last: null, okStatuses };
  }

  let exhaustedKey = "";
  it(`the first 429 comes after at least ${RATE_LIMIT_PER_MINUTE} and at most ${RATE_LIMIT_PER_MINUTE} + ${SLACK} requests`, async () => {
    let r: Awaited<ReturnType<typeof burst>> | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      exhaustedKey = `198.51.100.${attempt + 1}`;
      r = await burst(exhaustedKey);
      if (!r.rolled) break;
    }
    expect(r!.rolled).toBe(false);
    // Every request before the 429 reached the handler and priced the task.
    expect([...r!.okStatuses]).toEqual([200]);
    expect(r!.first429).not.toBeNull();
    expect(r!.first429! - 1).toBeGreaterThanOrEqual(RATE_LIMIT_PER_MINUTE);
    expect(r!.first429! - 1).toBeLessThanOrEqual(RATE_LIMIT_PER_MINUTE + SLACK);
    const res = r!.last!;
    expect(res.headers.get("retry-after")).toBe("60");
    // Browsers can read the code and Retry-After cross-origin.
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("E_RATE_LIMIT");
    expect(body.error.message).toMatch(/100 requests per minute/);
  });

  it("the limit is per client: the exhausted client stays limited on price and compare, another is served", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const key = `198.51.100.${attempt + 11}`;
      const minute = Math.floor(Date.now() / 60_000);
      const r = await burst(key);
      const compare = await h.request("/v1/compare", { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": key }, body: JSON.stringify({ n_in: 1, n_out: 1 }) });
      const other = await price("203.0.113.9");
      if (r.rolled || Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(r.first429).toBe(RATE_LIMIT_PER_MINUTE + SLACK + 1);
      expect(compare.status).toBe(429);
      expect(other.status).toBe(200);
      return;
    }
    throw new Error("three minute rollovers in a row");
  });

  it("x-forwarded-for's first address is the client key when cf-connecting-ip is absent", async () => {
    let r: Awaited<ReturnType<typeof burst>> | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      r = await burst(`192.0.2.${attempt + 1}, 10.0.0.1`, "x-forwarded-for");
      if (!r.rolled) break;
    }
    expect(r!.first429).toBe(RATE_LIMIT_PER_MINUTE + SLACK + 1);
  });

  it("read endpoints are not rate-limited: 150 GETs from an exhausted client all answer 200", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const res = await h.request(i % 2 ? "/v1/spots" : "/v1/models/GPT-4.1", { headers: { "cf-connecting-ip": exhaustedKey } });
      statuses.add(res.status);
      await res.arrayBuffer();
    }
    expect([...statuses]).toEqual([200]);
  });
});
