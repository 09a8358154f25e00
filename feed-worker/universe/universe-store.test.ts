import { afterEach, describe, expect, it } from "vitest";
import { archiveFetch, feedHarness, type FeedHarness, type Mutator } from "../../harness/feed-harness";
import { RegistryFileSchema, HistoryFileSchema, type RegistryFile } from "../../oracle-core/schemas";
import registryJson from "../../data/registry.json";
import historyJson from "../../data/history.json";
import { loadUniverse } from "./universe-store";

// The universe in D1 (issue 11) on workerd's D1 through the feed harness, driven by the real pipeline on the
// bundled archives with one entry edited.
const T0 = new Date("2026-11-24T06:15:00Z");
const at = (days: number, min = 0) => new Date(T0.getTime() + days * 86_400_000 + min * 60_000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const HISTORY = HistoryFileSchema.parse(historyJson);

/** LiteLLM with one entry edited (every other archive as bundled). */
const editLitellm =
  (edit: (d: Record<string, Record<string, unknown>>) => void): Mutator =>
  (path, text) => {
    if (path !== LITELLM) return text;
    const d = JSON.parse(text) as Record<string, Record<string, unknown>>;
    edit(d);
    return JSON.stringify(d);
  };

interface Row {
  ticker: string;
  lifecycle: string;
  deprecated_at?: string;
  retired_at?: string;
  unquoted_since?: string;
}
async function row(h: FeedHarness, ticker: string): Promise<Row> {
  return ((await (await h.request(`/v1/models/${ticker}`)).json()) as { data: Row }).data;
}
async function changes(h: FeedHarness, ticker: string) {
  const body = (await (await h.request(`/v1/changes?ticker=${ticker}&limit=100`)).json()) as {
    data: { changes: { kind: string; effective_at: string | null; detail: Record<string, unknown> | null }[] };
  };
  return body.data.changes;
}

let h: FeedHarness;
afterEach(async () => h?.dispose());

describe("the universe store", () => {
  it("seeds every registry ticker with its lifecycle on first start; a quiet second run publishes nothing", async () => {
    h = await feedHarness();
    const first = await h.run({ now: T0 });
    expect(first.published).toBe(true);
    const rows = (await h.env.DB.prepare("SELECT ticker, lifecycle, origin FROM universe").all()).results;
    expect(rows).toHaveLength(registryJson.models.length);
    expect(rows.find((r) => r.ticker === "GPT-4")).toMatchObject({ lifecycle: "legacy", origin: "registry" });
    expect((await row(h, "GPT-4.1")).lifecycle).toBe("active");
    const second = await h.run({ now: at(0, 15) });
    expect(second.published).toBe(false);
  });

  it("a registry ticker added after the first start gets its registry prices as the breaker's reference", async () => {
    h = await feedHarness();
    const registry = RegistryFileSchema.parse(structuredClone(registryJson));
    const later: RegistryFile = structuredClone(registry);
    registry.models = registry.models.filter((m) => m.ticker !== "O3");
    await h.run({ now: T0, data: { registry, history: HISTORY } });
    const before = await h.env.DB.prepare("SELECT COUNT(*) AS n FROM published WHERE ticker = 'O3'").first<{
      n: number;
    }>();
    expect(before?.n).toBe(0);
    await loadUniverse(h.env.DB, later, at(1).toISOString());
    const o3 = (
      await h.env.DB.prepare("SELECT field, value FROM published WHERE ticker = 'O3' ORDER BY field").all<{
        field: string;
        value: number;
      }>()
    ).results;
    // data/registry.json: o3 at $2 in / $8 out, cached input $0.50.
    expect(o3).toEqual([
      { field: "cache_read", value: 0.5 },
      { field: "input", value: 2 },
      { field: "output", value: 8 },
    ]);
  });
});

describe("delisting from upstream deprecation dates", () => {
  it("LiteLLM's deprecation_date deprecates GPT-4.1 with its date, then retires it on that date", async () => {
    h = await feedHarness();
    await h.run({ now: T0 });
    const deprecate = archiveFetch(
      editLitellm((d) => {
        d["gpt-4.1"]!.deprecation_date = "2026-12-10";
      }),
    );
    const r = await h.run({ now: at(1), fetch: deprecate });
    expect(r.published).toBe(true);
    expect(await row(h, "GPT-4.1")).toMatchObject({
      lifecycle: "deprecated",
      deprecated_at: "2026-11-25",
      retired_at: "2026-12-10",
    });
    const dep = (await changes(h, "GPT-4.1")).filter((c) => c.kind === "deprecated");
    expect(dep).toHaveLength(1);
    expect(dep[0]!.detail).toMatchObject({ source: "litellm", reason: "litellm retires gpt-4.1 on 2026-12-10" });
    expect(dep[0]!.detail!.raw_sha256).toMatch(/^[0-9a-f]{64}$/);

    // Before the date it stays deprecated; on the date it retires (an event dated the shutdown day).
    expect((await h.run({ now: at(10), fetch: deprecate })).published).toBe(true); // heartbeat
    expect((await row(h, "GPT-4.1")).lifecycle).toBe("deprecated");
    await h.run({ now: at(16), fetch: deprecate });
    expect(await row(h, "GPT-4.1")).toMatchObject({ lifecycle: "retired", retired_at: "2026-12-10" });
    const kinds = (await changes(h, "GPT-4.1")).map((c) => c.kind);
    expect(kinds.filter((k) => k === "deprecated" || k === "retired")).toEqual(["deprecated", "retired"]);
    const retired = (await changes(h, "GPT-4.1")).find((c) => c.kind === "retired")!;
    expect(retired.effective_at).toBe("2026-12-10");
  });

  it("a ticker missing from every healthy source is flagged unquoted after 14 days, and a quote clears it", async () => {
    h = await feedHarness();
    await h.run({ now: T0 });
    // GPT-4.1 gone from every archive: the bundled files with its entries removed.
    const gone = archiveFetch((path, text) => {
      if (!path.endsWith(".json")) return text;
      return text.replace(/"(openai[:/])?gpt-4\.1(-2025-04-14)?"/g, '"retired-test-id"');
    });
    await h.run({ now: at(1), fetch: gone });
    expect((await row(h, "GPT-4.1")).unquoted_since).toBe("2026-11-25");
    await h.run({ now: at(14), fetch: gone });
    expect((await changes(h, "GPT-4.1")).some((c) => c.kind === "unquoted")).toBe(false);
    await h.run({ now: at(15), fetch: gone });
    const unq = (await changes(h, "GPT-4.1")).filter((c) => c.kind === "unquoted");
    expect(unq).toHaveLength(1);
    expect(unq[0]!.effective_at).toBe("2026-11-25");
    expect((await row(h, "GPT-4.1")).lifecycle).toBe("active");
    await h.run({ now: at(16) });
    expect((await row(h, "GPT-4.1")).unquoted_since).toBeUndefined();
  });
});
