import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveFetch, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import registryJson from "../../data/registry.json";
import { CurationEntrySchema } from "../../oracle-core/schemas";
import { RegistryFileSchema } from "../../oracle-core/schemas";
import { curationMoves } from "./curation-moves";
import type { UniverseRow } from "./universe-store";

const signed = { reason: "the provider extended it (test)", author: "ops@example.com", date: "2026-11-26" };
const rowOf = (ticker: string, lifecycle: UniverseRow["lifecycle"]): UniverseRow => {
  const entry = RegistryFileSchema.parse(registryJson).models.find((m) => m.ticker === ticker)!;
  return {
    ticker,
    entry: { ...entry, status: lifecycle },
    lifecycle,
    listed_at: null,
    deprecated_at: null,
    retired_at: null,
    unquoted_since: null,
    unquoted_flagged: false,
    reason: null,
    evidence_source: null,
    evidence_sha256: null,
    origin: "registry",
    manual: false,
  };
};

describe("curationMoves", () => {
  it("one curation move per ticker whose curated lifecycle differs from its row's, none once they agree", () => {
    const retire = CurationEntrySchema.parse({
      action: "lifecycle",
      ticker: "GPT-4",
      status: "retired",
      on: "2026-03-26",
      ...signed,
    });
    const family = CurationEntrySchema.parse({ action: "family", ticker: "O3", family: "openai-o", ...signed });
    const rows = [rowOf("GPT-4", "legacy"), rowOf("O3", "active")];
    expect(curationMoves(rows, [retire, family])).toEqual([
      {
        ticker: "GPT-4",
        kind: "curation",
        to: "retired",
        on: "2026-03-26",
        reason: signed.reason,
        source: "admin",
        detail: { action: "lifecycle", author: signed.author, date: signed.date },
      },
    ]);
    expect(curationMoves([rowOf("GPT-4", "retired"), rowOf("O3", "active")], [retire, family])).toEqual([]);
    expect(curationMoves(rows, [])).toEqual([]);
  });
});

describe("a manual lifecycle outranks the delisting rules", () => {
  const TOKEN = "curation-moves-test-token-000000";
  const T0 = new Date("2026-11-24T06:15:00Z");
  const day = (d: number) => new Date(T0.getTime() + d * 86_400_000);
  const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
  /** LiteLLM announces GPT-4.1's shutdown on 2026-12-10. */
  const deprecate = archiveFetch((path, text) => {
    if (path !== LITELLM) return text;
    const d = JSON.parse(text) as Record<string, Record<string, unknown>>;
    d["gpt-4.1"]!.deprecation_date = "2026-12-10";
    return JSON.stringify(d);
  });
  let h: FeedHarness;
  const lifecycle = async () =>
    ((await (await h.request("/v1/models/GPT-4.1")).json()) as { data: { lifecycle: string } }).data.lifecycle;
  beforeAll(async () => {
    h = await feedHarness({ vars: { ADMIN_TOKEN: TOKEN } });
    await h.run({ now: T0 });
  });
  afterAll(() => h.dispose());

  it("LiteLLM deprecates GPT-4.1; an admin sets it active again; past the shutdown date it stays active", async () => {
    await h.run({ now: day(1), fetch: deprecate });
    expect(await lifecycle()).toBe("deprecated");
    const res = await h.request("/v1/admin/curation", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ action: "lifecycle", ticker: "GPT-4.1", status: "active", ...signed }),
    });
    expect(res.status).toBe(201);
    await h.run({ now: day(2), fetch: deprecate });
    expect(await lifecycle()).toBe("active");
    await h.run({ now: day(17), fetch: deprecate });
    expect(await lifecycle()).toBe("active");
    const kinds = (
      await h.env.DB.prepare(
        "SELECT kind FROM changes WHERE ticker = 'GPT-4.1' AND field = 'lifecycle' ORDER BY id",
      ).all<{
        kind: string;
      }>()
    ).results.map((r) => r.kind);
    expect(kinds).toEqual(["deprecated", "curation"]);
  });
});
