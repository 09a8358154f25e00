import type { Context, Hono } from "hono";
import {
  answer,
  ApiError,
  backtestBody,
  indexBody,
  monteCarloBody,
  parseWith,
  requireFamily,
  rowOf,
  swapBody,
} from "../../api-core";
import type { IndexSeriesPoint, IndexSeriesResult } from "../../oracle-core/market";
import { FIXING_UTC } from "../../oracle-core/market";
import { mcQuery } from "../../oracle-core/market";
import { MonteCarloQuerySchema, SwapRequestSchema } from "../../oracle-core/schemas";
import type { HistoryObservation } from "../../oracle-core/schemas";
import { bundledData } from "../data/bundled";
import type { AppEnv } from "../env";
import { dateQuery, wantsCsv } from "../http/query";
import { limitBody, rateLimit } from "../http/limits";
import { readJsonBody } from "../http/read-json-body";
import { etagMatches, requireState, sendWithEtag, versionEtag } from "../http/respond";
import { feedIndexSeries } from "../pipeline/index-block";
import { ensureSchema } from "../store/db";
import { body, getFeedState, type FeedState } from "../store/feed-state";

const CSV_COLUMNS = [
  "date",
  "level",
  "level_usd_per_m",
  "divisor",
  "rebalanced",
  "index_breaker",
  "members",
  "stale",
  "entries",
  "exits",
] as const;

/** Output-price observations of the feed's history (bundled + feed-written), read once per snapshot version. */
const observationsOf = new WeakMap<FeedState, Promise<HistoryObservation[]>>();
function outputObservations(c: Context<AppEnv>, s: FeedState): Promise<HistoryObservation[]> {
  let p = observationsOf.get(s);
  if (!p) {
    p = (async () => {
      await ensureSchema(c.env.DB);
      const rs = await c.env.DB.prepare(
        "SELECT ticker, family, field, value, effective_at, observed_at, kind, source, provenance, confidence FROM observations WHERE field = 'output' ORDER BY id",
      ).all<HistoryObservation>();
      return rs.results;
    })();
    p.catch(() => observationsOf.delete(s));
    observationsOf.set(s, p);
  }
  return p;
}

/** The daily EICI series of this snapshot version (the same inputs as its index block). */
const seriesOf = new WeakMap<FeedState, IndexSeriesResult | null>();
async function indexSeriesOf(c: Context<AppEnv>, s: FeedState): Promise<IndexSeriesResult> {
  if (!seriesOf.has(s))
    seriesOf.set(s, feedIndexSeries(s.payload.models, await outputObservations(c, s), s.payload.valuation_date));
  const series = seriesOf.get(s);
  if (!series)
    throw new ApiError(503, "E_NO_INDEX", "the index has no base date yet: too few priced models for the caps");
  return series;
}

function csvOf(points: readonly IndexSeriesPoint[]): string {
  const cell = (p: IndexSeriesPoint, k: (typeof CSV_COLUMNS)[number]): string => {
    const v = p[k];
    if (v === undefined || v === null) return "";
    return Array.isArray(v) ? v.join(" ") : String(v);
  };
  return (
    [CSV_COLUMNS.join(","), ...points.map((p) => CSV_COLUMNS.map((k) => cell(p, k)).join(","))].join("\r\n") + "\r\n"
  );
}

/**
 * GET /v1/index, /v1/index/history, /v1/backtest, /v1/monte-carlo/:ticker and POST /v1/swap (SPEC §6, MATH.md §8–11).
 */
export function marketRoutes(app: Hono<AppEnv>): void {
  const state = async (c: { env: AppEnv["Bindings"] }) => requireState(await getFeedState(c.env, Date.now()));
  app.use("/v1/swap", limitBody, rateLimit);
  for (const path of ["/v1/monte-carlo/*", "/v1/backtest"]) app.use(path, rateLimit);

  app.get("/v1/index", async (c) => {
    const s = await state(c);
    return sendWithEtag(
      c,
      versionEtag(s, "index"),
      body(s, "index", () => indexBody(s)),
    );
  });

  app.get("/v1/index/history", async (c) => {
    const s = await state(c);
    const from = dateQuery(c, "from");
    const to = dateQuery(c, "to");
    const csv = wantsCsv(c);
    // The body depends on Accept: without Vary a shared cache could hand CSV to a JSON client.
    c.header("Vary", "Accept");
    const key = `index-history:${from ?? ""}:${to ?? ""}:${csv ? "csv" : "json"}`;
    const series = await indexSeriesOf(c, s);
    const points = series.series.filter(
      (p) => (from === undefined || p.date >= from) && (to === undefined || p.date <= to),
    );
    if (csv) {
      c.header("Content-Disposition", `inline; filename="eici-${series.base_date}-${s.payload.valuation_date}.csv"`);
      return sendWithEtag(c, versionEtag(s, key), csvOf(points), "text/csv; charset=utf-8");
    }
    const build = () =>
      answer(s, {
        name: series.name,
        base_date: series.base_date,
        base_value: series.base_value,
        point_value_usd_per_m: series.point_value_usd_per_m,
        fixing_utc: FIXING_UTC,
        methodology: "docs/METHODOLOGY.md",
        series: points,
      });
    // The full series is memoised per version; filtered views are cheap to rebuild and not kept.
    const text = from === undefined && to === undefined ? body(s, key, build) : JSON.stringify(build());
    return sendWithEtag(c, versionEtag(s, key), text);
  });

  app.post("/v1/swap", async (c) => {
    const req = parseWith(SwapRequestSchema, await readJsonBody(c));
    return c.json(swapBody(await state(c), req));
  });

  app.get("/v1/monte-carlo/:ticker", async (c) => {
    const q = mcQuery(parseWith(MonteCarloQuerySchema, c.req.query()));
    const s = await state(c);
    const row = rowOf(s, c.req.param("ticker"));
    const etag = versionEtag(s, `mc:${row.ticker}:${q.paths}:${q.seed}`);
    // Deterministic for (snapshot, ticker, paths, seed): a matching ETag skips the simulation.
    if (etagMatches(c, etag)) return sendWithEtag(c, etag, "");
    return sendWithEtag(c, etag, JSON.stringify(monteCarloBody(s, row.ticker, q)));
  });

  app.get("/v1/backtest", async (c) => {
    const s = await state(c);
    const families = bundledData().history.families;
    const family = c.req.query("family");
    if (family !== undefined) requireFamily(family, Object.keys(families));
    const key = `backtest:${family ?? ""}`;
    const observations = await outputObservations(c, s);
    const text = body(s, key, () => backtestBody(s, { history: { observations }, families, family }));
    return sendWithEtag(c, versionEtag(s, key), text);
  });
}
