import { describe, expect, it } from "vitest";
import { genaiPricesAdapter, litellmAdapter, llmPricesHistoricalAdapter } from "./index";
import { sourceUrl, sourceUrlVar } from "./source-urls";

describe("source URLs as configuration", () => {
  it("names one variable per source id", () => {
    expect(sourceUrlVar(litellmAdapter.id)).toBe("SOURCE_URL_LITELLM");
    expect(sourceUrlVar(genaiPricesAdapter.id)).toBe("SOURCE_URL_GENAI_PRICES");
    expect(sourceUrlVar(llmPricesHistoricalAdapter.id)).toBe("SOURCE_URL_LLM_PRICES_HISTORICAL");
  });

  it("keeps today's addresses when nothing is set", () => {
    expect(sourceUrl(litellmAdapter, {}, "live", "")).toBe(
      "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
    );
    expect(sourceUrl(litellmAdapter, { SOURCE_URL_LITELLM: "" }, "bundled", "http://feed.local/")).toBe(
      "http://feed.local/data/archives/litellm/model_prices_and_context_window.json",
    );
  });

  it("points one source at a mirror in either mode, leaving the others alone", () => {
    const vars = { SOURCE_URL_LITELLM: "http://127.0.0.1:8788/litellm.json" };
    expect(sourceUrl(litellmAdapter, vars, "live", "")).toBe("http://127.0.0.1:8788/litellm.json");
    expect(sourceUrl(litellmAdapter, vars, "bundled", "http://feed.local")).toBe("http://127.0.0.1:8788/litellm.json");
    expect(sourceUrl(genaiPricesAdapter, vars, "live", "")).toBe(genaiPricesAdapter.liveUrl);
  });

  it("refuses a value that is not an http(s) URL with E_CONFIG", () => {
    expect(() => sourceUrl(litellmAdapter, { SOURCE_URL_LITELLM: "file:///etc/passwd" }, "live", "")).toThrow(
      expect.objectContaining({ code: "E_CONFIG" }),
    );
  });
});
