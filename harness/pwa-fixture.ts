import type { LifecycleFields } from "../api-core/lifecycle-note";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fitFamilies } from "../oracle-core/greeks";
import { tickerForward } from "../oracle-core/forecast";
import { sig } from "../oracle-core/forecast";
import { greekRow } from "../oracle-core/greeks";
import { indexForwardGrid } from "../oracle-core/market";
import { REFERENCE_PROFILES } from "../oracle-core/greeks";
import { DEFAULTS } from "../oracle-core/quant";
import { HistoryFileSchema, type HistoryObservation } from "../oracle-core/schemas";
import type { GreekRow } from "../oracle-core/schemas";
import { RegistryFileSchema } from "../oracle-core/schemas";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../oracle-core/schemas";
import { makeKeyset, signSnapshot, type DsseEnvelope } from "../oracle-core/snapshot";
import { testSigner } from "../test/support/test-signer";

const ROOT = resolve(import.meta.dirname, "..");
export const VALUATION_DATE = "2026-08-21";

const registry = RegistryFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "data/registry.json"), "utf8")));
export const HISTORY = HistoryFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "data/history.json"), "utf8")));

/** The Greek sheet of the bundled registry and history (real tickers and prices: GPT-4.1 $2/$8, SONNET-4.5 $3/$15…). */
export function fixtureModels(): SnapshotPayload["models"] {
  const fits = fitFamilies(HISTORY, HISTORY.families, VALUATION_DATE);
  return registry.models.map((m) =>
    greekRow(
      m,
      fits.get(m.family),
      { prices: {}, status: "ok", dispersion: null, sources: ["genai-prices", "litellm"], pending: null },
      HISTORY.observations,
      VALUATION_DATE,
      DEFAULTS.theta_prior_global,
    ),
  );
}

/** The lifecycle fields of a row (issue 11): its state and the dates the feed sets (the clients' own type). */
export type LifecyclePatch = LifecycleFields;

/**
 * One of each lifecycle a client shows, on real registry rows (valuation date 2026-08-21): SONNET-4.5 provisional
 * (listed 2026-08-18), GPT-4O deprecated (retires 2026-12-15), GPT-4 retired (2026-07-01), GEMINI-2.5-FLASH active but
 * unquoted since 2026-08-01 (20 days, past the 14-day mark).
 */
export const EVERY_LIFECYCLE: Record<string, LifecyclePatch> = {
  "SONNET-4.5": { lifecycle: "provisional", listed_at: "2026-08-18" },
  "GPT-4O": { lifecycle: "deprecated", deprecated_at: "2026-06-06", retired_at: "2026-12-15" },
  "GPT-4": { lifecycle: "retired", deprecated_at: "2025-06-06", retired_at: "2026-07-01" },
  "GEMINI-2.5-FLASH": { lifecycle: "active", unquoted_since: "2026-08-01" },
};

/** The rows with lifecycle states set on chosen tickers: `fixturePayload(now, { models: withLifecycle() })`. */
export function withLifecycle(
  set: Record<string, LifecyclePatch> = EVERY_LIFECYCLE,
  models: SnapshotPayload["models"] = fixtureModels(),
): SnapshotPayload["models"] {
  return models.map((m) => (set[m.ticker] ? { ...m, ...set[m.ticker] } : m));
}

