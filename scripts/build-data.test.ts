import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadArchives, pricesAt } from "./archive-quotes";
import { buildHistory, historyText } from "./build-history";
import { buildRegistry, registryText } from "./build-registry";

const committed = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");

describe("the bundled data is what the builders make from the archives, read by the feed's adapters", () => {
  const archives = loadArchives();

  it("groups each archive per model: LiteLLM GPT-4.1 at 2 / 8 / 0.5, batch ratio 0.5 from its *_batches prices", () => {
    const q = archives.get("litellm")!.get("gpt-4.1")!;
    expect(pricesAt(q, "2026-08-21")).toMatchObject({ input: 2, output: 8, cache_read: 0.5 });
    expect(q.batch).toBe(0.5);
    expect(q.context).toBe(1047576);
  });

  it("keeps dated segments (o3's 2025-06-10 cut in genai-prices) and the DeepSeek off-peak window", () => {
    const o3 = archives.get("genai-prices")!.get("openai:o3")!;
    expect(o3.segments.map((s) => [s.from, s.prices.output])).toEqual([
      [undefined, 40],
      ["2025-06-10", 8],
    ]);
    const ds = archives.get("genai-prices")!.get("deepseek:deepseek-chat")!;
    expect(pricesAt(ds, "2026-08-21")).toMatchObject({ input: 0.27, output: 1.1 });
    expect(ds.window).toEqual({
      start_utc: "16:30",
      end_utc: "00:30",
      offpeak: { input: 0.135, output: 0.55, cache_read: 0.035 },
    });
  });

  it("rebuilds data/registry.json byte for byte", () => {
    expect(registryText(buildRegistry())).toBe(committed("registry.json"));
  });

  it("rebuilds data/history.json byte for byte", () => {
    expect(historyText(buildHistory())).toBe(committed("history.json"));
  });
});

describe("audit defects of 2026-12-02 stay fixed in the generated data", () => {
  const registry = JSON.parse(committed("registry.json")) as {
    models: { ticker: string; status: string; status_reason?: string; index_weight_proxy: number; notes?: string[] }[];
  };
  const history = buildHistory();
  const row = (t: string) => registry.models.find((m) => m.ticker === t)!;

  it("GPT-4 is legacy (every dated snapshot deprecated upstream) with index weight 0; GPT-4-TURBO's previews are named", () => {
    expect(row("GPT-4")).toMatchObject({ status: "legacy", index_weight_proxy: 0 });
    expect(row("GPT-4").status_reason).toContain("2025-06-06 (gpt-4-0613)");
    expect(row("GPT-4").status_reason).toContain("2026-03-26 (gpt-4-0314)");
    expect(row("GPT-4-TURBO").status).toBe("active"); // gpt-4-turbo-2024-04-09 has no deprecation date
    expect(row("GPT-4-TURBO").notes?.filter((n) => n.includes("preview") && n.includes("2026-03-26"))).toHaveLength(2);
  });

  it("drops the untraceable DEEPSEEK-V4-FLASH rise of 2026-08-17 (curation.json says why)", () => {
    expect(
      history.observations.filter((o) => o.ticker === "DEEPSEEK-V4-FLASH").map((o) => o.effective_at),
    ).not.toContain("2026-08-17");
  });

  it("does not stamp LLAMA-3.3-70B's 2026 host median at its 2024-12-06 launch", () => {
    const llama = history.observations.filter((o) => o.ticker === "LLAMA-3.3-70B");
    expect(llama.map((o) => o.effective_at)).not.toContain("2024-12-06");
    expect(llama.find((o) => o.field === "output")).toMatchObject({ effective_at: "2026-08-21", value: 0.74 });
  });

  it("gives every observation a URL but those of five public-record events the record names without an address", () => {
    const missing = [
      ...new Set(history.observations.filter((o) => !o.url).map((o) => `${o.ticker} ${o.effective_at}`)),
    ];
    expect(missing).toEqual([
      "HAIKU-3.5 2024-11-04",
      "GEMINI-1.5-FLASH 2024-05-14",
      "GEMINI-2.5-FLASH 2025-04-17",
      "GEMINI-1.5-PRO 2024-05-14",
      "GROK-BETA 2024-11-04",
    ]);
    const archive = history.observations.filter((o) => o.provenance === "historical:archive");
    expect(archive.every((o) => o.url !== undefined && o.raw_sha256 !== undefined)).toBe(true);
  });
});

describe("curation is data", () => {
  it("the table holds no status, preferred source, composite or family: each is a curation.json entry with a reason", () => {
    const table = readFileSync(new URL("./build-registry-table.ts", import.meta.url), "utf8");
    expect(table).not.toMatch(/\blegacy: [`"]/);
    expect(table).not.toMatch(/\bprefer: \{/);
    expect(table).not.toMatch(/\bcomposite: \[/);
    expect(table).not.toMatch(/^ {4}family: "/m);
    const curation = JSON.parse(committed("curation.json")) as { entries: { action: string; ticker?: string }[] };
    const lifecycle = curation.entries.filter((e) => e.action === "lifecycle").map((e) => e.ticker);
    expect(lifecycle).toEqual(["HAIKU-3.5", "DEEPSEEK-V3.2", "DEEPSEEK-V3", "DEEPSEEK-R1"]);
    const registry = JSON.parse(committed("registry.json")) as { models: { ticker: string; status: string }[] };
    for (const t of lifecycle) expect(registry.models.find((m) => m.ticker === t)!.status).toBe("legacy");
    // Composite constituents too: the three Llama rows, with 5, 5 and 12 hosts.
    const composites = curation.entries.flatMap((e) =>
      e.action === "composite" ? [[e.ticker, (e as unknown as { hosts: unknown[] }).hosts.length]] : [],
    );
    expect(composites).toEqual([
      ["LLAMA-4-MAVERICK", 5],
      ["LLAMA-4-SCOUT", 5],
      ["LLAMA-3.3-70B", 12],
    ]);
    // And every row's family: one entry per registry row, the family the row carries.
    const families = new Map(
      curation.entries.flatMap((e) => (e.action === "family" ? [[e.ticker, (e as { family?: string }).family]] : [])),
    );
    const rows = (JSON.parse(committed("registry.json")) as { models: { ticker: string; family: string }[] }).models;
    expect(families.size).toBe(rows.length);
    for (const m of rows) expect([m.ticker, families.get(m.ticker)]).toEqual([m.ticker, m.family]);
  });
});
