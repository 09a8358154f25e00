import type { LifecycleFields } from "../api-core/lifecycle-note";
// Fixtures for the widget browser tests: a realistic signed snapshot (real tickers and prices from
// data/registry.json and data/history.json), its keyset, history endpoints, and two loopback servers
// — the feed (serves dist/public, CORS *) and a host page origin — so CSP and cross-origin are real.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { lifecycleData } from "../oracle-core/forecast";
import { fitLifecycle } from "../oracle-core/forecast";
import { rowForecast, tickerForward } from "../oracle-core/forecast";
import { sig } from "../oracle-core/forecast";
import { TENORS } from "../oracle-core/quant";
import type { GreekRow, RowForecast } from "../oracle-core/schemas";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../oracle-core/schemas";
import { makeKeyset, payloadSha256, signSnapshot, type DsseEnvelope } from "../oracle-core/snapshot";
import { signWidgetView, widgetView } from "../oracle-core/snapshot";
import { testSigner } from "../test/support/test-signer";
import { now as clockNow } from "./clock";
import { startStaticServer, type Route, type TestServer } from "./static-server";
import { DIST, ROOT } from "./widgets-build";
export { DIST, ROOT };

const DAY = 86_400_000;

/**
 * The fixture snapshot's valuation date, pinned so forwards, tenor dates and chart ranges are the same on any day the
 * suite runs; issued_at and expires_at follow the tests' clock (./clock.ts) because the widgets check expiry.
 */
export const FIXTURE_VALUATION_DATE = "2026-11-24";

/** UTC date of a time in ms. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface RowSpec {
  ticker: string;
  display_name: string;
  provider: string;
  family: string;
  release_date: string;
  context_window: number;
  max_output: number;
  reasoning: boolean;
  tokenizer: string;
  input: number;
  output: number;
  cache_read: number | null;
  cache_write_5m: number | null;
  cache_write_1h: number | null;
  r_batch: number | null;
  theta: number;
  sigma_month: number;
  last_change: GreekRow["last_change"];
}

// Prices as data/registry.json lists them (USD per million tokens); θ per year in the range MATH.md §5 reports
// (descriptive: the forwards come from the lifecycle forecast below).
const SPECS: RowSpec[] = [
  {
    ticker: "OPUS-4.6",
    display_name: "Claude Opus 4.6",
    provider: "anthropic",
    family: "anthropic-opus",
    release_date: "2026-02-05",
    context_window: 1_000_000,
    max_output: 128_000,
    reasoning: true,
    tokenizer: "estimate:claude",
    input: 5,
    output: 25,
    cache_read: 0.5,
    cache_write_5m: 6.25,
    cache_write_1h: 10,
    r_batch: 0.5,
    theta: 0.6417,
    sigma_month: 0.12,
    last_change: { field: "output", from: null, to: 25, effective_at: "2026-02-05" },
  },
  {
    ticker: "GPT-4.1",
    display_name: "GPT-4.1",
    provider: "openai",
    family: "openai-flagship",
    release_date: "2025-04-14",
    context_window: 1_047_576,
    max_output: 32_768,
    reasoning: false,
    tokenizer: "o200k_base",
    input: 2,
    output: 8,
    cache_read: 0.5,
    cache_write_5m: null,
    cache_write_1h: null,
    r_batch: 0.5,
    theta: 0.8015,
    sigma_month: 0.1,
    last_change: { field: "output", from: null, to: 8, effective_at: "2025-04-14" },
  },
  {
    ticker: "SONNET-4.5",
    display_name: "Claude Sonnet 4.5",
    provider: "anthropic",
    family: "anthropic-sonnet",
    release_date: "2025-09-29",
    context_window: 1_000_000,
    max_output: 64_000,
    reasoning: true,
    tokenizer: "estimate:claude",
    input: 3,
    output: 15,
    cache_read: 0.3,
    cache_write_5m: 3.75,
    cache_write_1h: 6,
    r_batch: 0.5,
    theta: 0.4,
    sigma_month: 0.08,
    last_change: { field: "output", from: null, to: 15, effective_at: "2025-09-29" },
  },
  {
    ticker: "GPT-4O",
    display_name: "GPT-4o",
    provider: "openai",
    family: "openai-flagship",
    release_date: "2024-05-13",
    context_window: 128_000,
    max_output: 16_384,
    reasoning: false,
    tokenizer: "o200k_base",
    input: 2.5,
    output: 10,
    cache_read: 1.25,
    cache_write_5m: null,
    cache_write_1h: null,
    r_batch: 0.5,
    theta: 0.8015,
    sigma_month: 0.1,
    last_change: { field: "output", from: 15, to: 10, effective_at: "2024-08-06" },
  },
];

/** The lifecycle models fitted on data/history.json as of the valuation date, as the feed fits them. */
let lifecycle: { data: ReturnType<typeof lifecycleData>; fit: ReturnType<typeof fitLifecycle> } | undefined;
function lifecycleOn(valuationDate: string) {
  if (!lifecycle) {
    const h = JSON.parse(readFileSync(resolve(ROOT, "data/history.json"), "utf8")) as {
      observations: Parameters<typeof lifecycleData>[0];
      families: Parameters<typeof lifecycleData>[1];
    };
    const data = lifecycleData(h.observations, h.families);
    lifecycle = { data, fit: fitLifecycle(data, valuationDate) };
  }
  return lifecycle;
}

