import { gzipSync } from "node:zlib";
import type { HistoryFile } from "../oracle-core/schemas";
import type { RegistryFile } from "../oracle-core/schemas";
import { bundledData } from "../feed-worker/data/bundled";
import { parseCanonicalJson, payloadBytes } from "../oracle-core/snapshot";
import { KV } from "../feed-worker/store/kv-keys";
import { feedHarness } from "./feed-harness";
import { readReplayArchives, replayFetch, type ReplayArchives } from "./replay-archives";
import { cutRegistry } from "./replay-quotes";
import type { ChangeRow as FeedChangeRow } from "../feed-worker/routes/changes";

/** The two daily polls (UTC), 12 h apart: a single-source move held on the first is confirmed by the second. */
export const POLL_TIMES = ["06:00", "18:00"] as const;

/** A `/v1/changes` row as the replay reads it from D1 (the feed's own row type, without its id). */
export type ChangeRow = Omit<FeedChangeRow, "id">;

/** One published snapshot per day (the day's last): its size and the rows it carried. */
export interface DaySnapshot {
  day: string;
  version: number;
  models: number;
  raw_bytes: number;
  gzip_bytes: number;
  /** Tickers in the snapshot, with a lifecycle field when the pipeline publishes one. */
  rows: { ticker: string; lifecycle?: string }[];
}

export interface ReplayRun {
  from: string;
  to: string;
  days: string[];
  registry: RegistryFile;
  fullRegistry: RegistryFile;
  history: HistoryFile;
  runs: number;
  publishes: number;
  runMs: number[];
  snapshots: DaySnapshot[];
  changes: ChangeRow[];
  served: string[];
  archives: ReplayArchives;
}

/** The calendar days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Replays the archives through today's pipeline, unchanged: real adapters in `live` mode, workerd D1/KV/R2 (the
 * in-process feed harness), a fake clock with two polls a day, and a fetch serving the copy in effect that day.
 * Starts from the curated registry cut to the models listed before `from` ({@link cutRegistry}).
 */
export async function runReplay(
  opts: { from?: string; to?: string; onDay?: (day: string, i: number, n: number) => void } = {},
): Promise<ReplayRun> {
  const archives = readReplayArchives();
  const first = [archives.v1.days[0]!, archives.llm.days[0]!].sort()[0]!;
  const last = [archives.v2.days.at(-1)!, archives.llm.days.at(-1)!, archives.v1.days.at(-1)!].sort().at(-1)!;
  const from = opts.from ?? first;
  const to = opts.to ?? last;
  const full = bundledData();
  const cut = cutRegistry(full.registry, full.history, from);
  const days = daysBetween(from, to);
  let day = from;
  const fetch = replayFetch(archives, () => day);
  const h = await feedHarness({ vars: { SOURCE_MODE: "live" } });
  const out: ReplayRun = {
    from,
    to,
    days,
    registry: cut.registry,
    fullRegistry: full.registry,
    history: cut.history,
    runs: 0,
    publishes: 0,
    runMs: [],
    snapshots: [],
    changes: [],
    served: fetch.served,
    archives,
  };
  try {
    for (const [i, d] of days.entries()) {
      day = d;
      opts.onDay?.(d, i, days.length);
      let publishedToday = false;
      for (const time of POLL_TIMES) {
        const t0 = performance.now();
        const r = await h.run({
          now: new Date(`${d}T${time}:00Z`),
          fetch,
          data: { registry: cut.registry, history: cut.history },
        });
        out.runMs.push(performance.now() - t0);
        out.runs++;
        if (r.published) out.publishes++;
        publishedToday ||= r.published;
      }
      if (publishedToday) out.snapshots.push(await latestSnapshot(h.env.FEED_KV, d));
    }
    const rows = await h.env.DB.prepare(
      "SELECT version, at, ticker, kind, field, from_value, to_value, effective_at, detail FROM changes ORDER BY id",
    ).all<ChangeRow>();
    out.changes = rows.results;
  } finally {
    await h.dispose();
  }
  return out;
}

async function latestSnapshot(kv: KVNamespace, day: string): Promise<DaySnapshot> {
  const text = (await kv.get(KV.latestSnapshot)) ?? "";
  const payload = parseCanonicalJson(payloadBytes(JSON.parse(text))) as {
    version: number;
    models: Record<string, unknown>[];
  };
  const rows = payload.models.map((m) => {
    const lifecycle = typeof m.lifecycle === "string" ? m.lifecycle : undefined;
    return lifecycle ? { ticker: String(m.ticker), lifecycle } : { ticker: String(m.ticker) };
  });
  return {
    day,
    version: payload.version,
    models: rows.length,
    raw_bytes: Buffer.byteLength(text),
    gzip_bytes: gzipSync(text).byteLength,
    rows,
  };
}
