import { fitFamilies } from "../../oracle-core/greeks";
import { greekRow } from "../../oracle-core/greeks";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks";
import { decide, fieldKey } from "../../oracle-core/publishing";
import { setAsideFromRegistry } from "../../oracle-core/publishing";
import { frozenSources } from "../../oracle-core/publishing";
import { applyCuration, setAsideByPreference } from "../../oracle-core/registry";
import { DEFAULTS } from "../../oracle-core/quant";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";
import type { HistoryFile, HistoryObservation } from "../../oracle-core/schemas";
import type { RegistryFile } from "../../oracle-core/schemas";
import { payloadSha256, signSnapshot, signWidgetView, widgetView } from "../../oracle-core/snapshot";
import { bundledData } from "../data/bundled";
import { heartbeatSeconds, sourceMode, type Env } from "../env";
import { BUNDLED_ADAPTERS, ADAPTERS } from "../sources/index";
import { matchQuotes } from "../sources/match-quotes";
import { quotesInEffect } from "../sources/quotes-in-effect";
import { sourceUrl } from "../sources/source-urls";
import { loadSigner } from "../signing/signer";
import { ensureSchema } from "../store/db";
import { resetFeedState } from "../store/feed-state";
import { KV } from "../store/kv-keys";
import { seedIfEmpty } from "../store/seed";
import { curationMoves } from "../universe/curation-moves";
import { hasPendingChanges, loadStoredCuration } from "../universe/curation-store";
import { applyMoves, lifecycleMoves } from "../universe/lifecycle-step";
import { listingStep } from "../universe/listing-step";
import { lifecycleStatements, loadUniverse, type LifecycleMove } from "../universe/universe-store";
import { collectSource } from "./collect-sources";
import { buildIndexBlock } from "./index-block";
import { loadState } from "./load-state";
import { persistRun } from "./persist";
import { sourceBytesAges } from "./source-changes";
import type { SourceRun, StepName } from "./steps";

// The step names are part of runPipeline's contract (onStep, timings): callers may take them from here.
export { STEPS, type StepName } from "./steps";

export interface PipelineOptions {
  env: Env;
  /** Injected transport: bundled mode reads the archives through it, live mode the real URLs. */
  fetch: typeof fetch;
  /** Base URL the bundled archives are fetched from (the worker's static assets). */
  bundledBaseUrl: string;
  now: Date;
  /** "cron" publishes when something changed or the heartbeat is due; "heartbeat" always re-signs. */
  trigger: "cron" | "heartbeat" | "start";
  /** The registry and history to run on (default: the bundled, validated files). */
  data?: { registry: RegistryFile; history: HistoryFile };
  /** Called before each step (tests inject a throw to prove nothing partial is written). */
  onStep?: (step: StepName) => void | Promise<void>;
}

export interface PipelineReport {
  published: boolean;
  version: number | null;
  reason: string;
  changes: number;
  held: number;
  sources: { id: string; healthy: boolean; accepted: number; rejected: number }[];
  /** CPU-ish wall time per step in ms (bench). */
  timings: Partial<Record<StepName, number>>;
}

