import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveFetch, publishedHarness, type FeedHarness, type Mutator } from "../../harness/feed-harness";
import { editPrice } from "../../test/feed/archive-mutations";
import { loadStoredCuration } from "./curation-store";

const TOKEN = "curation-store-test-token-000000";
const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const GENAI = "data/archives/genai-prices/data.json";
const MODELS_DEV = "data/archives/models-dev/api.json";
/** Three archives cut GPT-4.1's output from $8 to $6 (−25%); OpenRouter keeps $8. */
const threeCut: Mutator = (p, t) =>
  [LITELLM, GENAI, MODELS_DEV].includes(p) ? editPrice(p, t, "openai", "gpt-4.1", "output", () => 6) : t;
const signed = { reason: "test: which source GPT-4.1 follows", author: "test", date: "2026-11-24" };

describe("stored curation in the pipeline: a preferred source set through the admin API", () => {
  let h: FeedHarness;
  const curate = (entry: object) =>
    h.request("/v1/admin/curation", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...entry, ...signed }),
    });
  const gpt41Changes = async () =>
    (
      await h.env.DB.prepare(
        "SELECT kind, to_value, detail FROM changes WHERE ticker = 'GPT-4.1' AND kind != 'curation' ORDER BY id",
      ).all<{ kind: string; to_value: number | null; detail: string }>()
    ).results.map((r) => [r.kind, r.to_value, r.detail]);

  beforeAll(async () => {
    h = await publishedHarness(T0);
    h.env.ADMIN_TOKEN = TOKEN;
  });
  afterAll(() => h.dispose());

  it("following OpenRouter, three archives' cut moves nothing; following LiteLLM, the cut is held", async () => {
    expect((await curate({ action: "prefer-source", ticker: "GPT-4.1", source: "openrouter" })).status).toBe(201);
    expect((await loadStoredCuration(h.env.DB)).map((c) => c.action)).toEqual(["prefer-source"]);
    const r1 = await h.run({ now: at(10), fetch: archiveFetch(threeCut) });
    expect([r1.published, r1.changes, r1.held]).toEqual([true, 0, 0]);
    // Its price stays $8: only OpenRouter votes now, so the quote is single-source.
    const single = ["status_change", null, '{"from":"ok","to":"single_source"}'];
    expect(await gpt41Changes()).toEqual([single]);

    // A later entry wins: LiteLLM alone quotes $6 now (the others are set aside), a one-source move the breaker holds.
    expect((await curate({ action: "prefer-source", ticker: "GPT-4.1", source: "litellm" })).status).toBe(201);
    const r2 = await h.run({ now: at(20), fetch: archiveFetch(threeCut) });
    expect([r2.published, r2.changes, r2.held]).toEqual([true, 0, 1]);
    expect(await gpt41Changes()).toEqual([
      single,
      ["breaker_hold", 6, '{"reason":"move of -25.0% from one source held for confirmation","sources":["litellm"]}'],
      ["status_change", null, '{"from":"single_source","to":"pending"}'],
    ]);
  });
});
