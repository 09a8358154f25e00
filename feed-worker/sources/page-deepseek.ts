import { assertPageText, layoutError } from "./page-guard";
import { cleanLabel, extractTables } from "./page-tables";
import { quoteCell } from "./price-cell";
import { detectContextUnit, detectUnit } from "./price-units";
import { QuoteCollector } from "./quote-collector";
import type { ParseResult, QuoteField, SourceAdapter } from "./types";

/** Row label → field, on DeepSeek's transposed table (models are columns). Cache hit is tested before plain input. */
const ROWS: [QuoteField, RegExp][] = [
  ["cache_read", /input tokens.*cache hit/i],
  ["input", /input tokens/i],
  ["output", /output tokens/i],
];

/**
 * DeepSeek's API docs pricing page: columns MODEL | deepseek-… | deepseek-…, rows "1M INPUT TOKENS (CACHE HIT)", "1M
 * INPUT TOKENS (CACHE MISS)", "1M OUTPUT TOKENS".
 */
export const deepseekPageAdapter: SourceAdapter = {
  id: "page-deepseek",
  parserVersion: "page-deepseek@1",
  liveUrl: "https://api-docs.deepseek.com/quick_start/pricing",
  bundledPath: "data/archives/pages/deepseek.html",
  contentTypes: ["text/html", "text/markdown", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: parseDeepseekPage,
};

/** Parses the DeepSeek pricing table: model ids from the header row, the unit from the row label ("1M … TOKENS"). */
export function parseDeepseekPage(text: string): ParseResult {
  assertPageText(text, "page-deepseek");
  const out = new QuoteCollector("page-deepseek");
  for (const table of extractTables(text)) {
    const header = (table.rows[0] ?? []).map(cleanLabel);
    const modelCols = header.flatMap((h, col) =>
      col > 0 && h !== "" && !/^models?$/i.test(h) && h !== header[0] ? [col] : [],
    );
    const firstModelCol = modelCols[0];
    const priceRows = table.rows.filter((r) => ROWS.some(([, re]) => re.test(r.join(" "))));
    if (firstModelCol === undefined || !priceRows.some((r) => /output tokens/i.test(r.join(" ")))) continue;
    const tableUnit = detectContextUnit(table.context);
    let quoted = 0;
    for (const col of modelCols) out.seen(header[col] ?? "");
    for (const row of priceRows) {
      const label = [...new Set(row.slice(0, firstModelCol).map(cleanLabel))].join(" ");
      const field = ROWS.find(([, re]) => re.test(label))?.[0];
      if (!field) continue;
      const labelUnit = detectUnit(label);
      for (const col of modelCols) {
        const slot = { model_id: header[col] ?? "", provider: "deepseek", field };
        quoted += quoteCell(out, slot, row[col] ?? "", [labelUnit, tableUnit]);
      }
    }
    if (quoted === 0) throw layoutError("page-deepseek", "the pricing table has no readable price");
    return out.result();
  }
  throw layoutError("page-deepseek", 'no table with model columns and "INPUT TOKENS" / "OUTPUT TOKENS" rows');
}
