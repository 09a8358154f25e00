// The listing step on workerd (D1/KV/R2 through the feed harness), in live mode with two sources served from the
// bundled archives cut to a few Anthropic models: a new model both sources quote at the same price lists on a poll
// ≥ 1 h after the first, never on polls 30 min apart; a model one source quotes, or one source quotes ×1000, never.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";

const T0 = new Date("2026-09-01T06:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")) as unknown;

interface GenaiModel {
  id: string;
  name: string;
  match: unknown;
  prices: Record<string, number>;
}
type GenaiProvider = { id: string; models: GenaiModel[] };
type LlmRow = { id: string; vendor: string; name: string; input: number; output: number; input_cached: number | null };

/** genai-prices: Anthropic's Sonnet 4.5 (known) and three new models; llm-prices: Sonnet 4.5 and two of them. */
function payloads(): { genai: string; llm: string } {
  const providers = read("data/archives/genai-prices/data.json") as GenaiProvider[];
  const anthropic = providers.find((p) => p.id === "anthropic")!;
  const sonnet = anthropic.models.find((m) => m.id === "claude-sonnet-4-5")!;
  const model = (id: string, input: number, output: number): GenaiModel => ({
    id,
    name: id,
    match: { equals: id },
    prices: { input_mtok: input, output_mtok: output },
  });
  const genai = [
    {
      ...anthropic,
      models: [
        sonnet,
        model("claude-haiku-5", 2, 10), // both sources agree: listed
        model("claude-opus-6", 20, 100), // genai-prices only: one origin
        model("claude-fable-6", 0.1, 0.5), // llm-prices says ×1000 (in bounds: only agreement stops it)
      ],
    },
  ];
  const llm = (read("data/archives/llm-prices/current-v1.json") as { updated_at: string; prices: LlmRow[] }).prices;
  const row = (id: string, input: number, output: number): LlmRow => ({
    id,
    vendor: "anthropic",
    name: id,
    input,
    output,
    input_cached: null,
  });
  const current = {
    updated_at: "2026-09-01",
    prices: [
      llm.find((r) => r.id === "claude-sonnet-4.5")!,
      row("claude-haiku-5", 2, 10),
      row("claude-fable-6", 100, 500),
    ],
  };
  return { genai: JSON.stringify(genai), llm: JSON.stringify(current) };
}

/** A live-mode fetch: genai-prices and llm-prices answer, every other source is unreachable (no vote). */
function liveFetch(): typeof fetch {
  const { genai, llm } = payloads();
  const json = (text: string) => new Response(text, { status: 200, headers: { "content-type": "application/json" } });
  return (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes("genai-prices")) return json(genai);
    if (url.includes("llm-prices.com/current-v1.json")) return json(llm);
    return new Response("unreachable in this test", { status: 404 });
  }) as typeof fetch;
}

