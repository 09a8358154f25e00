import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CurationFileSchema } from "../oracle-core/schemas";
import { sourceUrl } from "./history-source-url";

const curation = CurationFileSchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, "../data/curation.json"), "utf8")),
).entries;

describe("sourceUrl", () => {
  it("reads an address, an archived page or a numbered PR from the text", () => {
    expect(sourceUrl("anthropic.com/news/claude-3-family", [])).toBe("https://www.anthropic.com/news/claude-3-family");
    expect(sourceUrl("openai.com/pricing archived 2023-03-15; Langfuse gpt-4-32k", [])).toBe(
      "https://web.archive.org/web/20230315/https://openai.com/pricing",
    );
    expect(sourceUrl("unified V3.1 pricing, off-peak discount cancelled (api-docs.deepseek.com)", [])).toBe(
      "https://api-docs.deepseek.com",
    );
    expect(sourceUrl("V3.2-Exp 50% cut (promptfoo PR #5787; litellm PR #18884)", [])).toBe(
      "https://github.com/promptfoo/promptfoo/pull/5787",
    );
    expect(sourceUrl("genai-prices openai.yml start_date 2025-06-10 (80% cut)", [])).toBe(
      "https://github.com/pydantic/genai-prices/blob/main/prices/providers/openai.yml",
    );
  });

  it("falls back on the curated phrase found first in the text", () => {
    expect(sourceUrl("Haiku 4.5 launch; LiteLLM history", curation)).toBe(
      "https://github.com/BerriAI/litellm/commits/main/model_prices_and_context_window.json",
    );
    expect(sourceUrl("Gemini 2.0 Flash GA; llm-prices", curation)).toBe(
      "https://github.com/simonw/llm-prices/commits/main/data",
    );
  });

  it("resolves nothing for a launch post the record names without an address", () => {
    expect(sourceUrl("xAI API public beta", curation)).toBeUndefined();
  });
});
