import { parseColumnPage, type TableMode } from "./page-columns";
import type { PageTable } from "./page-tables";
import type { ParseResult, SourceAdapter } from "./types";

/**
 * OpenAI's API pricing page: per section (Standard, Batch, Flex, Priority) a table Model | Input | Cached input |
 * Output, "Prices per 1M tokens".
 */
export const openaiPageAdapter: SourceAdapter = {
  id: "page-openai",
  parserVersion: "page-openai@1",
  liveUrl: "https://platform.openai.com/docs/pricing",
  bundledPath: "data/archives/pages/openai.html",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 8 * 1024 * 1024,
  parse: parseOpenaiPage,
};

/** Section headings decide what a table's Input/Output columns mean. */
function openaiMode(table: PageTable): TableMode {
  if (/\bbatch\b/i.test(table.heading)) return "batch";
  if (/\b(flex|priority|fine[- ]?tuning|realtime|audio|image|embeddings?)\b/i.test(table.heading)) return "skip";
  return "standard";
}

/** Parses the OpenAI pricing page by section headings and header labels. */
export function parseOpenaiPage(text: string): ParseResult {
  return parseColumnPage(text, {
    source: "page-openai",
    provider: "openai",
    model: /^models?$/i,
    fields: [
      ["cache_read", /^cached input/i],
      ["input", /^input/i],
      ["output", /^output/i],
    ],
    required: ["input", "output"],
    mode: openaiMode,
  });
}
