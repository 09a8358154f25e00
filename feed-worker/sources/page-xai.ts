import { parseColumnPage } from "./page-columns";
import type { ParseResult, SourceAdapter } from "./types";

/**
 * xAI's models and pricing docs: a table Model | Context | Input | Cached input | Output with the unit in the caption.
 */
export const xaiPageAdapter: SourceAdapter = {
  id: "page-xai",
  parserVersion: "page-xai@1",
  liveUrl: "https://docs.x.ai/docs/models",
  bundledPath: "data/archives/pages/xai.html",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: parseXaiPage,
};

/** Parses the xAI models page by its header labels. */
export function parseXaiPage(text: string): ParseResult {
  return parseColumnPage(text, {
    source: "page-xai",
    provider: "xai",
    model: /^models?$/i,
    fields: [
      ["cache_read", /^cached (input|prompt)/i],
      ["input", /^(input|prompt)/i],
      ["output", /^(output|completion)/i],
    ],
    required: ["input", "output"],
  });
}
