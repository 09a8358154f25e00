import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveFetch, feedHarness, type FeedHarness, type Mutator } from "../../harness/feed-harness";
import { editPrice } from "./archive-mutations";
import { runWebhooks } from "../../feed-worker/webhooks/run-webhooks";
import { deliverDue } from "../../feed-worker/webhooks/deliver";
import { verifyWebhook } from "../../oracle-core/integrations";

const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const GENAI = "data/archives/genai-prices/data.json";
const MODELS_DEV = "data/archives/models-dev/api.json";
const cutTo6 = (p: string, t: string) => editPrice(p, t, "openai", "gpt-4.1", "output", () => 6);
const litellmOnlyCut: Mutator = (p, t) =>
  p === LITELLM ? cutTo6(p, t) : new Response("upstream down", { status: 503 });
const threeAgree: Mutator = (p, t) => ([LITELLM, GENAI, MODELS_DEV].includes(p) ? cutTo6(p, t) : t);

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A webhook receiver on 127.0.0.1: answers each path with the next scripted status (last one repeats). */
async function receiver(
  script: Record<string, number[]>,
): Promise<{ url: string; got: Received[]; close: () => Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const path = req.url ?? "/";
      got.push({ path, headers: req.headers, body });
      const seq = script[path] ?? [200];
      const n = got.filter((g) => g.path === path).length;
      res.writeHead(seq[Math.min(n, seq.length) - 1]!).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, got, close: () => new Promise((r) => server.close(() => r())) };
}

type Created = {
  data: {
    id: string;
    secret: string;
    from_version: number;
    filter: Record<string, unknown>;
    signature: { header: string };
  };
};
type Delivery = {
  id: string;
  version: number;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  delivered_at: string | null;
};

