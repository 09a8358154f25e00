import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { clientIpSource, RATE_LIMIT_PER_MINUTE } from "./limits";

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

describe("which header names the client (the trust model)", () => {
  it("production trusts CF-Connecting-IP (Cloudflare's edge overwrites it); local and self-hosted trust nothing", () => {
    expect(clientIpSource({ ENVIRONMENT: "production" })).toBe("cf-connecting-ip");
    expect(clientIpSource({ ENVIRONMENT: "local" })).toBe("none");
    expect(clientIpSource({})).toBe("none");
    expect(clientIpSource({ ENVIRONMENT: "production", CLIENT_IP_HEADER: "none" })).toBe("none");
    expect(clientIpSource({ ENVIRONMENT: "local", CLIENT_IP_HEADER: "X-Forwarded-For" })).toBe("x-forwarded-for");
    expect(clientIpSource({ ENVIRONMENT: "local", CLIENT_IP_HEADER: "true-client-ip" })).toBe("none");
  });
});

/** A harness with v1 published and the given client-address header trusted (as on Cloudflare's edge by default). */
async function trusting(header: string): Promise<FeedHarness> {
  const h = await feedHarness({ vars: { CLIENT_IP_HEADER: header } });
  if (!(await h.run({ now: T0 })).published) throw new Error("the first bundled run did not publish");
  return h;
}

describe("rate limit without a trusted header (npm start, wrangler dev, self-hosted workerd)", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await trusting("none");
  });
  afterAll(() => h.dispose());

  it("after a 429, a made-up CF-Connecting-IP or X-Forwarded-For is still 429 (issue 16 item 2)", async () => {
    const body = JSON.stringify({ model: "GPT-4.1", n_in: 1000, n_out: 100 });
    const price = (headers: Record<string, string> = {}) =>
      h.request("/v1/price", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    for (let attempt = 0; attempt < 3; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      let first429 = 0;
      for (let i = 1; i <= CAP && !first429; i++) if ((await price()).status === 429) first429 = i;
      const spoofed = [
        await price({ "cf-connecting-ip": "203.0.113.200" }),
        await price({ "x-forwarded-for": "198.51.100.200" }),
        await price({ "cf-connecting-ip": `10.9.8.${attempt}`, "x-forwarded-for": "192.0.2.9" }),
      ].map((r) => r.status);
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(first429).toBe(RATE_LIMIT_PER_MINUTE + 1);
      expect(spoofed).toEqual([429, 429, 429]);
      return;
    }
    throw new Error("three minute rollovers in a row");
  });
});

describe("rate limit: 100 requests / 60 s per client on computed endpoints (RATE_LIMITER binding)", () => {
  let h: FeedHarness;
  const price = (key: string, header = "cf-connecting-ip") =>
    h.request("/v1/price", {
      method: "POST",
      headers: { "content-type": "application/json", [header]: key },
      body: JSON.stringify({ model: "GPT-4.1", n_in: 1000, n_out: 100 }),
    });

  beforeAll(async () => {
    h = await trusting("cf-connecting-ip");
  });
  afterAll(() => h.dispose());

  /** Sends until the first 429 (or CAP); the 1-based index of that 429, and whether a window rolled over. */
  async function burst(
    key: string,
    header?: string,
  ): Promise<{ first429: number | null; rolled: boolean; last: Response | null; okStatuses: Set<number> }> {
    const minute = Math.floor(Date.now() / 60_000);
    const okStatuses = new Set<number>();
    for (let i = 1; i <= CAP; i++) {
      const res = await price(key, header);
      if (res.status === 429)
        return { first429: i, rolled: Math.floor(Date.now() / 60_000) !== minute, last: res, okStatuses };
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
      const compare = await h.request("/v1/compare", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": key },
        body: JSON.stringify({ n_in: 1, n_out: 1 }),
      });
      const other = await price("203.0.113.9");
      if (r.rolled || Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(r.first429).toBe(RATE_LIMIT_PER_MINUTE + SLACK + 1);
      expect(compare.status).toBe(429);
      expect(other.status).toBe(200);
      return;
    }
    throw new Error("three minute rollovers in a row");
  });

  it("CLIENT_IP_HEADER=x-forwarded-for: the last hop (the one the proxy appended) is the key, not the first", async () => {
    h.env.CLIENT_IP_HEADER = "x-forwarded-for";
    try {
      let r: Awaited<ReturnType<typeof burst>> | null = null;
      let other: number | null = null;
      for (let attempt = 0; attempt < 3; attempt++) {
        r = await burst(`203.0.113.50, 192.0.2.${attempt + 1}`, "x-forwarded-for");
        // The client rewrites the first entry; the proxy's hop is the same, so it stays limited.
        other = (await price(`198.51.100.99, 192.0.2.${attempt + 1}`, "x-forwarded-for")).status;
        if (!r.rolled) break;
      }
      expect(r!.first429).toBe(RATE_LIMIT_PER_MINUTE + SLACK + 1);
      expect(other).toBe(429);
    } finally {
      h.env.CLIENT_IP_HEADER = "cf-connecting-ip";
    }
  });

  it("read endpoints are not rate-limited: 150 GETs from an exhausted client all answer 200", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const res = await h.request(i % 2 ? "/v1/spots" : "/v1/models/GPT-4.1", {
        headers: { "cf-connecting-ip": exhaustedKey },
      });
      statuses.add(res.status);
      await res.arrayBuffer();
    }
    expect([...statuses]).toEqual([200]);
  });
});
