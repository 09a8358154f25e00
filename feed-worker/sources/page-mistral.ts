import { parseColumnPage } from "./page-columns";
import type { ParseResult, SourceAdapter } from "./types";

/** Mistral's pricing page: an API table Model | Input (/M tokens) | Output (/M tokens). */
export const mistralPageAdapter: SourceAdapter = {
  id: "page-mistral",
  parserVersion: "page-mistral@1",
  liveUrl: "https://mistral.ai/pricing",
  bundledPath: "data/archives/pages/mistral.html",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: parseMistralPage,
};

/** Parses the Mistral pricing page by its header labels. */
export function parseMistralPage(text: string): ParseResult {
  return parseColumnPage(text, {
    source: "page-mistral",
    provider: "mistral",
    model: /^models?$/i,
    fields: [
      ["input", /^input/i],
      ["output", /^output/i],
    ],
    required: ["input", "output"],
  });
}
