// The registry table with data/curation.json applied: the rows both builders read (build-registry, build-history).
import type { CurationEntry } from "../oracle-core/schemas";
import { withComposites } from "./build-registry-composites";
import { TABLE, type TableRow } from "./build-registry-table";
import { curatedRows, loadCuration } from "./load-curation";

/** A table row once curated: its family is known. */
export type CuratedRow = TableRow & { family: string };

/**
 * The rows with their curated families (data/curation.json `family`, the same action the admin API takes); a family
 * naming no row is an error, and so is a row left without one.
 */
export function withFamilies(rows: readonly TableRow[], curation: readonly CurationEntry[]): CuratedRow[] {
  const families = new Map<string, string>();
  for (const c of curation) {
    if (c.action !== "family") continue;
    if (!rows.some((r) => r.ticker === c.ticker))
      throw new Error(`curation.json: family names ${c.ticker}, which is no registry row`);
    families.set(c.ticker, c.family);
  }
  return rows.map((r) => {
    const family = families.get(r.ticker) ?? r.family;
    if (!family) throw new Error(`curation.json: ${r.ticker} has no family entry`);
    return { ...r, family };
  });
}

/** The table with data/curation.json applied: lifecycle, preferred sources, composite constituents, families. */
export function curatedTable(curation: readonly CurationEntry[] = loadCuration()): CuratedRow[] {
  return withFamilies(withComposites(curatedRows(TABLE, curation), curation), curation);
}
