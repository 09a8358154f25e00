import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickerForward } from "../../oracle-core/forecast";
import { archiveFetch, BUNDLED_BASE, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { readKeyset } from "../../oracle-core/snapshot";
import { verifyKeysetChain } from "../../oracle-core/snapshot";
import { verifySnapshot } from "../../oracle-core/snapshot";
import { SnapshotPayloadSchema } from "../../oracle-core/schemas";
import registry from "../../data/registry.json";

const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

describe("pipeline in bundled mode on real KV/D1/R2", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await feedHarness();
  });
  afterAll(() => h.dispose());

  it("first run seeds, collects all six archives, signs and publishes v1", async () => {
    const r = await h.run({ now: T0 });
    expect(r.published).toBe(true);
    expect(r.version).toBe(1);
    expect(r.sources.map((s) => s.id).sort()).toEqual([
      "genai-prices",
      "litellm",
      "llm-prices",
      "llm-prices-historical",
      "models-dev",
      "openrouter",
    ]);
    expect(r.sources.every((s) => s.healthy)).toBe(true);
    // The registry's curated prices are the reference: the archives it was built from move nothing.
    expect(r.changes).toBe(0);
  });

  it("publishes a snapshot that verifies against the published keyset, with every registry model", async () => {
    const env = (await (await h.request("/v1/snapshot")).json()) as unknown;
    const doc = (await (await h.request("/.well-known/exostream-keys.json")).json()) as { keysets: DsseEnvelope[] };
    // The root keyset is trusted on first use (its own keys pinned), then the chain is walked.
    const rootKeys = (await readKeyset(doc.keysets[0]!)).keys;
    const { keys } = await verifyKeysetChain(doc, rootKeys);
    const v = await verifySnapshot(env, { keys, now: T0, parsePayload: (j) => SnapshotPayloadSchema.parse(j) });
    expect(v.version).toBe(1);
    expect(v.payload.models.length).toBe(registry.models.length);
    expect(v.payload.mode).toBe("bundled");
    expect(v.payload.data_as_of).toBe("2026-08-21");
    const gpt41 = v.payload.models.find((m) => m.ticker === "GPT-4.1")!;
    expect(gpt41.beta).toBe(8);
    expect(gpt41.prices.input).toBe(2);
    expect(gpt41.forwards["12M"]).toBeCloseTo(tickerForward(gpt41, v.payload.valuation_date, 1), 4);
    expect(gpt41.forecast).toBeDefined();
  });

  it("serves every row within the ratio rules: no cache write outside 1–4× input (the seven Gemini rows)", async () => {
    const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    const p = SnapshotPayloadSchema.parse(JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")));
    const broken = p.models.flatMap((m) =>
      (["input", "cache_read", "cache_write_5m", "cache_write_1h"] as const).flatMap((f) => {
        const v = m.prices[f] ?? null;
        const partner = f === "input" ? m.prices.output : m.prices.input;
        if (v === null) return [];
        const [lo, hi] = f === "input" ? [0, 2] : f === "cache_read" ? [0, 1] : [1, 4];
        return v < lo * partner || v > hi * partner ? [`${m.ticker}.${f} ${v} vs ${partner}`] : [];
      }),
    );
    expect(broken).toEqual([]);
    expect(p.models.find((m) => m.ticker === "GEMINI-2.5-PRO")!.prices.cache_write_5m).toBeNull();
  });

  it("marks GROK-4.20-MULTI-AGENT disputed: 1.25/2.5 on three origins, 2/6 on genai-prices and OpenRouter", async () => {
    const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    const p = SnapshotPayloadSchema.parse(JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")));
    const grok = p.models.find((m) => m.ticker === "GROK-4.20-MULTI-AGENT")!;
    expect(grok).toMatchObject({ status: "disputed", prices: { input: 1.25, output: 2.5 } });
    expect(p.models.filter((m) => m.status === "disputed").map((m) => m.ticker)).toEqual(["GROK-4.20-MULTI-AGENT"]);
  });

  it("a poll 15 minutes later with nothing new publishes nothing; the hourly heartbeat re-signs and chains", async () => {
    const quiet = await h.run({ now: at(15) });
    expect(quiet.published).toBe(false);
    const first = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    const beat = await h.run({ now: at(60), trigger: "heartbeat" });
    expect(beat).toMatchObject({ published: true, version: 2 });
    const second = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    const p1 = Buffer.from(first.payload, "base64");
    const p2 = JSON.parse(Buffer.from(second.payload, "base64").toString("utf8")) as {
      prev_sha256: string;
      version: number;
    };
    const { createHash } = await import("node:crypto");
    expect(p2.prev_sha256).toBe(createHash("sha256").update(p1).digest("hex"));
  });
});

describe("source URLs are configuration", () => {
  it("reads LiteLLM from SOURCE_URL_LITELLM (a mirror) and every other source from its default", async () => {
    const mirror = `${BUNDLED_BASE}/data/archives/litellm/model_prices_and_context_window.json?mirror=1`;
    const h = await feedHarness({ vars: { SOURCE_URL_LITELLM: mirror } });
    try {
      const fetchFn = archiveFetch();
      const r = await h.run({ now: T0, fetch: fetchFn });
      expect(r.sources.find((s) => s.id === "litellm")).toMatchObject({ healthy: true });
      expect(fetchFn.urls).toContain(mirror);
      expect(fetchFn.urls).toContain(`${BUNDLED_BASE}/data/archives/genai-prices/data.json`);
      expect(fetchFn.urls.filter((u) => u.includes("litellm"))).toEqual([mirror]);
    } finally {
      await h.dispose();
    }
  });
});

describe("source freshness", () => {
  it("marks sources whose bytes did not change for 14 days, while LiteLLM's did, frozen in /v1/sources", async () => {
    const h = await feedHarness();
    try {
      const day = (d: number) => new Date(T0.getTime() + d * 86_400_000);
      // LiteLLM's file changes on every poll (a trailing newline more each time); the other archives never do.
      const moving = (n: number) =>
        archiveFetch((path, text) => (path.includes("litellm") ? text + "\n".repeat(n) : text));
      await h.run({ now: day(0), fetch: moving(0) });
      await h.run({ now: day(8), fetch: moving(1), trigger: "heartbeat" });
      const early = (await (await h.request("/v1/sources")).json()) as { data: { source: string; frozen: boolean }[] };
      expect(early.data.filter((s) => s.frozen)).toEqual([]); // 8 days unchanged is not 14
      const r = await h.run({ now: day(15), fetch: moving(2), trigger: "heartbeat" });
      const body = (await (await h.request("/v1/sources")).json()) as { data: { source: string; frozen: boolean }[] };
      const frozen = body.data.filter((s) => s.frozen).map((s) => s.source);
      expect(frozen).toEqual(["genai-prices", "llm-prices", "llm-prices-historical", "models-dev", "openrouter"]);
      expect(body.data.find((s) => s.source === "litellm")!.frozen).toBe(false);
      // Frozen sources lose their vote: LiteLLM alone prices the rows it lists, and nothing moves.
      expect(r.changes).toBe(0);
      const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
      const p = SnapshotPayloadSchema.parse(JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")));
      expect(p.models.find((m) => m.ticker === "GPT-4.1")!.sources).toEqual(["litellm"]);
    } finally {
      await h.dispose();
    }
  });
});
