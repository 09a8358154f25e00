// Widget benchmarks for `npm run bench`, measured in headless Chromium from the built files
// (dist/public, built first if stale) served on loopback: a feed origin and a separate host origin.
//   - gzip -9 bytes of every JS file a page downloads: one <exo-ticker>; <exo-forward-chart> with uPlot
//   - time from the loader script's request to a rendered, verified ticker (median of cold loads)
//   - CLS of the demo pages with the script held back 400 ms (reserved space must make it 0)
import { launchChromium } from "../harness/chromium";
import { ensureWidgetsBuilt } from "../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  type FeedState,
} from "../harness/widgets-fixture";
import { measureLoad, median } from "../harness/widgets-measure";

const TICKER_BUDGET = 13_000;
// 36 KB until the chart drew the forecast bands: their law (oracle-core's row-forecast chunk, shared with the
// calculator) adds about 3.9 KB gzipped; the bands are computed from the signed row, not shipped in the snapshot.
const CHART_BUDGET = 40_000;
const RUNS = 15;

const CLS_PAGES: Record<string, string[]> = {
  "basic-ticker.html": ["w"],
  "marquee-list.html": ["w", "b"],
  "forward-chart.html": ["w", "h", "i"],
  "calculator.html": ["w"],
  "strict-csp.html": ["t", "m", "f", "h", "c", "i"],
};

/**
 * Builds (if needed) and measures the widgets; returns sizes, timings and CLS as a plain object.
 * @example console.table((await benchWidgets()).summary)
 */
export async function benchWidgets(): Promise<object> {
  await ensureWidgetsBuilt();
  const state: FeedState = {
    snapshot: (await signedSnapshot()).envelope,
    keys: await keysDocument(),
    indexHistory: [
      { date: "2026-06-01", level: 840 },
      { date: "2026-09-01", level: 812.3 },
    ],
  };
  const feed = await startFeed(state);
  const host = await startHost(
    Object.fromEntries(Object.keys(CLS_PAGES).map((d) => [`/${d}`, () => hostPage(d, feed.origin)])),
  );
  const browser = await launchChromium();
  try {
    const ticker = await measureLoad(browser, `${host.origin}/basic-ticker.html`, ["w"]);
    const chartPage = await measureLoad(browser, `${host.origin}/forward-chart.html`, ["w"]);
    const chartFiles = chartPage.js.filter((f) =>
      /^(exostream-widgets|chunks\/chart-|chunks\/exo-forward-chart-|chunks\/row-forecast-)/.test(f.file),
    );
    const chartGzip = chartFiles.reduce((s, f) => s + f.gzip, 0);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++)
      samples.push((await measureLoad(browser, `${host.origin}/basic-ticker.html`, ["w"])).msToRendered);
    const cls: Record<string, number> = {};
    for (const [page, ids] of Object.entries(CLS_PAGES))
      cls[page] = (await measureLoad(browser, `${host.origin}/${page}`, ids, 400)).cls;
    const ms = Math.round(median(samples) * 10) / 10;
    return {
      chromium: browser.version(),
      gzip: "gzip level 9 of each JS file as served",
      ticker: {
        files: ticker.js,
        js_gzip_bytes: ticker.jsGzip,
        budget_bytes: TICKER_BUDGET,
        within_budget: ticker.jsGzip <= TICKER_BUDGET,
      },
      forward_chart: {
        files: chartFiles,
        js_gzip_bytes: chartGzip,
        budget_bytes: CHART_BUDGET,
        within_budget: chartGzip <= CHART_BUDGET,
      },
      time_to_verified_ticker_ms: {
        median: ms,
        min: Math.min(...samples),
        max: Math.max(...samples),
        runs: RUNS,
        cold_cache: true,
      },
      cls,
      summary: [
        {
          metric: "JS gzip, one <exo-ticker>",
          value: ticker.jsGzip,
          budget: TICKER_BUDGET,
          ok: ticker.jsGzip <= TICKER_BUDGET,
        },
        {
          metric: "JS gzip, <exo-forward-chart> + uPlot",
          value: chartGzip,
          budget: CHART_BUDGET,
          ok: chartGzip <= CHART_BUDGET,
        },
        { metric: "script tag → verified ticker, median ms (localhost)", value: ms, budget: null, ok: true },
        {
          metric: "CLS, worst demo page",
          value: Math.max(...Object.values(cls)),
          budget: 0,
          ok: Object.values(cls).every((c) => c === 0),
        },
      ],
    };
  } finally {
    await browser.close();
    await feed.close();
    await host.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = (await benchWidgets()) as { summary: object[] };
  console.table(r.summary);
  console.log(JSON.stringify(r, null, 2));
}
