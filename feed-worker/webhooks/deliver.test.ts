import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { ensureSchema } from "../store/db";
import { deliverDue, POLICY_REFUSED } from "./deliver";

const NOW = new Date("2026-11-24T06:15:00Z");

describe("deliveries: what the owner sees of a failure, and the URL policy at delivery time", () => {
  let h: FeedHarness;
  const rows = async () =>
    (
      await h.env.DB.prepare("SELECT id, status, last_error FROM webhook_deliveries ORDER BY id").all<{
        id: string;
        status: string;
        last_error: string | null;
      }>()
    ).results;
  beforeAll(async () => {
    h = await feedHarness();
    await ensureSchema(h.env.DB);
    const hook = h.env.DB.prepare(
      "INSERT INTO webhooks (id, url, filter, description, secret, secret_sha256, created_at, from_version) " +
        "VALUES (?, ?, '{}', NULL, 's', 'x', ?, 0)",
    );
    const delivery = h.env.DB.prepare(
      "INSERT INTO webhook_deliveries (id, webhook_id, version, body, status, attempts, next_attempt_at, created_at) " +
        "VALUES (?, ?, 1, '{}', 'pending', 0, ?, ?)",
    );
    const at = NOW.toISOString();
    await h.env.DB.batch([
      hook.bind("wh_a", "https://hooks.example.com/a", at),
      hook.bind("wh_b", "https://10.0.0.5/b", at), // stored under an older, looser policy
      delivery.bind("wh_a:v1", "wh_a", at, at),
      delivery.bind("wh_b:v1", "wh_b", at, at),
    ]);
  });
  afterAll(() => h.dispose());

  it("a connection error is recorded as a class of failure, without hosts, addresses or ports", async () => {
    const calls: string[] = [];
    const fetchFn = (async (url: string) => {
      calls.push(url);
      throw new TypeError("connect ECONNREFUSED 10.20.30.40:8443 (resolved hooks.example.com via 192.168.0.53)");
    }) as unknown as typeof fetch;
    const report = await deliverDue(h.env, { now: NOW, fetch: fetchFn });
    expect(report).toMatchObject({ attempted: 2, delivered: 0, retrying: 1, failed: 1 });
    // The private URL was never fetched: the policy is checked again before every attempt.
    expect(calls).toEqual(["https://hooks.example.com/a"]);
    const [a, b] = await rows();
    expect(a).toMatchObject({
      status: "pending",
      last_error: "network error: the connection could not be made or was closed",
    });
    expect(a!.last_error).not.toMatch(/\d+\.\d+\.\d+\.\d+|ECONN|8443/);
    expect(b).toMatchObject({ status: "failed", last_error: POLICY_REFUSED });
  });
});

describe("deliveries are fair across subscribers", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await feedHarness();
    await ensureSchema(h.env.DB);
    const hook = h.env.DB.prepare(
      "INSERT INTO webhooks (id, url, filter, description, secret, secret_sha256, created_at, from_version) " +
        "VALUES (?, ?, '{}', NULL, 's', 'x', ?, 0)",
    );
    const delivery = h.env.DB.prepare(
      "INSERT INTO webhook_deliveries (id, webhook_id, version, body, status, attempts, next_attempt_at, created_at) " +
        "VALUES (?, ?, ?, '{}', 'pending', 0, ?, ?)",
    );
    const at = (s: number) => new Date(NOW.getTime() - 3_600_000 + s * 1000).toISOString();
    await h.env.DB.batch([
      hook.bind("wh_busy", "https://busy.example.com/h", at(0)),
      hook.bind("wh_quiet", "https://quiet.example.com/h", at(0)),
      // 60 older deliveries for one subscriber, then one for the other: oldest-first would give busy all 50 slots.
      ...Array.from({ length: 60 }, (_, i) => delivery.bind(`wh_busy:v${i + 1}`, "wh_busy", i + 1, at(i), at(i))),
      delivery.bind("wh_quiet:v61", "wh_quiet", 61, at(100), at(100)),
    ]);
  });
  afterAll(() => h.dispose());

  it("a run of 50 serves the quiet subscriber's one due delivery beside the busy one's backlog", async () => {
    const hosts: string[] = [];
    const fetchFn = (async (url: string) => {
      hosts.push(new URL(url).hostname);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    expect(await deliverDue(h.env, { now: NOW, fetch: fetchFn, limit: 50 })).toMatchObject({
      attempted: 50,
      delivered: 50,
    });
    expect(hosts.filter((x) => x === "quiet.example.com")).toHaveLength(1);
    expect(hosts.filter((x) => x === "busy.example.com")).toHaveLength(49);
  });
});
