import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { modelAliases, resolveModel } from "../../oracle-core/integrations";
import { registry, ROOT } from "./snapshot-fixture";

describe("sdk/src/model-aliases.json: the provider-id → ticker table the SDK ships", () => {
  const shipped = JSON.parse(readFileSync(resolve(ROOT, "sdk/src/model-aliases.json"), "utf8")) as Record<
    string,
    string
  >;
  it("is exactly what the registry gives today (regenerate with `npx tsx sdk/build.ts`)", () => {
    expect(shipped).toEqual(modelAliases(registry().models));
  });
  it("maps every LiteLLM and own-provider genai-prices id to its ticker, and drops ids two tickers claim", () => {
    const reg = registry();
    const tickers = new Set(reg.models.map((m) => m.ticker));
    expect(shipped["gpt-4.1-2025-04-14"]).toBe("GPT-4.1");
    expect(shipped["claude-opus-4-6-thinking"]).toBe("OPUS-4.6");
    expect(shipped["gemini-3-flash-preview"]).toBe("GEMINI-3-FLASH");
    expect(Object.values(shipped).every((t) => tickers.has(t))).toBe(true);
    const clash = modelAliases([
      { ticker: "A", provider: "openai", match: { litellm: ["same-id"] } },
      { ticker: "B", provider: "openai", match: { litellm: ["same-id", "b-only"] } },
    ]);
    expect(clash).toEqual({ "b-only": "B" });
  });
  it("resolveModel: ticker, alias, provider prefix, date suffix, else null", () => {
    const t = new Set(["GPT-4.1", "SONNET-4.5"]);
    const a = { "gpt-4.1": "GPT-4.1", "claude-sonnet-4-5": "SONNET-4.5" };
    expect(resolveModel("gpt-4.1", t, a)).toBe("GPT-4.1");
    expect(resolveModel("openai/gpt-4.1-2025-04-14", t, a)).toBe("GPT-4.1");
    expect(resolveModel("anthropic:claude-sonnet-4-5-20250929", t, a)).toBe("SONNET-4.5");
    expect(resolveModel("claude-sonnet-4-6", t, a)).toBeNull();
  });
});
