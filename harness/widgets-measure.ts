// Measures a widget page load in Chromium: every JS file it downloads (bytes and gzip -9 bytes),
// the time from the loader script's request to the last widget's verified render, and CLS.
// Used by the size/CLS browser tests and by bench/widgets.ts.
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { openPage, statesOf } from "./widgets-page";

/** One page load, measured. */
export interface LoadMeasure {
  js: { file: string; bytes: number; gzip: number }[];
  /** Sum of the gzipped JS files (what a gzip-serving feed sends). */
  jsGzip: number;
  /** ms from the loader's request start to the last `exo-state` of `ids` (performance.now clock). */
  msToRendered: number;
  states: Record<string, string>;
  cls: number;
  shifts: unknown[];
}

/**
 * Loads `url` in a fresh context and measures it. `delayLoaderMs` holds the loader script back so
 * the page paints its reserved (not yet upgraded) boxes first — the case CLS must survive.
 */
export async function measureLoad(
  browser: Browser,
  url: string,
  ids: string[],
  delayLoaderMs = 0,
): Promise<LoadMeasure> {
  const context = await browser.newContext();
  if (delayLoaderMs > 0) {
    await context.route(/\/exostream-widgets\.js(\?.*)?$/, async (route) => {
      await new Promise((r) => setTimeout(r, delayLoaderMs));
      await route.continue();
    });
  }
  const bodies: Promise<LoadMeasure["js"][number] | undefined>[] = [];
  context.on("response", (r) => {
    if (!/\.js(\?|$)/.test(r.url())) return;
    bodies.push(
      r.body().then(
        (b) => ({
          file: new URL(r.url()).pathname.replace(/^.*\/widgets\//, ""),
          bytes: b.length,
          gzip: gzipSync(b, { level: 9 }).length,
        }),
        () => undefined,
      ),
    );
  });
  const p = await openPage(browser, url, { context });
  const states = await statesOf(p.page, ids);
  // Let late work (charts drawing, fonts) settle for two frames before reading layout shifts.
  await p.page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))),
  );
  const m = await p.page.evaluate((ids) => {
    const w = window as unknown as { __exo: { id: string; t: number }[]; __cls: number; __shifts: unknown[] };
    const loader = performance
      .getEntriesByType("resource")
      .find((e) => /\/exostream-widgets\.js(\?|$)/.test(e.name)) as PerformanceResourceTiming;
    const done = Math.max(...w.__exo.filter((e) => ids.includes(e.id)).map((e) => e.t));
    return { ms: done - loader.startTime, cls: w.__cls, shifts: w.__shifts };
  }, ids);
  const js = (await Promise.all(bodies)).filter((x): x is LoadMeasure["js"][number] => x !== undefined);
  await context.close();
  return { js, jsGzip: js.reduce((s, f) => s + f.gzip, 0), msToRendered: m.ms, states, cls: m.cls, shifts: m.shifts };
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
