import { describe, expect, it } from "vitest";
import registry from "../../data/registry.json";
import { RegistryFileSchema } from "../schemas/registry";
import { displayName, familyByRule, tickerLine } from "./listing-rule-entry";
import { listingScope } from "./listing-rule-scope";

const universe = RegistryFileSchema.parse(registry).models;

describe("listing: family by rule, display name, scope", () => {
  it("strips version numbers to find a ticker's line", () => {
    expect(tickerLine("GPT-5.6-SOL")).toBe("GPT-SOL");
    expect(tickerLine("HAIKU-4.5")).toBe("HAIKU");
    expect(tickerLine("DEEPSEEK-V4-FLASH")).toBe("DEEPSEEK-V-FLASH");
  });

  it("joins the family most of the provider's tickers on the line belong to, else unassigned", () => {
    expect(familyByRule("HAIKU-5", "anthropic", universe)).toBe("anthropic-haiku");
    expect(familyByRule("GEMINI-3.9-FLASH", "google", universe)).toBe("google-flash");
    expect(familyByRule("O5-MINI", "openai", universe)).toBe("openai-reasoning-mini");
    // GPT-<n>: 7 flagship rows (5.4, 5.2, 5.1, 5, 4.1, 4-turbo, 4) against 1 premium (5.5).
    expect(familyByRule("GPT-6", "openai", universe)).toBe("openai-flagship");
    expect(familyByRule("HAIKU-5", "openai", universe)).toBe("unassigned");
    expect(familyByRule("MAGISTRAL-MEDIUM-1.2", "mistral", universe)).toBe("unassigned");
  });

  it("names a row from its ticker", () => {
    expect(displayName("HAIKU-4.5", "anthropic")).toBe("Claude Haiku 4.5");
    expect(displayName("GEMINI-3.7-FLASH", "google")).toBe("Gemini 3.7 Flash");
    expect(displayName("GPT-5.6-SOL", "openai")).toBe("GPT-5.6 Sol");
    expect(displayName("DEEPSEEK-V5", "deepseek")).toBe("DeepSeek V5");
  });

  it("keeps tracked providers' text models only", () => {
    expect(listingScope({ source: "openrouter", model_id: "x-ai/grok-5" })).toEqual({ provider: "xai", id: "grok-5" });
    expect(listingScope({ source: "litellm", model_id: "gemini/gemini-4-pro", provider: "gemini" })).toEqual({
      provider: "google",
      id: "gemini-4-pro",
    });
    expect(listingScope({ source: "page-anthropic", model_id: "Claude Opus 5.1" })).toEqual({
      provider: "anthropic",
      id: "claude-opus-5.1",
    });
    for (const [model_id, provider] of [
      ["text-embedding-3-large", "openai"],
      ["gpt-4o-mini-tts", "openai"],
      ["gpt-realtime", "openai"],
      ["omni-moderation-latest", "openai"],
      ["gpt-image-1", "openai"],
      ["gpt-4o-mini-2024-07-18.ft-0123", "openai"],
      ["claude-3-5-haiku", "google"], // Claude on Vertex: a host's copy, not a Google model
      ["ft:gpt-4o-mini:acme", "openai"],
      ["gemini-2.0-flash-live-001", "google"],
      ["llama-4-maverick", "together"],
      ["anthropic/claude-opus-5", "openrouter"],
    ] as const)
      expect(listingScope({ source: "genai-prices", model_id, provider }), model_id).toBeNull();
    expect(listingScope({ source: "openrouter", model_id: "x-ai/grok-4:free" })).toBeNull();
  });
});
