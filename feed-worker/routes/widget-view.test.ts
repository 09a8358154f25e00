import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, publishedHarness, type FeedHarness } from "../../harness/feed-harness";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { parseEnvelope, payloadSha256, readKeyset, verifyKeysetChain } from "../../oracle-core/snapshot";
import {
  verifySnapshot,
  verifyWidgetView,
  WIDGET_VIEW_PAYLOAD_TYPE,
  type DsseEnvelope,
} from "../../oracle-core/snapshot";

const T0 = new Date("2026-11-24T06:15:00Z");

describe("GET /v1/widget-view", () => {
  let h: FeedHarness;
  const keys = async () => {
    const doc = (await (await h.request("/.well-known/exostream-keys.json")).json()) as { keysets: unknown[] };
    return (await verifyKeysetChain(doc, (await readKeyset(parseEnvelope(doc.keysets[0]))).keys)).keys;
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("is the snapshot's signed view: same key, same version, bound to its sha256, the same β for every ticker", async () => {
    const res = await h.request("/v1/widget-view");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const env = (await res.json()) as DsseEnvelope;
    expect(env.payloadType).toBe(WIDGET_VIEW_PAYLOAD_TYPE);
    const snapshot = (await (await h.request("/v1/snapshot")).json()) as DsseEnvelope;
    const k = await keys();
    const view = await verifyWidgetView(env, { keys: k, now: T0 });
    const full = await verifySnapshot<SnapshotPayload>(snapshot, { keys: k, now: T0 });
    expect(view.keyid).toBe(full.keyid);
    expect(view.version).toBe(1);
    expect(view.payload.snapshot_sha256).toBe(await payloadSha256(snapshot));
    expect(view.payload.models.map((m) => [m.ticker, m.beta])).toEqual(
      full.payload.models.map((m) => [m.ticker, m.beta]),
    );
    expect(view.payload.models.find((m) => m.ticker === "GPT-4.1")!.prices).toEqual({
      input: 2,
      output: 8,
      cache_read: 0.5,
      cache_write_5m: null,
      cache_write_1h: null,
      thinking: null,
    });
  });

  it("has /v1/snapshot's headers: X-Exostream-Version, X-Oracle-Timestamp, Cache-Control, ETag and 304", async () => {
    const [view, snap] = await Promise.all([h.request("/v1/widget-view"), h.request("/v1/snapshot")]);
    for (const name of ["x-exostream-version", "x-oracle-timestamp", "cache-control"])
      expect([name, view.headers.get(name)]).toEqual([name, snap.headers.get(name)]);
    expect(view.headers.get("x-oracle-timestamp")).toBe(T0.toISOString());
    const etag = view.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).not.toBe(snap.headers.get("etag"));
    const again = await h.request("/v1/widget-view", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("is cut again with each publish (a heartbeat run: version 2)", async () => {
    await h.run({ now: new Date(T0.getTime() + 3600_000), trigger: "heartbeat" });
    const env = await (await h.request("/v1/widget-view")).json();
    const view = await verifyWidgetView(env, { keys: await keys(), now: T0.getTime() + 3600_000 });
    expect(view.version).toBe(2);
    expect(view.payload.snapshot_sha256).toBe(
      await payloadSha256((await (await h.request("/v1/snapshot")).json()) as DsseEnvelope),
    );
  });
});

describe("GET /v1/widget-view before the first publish", () => {
  it("answers 503 E_NO_SNAPSHOT, as /v1/snapshot does", async () => {
    const h = await feedHarness();
    try {
      const res = await h.request("/v1/widget-view");
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("E_NO_SNAPSHOT");
    } finally {
      await h.dispose();
    }
  });
});
