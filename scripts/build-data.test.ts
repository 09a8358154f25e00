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
