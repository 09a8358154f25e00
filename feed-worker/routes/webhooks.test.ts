import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, type FeedHarness } from "../../harness/feed-harness";
import { MAX_WEBHOOKS, MAX_WEBHOOKS_PER_CLIENT } from "./webhooks";

type Created = { data: { id: string; secret: string }; error?: { code: string } };

describe("POST /v1/webhooks: per-client and global caps (issue 16 item 4)", () => {
  let h: FeedHarness;
  const create = async (client: string) => {
    const res = await h.request("/v1/webhooks", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": client },
      body: JSON.stringify({ url: "https://hooks.example.com/exo" }),
    });
    return { status: res.status, body: (await res.json()) as Created };
  };
  beforeAll(async () => {
    h = await publishedHarness();
    h.env.CLIENT_IP_HEADER = "cf-connecting-ip"; // as on Cloudflare's edge: each address is its own client
  });
  afterAll(() => h.dispose());

  it(`a client holds at most ${MAX_WEBHOOKS_PER_CLIENT}: the next is 429 E_WEBHOOK_LIMIT, others pass`, async () => {
    const mine: Created[] = [];
    for (let i = 0; i < MAX_WEBHOOKS_PER_CLIENT; i++) {
      const r = await create("203.0.113.7");
      expect(r.status).toBe(201);
      mine.push(r.body);
    }
    const over = await create("203.0.113.7");
    expect([over.status, over.body.error?.code]).toEqual([429, "E_WEBHOOK_LIMIT"]);
    expect((await create("198.51.100.8")).status).toBe(201);
    // Deleting one frees a place.
    const { id, secret } = mine[0]!.data;
    const del = await h.request(`/v1/webhooks/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(del.status).toBe(200);
    expect((await create("203.0.113.7")).status).toBe(201);
  });

  it(`the feed holds at most ${MAX_WEBHOOKS}: past it, 403 E_WEBHOOK_CAPACITY for everyone`, async () => {
    const n = (await h.env.DB.prepare("SELECT COUNT(*) AS n FROM webhooks").first<{ n: number }>())!.n;
    const insert = h.env.DB.prepare(
      "INSERT INTO webhooks (id, url, filter, description, secret, secret_sha256, created_at, from_version) " +
        "VALUES (?, 'https://x.example.com/', '{}', NULL, 's', 'x', '2026-11-24T00:00:00Z', 1)",
    );
    await h.env.DB.batch(Array.from({ length: MAX_WEBHOOKS - n }, (_, i) => insert.bind(`wh_fill_${i}`)));
    const r = await create("192.0.2.200");
    expect([r.status, r.body.error?.code]).toEqual([403, "E_WEBHOOK_CAPACITY"]);
  });
});
