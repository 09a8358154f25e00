import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RegistryFile } from "../schemas/registry";
import { editDistance, findTicker, normalizeTicker } from "./find-ticker";

const registry = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../data/registry.json"), "utf8"),
) as RegistryFile;

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("O3", "O3")).toBe(0);
    expect(editDistance("GPT-4.1", "GPT-1.4")).toBe(2); // not adjacent: two substitutions
    expect(editDistance("OPSU-4.6", "OPUS-4.6")).toBe(1); // adjacent transposition
  });
});

describe("findTicker", () => {
  it("finds by ticker, case-insensitively and with spaces", () => {
    expect(findTicker(registry, "OPUS-4.6").entry?.ticker).toBe("OPUS-4.6");
    expect(findTicker(registry, "opus-4.6").entry?.ticker).toBe("OPUS-4.6");
    expect(findTicker(registry, " gpt 4.1 ").entry?.ticker).toBe("GPT-4.1");
    expect(normalizeTicker("gemini_2.5 pro")).toBe("GEMINI-2.5-PRO");
  });

  it("finds by display name and by any source's model id", () => {
    expect(findTicker(registry, "Claude Opus 4.6").entry?.ticker).toBe("OPUS-4.6");
    expect(findTicker(registry, "claude-opus-4-6").entry?.ticker).toBe("OPUS-4.6"); // genai-prices / LiteLLM id
    expect(findTicker(registry, "anthropic/claude-opus-4.6").entry?.ticker).toBe("OPUS-4.6"); // OpenRouter id
    expect(findTicker(registry, "gpt-4.1-2025-04-14").entry?.ticker).toBe("GPT-4.1");
  });

  it("suggests the closest tickers for an unknown one", () => {
    const r = findTicker(registry, "OPUS-4.9");
    expect(r.entry).toBeNull();
    expect(r.suggestions).toEqual(["OPUS-4.1", "OPUS-4.5", "OPUS-4.6"]); // all at distance 1, alphabetical
    expect(findTicker(registry, "SONET-4.5").suggestions[0]).toBe("SONNET-4.5");
    expect(findTicker(registry, "GROK-5", { limit: 1 }).suggestions).toEqual(["GROK-3"]);
  });
});
