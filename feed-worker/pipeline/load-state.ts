import { fieldKey, type PublishedRow } from "../../oracle-core/publishing";
import type { PendingMove } from "../../oracle-core/publishing";
import type { HistoryObservation } from "../../oracle-core/schemas";
import { payloadSha256 } from "../../oracle-core/snapshot";
import { decodeState } from "../store/feed-state";
import { KV } from "../store/kv-keys";
import type { Env } from "../env";

export interface LoadedState {
  published: Map<string, PublishedRow>;
  pending: Map<string, PendingMove>;
  halted: Set<string>;
  modelCounts: Map<string, number>;
  lastOk: Map<string, string>;
  /** Each source's last archived raw payload (sha256): already in R2. */
  archived: Set<string>;
  observations: HistoryObservation[];
  lastVersion: number;
  latest: { version: number; sha256: string; issued_at: string; statuses: Map<string, string> } | null;
}

const key = fieldKey;

/** Everything the run compares against, read before anything is written. */
export async function loadState(env: Env): Promise<LoadedState> {
  const db = env.DB;
  const [pub, pend, health, obs, ver, latestText] = await Promise.all([
    db
      .prepare("SELECT ticker, field, value, effective_at, last_quoted_at FROM published")
      .all<{ ticker: string; field: string; value: number; effective_at: string; last_quoted_at: string | null }>(),
    db
      .prepare("SELECT ticker, field, value, first_seen_at, sources FROM pending")
      .all<{ ticker: string; field: string; value: number; first_seen_at: string; sources: string }>(),
    db.prepare("SELECT source, healthy, model_count, last_ok_at, last_sha256 FROM source_health").all<{
      source: string;
      healthy: number;
      model_count: number | null;
      last_ok_at: string | null;
      last_sha256: string | null;
    }>(),
    db
      .prepare(
        "SELECT ticker, family, field, value, tier_above_tokens, effective_at, observed_at, kind, source, provenance, confidence, raw_sha256, note FROM observations ORDER BY id",
      )
      .all<Record<string, unknown>>(),
    db.prepare("SELECT MAX(version) AS v FROM snapshots").first<{ v: number | null }>(),
    env.FEED_KV.get(KV.latestSnapshot),
  ]);
  const halted = new Set<string>();
  const haltList = await env.FEED_KV.list({ prefix: "halt:" });
  for (const k of haltList.keys) halted.add(k.name.slice("halt:".length));
  let latest: LoadedState["latest"] = null;
  if (latestText) {
    const s = decodeState(latestText);
    latest = {
      version: s.payload.version,
      sha256: await payloadSha256(JSON.parse(latestText) as { payload: string }),
      issued_at: s.payload.issued_at,
      statuses: new Map(s.payload.models.map((m) => [m.ticker, m.status])),
    };
  }
  return {
    published: new Map(
      pub.results.map((r) => [
        key(r.ticker, r.field),
        { value: r.value, effective_at: r.effective_at, last_quoted_at: r.last_quoted_at },
      ]),
    ),
    pending: new Map(
      pend.results.map((r) => [
        key(r.ticker, r.field),
        { value: r.value, first_seen_at: r.first_seen_at, sources: JSON.parse(r.sources) as string[] },
      ]),
    ),
    halted,
    // Only a healthy run's model count is the shrink check's reference.
    modelCounts: new Map(
      health.results.filter((r) => r.healthy === 1 && r.model_count).map((r) => [r.source, r.model_count!]),
    ),
    lastOk: new Map(health.results.filter((r) => r.last_ok_at).map((r) => [r.source, r.last_ok_at!])),
    // Written in the batch after the R2 put of those bytes, so a sha256 here is in R2.
    archived: new Set(health.results.flatMap((r) => (r.last_sha256 ? [r.last_sha256] : []))),
    observations: obs.results.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== null) o[k] = v;
      return o as unknown as HistoryObservation;
    }),
    lastVersion: ver?.v ?? 0,
    latest,
  };
}
