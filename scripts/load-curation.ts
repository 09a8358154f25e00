// data/curation.json as the builders read it: validated, and applied to the registry table's rows.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CurationFileSchema, type CurationEntry } from "../oracle-core/schemas";
import { DATA_DIR } from "./archive-quotes";
import type { TableRow } from "./build-registry-table";

/** data/curation.json, validated. */
export function loadCuration(): CurationEntry[] {
  return CurationFileSchema.parse(JSON.parse(readFileSync(resolve(DATA_DIR, "curation.json"), "utf8"))).entries;
}

/** The table's rows with the curated lifecycle changes and preferred sources; a curation naming no row is an error. */
export function curatedRows(table: readonly TableRow[], curation: readonly CurationEntry[]): TableRow[] {
  const rows = table.map((r) => ({ ...r }));
  for (const c of curation) {
    if (c.action !== "lifecycle" && c.action !== "prefer-source") continue;
    const row = rows.find((r) => r.ticker === c.ticker);
    if (!row) throw new Error(`curation.json: ${c.action} names ${c.ticker}, which is no registry row`);
    if (c.action === "lifecycle") row.legacy = c.reason;
    else row.prefer = { source: c.source, reason: c.reason };
  }
  return rows;
}