// A small published index (MATH.md §8.4 at a rebalance: B = 1000 USD, D = 1, so level = Σ q·p = 1000).
function fixtureIndex(models: SnapshotPayload["models"]): SnapshotPayload["index"] {
  const basket: Array<[string, number]> = [
    ["GPT-4.1", 0.3],
    ["SONNET-4.5", 0.3],
    ["GEMINI-2.5-FLASH", 0.2],
    ["DEEPSEEK-V3.2", 0.2],
  ];
  const constituents = basket.map(([ticker, weight]) => {
    const row = models.find((m) => m.ticker === ticker)!;
    const quantity = (weight * 1000) / row.beta;
    return {
      ticker,
      provider: row.provider,
      weight,
      price: row.beta,
      quantity,
      contribution: quantity * row.beta,
      stale: false,
    };
  });
  const level = constituents.reduce((s, c) => s + c.contribution, 0);
  const usd = constituents.reduce((s, c) => s + c.weight * c.price, 0);
  // The forward as the feed signs it (oracle-core indexBlock): each member's USD/M contribution × its ticker forward ÷
  // spot.
  const byTicker = new Map(models.map((m) => [m.ticker, m]));
  const grid = indexForwardGrid(
    Object.fromEntries(constituents.map((c) => [c.ticker, c.weight * c.price])),
    (t, tau) => {
      const r = byTicker.get(t)!;
      return tickerForward(r, VALUATION_DATE, tau) / r.beta;
    },
  ).map((x) => sig(x, 6));
  const forwards_usd_per_m = { "1M": grid[0]!, "3M": grid[2]!, "6M": grid[5]!, "12M": grid[11]! };
  return {
    name: "EICI",
    level,
    level_usd_per_m: usd,
    divisor: 1,
    base_date: "2025-01-06",
    base_value: 1000,
    fixing_date: VALUATION_DATE,
    index_breaker: false,
    forwards_usd_per_m,
    forward_grid_usd_per_m: grid,
    constituents,
  };
}

/** A schema-valid snapshot payload issued at `nowMs`. */
export function fixturePayload(nowMs: number, over: Partial<SnapshotPayload> = {}): SnapshotPayload {
  const models = fixtureModels();
  const heartbeat_s = 3600;
  return SnapshotPayloadSchema.parse({
    version: 42,
    issued_at: new Date(Math.floor(nowMs / 1000) * 1000).toISOString(),
    expires_at: new Date(Math.floor(nowMs / 1000) * 1000 + 3 * heartbeat_s * 1000).toISOString(),
    heartbeat_s,
    prev_sha256: "0".repeat(64),
    keyset_version: 1,
    methodology_version: "1.0.0",
    mode: "bundled",
    data_as_of: VALUATION_DATE,
    valuation_date: VALUATION_DATE,
    models,
    index: fixtureIndex(models),
    reference_profiles: REFERENCE_PROFILES,
    sources: [
      {
        id: "genai-prices",
        healthy: true,
        last_fetch_at: new Date(nowMs).toISOString(),
        last_ok_at: new Date(nowMs).toISOString(),
        last_sha256: "a".repeat(64),
        model_count: 80,
        reasons: [],
      },
      {
        id: "openrouter",
        healthy: false,
        last_fetch_at: new Date(nowMs).toISOString(),
        last_ok_at: null,
        last_sha256: null,
        model_count: 0,
        reasons: ["HTTP 503 on the last fetch"],
      },
    ],
    ...over,
  });
}

/** Signs a payload with the RFC 8032 test key "a" (tests only). */
export async function signFixture(payload: SnapshotPayload): Promise<DsseEnvelope> {
  return signSnapshot(payload, await testSigner("a"));
}

/** The /.well-known/exostream-keys.json document for test key "a". */
export async function fixtureKeys(): Promise<{ keysets: DsseEnvelope[] }> {
  const signer = await testSigner("a");
  return {
    keysets: [await makeKeyset({ keyset_version: 1, keys: [{ public_key: signer.publicKeyRaw }], signers: [signer] })],
  };
}

/** The history rows GET /v1/history/:ticker serves, in the feed's column shape. */
export function fixtureHistory(ticker: string): Array<Record<string, unknown>> {
  return HISTORY.observations
    .filter((o: HistoryObservation) => o.ticker === ticker)
    .map((o) => ({
      ticker: o.ticker,
      family: o.family,
      field: o.field,
      value: o.value,
      effective_at: o.effective_at,
      observed_at: o.observed_at,
      kind: o.kind,
      source: o.source,
      provenance: o.provenance,
      confidence: o.confidence,
      raw_sha256: o.raw_sha256 ?? null,
      note: o.note ?? null,
    }));
}
