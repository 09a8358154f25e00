import { html, nothing, type TemplateResult } from "lit";
import { downloadBlob, toCsv } from "../app/download";

/** A column: its header, the raw value (what the CSV gets) and, optionally, how the cell shows it. */
export interface Column<R> {
  label: string;
  value: (r: R) => unknown;
  cell?: (r: R) => TemplateResult | string;
  num?: boolean;
}

/** Options of {@link dataTable}. */
export interface DataTableOptions<R> {
  id: string;
  caption: string;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  /** CSV file name (without .csv). */
  filename: string;
  rowClass?: (r: R) => string;
  /** Extra text after the cell of the first column (e.g. a "cheapest" tag). */
  note?: (r: R) => string;
}

/** A captioned table with a "Download CSV" button exporting the raw (unrounded) values. */
export function dataTable<R>(o: DataTableOptions<R>): TemplateResult {
  const csv = () =>
    toCsv(
      o.columns.map((c) => c.label),
      o.rows.map((r) => o.columns.map((c) => c.value(r))),
    );
  return html`<div class="table-wrap" data-testid=${`table-${o.id}`}>
    <table id=${o.id}>
      <caption>${o.caption}</caption>
      <thead><tr>${o.columns.map((c) => html`<th scope="col" class=${c.num ? "num" : ""}>${c.label}</th>`)}</tr></thead>
      <tbody>
        ${o.rows.map(
          (r) => html`<tr class=${o.rowClass?.(r) ?? ""}>
            ${o.columns.map((c, i) => {
              const body = c.cell ? c.cell(r) : String(c.value(r) ?? "—");
              const note = i === 0 ? o.note?.(r) : undefined;
              return i === 0
                ? html`<th scope="row">${body}${note ? html` <strong>${note}</strong>` : nothing}</th>`
                : html`<td class=${c.num ? "num" : ""}>${body}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    <button type="button" class="secondary" @click=${() => downloadBlob(new Blob([csv()], { type: "text/csv;charset=utf-8" }), `${o.filename}.csv`)}>
      Download CSV<span class="visually-hidden">: ${o.caption}</span>
    </button>
  </div>`;
}
