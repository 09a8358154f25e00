import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, liveFetch, type FeedHarness } from "../../harness/feed-harness";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { readKeyset } from "../../oracle-core/snapshot";
import { verifySnapshot } from "../../oracle-core/snapshot";
import type { TrustedKey } from "../../oracle-core/snapshot";
import type { SnapshotPayload } from "../../oracle-core/schemas";

const T0 = new Date("2026-11-24T06:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3600_000);
/** Live mode with every upstream down: no source answers. */
const nothingAnswers = (async () => {
  throw new TypeError("fetch failed: network unreachable");
}) as typeof fetch;

describe("heartbeat and staleness under a fake clock", () => {
  let h: FeedHarness;
  let keys: TrustedKey[];
  const envelopes: DsseEnvelope[] = [];
  const snapshot = async () => (await (await h.request("/v1/snapshot")).json()) as DsseEnvelope;
  const payloadOf = (e: DsseEnvelope) =>
    JSON.parse(Buffer.from(e.payload, "base64").toString("utf8")) as SnapshotPayload;

  beforeAll(async () => {
    h = await feedHarness({ vars: { SOURCE_MODE: "live" } });
    // One healthy live poll (served from the recorded archives) quotes every ticker at T0.
    await h.run({ now: T0, fetch: liveFetch() });
    envelopes.push(await snapshot());
    keys = (
      await readKeyset(
        ((await (await h.request("/.well-known/exostream-keys.json")).json()) as { keysets: DsseEnvelope[] })
          .keysets[0]!,
      )
    ).keys;
  });
  afterAll(() => h.dispose());

  it("with no source answering for three heartbeats, the snapshot is re-signed each hour with unchanged prices", async () => {
    for (const n of [1, 2, 3]) {
      const r = await h.run({ now: hours(n), fetch: nothingAnswers });
      expect(r, `heartbeat ${n}`).toMatchObject({ published: true });
      expect(r.sources.every((s) => !s.healthy)).toBe(true);
      envelopes.push(await snapshot());
    }
    const ps = envelopes.map(payloadOf);
    expect(ps.map((p) => p.version)).toEqual([1, 2, 3, 4]);
    const betas = (p: SnapshotPayload) => p.models.map((m) => [m.ticker, m.beta]);
    for (const p of ps.slice(1)) expect(betas(p)).toEqual(betas(ps[0]!));
    expect(ps[3]!.models.every((m) => m.status !== "stale")).toBe(true);
    // Between heartbeats a poll publishes nothing.
    expect((await h.run({ now: new Date(hours(3).getTime() + 15 * 60_000), fetch: nothingAnswers })).published).toBe(
      false,
    );
  });

  it("tickers turn stale once no fresh quote has been seen for 48 hours", async () => {
    await h.run({ now: hours(47.5), fetch: nothingAnswers });
    expect(payloadOf(await snapshot()).models.filter((m) => m.status === "stale")).toEqual([]);
    await h.run({ now: hours(48.5), fetch: nothingAnswers });
    const p = payloadOf(await snapshot());
    const live = p.models.filter((m) => !m.composite);
    expect(live.every((m) => m.status === "stale")).toBe(true);
  });

  it("clients show stale after 2 × heartbeat and refuse after expiry (beyond 5 minutes of skew)", async () => {
    const env = envelopes[3]!;
    const p = payloadOf(env);
    const issued = Date.parse(p.issued_at);
    const fresh = await verifySnapshot(env, { keys, now: issued + 60_000 });
    expect(fresh.stale).toBe(false);
    const late = await verifySnapshot(env, { keys, now: issued + 2 * p.heartbeat_s * 1000 + 1000 });
    expect(late.stale).toBe(true);
    const expires = Date.parse(p.expires_at);
    await expect(verifySnapshot(env, { keys, now: expires + 5 * 60_000 })).resolves.toBeTruthy();
    await expect(verifySnapshot(env, { keys, now: expires + 5 * 60_000 + 1 })).rejects.toMatchObject({
      code: "E_EXPIRED",
    });
  });
});
