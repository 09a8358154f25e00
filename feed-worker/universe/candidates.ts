import type { Candidate } from "../../oracle-core/registry";

/** The D1 `candidates` table (feed-worker/store/schema.ts): one row per model the listing rule is watching. */
interface CandidateRow {
  ticker: string;
  provider: string;
  state: string;
  first_seen_at: string;
  last_seen_on: string;
  agreed_at: string | null;
  input: number | null;
  output: number | null;
  origins: string;
  ids: string;
  code: string | null;
  reason: string | null;
  clock_from: string | null;
}

/** Every stored candidate, by ticker order. */
export async function loadCandidates(db: D1Database): Promise<Candidate[]> {
  const rows = await db.prepare("SELECT * FROM candidates ORDER BY ticker").all<CandidateRow>();
  return rows.results.map((r) => ({
    ...r,
    provider: r.provider as Candidate["provider"],
    state: r.state as Candidate["state"],
    origins: JSON.parse(r.origins) as string[],
    ids: JSON.parse(r.ids) as string[],
  }));
}

/**
 * The statements that turn the stored candidates into `next`: an upsert per new or changed row, a delete per row
 * gone (promoted or forgotten). Unchanged rows write nothing, so a quiet poll adds no D1 work.
 */
export function candidateStatements(
  db: D1Database,
  before: readonly Candidate[],
  next: readonly Candidate[],
): D1PreparedStatement[] {
  const old = new Map(before.map((c) => [c.ticker, JSON.stringify(c)]));
  const out: D1PreparedStatement[] = [];
  for (const c of next) {
    if (old.get(c.ticker) === JSON.stringify(c)) continue;
    out.push(
      db
        .prepare(
          `INSERT INTO candidates (ticker, provider, state, first_seen_at, last_seen_on, agreed_at, input, output, origins,
             ids, code, reason, clock_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
           ON CONFLICT(ticker) DO UPDATE SET provider = ?2, state = ?3, first_seen_at = ?4, last_seen_on = ?5,
             agreed_at = ?6, input = ?7, output = ?8, origins = ?9, ids = ?10, code = ?11, reason = ?12, clock_from = ?13`,
        )
        .bind(
          c.ticker,
          c.provider,
          c.state,
          c.first_seen_at,
          c.last_seen_on,
          c.agreed_at,
          c.input,
          c.output,
          JSON.stringify(c.origins),
          JSON.stringify(c.ids),
          c.code,
          c.reason,
          c.clock_from,
        ),
    );
  }
  const kept = new Set(next.map((c) => c.ticker));
  for (const c of before)
    if (!kept.has(c.ticker)) out.push(db.prepare("DELETE FROM candidates WHERE ticker = ?").bind(c.ticker));
  return out;
}
