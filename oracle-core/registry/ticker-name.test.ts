import { describe, expect, it } from "vitest";
import curation from "../../data/curation.json";
import registry from "../../data/registry.json";
import { CurationFileSchema } from "../schemas/curation";
import { RegistryFileSchema } from "../schemas/registry";
import { tickerFromId } from "./ticker-name";

const aliases = new Map(
  CurationFileSchema.parse(curation).entries.flatMap((e) =>
    e.action === "ticker-alias" ? [[e.id, e.ticker] as const] : [],
  ),
);
const models = RegistryFileSchema.parse(registry).models.filter((m) => !m.composite);

/** A curated ticker is reproduced when every source's primary id names it. */
function share(withAliases: boolean): { reproduced: number; total: number; missed: string[] } {
  const missed: string[] = [];
  for (const m of models) {
    const ids = Object.values(m.match).map((list) => list[0]!);
    const got = ids.map((id) => tickerFromId(id, m.provider, withAliases ? aliases : new Map()));
    if (got.some((t) => t !== m.ticker)) missed.push(`${m.ticker} ← ${[...new Set(got)].join(", ")}`);
  }
  return { reproduced: models.length - missed.length, total: models.length, missed };
}

describe("tickerFromId: the listing naming rule", () => {
  it("maps dated ids, -latest, -preview and provider prefixes to one ticker", () => {
    expect(tickerFromId("anthropic:claude-sonnet-4-5-20250929", "anthropic")).toBe("SONNET-4.5");
    expect(tickerFromId("claude-3-7-sonnet-latest", "anthropic")).toBe("SONNET-3.7");
    expect(tickerFromId("claude-4.5-haiku", "anthropic")).toBe("HAIKU-4.5");
    expect(tickerFromId("anthropic:claude-opus-4-0", "anthropic")).toBe("OPUS-4");
    expect(tickerFromId("gpt-4-0613", "openai")).toBe("GPT-4");
    expect(tickerFromId("o1-2024-12-17", "openai")).toBe("O1");
    expect(tickerFromId("google/gemini-2.0-flash-001", "google")).toBe("GEMINI-2.0-FLASH");
    expect(tickerFromId("gemini-3-1-pro-preview", "google")).toBe("GEMINI-3.1-PRO");
    expect(tickerFromId("xai/grok-4.20-0309-reasoning", "xai")).toBe("GROK-4.20");
    expect(tickerFromId("x-ai:grok-4-1-fast-non-reasoning", "xai")).toBe("GROK-4.1-FAST");
    expect(tickerFromId("x-ai/grok-code-fast-1", "xai")).toBe("GROK-CODE-FAST-1");
    expect(tickerFromId("mistral:codestral-2508", "mistral")).toBe("CODESTRAL-2508");
  });

  it("takes a curated alias first (Mistral's dated names, DeepSeek's reasoner)", () => {
    expect(tickerFromId("mistral:mistral-large-2512", "mistral", aliases)).toBe("MISTRAL-LARGE-3");
    expect(tickerFromId("deepseek:deepseek-reasoner", "deepseek", aliases)).toBe("DEEPSEEK-R1");
  });

  it("reproduces ≥ 90% of the curated tickers from every source's primary id (the share is printed)", () => {
    const bare = share(false);
    const full = share(true);
    console.log(
      `naming rule alone: ${bare.reproduced}/${bare.total}; ` +
        `with ${aliases.size} aliases: ${full.reproduced}/${full.total}; missed: ${full.missed.join("; ")}`,
    );
    expect(full.reproduced / full.total).toBeGreaterThanOrEqual(0.9);
    expect(bare.reproduced).toBeLessThan(full.reproduced);
  });
});