describe("webhooks end to end: register, signed deliveries to a local receiver, retries with backoff, list and delete with the secret", () => {
  let h: FeedHarness;
  let rx: Awaited<ReturnType<typeof receiver>>;
  const post = (body: unknown) =>
    h.request("/v1/webhooks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const hooks: Record<string, Created["data"]> = {};

  beforeAll(async () => {
    // /flaky fails twice, then accepts; /down always fails.
    rx = await receiver({ "/ok": [200], "/flaky": [500, 503, 204], "/down": [500] });
    for (let attempt = 1; ; attempt++) {
      h = await feedHarness();
      try {
        expect((await h.run({ now: T0 })).version).toBe(1);
        break;
      } catch (e) {
        await h.dispose();
        if (attempt === 3 || !/SynchronousFetcher/.test(String((e as Error)?.stack))) throw e;
      }
    }
  });
  afterAll(async () => {
    await h?.dispose();
    await rx?.close();
  });

  it("POST /v1/webhooks: 201 with the secret shown once; bad URLs, tickers, families and filters carry codes", async () => {
    for (const [name, body] of [
      [
        "ok",
        {
          url: `${rx.url}/ok`,
          filter: { tickers: ["gpt-4.1"], kinds: ["price_change", "breaker_hold", "breaker_release"] },
          description: "GPT-4.1 moves",
        },
      ],
      [
        "flaky",
        {
          url: `${rx.url}/flaky`,
          filter: { kinds: ["family_below"], family_below: [{ family: "openai-flagship", usd_per_m: 7 }] },
        },
      ],
      ["down", { url: `${rx.url}/down`, filter: { kinds: ["price_change"] } }],
      ["quiet", { url: `${rx.url}/ok`, filter: { tickers: ["OPUS-4.6"], kinds: ["price_change"] } }],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(201);
      expect(res.headers.get("location")).toMatch(/^\/v1\/webhooks\/wh_[0-9a-f]{32}$/);
      const c = (await res.json()) as Created;
      expect(c.data).toMatchObject({
        id: expect.stringMatching(/^wh_/),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
        from_version: 1,
        signature: { header: "Exostream-Signature" },
      });
      hooks[name] = c.data;
    }
    expect(hooks.ok!.filter.tickers).toEqual(["GPT-4.1"]);
    const bad: [unknown, number, string][] = [
      [{ url: "ftp://x.example/" }, 400, "E_BAD_URL"],
      [{ url: "http://hooks.example.com/" }, 400, "E_BAD_URL"],
      [{ url: "https://10.0.0.1/" }, 400, "E_BAD_URL"],
      [{ url: `${rx.url}/ok`, filter: { tickers: ["GPT-4.2"] } }, 404, "E_UNKNOWN_TICKER"],
      [{ url: `${rx.url}/ok`, filter: { families: ["openai-flagshp"] } }, 404, "E_UNKNOWN_FAMILY"],
      [{ url: `${rx.url}/ok`, filter: { theta_shift_gt: "big" } }, 400, "E_NOT_FINITE"],
      [{ url: `${rx.url}/ok`, filter: { kinds: ["price_drop"] } }, 400, "E_BAD_TYPE"],
      [{ url: `${rx.url}/ok`, secret: "mine" }, 400, "E_UNKNOWN_FIELD"],
      [{}, 400, "E_MISSING_FIELD"],
    ];
    for (const [body, status, code] of bad) {
      const res = await post(body);
      expect(
        [res.status, ((await res.json()) as { error: { code: string } }).error.code],
        JSON.stringify(body),
      ).toEqual([status, code]);
    }
  });

  it("v2 (a held move) is delivered to the subscription that asked for holds, signed, once; others hear nothing yet", async () => {
    expect((await h.run({ now: at(15), fetch: archiveFetch(litellmOnlyCut) })).version).toBe(2);
    const r = await runWebhooks(h.env, { now: at(16), fetch });
    expect(r).toMatchObject({ queued: 1, attempted: 1, delivered: 1 });
    const [d] = rx.got;
    expect(d!.path).toBe("/ok");
    expect(d!.headers["exostream-webhook-id"]).toBe(hooks.ok!.id);
    expect(d!.headers["exostream-attempt"]).toBe("1");
    expect(
      await verifyWebhook(hooks.ok!.secret, d!.headers["exostream-signature"] as string, d!.body, at(16).getTime()),
    ).toBe(true);
    expect(
      await verifyWebhook(hooks.down!.secret, d!.headers["exostream-signature"] as string, d!.body, at(16).getTime()),
    ).toBe(false);
    const body = JSON.parse(d!.body) as {
      type: string;
      snapshot_version: number;
      delivery_id: string;
      events: { kind: string; ticker: string; from: number; to: number; title: string }[];
    };
    expect(body).toMatchObject({ type: "exostream.changes", snapshot_version: 2, delivery_id: `${hooks.ok!.id}:v2` });
    expect(body.events).toEqual([
      expect.objectContaining({
        kind: "breaker_hold",
        ticker: "GPT-4.1",
        from: 8,
        to: 6,
        title: expect.stringMatching(/held by the circuit breaker/),
      }),
    ]);
    // Running again queues nothing new and sends nothing.
    expect(await runWebhooks(h.env, { now: at(17), fetch })).toMatchObject({ queued: 0, attempted: 0 });
  });

  it("v3 (the cut published): deliveries for /ok, /flaky (GPT-4.1 crossing below $7 in its family) and /down; retries follow the backoff", async () => {
    expect((await h.run({ now: at(30), fetch: archiveFetch(threeAgree) })).version).toBe(3);
    const t = at(31);
    expect(await runWebhooks(h.env, { now: t, fetch })).toMatchObject({
      queued: 3,
      attempted: 3,
      delivered: 1,
      retrying: 2,
    });
    const okBody = JSON.parse(rx.got.filter((g) => g.path === "/ok").at(-1)!.body) as { events: { kind: string }[] };
    expect(okBody.events.map((e) => e.kind)).toEqual(["price_change", "breaker_release"]);
    const flaky = JSON.parse(rx.got.find((g) => g.path === "/flaky")!.body) as {
      events: { kind: string; ticker: string; from: number; to: number; detail: Record<string, unknown> }[];
    };
    expect(flaky.events).toEqual([
      expect.objectContaining({
        ticker: "GPT-4.1",
        from: 8,
        to: 6,
        detail: expect.objectContaining({ family: "openai-flagship", below: 7 }),
      }),
    ]);

    // Not due before 30 s; the second attempt at +30 s fails again (503); the third, 2 min later, is accepted (204).
    expect(await deliverDue(h.env, { now: plus(t, 29), fetch })).toMatchObject({ attempted: 0 });
    expect(await deliverDue(h.env, { now: plus(t, 30), fetch })).toMatchObject({
      attempted: 2,
      delivered: 0,
      retrying: 2,
    });
    expect(await deliverDue(h.env, { now: plus(t, 30 + 119), fetch })).toMatchObject({ attempted: 0 });
    expect(await deliverDue(h.env, { now: plus(t, 30 + 120), fetch })).toMatchObject({
      attempted: 2,
      delivered: 1,
      retrying: 1,
    });
    const tries = rx.got.filter((g) => g.path === "/flaky");
    expect(tries.map((g) => g.headers["exostream-attempt"])).toEqual(["1", "2", "3"]);
    // The same body every time, each signed at its own attempt time.
    expect(new Set(tries.map((g) => g.body)).size).toBe(1);
    expect(
      await verifyWebhook(
        hooks.flaky!.secret,
        tries[2]!.headers["exostream-signature"] as string,
        tries[2]!.body,
        plus(t, 150).getTime(),
      ),
    ).toBe(true);
    expect(
      await verifyWebhook(
        hooks.flaky!.secret,
        tries[2]!.headers["exostream-signature"] as string,
        tries[2]!.body,
        t.getTime(),
      ),
    ).toBe(true);
    expect(
      await verifyWebhook(
        hooks.flaky!.secret,
        tries[0]!.headers["exostream-signature"] as string,
        tries[0]!.body,
        plus(t, 30 + 120 + 301).getTime(),
      ),
    ).toBe(false);
  });

  it("/down is tried six times (30 s, 2 min, 8 min, 32 min, 2 h 8 min apart), then marked failed", async () => {
    let now = plus(at(31), 150);
    for (const wait of [480, 1920, 7680]) {
      now = plus(now, wait);
      await deliverDue(h.env, { now, fetch });
    }
    const res = await h.request(`/v1/webhooks/${hooks.down!.id}`, {
      headers: { authorization: `Bearer ${hooks.down!.secret}` },
    });
    const d = ((await res.json()) as { data: { deliveries: Delivery[] } }).data.deliveries;
    expect(d).toEqual([
      expect.objectContaining({ version: 3, status: "failed", attempts: 6, last_status: 500, next_attempt_at: null }),
    ]);
    expect(rx.got.filter((g) => g.path === "/down").length).toBe(6);
  });

  it("GET and DELETE need the subscription's secret: 401 without, 403 with another's; the secret is never shown again", async () => {
    const id = hooks.flaky!.id;
    expect((await h.request(`/v1/webhooks/${id}`)).status).toBe(401);
    const wrong = await h.request(`/v1/webhooks/${id}`, { headers: { authorization: `Bearer ${hooks.ok!.secret}` } });
    expect([wrong.status, ((await wrong.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      "E_BAD_SECRET",
    ]);
    const mine = await h.request(`/v1/webhooks/${id}`, { headers: { "x-exostream-secret": hooks.flaky!.secret } });
    const text = await mine.text();
    expect(text).not.toContain(hooks.flaky!.secret);
    const view = (JSON.parse(text) as { data: { id: string; deliveries: Delivery[] } }).data;
    expect(view.deliveries).toEqual([
      expect.objectContaining({ version: 3, status: "delivered", attempts: 3, last_status: 204 }),
    ]);
    const list = (await (
      await h.request("/v1/webhooks", { headers: { authorization: `Bearer ${hooks.flaky!.secret}` } })
    ).json()) as { data: { id: string }[] };
    expect(list.data.map((w) => w.id)).toEqual([id]);
    expect(
      (
        await h.request(`/v1/webhooks/${id}`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${hooks.ok!.secret}` },
        })
      ).status,
    ).toBe(403);
    const del = await h.request(`/v1/webhooks/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${hooks.flaky!.secret}` },
    });
    expect(((await del.json()) as { data: unknown }).data).toEqual({ id, deleted: true });
    expect(
      (await h.request(`/v1/webhooks/${id}`, { headers: { authorization: `Bearer ${hooks.flaky!.secret}` } })).status,
    ).toBe(404);
    expect((await h.request("/v1/webhooks/wh_x", { method: "PUT" })).status).toBe(405);
  });

  it("a subscription created after v3 only hears of later versions", async () => {
    const late = (await (await post({ url: `${rx.url}/ok`, filter: { tickers: ["GPT-4.1"] } })).json()) as Created;
    expect(late.data.from_version).toBe(3);
    const before = rx.got.length;
    expect(await runWebhooks(h.env, { now: at(200), fetch })).toMatchObject({ queued: 0 });
    expect(rx.got.length - before).toBe(0);
  });
});
