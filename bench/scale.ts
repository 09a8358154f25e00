// Scale bench for `npm run bench -- scale` (issue 11 item 7), reported, not asserted:
//   - the pipeline's steady run (bundled, in-process on workerd D1/KV/R2, median of 5 heartbeat runs) at today's
//     universe and at 400 models (a synthetic universe: bench/synthetic-universe.ts), per step, so the step that
//     dominates shows;
//   - the signed snapshot's gzip bytes per model at both sizes;
//   - the bytes a page with one <exo-ticker> transfers at 400 models: its JS (gzip -9 as Chromium downloads it from
//     the built files) plus its data (the /v1/widget-view envelope the ticker reads and the keys document it verifies
//     with, gzip -9); the full /v1/snapshot it no longer fetches is shown beside it.
import { resolve } from "node:path";
import { launchChromium } from "../harness/chromium";
import { ensureWidgetsBuilt } from "../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  signedWidgetView,
  startFeed,
  startHost,
} from "../harness/widgets-fixture";
import { measureLoad } from "../harness/widgets-measure";
import type { PipelineFigures } from "./scale-figures";

const SCALE = 400;
const BUDGETS = {
  steady_ms_today: 1000,
  steady_ms_400: 2000,
  gzip_bytes_per_model: 250,
  ticker_page_gzip_bytes_400: 40 * 1024,
};

/** The gzip JS bytes Chromium downloads for a page with one <exo-ticker> (data does not change the JS). */
async function tickerJsGzip(): Promise<{ js_gzip_bytes: number; files: string[] }> {
  await ensureWidgetsBuilt();
  const feed = await startFeed({
    snapshot: (await signedSnapshot()).envelope,
    view: await signedWidgetView(),
    keys: await keysDocument(),
    indexHistory: [],
  });
  const host = await startHost({ "/basic-ticker.html": () => hostPage("basic-ticker.html", feed.origin) });
  const browser = await launchChromium();
  try {
    const m = await measureLoad(browser, `${host.origin}/basic-ticker.html`, ["w"]);
    return { js_gzip_bytes: m.jsGzip, files: m.js.map((f) => f.file) };
  } finally {
    await browser.close();
    await host.close();
    await feed.close();
  }
}

/** Runs the scale measurements; returns plain figures with budgets and ratios for bench/report.json. */
export async function benchScale(): Promise<Record<string, unknown>> {
  // Loaded by path: the pipeline half type-checks in the feed-worker realm (Workers types), this file in Node + DOM.
  const { pipelineAt } = (await import(resolve(import.meta.dirname, "scale-pipeline.ts"))) as {
    pipelineAt: (size: number | null) => Promise<PipelineFigures>;
  };
  const today = await pipelineAt(null);
  const at400 = await pipelineAt(SCALE);
  let js: { js_gzip_bytes: number; files: string[] } | { error: string };
  try {
    js = await tickerJsGzip();
  } catch (e) {
    js = { error: e instanceof Error ? e.message : String(e) };
  }
  const data = at400.view_gzip_bytes + at400.keys_gzip_bytes;
  const page = "js_gzip_bytes" in js ? js.js_gzip_bytes + data : null;
  return {
    universe: `today's registry (${today.models} models) and ${SCALE} (its rows copied under new tickers)`,
    pipeline_today: {
      ...today,
      budget_ms: BUDGETS.steady_ms_today,
      within_budget: today.steady_ms < BUDGETS.steady_ms_today,
    },
    pipeline_400: {
      ...at400,
      budget_ms: BUDGETS.steady_ms_400,
      within_budget: at400.steady_ms < BUDGETS.steady_ms_400,
    },
    steady_ratio_400_over_today: Math.round((at400.steady_ms / today.steady_ms) * 100) / 100,
    snapshot_gzip_per_model: {
      today: today.gzip_bytes_per_model,
      at_400: at400.gzip_bytes_per_model,
      budget: BUDGETS.gzip_bytes_per_model,
      within_budget: Math.max(today.gzip_bytes_per_model, at400.gzip_bytes_per_model) <= BUDGETS.gzip_bytes_per_model,
    },
    ticker_page_400: {
      ...js,
      data_gzip_bytes: data,
      view_gzip_bytes: at400.view_gzip_bytes,
      // What the same page transferred when the ticker read the full snapshot.
      total_with_snapshot_gzip_bytes:
        "js_gzip_bytes" in js ? js.js_gzip_bytes + at400.snapshot_gzip_bytes + at400.keys_gzip_bytes : null,
      total_gzip_bytes: page,
      budget_bytes: BUDGETS.ticker_page_gzip_bytes_400,
      within_budget: page !== null && page <= BUDGETS.ticker_page_gzip_bytes_400,
      ratio_total_over_budget:
        page === null ? null : Math.round((page / BUDGETS.ticker_page_gzip_bytes_400) * 100) / 100,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchScale(), null, 2));
