import { assertPageText, layoutError } from "./page-guard";
import { cleanLabel, extractTables } from "./page-tables";
import { quoteCell } from "./price-cell";
import { detectContextUnit, detectUnit } from "./price-units";
import { QuoteCollector } from "./quote-collector";
import type { ParseResult, QuoteField, SourceAdapter } from "./types";

/** Row label → field. Google's page has one table per model, rows labelled by price kind. */
const ROWS: [QuoteField, RegExp][] = [
  ["input", /^input price/i],
  ["output", /^output price/i],
  ["cache_read", /^(context )?caching price/i],
];

/**
 * Google's Gemini API pricing page: per model a heading, then a table with rows Input price / Output price / Context
 * caching price and columns Free Tier | Paid Tier, per 1M tokens in USD.
 */
export const googlePageAdapter: SourceAdapter = {
  id: "page-google",
  parserVersion: "page-google@1",
  liveUrl: "https://ai.google.dev/gemini-api/docs/pricing",
  bundledPath: "data/archives/pages/google.html",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 8 * 1024 * 1024,
  parse: parseGooglePage,
};

/**
 * Parses the Gemini pricing page: model from the heading, prices from the Paid Tier column, tiers from "prompts >
 * 200k".
 */
export function parseGooglePage(text: string): ParseResult {
  assertPageText(text, "page-google");
  const out = new QuoteCollector("page-google");
  let tablesFound = 0;
  let quoted = 0;
  for (const table of extractTables(text)) {
    const header = (table.rows[0] ?? []).map(cleanLabel);
    const paidCol = header.findIndex((h) => /\bpaid\b/i.test(h));
    const hasInputRow = table.rows.some((r) => ROWS[0]?.[1].test(cleanLabel(r[0] ?? "")));
    if (paidCol < 0 || !hasInputRow || table.heading === "") continue;
    tablesFound++;
    const model = table.heading;
    out.seen(model);
    const tableUnit = detectUnit(header[paidCol] ?? "") ?? detectContextUnit(table.context);
    for (const row of table.rows.slice(1)) {
      const label = cleanLabel(row[0] ?? "");
      const field = ROWS.find(([, re]) => re.test(label))?.[0];
      if (!field) continue;
      const slot = { model_id: model, provider: "google", field };
      quoted += quoteCell(out, slot, row[paidCol] ?? "", [detectUnit(label), tableUnit]);
    }
  }
  if (tablesFound === 0)
    throw layoutError("page-google", 'no model table with an "Input price" row and a "Paid Tier" column');
  if (quoted === 0) throw layoutError("page-google", "the model tables have no readable price");
  return out.result();
}