/** One run of the feed: collect → guard → reconcile → breaker → compute → sign → persist (SPEC §4). */
export async function runPipeline(opts: PipelineOptions): Promise<PipelineReport> {
  const { env, now } = opts;
  const timings: PipelineReport["timings"] = {};
  let t = performance.now();
  const step = async (name: StepName) => {
    const n = performance.now();
    await opts.onStep?.(name);
    t = n;
  };
  const done = (name: StepName) => (timings[name] = (timings[name] ?? 0) + performance.now() - t);

  await step("load");
  const mode = sourceMode(env);
  const { registry, history } = opts.data ?? bundledData();
  await ensureSchema(env.DB);
  await seedIfEmpty(env.DB, registry, history);
  // The universe in D1 (issue 11): the registry's tickers plus those the feed listed, each with its lifecycle.
  const universe = await loadUniverse(env.DB, registry, now.toISOString());
  // Curation taken through the admin API (D1), on top of the registry the builder made with data/curation.json.
  const curation = await loadStoredCuration(env.DB);
  const state = await loadState(env);
  // An admin action stamps its change with the next version: one is waiting, so this run publishes.
  const curationPending = await hasPendingChanges(env.DB, Math.max(state.lastVersion, state.latest?.version ?? 0));
  const signer = await loadSigner(env);
  done("load");

  await step("collect");
  const adapters = mode === "bundled" ? BUNDLED_ADAPTERS : ADAPTERS;
  const tickers = universe.map((r) => ({ ticker: r.ticker, match: r.entry.match }));
  const published = (ticker: string, field: string) => state.published.get(fieldKey(ticker, field))?.value;
  const runs: SourceRun[] = await Promise.all(
    adapters.map((adapter) =>
      collectSource(
        adapter,
        opts.fetch,
        { mode, bundledBaseUrl: opts.bundledBaseUrl, now, url: sourceUrl(adapter, env, mode, opts.bundledBaseUrl) },
        { previousModelCount: state.modelCounts.get(adapter.id), tickers, published },
      ),
    ),
  );

  // A healthy source whose bytes stopped moving while others moved is `frozen`: shown, but it loses its vote.
  const frozen = frozenSources(await sourceBytesAges(env.DB, runs, now), now);
  done("collect");

  await step("reconcile");
  const voting = runs.filter((r) => r.guard.healthy && !frozen.has(r.adapter.id));
  const accepted = voting.flatMap((r) => r.guard.accepted);
  // Prices in force on the data's own date in bundled mode (the archives' "now"), on today in live mode.
  const inForceOn = mode === "bundled" ? registry.as_of : now;
  const inForce = quotesInEffect(accepted, inForceOn);
  let { matched } = matchQuotes(inForce, tickers);
  // Listing (live mode): unmatched quotes two origins agree on become provisional rows, priced in this run.
  const entriesBefore = universe.map((r) => r.entry);
  const listing =
    mode === "live"
      ? await listingStep({
          db: env.DB,
          runs: voting,
          quotes: inForce,
          matched,
          universe: entriesBefore,
          now,
          curated: applyCuration([], curation),
        })
      : null;
  if (listing && listing.entries.length > 0) {
    tickers.push(...listing.entries.map((e) => ({ ticker: e.ticker, match: e.match })));
    matched = matchQuotes(inForce, tickers).matched;
    for (const [k, row] of listing.published) state.published.set(k, row);
  }
  // Lifecycle moves (manual curation, delisting, unquoted, listing), applied to the rows this run prices and written
  // with its snapshot. A ticker an admin moves in this run takes no rule move of its state in the same run.
  const manual = curationMoves(universe, curation);
  const moved = new Set(manual.map((m) => m.ticker));
  const moves: LifecycleMove[] = [
    ...manual,
    ...lifecycleMoves({
      rows: universe,
      voting,
      quoted: new Set(matched.map((q) => q.ticker)),
      today: now.toISOString().slice(0, 10),
    }).filter((m) => !moved.has(m.ticker) || !["deprecated", "retired", "promoted"].includes(m.kind)),
    ...(listing?.moves ?? []).filter((m) => !moved.has(m.ticker) || m.kind !== "promoted"),
  ];
  // Then the rest of the stored curation (families, preferred sources, the dates of manual states).
  const curated = applyCuration(applyMoves(universe, moves), curation);
  const entries = curated.models;
  const registrySetAside = setAsideFromRegistry(entries);
  const preferredSetAside = setAsideByPreference(curated.preferred);
  const decisions = decide({
    tickers: entries.map((m) => m.ticker),
    quotes: matched,
    published: state.published,
    pending: state.pending,
    halted: state.halted,
    composites: new Set(entries.filter((m) => m.composite).map((m) => m.ticker)),
    setAside: (t, f, src, v) => registrySetAside(t, f, src, v) || preferredSetAside(t, f, src, v),
    outvoted: setAsideFromRegistry(entries, "outvoted"),
    now,
    mode,
  });
  done("reconcile");

  await step("compute");
  const valuationDate = now.toISOString().slice(0, 10);
  const newObs: HistoryObservation[] = decisions.publishes
    .filter((p) => p.from !== null)
    .map((p) => ({
      ticker: p.ticker,
      family: entries.find((m) => m.ticker === p.ticker)!.family,
      field: p.field,
      value: p.value,
      effective_at: p.effective_at,
      observed_at: now.toISOString(),
      kind: p.value < (p.from ?? 0) ? "cut" : "rise",
      source: p.sources.join(",") || "feed",
      provenance: `scrape:${p.sources.join("+") || "feed"}`,
      confidence: "archive",
      note: `breaker: ${p.reason}`,
    }));
  const allObs = [...state.observations, ...newObs];
  const fits = fitFamilies({ observations: allObs }, history.families, valuationDate);
  const models = entries.map((m) =>
    greekRow(
      m,
      fits.get(m.family),
      decisions.quotes.get(m.ticker)!,
      allObs,
      valuationDate,
      DEFAULTS.theta_prior_global,
    ),
  );
  const heartbeat = heartbeatSeconds(env);
  const version = Math.max(state.lastVersion, state.latest?.version ?? 0) + 1;
  const payload: SnapshotPayload = {
    version,
    issued_at: now.toISOString(),
    expires_at: new Date(now.getTime() + 3 * heartbeat * 1000).toISOString(),
    heartbeat_s: heartbeat,
    prev_sha256: state.latest?.sha256 ?? null,
    keyset_version: signer.keysetVersion,
    methodology_version: "1.0.0",
    mode,
    data_as_of: mode === "bundled" ? registry.as_of : valuationDate,
    valuation_date: valuationDate,
    models,
    index: buildIndexBlock(models, allObs, valuationDate),
    reference_profiles: [...REFERENCE_PROFILES],
    sources: runs.map((r) => ({
      id: r.adapter.id,
      healthy: r.guard.healthy,
      last_fetch_at: r.raw.fetched_at,
      last_ok_at: r.guard.healthy ? r.raw.fetched_at : (state.lastOk.get(r.adapter.id) ?? null),
      last_sha256: r.raw.ok ? r.raw.sha256 : null,
      model_count: r.guard.model_count,
      reasons: r.guard.reasons.slice(0, 4),
      ...(frozen.has(r.adapter.id) ? { frozen: true } : {}),
    })),
  };
  done("compute");

  // Publish when a price or status moved, or the heartbeat is due; otherwise only source health is saved.
  const statusMoved = !state.latest || models.some((m) => state.latest!.statuses.get(m.ticker) !== m.status);
  const heartbeatDue = !state.latest || now.getTime() - Date.parse(state.latest.issued_at) >= heartbeat * 1000 * 0.98;
  // A run that committed to D1 but died before the KV write left readers behind: publish now.
  const interrupted = state.lastVersion > (state.latest?.version ?? 0);
  const publish =
    opts.trigger !== "cron" ||
    interrupted ||
    decisions.publishes.some((p) => p.from !== null) ||
    decisions.holds.some((h) => h.isNew) ||
    moves.length > 0 ||
    statusMoved ||
    curationPending ||
    heartbeatDue;

  await step("sign");
  let envelope: string | null = null;
  let sha256: string | null = null;
  let view: string | null = null;
  if (publish) {
    const checked = SnapshotPayloadSchema.parse(payload);
    const env_ = await signSnapshot(checked, signer.signer);
    envelope = JSON.stringify(env_);
    sha256 = await payloadSha256(env_);
    // The widgets' compact view of this snapshot, same key and envelope (GET /v1/widget-view).
    view = JSON.stringify(await signWidgetView(widgetView(checked, sha256), signer.signer));
  }
  done("sign");

  await persistRun({
    env,
    now,
    runs,
    decisions,
    newObs,
    lifecycle: (v) => [
      ...lifecycleStatements(env.DB, moves, v, now.toISOString()),
      ...(listing?.publishedWrites(v) ?? []),
    ],
    always: listing?.candidateWrites ?? [],
    archived: state.archived,
    snapshot:
      envelope && sha256
        ? {
            version,
            envelope,
            sha256,
            prev_sha256: payload.prev_sha256,
            issued_at: payload.issued_at,
            expires_at: payload.expires_at,
            reason: opts.trigger,
          }
        : null,
    step: async (name) => {
      await step(name);
    },
    done,
  });
  // After the snapshot's own KV write: a view never runs ahead of the snapshot it was cut from.
  if (view) await env.FEED_KV.put(KV.widgetView, view);
  if (envelope) resetFeedState();
  return {
    published: envelope !== null,
    version: envelope ? version : (state.latest?.version ?? null),
    reason: envelope
      ? opts.trigger === "cron"
        ? heartbeatDue
          ? "heartbeat due or first publish"
          : curationPending
            ? "prices, statuses or curation changed"
            : "prices or statuses changed"
        : opts.trigger
      : "nothing changed; heartbeat not due",
    changes: decisions.publishes.filter((p) => p.from !== null).length,
    held: decisions.holds.length,
    sources: runs.map((r) => ({
      id: r.adapter.id,
      healthy: r.guard.healthy,
      accepted: r.guard.accepted.length,
      rejected: r.guard.rejected.length,
    })),
    timings,
  };
}