function row(s: RowSpec, valuationDate: string, forecastOverride?: Partial<RowForecast>): GreekRow {
  const out = s.output;
  const cwm = (p: number | null) => (p === null ? 1.25 : p / s.input);
  // The forecast block and forwards as the feed publishes them (oracle-core greekRow): the lifecycle forward.
  const { data, fit } = lifecycleOn(valuationDate);
  const forecast = { ...rowForecast(data, fit, s, valuationDate), ...forecastOverride };
  const base = { ticker: s.ticker, beta: out, theta: s.theta, scheduled: [], forecast };
  const fwd = (t: string) => sig(tickerForward(base, valuationDate, TENORS[t]!), 6);
  return {
    ticker: s.ticker,
    display_name: s.display_name,
    provider: s.provider,
    family: s.family,
    lifecycle: "active",
    release_date: s.release_date,
    context_window: s.context_window,
    max_output: s.max_output,
    reasoning: s.reasoning,
    tokenizer: s.tokenizer,
    composite: null,
    beta: out,
    beta_batch: s.r_batch === null ? null : out * s.r_batch,
    prices: {
      input: s.input,
      output: out,
      cache_read: s.cache_read,
      cache_write_5m: s.cache_write_5m,
      cache_write_1h: s.cache_write_1h,
      thinking: s.reasoning ? out : null,
    },
    r_in: s.input / out,
    r_cache: (s.cache_read ?? s.input) / out,
    r_think: 1,
    r_batch: s.r_batch,
    cache_write_mult: { "5m": cwm(s.cache_write_5m), "1h": s.cache_write_1h === null ? 2 : s.cache_write_1h / s.input },
    tiers: [],
    windows: [],
    scheduled: [],
    theta: s.theta,
    theta_month: s.theta / 12,
    theta_raw: s.theta,
    t_eff_years: 1.7,
    credibility_z: 0.77,
    theta_prior: "family",
    sigma_month: s.sigma_month,
    forwards: { "1M": fwd("1M"), "3M": fwd("3M"), "6M": fwd("6M"), "12M": fwd("12M") },
    forecast,
    status: "ok",
    dispersion: 0,
    sources: ["genai-prices", "litellm", "models.dev"],
    last_change: s.last_change,
    pending: null,
  };
}

/** Options of a fixture snapshot. */
export interface SnapshotOptions {
  version?: number;
  /** The client's clock (default: the tests' clock): issued_at = now − issuedAgoMs. */
  nowMs?: number;
  issuedAgoMs?: number;
  heartbeat_s?: number;
  mode?: "bundled" | "live";
  index?: SnapshotPayload["index"];
  /** Per-ticker row overrides. */
  rows?: Record<string, Partial<GreekRow>>;
  /** Per-ticker forecast-block overrides (e.g. a young model); the row's forwards follow them. */
  forecasts?: Record<string, Partial<RowForecast>>;
}

/** The lifecycle fields of a row (issue 11): its state and the dates the feed sets (the clients' own type). */
export type LifecyclePatch = LifecycleFields;

/**
 * One of each lifecycle a client shows, on the four fixture rows (valuation date 2026-11-24): OPUS-4.6 provisional
 * (listed 2026-11-20), GPT-4.1 deprecated (retires 2027-01-15), GPT-4O retired (2026-10-01), SONNET-4.5 active but
 * unquoted since 2026-11-01 (23 days, past the 14-day mark).
 */