describe("listing step: the feed lists a new model by itself (live mode, workerd)", () => {
  let h: FeedHarness;
  const fetch = liveFetch();
  const snapshot = async (): Promise<SnapshotPayload> => {
    const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    return SnapshotPayloadSchema.parse(JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")));
  };
  const changes = async () => {
    const body = (await (await h.request("/v1/changes")).json()) as {
      data: { changes: { kind: string; ticker: string | null; version: number }[] };
    };
    return body.data.changes.filter((c) => c.kind === "listed" || c.kind === "promoted");
  };
  const candidate = (ticker: string) =>
    h.env.DB.prepare("SELECT state, agreed_at, code FROM candidates WHERE ticker = ?")
      .bind(ticker)
      .first<{ state: string; agreed_at: string | null; code: string | null }>();

  beforeAll(async () => {
    h = await feedHarness({ vars: { SOURCE_MODE: "live" } });
  });
  afterAll(() => h.dispose());

  it("first poll: two origins agree on HAIKU-5 at 2/10, nothing is listed yet", async () => {
    await h.run({ now: T0, fetch, trigger: "start" });
    expect(await candidate("HAIKU-5")).toEqual({
      state: "watching",
      agreed_at: T0.toISOString(),
      code: "E_LISTING_WAIT",
    });
    expect(await candidate("OPUS-6")).toMatchObject({
      state: "watching",
      agreed_at: null,
      code: "E_LISTING_ONE_ORIGIN",
    });
    expect(await candidate("FABLE-6")).toMatchObject({ agreed_at: null, code: "E_LISTING_DISPUTED" });
    expect((await snapshot()).models.some((m) => m.ticker === "HAIKU-5")).toBe(false);
    expect(await changes()).toEqual([]);
  });

  it("a poll 30 min later lists nothing", async () => {
    await h.run({ now: at(30), fetch, trigger: "cron" });
    expect(await candidate("HAIKU-5")).toMatchObject({ state: "watching", agreed_at: T0.toISOString() });
    expect(await changes()).toEqual([]);
  });

  it("the poll 1 h after the first lists HAIKU-5 provisional, in /v1/changes and the snapshot; not the others", async () => {
    const r = await h.run({ now: at(60), fetch, trigger: "cron" });
    expect(r.published).toBe(true);
    expect((await changes()).map((c) => [c.kind, c.ticker, c.version])).toEqual([["listed", "HAIKU-5", r.version]]);
    const row = (await snapshot()).models.find((m) => m.ticker === "HAIKU-5")!;
    expect(row).toMatchObject({
      lifecycle: "provisional",
      listed_at: "2026-09-01",
      family: "anthropic-haiku",
      provider: "anthropic",
      prices: { input: 2, output: 10 },
    });
    const tickers = (await snapshot()).models.map((m) => m.ticker);
    expect(tickers).not.toContain("OPUS-6");
    expect(tickers).not.toContain("FABLE-6");
    // The agreed prices are the published reference the breaker guards the next move against.
    const pub = await h.env.DB.prepare(
      "SELECT field, value FROM published WHERE ticker = 'HAIKU-5' ORDER BY field",
    ).all();
    expect(pub.results).toEqual([
      { field: "input", value: 2 },
      { field: "output", value: 10 },
    ]);
    expect(await candidate("HAIKU-5")).toMatchObject({ state: "listed", code: null });
  });

  it("the next poll matches HAIKU-5 by its listed ids and lists nothing again", async () => {
    await h.run({ now: at(120), fetch, trigger: "cron" });
    expect((await changes()).map((c) => c.ticker)).toEqual(["HAIKU-5"]);
    expect((await snapshot()).models.find((m) => m.ticker === "HAIKU-5")?.status).toBe("ok");
  });

  it("seven days after the listing, without a dispute, promotes HAIKU-5 to active", async () => {
    await h.run({ now: at(60 + 7 * 24 * 60 - 1), fetch, trigger: "cron" });
    expect((await changes()).map((c) => c.kind)).toEqual(["listed"]);
    const r = await h.run({ now: at(60 + 7 * 24 * 60), fetch, trigger: "cron" });
    expect((await changes()).map((c) => [c.kind, c.ticker, c.version])).toEqual([
      ["listed", "HAIKU-5", expect.any(Number)],
      ["promoted", "HAIKU-5", r.version],
    ]);
    expect((await snapshot()).models.find((m) => m.ticker === "HAIKU-5")?.lifecycle).toBe("active");
    expect(await candidate("HAIKU-5")).toBeNull();
  });
});

describe("listing step: an admin's reject-listing keeps a candidate out (live mode, workerd)", () => {
  const TOKEN = "listing-test-admin-token-0123456789";
  it("HAIKU-5, rejected before its confirming poll, is never listed; its candidate stays watched", async () => {
    const h = await feedHarness({ vars: { SOURCE_MODE: "live", ADMIN_TOKEN: TOKEN } });
    try {
      const fetch = liveFetch();
      await h.run({ now: T0, fetch, trigger: "start" });
      const res = await h.request("/v1/admin/curation", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          action: "reject-listing",
          ticker: "HAIKU-5",
          reason: "a test model name, not a product",
          author: "test",
          date: "2026-11-24",
        }),
      });
      expect(res.status).toBe(201);
      await h.run({ now: new Date(T0.getTime() + 60 * 60_000), fetch, trigger: "cron" });
      const body = (await (await h.request("/v1/changes")).json()) as { data: { changes: { kind: string }[] } };
      expect(body.data.changes.map((c) => c.kind)).not.toContain("listed");
      const row = await h.env.DB.prepare("SELECT ticker FROM universe WHERE ticker = 'HAIKU-5'").first();
      expect(row).toBeNull();
    } finally {
      await h.dispose();
    }
  });
});
