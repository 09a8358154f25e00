import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, liveFetch, type FeedHarness } from "../../harness/feed-harness";

const T0 = new Date("2026-11-24T06:00:00Z");
// A constructed page (see feed-worker/fixtures/pages/CONSTRUCTED.md) imitating OpenAI's pricing tables.
const PAGE = readFileSync(resolve(import.meta.dirname, "../fixtures/pages/openai.html"), "utf8");
const html = (body: string) => () =>
  new Response(body, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
// The redesign: the same prices, laid out as cards instead of a table with Input/Output headers.
const REDESIGNED = PAGE.replace(
  /<table>[\s\S]*?<\/table>/g,
  '<div class="cards"><div>gpt-4.1 — $2.00 in · $8.00 out</div></div>',
);

describe("live mode: a provider page whose table layout changed", () => {
  let h: FeedHarness;
  beforeAll(async () => {
    h = await feedHarness({ vars: { SOURCE_MODE: "live" } });
  });
  afterAll(() => h.dispose());

  const health = async () =>
    (
      (await (await h.request("/v1/sources")).json()) as {
        data: { source: string; healthy: boolean; reasons: string[] }[];
      }
    ).data.find((s) => s.source === "page-openai")!;
  const gpt41 = async () =>
    ((await (await h.request("/v1/models/GPT-4.1")).json()) as { data: { beta: number; prices: { input: number } } })
      .data;

  it("parses the page while its layout is the expected one", async () => {
    await h.run({ now: T0, fetch: liveFetch({ "platform.openai.com": html(PAGE) }) });
    expect((await health()).healthy).toBe(true);
  });

  it("fails loudly on the new layout: the source is unhealthy with E_PAGE_LAYOUT and the last good values stay", async () => {
    const before = await gpt41();
    const r = await h.run({
      now: new Date(T0.getTime() + 3600_000),
      fetch: liveFetch({ "platform.openai.com": html(REDESIGNED) }),
    });
    expect(r.changes).toBe(0);
    const s = await health();
    expect(s.healthy).toBe(false);
    expect(s.reasons.join("\n")).toContain("E_PAGE_LAYOUT");
    expect(await gpt41()).toEqual(before);
  });
});
