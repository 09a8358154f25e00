import { parseColumnPage } from "./page-columns";
import type { ParseResult, SourceAdapter } from "./types";

/**
 * Anthropic's pricing docs: a markdown table Model | Base Input Tokens | 5m Cache Writes | 1h Cache Writes | Cache Hits
 * & Refreshes | Output Tokens ("$3 / MTok"), plus a batch table.
 */
export const anthropicPageAdapter: SourceAdapter = {
  id: "page-anthropic",
  parserVersion: "page-anthropic@1",
  liveUrl: "https://platform.claude.com/docs/en/about-claude/pricing",
  bundledPath: "data/archives/pages/anthropic.md",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: parseAnthropicPage,
};

/** Parses the Anthropic pricing page by its header labels. */
export function parseAnthropicPage(text: string): ParseResult {
  return parseColumnPage(text, {
    source: "page-anthropic",
    provider: "anthropic",
    model: /^models?$/i,
    fields: [
      ["cache_write_5m", /5\s*m(in(ute)?s?)?\b.*cache writes?/i],
      ["cache_write_1h", /1\s*h(ours?)?\b.*cache writes?/i],
      ["cache_read", /cache (hits?|reads?)/i],
      ["batch_input", /batch input/i],
      ["batch_output", /batch output/i],
      ["input", /^(base )?input/i],
      ["output", /^output/i],
    ],
    required: ["input", "output"],
  });
}
