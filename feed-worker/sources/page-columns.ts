import { assertPageText, layoutError } from "./page-guard";
import { cleanLabel, extractTables, type PageTable } from "./page-tables";
import { quoteCell } from "./price-cell";
import { detectContextUnit, detectUnit } from "./price-units";
import { QuoteCollector } from "./quote-collector";
import type { ParseResult, QuoteField, SourceId } from "./types";

/** How a table's section maps its columns: standard prices, batch prices, or a section to ignore (flex, priority…). */
export type TableMode = "standard" | "batch" | "skip";

/** A page whose pricing table has one row per model and one column per token class. */
export interface ColumnLayout {
  source: SourceId;
  provider: string;
  /** Header of the model column. */
  model: RegExp;
  /** Header patterns, most specific first: a column takes the first field whose pattern matches. */
  fields: [QuoteField, RegExp][];
  /** Columns the main table must have; without such a table the page fails with E_PAGE_LAYOUT. */
  required: QuoteField[];
  mode?: (table: PageTable) => TableMode;
}

const BATCH_OF: Partial<Record<QuoteField, QuoteField>> = { input: "batch_input", output: "batch_output" };

/** Parses a model-per-row pricing page by header labels and row labels (never CSS classes). */
export function parseColumnPage(text: string, layout: ColumnLayout): ParseResult {
  assertPageText(text, layout.source);
  const out = new QuoteCollector(layout.source);
  let mainFound = false;
  let quoted = 0;
  for (const table of extractTables(text)) {
    const mode = layout.mode?.(table) ?? "standard";
    if (mode === "skip") continue;
    const header = table.rows[0] ?? [];
    const modelCol = header.findIndex((h) => layout.model.test(cleanLabel(h)));
    if (modelCol < 0) continue;
    const columns = mapColumns(header, modelCol, layout, mode);
    if (columns.length === 0) continue;
    const isMain = mode === "standard" && layout.required.every((f) => columns.some((c) => c.field === f));
    mainFound ||= isMain;
    const tableUnit = detectContextUnit(table.context);
    for (const row of table.rows.slice(1)) {
      const label = cleanLabel(row[modelCol] ?? "");
      if (label === "" || row.every((c) => c === row[0])) continue; // blank or section-divider row
      out.seen(label);
      for (const { col, field, unit: headerUnit } of columns) {
        const slot = { model_id: label, provider: layout.provider, field };
        const added = quoteCell(out, slot, row[col] ?? "", [headerUnit, tableUnit]);
        if (isMain) quoted += added;
      }
    }
  }
  if (!mainFound)
    throw layoutError(layout.source, `no table with columns ${["Model", ...layout.required].join(" / ")}`);
  if (quoted === 0) throw layoutError(layout.source, "the pricing table has no readable price");
  return out.result();
}

function mapColumns(
  header: string[],
  modelCol: number,
  layout: ColumnLayout,
  mode: TableMode,
): { col: number; field: QuoteField; unit: ReturnType<typeof detectUnit> }[] {
  const cols: { col: number; field: QuoteField; unit: ReturnType<typeof detectUnit> }[] = [];
  header.forEach((raw, col) => {
    if (col === modelCol) return;
    const h = cleanLabel(raw);
    const hit = layout.fields.find(([, re]) => re.test(h));
    if (!hit) return;
    const field = mode === "batch" ? BATCH_OF[hit[0]] : hit[0];
    if (field && !cols.some((c) => c.field === field)) cols.push({ col, field, unit: detectUnit(h) });
  });
  return cols;
}