export const EVERY_LIFECYCLE: Record<string, LifecyclePatch> = {
  "OPUS-4.6": { lifecycle: "provisional", listed_at: "2026-11-20" },
  "GPT-4.1": { lifecycle: "deprecated", deprecated_at: "2026-06-06", retired_at: "2027-01-15" },
  "GPT-4O": { lifecycle: "retired", deprecated_at: "2026-06-06", retired_at: "2026-10-01" },
  "SONNET-4.5": { lifecycle: "active", unquoted_since: "2026-11-01" },
};

/** Snapshot options with lifecycle states set on chosen rows (merged into `rows`): no data file is edited. */
export function withLifecycle(
  set: Record<string, LifecyclePatch> = EVERY_LIFECYCLE,
  o: SnapshotOptions = {},
): SnapshotOptions {
  const rows = { ...o.rows };
  for (const [t, patch] of Object.entries(set)) rows[t] = { ...rows[t], ...patch };
  return { ...o, rows };
}

/** A schema-valid snapshot payload with the four fixture models. */
export function snapshotPayload(o: SnapshotOptions = {}): SnapshotPayload {
  const now = o.nowMs ?? clockNow();
  const issued = now - (o.issuedAgoMs ?? 60_000);
  const heartbeat_s = o.heartbeat_s ?? 3600;
  const valuation_date = FIXTURE_VALUATION_DATE;
  const models = SPECS.map((s) => ({
    ...row(s, valuation_date, o.forecasts?.[s.ticker]),
    ...(o.rows?.[s.ticker] ?? {}),
  }));
  const constituents = models.map((m) => ({
    ticker: m.ticker,
    provider: m.provider,
    weight: 0.25,
    price: m.beta,
    quantity: 250 / m.beta,
    contribution: 250,
    stale: false,
  }));
  const payload = {
    version: o.version ?? 42,
    issued_at: new Date(issued).toISOString(),
    expires_at: new Date(issued + 3 * heartbeat_s * 1000).toISOString(),
    heartbeat_s,
    prev_sha256: "0".repeat(64),
    keyset_version: 1,
    methodology_version: "1.0.0",
    mode: o.mode ?? "bundled",
    data_as_of: "2026-08-21",
    valuation_date,
    models,
    index:
      o.index !== undefined
        ? o.index
        : {
            name: "EICI",
            level: 1000 * 0.8123,
            level_usd_per_m: 14.5,
            divisor: 0.0145,
            base_date: "2025-01-01",
            base_value: 1000,
            fixing_date: valuation_date,
            index_breaker: false,
            rebalance_date: "2026-07-01",
            forwards_usd_per_m: { "1M": 14.4, "3M": 14.1, "6M": 13.6, "12M": 12.7 },
            constituents,
          },
    reference_profiles: [{ id: "rag", name: "RAG", n_in: 30_000, n_out: 800, eta: 0.6 }],
    sources: [
      {
        id: "genai-prices",
        healthy: true,
        last_fetch_at: new Date(issued).toISOString(),
        last_ok_at: new Date(issued).toISOString(),
        last_sha256: "ab".repeat(32),
        model_count: 4,
        reasons: [],
      },
    ],
  };
  return SnapshotPayloadSchema.parse(payload);
}

/** A snapshot signed by test key A (what the fixture keyset trusts). */
export async function signedSnapshot(
  o: SnapshotOptions = {},
): Promise<{ payload: SnapshotPayload; envelope: DsseEnvelope }> {
  const payload = snapshotPayload(o);
  return { payload, envelope: await signSnapshot(payload, await testSigner("a")) };
}

/** The /.well-known/exostream-keys.json document: one self-signed keyset with key A. */
/** The widget view the feed would publish with that snapshot: cut from it, signed with the same test key "a". */
export async function signedWidgetView(o: SnapshotOptions = {}): Promise<DsseEnvelope> {
  const { payload, envelope } = await signedSnapshot(o);
  return signWidgetView(widgetView(payload, await payloadSha256(envelope)), await testSigner("a"));
}

export async function keysDocument(): Promise<{ keysets: DsseEnvelope[] }> {
  const a = await testSigner("a");
  return { keysets: [await makeKeyset({ keyset_version: 1, keys: [{ public_key: a.publicKeyRaw }], signers: [a] })] };
}

