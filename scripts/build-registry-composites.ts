// data/curation.json's composite entries applied to the registry table's rows (Meta/Llama: the hosts a row is the
// median of, and each host's archive listings).
import type { CurationEntry } from "../oracle-core/schemas";
import type { TableRow } from "./build-registry-table";

/** The rows with their curated composite constituents; a composite naming no row, or a row twice, is an error. */
export function withComposites(rows: readonly TableRow[], curation: readonly CurationEntry[]): TableRow[] {
  const out = rows.map((r) => ({ ...r }));
  const seen = new Set<string>();
  for (const c of curation) {
    if (c.action !== "composite") continue;
    const row = out.find((r) => r.ticker === c.ticker);
    if (!row) throw new Error(`curation.json: composite names ${c.ticker}, which is no registry row`);
    if (seen.has(c.ticker)) throw new Error(`curation.json: two composite entries for ${c.ticker}`);
    seen.add(c.ticker);
    row.composite = c.hosts.map((h) => ({ host: h.host, candidates: h.candidates.map((x) => ({ ...x })) }));
  }
  return out;
}