/** Real observations of a ticker from data/history.json (what /v1/history/:ticker serves). */
export function historyOf(ticker: string, field?: string): Record<string, unknown>[] {
  const h = JSON.parse(readFileSync(resolve(ROOT, "data/history.json"), "utf8")) as {
    observations: Record<string, unknown>[];
  };
  return h.observations.filter((o) => o.ticker === ticker && (field === undefined || o.field === field));
}

/** What the fixture feed serves; tests change it between page loads. */
export interface FeedState {
  snapshot: unknown;
  keys: unknown;
  /** The envelope /v1/widget-view serves; unset, the route answers 404 (a feed from before the view). */
  view?: unknown;
  /** Serve nothing on /v1/snapshot (network failure as the page sees it: HTTP 503). */
  down?: boolean;
  indexHistory?: { date: string; level: number }[];
}

function json(res: ServerResponse, status: number, body: unknown): true {
  res
    .writeHead(status, {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    })
    .end(JSON.stringify(body));
  return true;
}

/** The feed origin: dist/public plus the signed snapshot, keys, history and /embed/<widget> routes (CORS *). */
export async function startFeed(state: FeedState): Promise<TestServer> {
  const routes: Route[] = [
    (_req: IncomingMessage, res, url) => {
      if (url.pathname === "/v1/snapshot")
        return state.down ? json(res, 503, { error: { code: "E_DOWN" } }) : json(res, 200, state.snapshot);
      if (url.pathname === "/v1/widget-view") {
        if (state.down) return json(res, 503, { error: { code: "E_DOWN" } });
        return state.view === undefined
          ? json(res, 404, { error: { code: "E_NOT_FOUND" } })
          : json(res, 200, state.view);
      }
      if (url.pathname === "/.well-known/exostream-keys.json") return json(res, 200, state.keys);
      const h = /^\/v1\/history\/([^/]+)$/.exec(url.pathname);
      if (h)
        return json(res, 200, {
          ticker: decodeURIComponent(h[1]!),
          data: historyOf(decodeURIComponent(h[1]!), url.searchParams.get("field") ?? undefined),
        });
      if (url.pathname === "/v1/index/history") return json(res, 200, { data: state.indexHistory ?? [] });
      const e = /^\/embed\/([a-z-]+)$/.exec(url.pathname);
      if (e) {
        res
          .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
          .end(readFileSync(resolve(DIST, `embed/${e[1]}.html`)));
        return true;
      }
      // A second, independent copy of the widget files (two copies of the script on one page).
      if (url.pathname.startsWith("/copy/widgets/")) {
        res
          .writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Access-Control-Allow-Origin": "*" })
          .end(readFileSync(resolve(DIST, url.pathname.slice("/copy/".length))));
        return true;
      }
      return false;
    },
  ];
  return startStaticServer(DIST, routes, { "Access-Control-Allow-Origin": "*" });
}

/**
 * A demo page as a third-party site serves it: its /widgets/ and /embed/ URLs point at the feed
 * origin, and the CSP meta's 'self' becomes the feed origin (the widget origin of the issue's policy).
 */
export function hostPage(demo: string, feed: string, edit: (html: string) => string = (h) => h): string {
  const html = readFileSync(resolve(DIST, "widgets/demos", demo), "utf8")
    .replaceAll('="/widgets/', `="${feed}/widgets/`)
    .replaceAll('="/embed/', `="${feed}/embed/`)
    .replace(
      /(http-equiv="Content-Security-Policy" content=")([^"]*)"/,
      (_m, a: string, p: string) => `${a}${p.replaceAll("'self'", feed)}"`,
    );
  return edit(html);
}

/** The host origin: serves `pages` (path → HTML) with optional response headers per path. */
export async function startHost(
  pages: Record<string, string | (() => string)>,
  headers: Record<string, Record<string, string>> = {},
): Promise<TestServer> {
  return startStaticServer(resolve(ROOT, "widgets/demos"), [
    (_req, res, url) => {
      const p = pages[url.pathname];
      if (p === undefined) return false;
      res
        .writeHead(200, {
          "Content-Type": "text/html; charset=utf-8",
          "Cache-Control": "no-store",
          ...(headers[url.pathname] ?? {}),
        })
        .end(typeof p === "string" ? p : p());
      return true;
    },
  ]);
}

/** Days between two YYYY-MM-DD dates. */
export const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
