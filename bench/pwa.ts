// Offline-calculator benchmarks for `npm run bench`, measured in headless Debian Chromium from the built app
// (harness/pwa-build.ts) served gzip-compressed on loopback with the fixture snapshot:
//   - token count of a 30K-token prompt in the app's worker (the tokenizer engine), warm, next to gpt-tokenizer and
//     js-tiktoken run in a Web Worker of the same browser on the same text; every count checked against tiktoken
//   - adversarial prompts (100 KB of one character, 30K CJK characters, 100 KB of base64): time to count, the main
//     thread's longest stall meanwhile, and the time a Cancel takes; the worst case is reported
//   - Lighthouse (mobile preset, simulated throttling): performance, accessibility, best practices
//   - JavaScript transferred (gzip) before the calculator shows its first price, tokenizer excluded
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Browser, Page } from "playwright-core";
import { get_encoding } from "tiktoken";
import { build } from "vite";
import { launchChromium, resolveChromium } from "../harness/chromium";
import { pwaBuildDir } from "../harness/pwa-build";
import { fixturePayload, signFixture } from "../harness/pwa-fixture";
import { startPwaFeed, type PwaFeed } from "../harness/pwa-server";
import { SHARED_DIR } from "../harness/shared-path";
import { median } from "./measure";

const ROOT = resolve(import.meta.dirname, "..");
const JS_BUDGET = 80 * 1024;
const WARM_RUNS = 9;
const PEER_TIMEOUT_MS = 30_000;

/** A ~30,000-token prompt of real prose and specs (whole lines, o200k_base). */
function prompt30k(): string {
  const enc = get_encoding("o200k_base");
  const lines = ["seeds/how-it-works.txt", "SPEC.md", "reference/quant/MATH.md", "seeds/design-notes.txt"].flatMap(
    (f) => readFileSync(join(SHARED_DIR, f), "utf8").split("\n"),
  );
  let text = "";
  for (let i = 0; enc.encode_ordinary(text).length < 30_000; i++) text += lines[i % lines.length] + "\n";
  enc.free();
  return text;
}

/** The adversarial inputs of the issue, deterministic. */
function adversarial(): Record<string, string> {
  let cjk = "";
  for (let i = 0; i < 30_000; i++) cjk += String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000));
  const bytes = Buffer.alloc(75_000);
  for (let i = 0, x = 2463534242; i < bytes.length; i++)
    bytes[i] = ((x = (x ^ (x << 13)) >>> 0), (x = (x ^ (x >>> 17)) >>> 0), (x = (x ^ (x << 5)) >>> 0)) & 255;
  return {
    "100 KB of one character": "a".repeat(100_000),
    "30K CJK characters, no punctuation": cjk,
    "100 KB of base64": bytes.toString("base64").slice(0, 100_000),
  };
}

function tiktokenCount(text: string): number {
  const enc = get_encoding("o200k_base");
  try {
    return enc.encode_ordinary(text).length;
  } finally {
    enc.free();
  }
}

/** gpt-tokenizer and js-tiktoken (o200k_base) bundled into one module worker script. */
async function peerWorker(): Promise<string> {
  // Inside the checkout so the entry resolves this repo's node_modules.
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, "node_modules/.cache/exostream-bench-"));
  const entry = join(dir, "peers.ts");
  writeFileSync(
    entry,
    `import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { Tiktoken } from "js-tiktoken/lite";
import o200k from "js-tiktoken/ranks/o200k_base";
let js: Tiktoken | undefined;
self.onmessage = (e: MessageEvent<{ lib: string; text: string }>) => {
  const t0 = performance.now();
  const n = e.data.lib === "gpt-tokenizer" ? countTokens(e.data.text) : (js ??= new Tiktoken(o200k)).encode(e.data.text).length;
  postMessage({ n, ms: performance.now() - t0 });
};
`,
  );
  await build({
    configFile: false,
    logLevel: "silent",
    root: ROOT,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: { entry, formats: ["es"], fileName: () => "peers.js" },
    },
  });
  const js = readFileSync(join(dir, "peers.js"), "utf8");
  rmSync(dir, { recursive: true, force: true });
  return js;
}

// Runs in the page (a string, so the TS loader's helpers never leak into it): times `runs` counts in a fresh
// worker, the first on `text` and the rest on small variants; null when one exceeds `limit` ms.
const PEER_RUN = `async ({ lib, text, runs, limit }) => {
  const w = new Worker("/bench/peers.js", { type: "module" });
  const one = (t) => new Promise((ok) => {
    const timer = setTimeout(() => ok(null), limit);
    w.onmessage = (e) => { clearTimeout(timer); ok(e.data); };
    w.postMessage({ lib, text: t });
  });
  try {
    const ms = [];
    let n = 0;
    for (let i = 0; i < runs; i++) {
      const r = await one(i === 0 ? text : text + " " + i);
      if (!r) return null;
      if (i === 0) n = r.n;
      ms.push(r.ms);
    }
    return { n, ms };
  } finally {
    w.terminate();
  }
}`;

/** Runs a peer library on a text in a fresh worker of the page; null when it exceeds the time limit. */
async function peerRun(
  page: Page,
  lib: string,
  text: string,
  runs: number,
): Promise<{ n: number; ms: number[] } | null> {
  return page.evaluate(`(${PEER_RUN})(${JSON.stringify({ lib, text, runs, limit: PEER_TIMEOUT_MS })})`) as Promise<{
    n: number;
    ms: number[];
  } | null>;
}

// Runs in the page: one count by a peer in its own worker, kept warm across calls (PEER_CLOSE ends them all).
const PEER_ONE = `({ lib, text, limit }) => {
  const peers = (window.__peers ??= {});
  const w = (peers[lib] ??= new Worker("/bench/peers.js", { type: "module" }));
  return new Promise((ok) => {
    const timer = setTimeout(() => { w.terminate(); delete peers[lib]; ok(null); }, limit);
    w.onmessage = (e) => { clearTimeout(timer); ok(e.data); };
    w.postMessage({ lib, text });
  });
}`;
const PEER_CLOSE = `(() => { for (const w of Object.values(window.__peers ?? {})) w.terminate(); window.__peers = {}; })()`;

/** One count by a peer library in its warm worker of the page; null when it exceeds the time limit. */
async function peerOne(page: Page, lib: string, text: string): Promise<{ n: number; ms: number } | null> {
  const r = await page.evaluate(`(${PEER_ONE})(${JSON.stringify({ lib, text, limit: PEER_TIMEOUT_MS })})`);
  return r as { n: number; ms: number } | null;
}

/**
 * Pastes a prompt into the calculator and waits for the worker's count; returns count, worker ms, wall ms (with the 250
 * ms typing debounce) and the main thread's longest stall.
 */
async function appCount(
  page: Page,
  text: string,
): Promise<{ n: number; worker_ms: number; wall_ms: number; main_thread_max_stall_ms: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __stall: number; __probe: ReturnType<typeof setInterval> };
    let last = performance.now();
    w.__stall = 0;
    w.__probe = setInterval(() => {
      const now = performance.now();
      w.__stall = Math.max(w.__stall, now - last - 10);
      last = now;
    }, 10);
  });
  await page.fill("#calc-prompt", "");
  const el = page.locator('[data-testid="token-count"]');
  await el.waitFor({ state: "detached" });
  const t0 = Date.now();
  // A paste, as a person would do it (the app takes large pastes as a value edit, see page-calculator onPaste).
  await page.evaluate(`(() => {
    const ta = document.querySelector("#calc-prompt");
    ta.focus();
    const dt = new DataTransfer();
    dt.setData("text/plain", ${JSON.stringify(text)});
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  })()`);
  await el.waitFor({ timeout: 120_000 });
  const wall = Date.now() - t0;
  const stall = await page.evaluate(() => {
    const w = window as unknown as { __stall: number; __probe: ReturnType<typeof setInterval> };
    clearInterval(w.__probe);
    return w.__stall;
  });
  return {
    n: Number(await el.getAttribute("data-value")),
    worker_ms: Number(await el.getAttribute("data-ms")),
    wall_ms: wall,
    main_thread_max_stall_ms: Math.round(stall),
  };
}

/**
 * Starts counting a paste and cancels once progress shows. The latency is measured in the page, from the click's
 * event timestamp (when the browser took the input, so a busy main thread's input delay counts) to the "cancelled"
 * message in the DOM and to the next frame after it. The driver's own round trip (Playwright's click waits for the
 * button to be visible and stable over animation frames, then each step is a DevTools call) is reported beside it:
 * it is mostly the test driver's time on a loaded machine, not the app's.
 */
async function cancelLatency(
  page: Page,
  text: string,
): Promise<{ click_to_message_ms: number; click_to_next_frame_ms: number; driver_round_trip_ms: number }> {
  await page.fill("#calc-prompt", "");
  // A multi-megabyte prompt arrives as a paste, which the page holds out of the textarea past 200 KB (typing it in
  // with page.fill would time out on the textarea's own layout of megabytes of text).
  await page.locator("#calc-prompt").focus();
  await page.evaluate((t) => {
    const w = window as unknown as { __cancel: { click?: number; message?: number; frame?: number } };
    const marks: { click?: number; message?: number; frame?: number } = {};
    w.__cancel = marks;
    const line = document.querySelector("#calc-prompt-count")!;
    document.addEventListener("click", (e) => (marks.click = e.timeStamp), { capture: true, once: true });
    new MutationObserver((_, obs) => {
      if (!line.textContent!.includes("Token count cancelled")) return;
      obs.disconnect();
      marks.message = performance.now();
      requestAnimationFrame(() => (marks.frame = performance.now()));
    }).observe(line, { childList: true, subtree: true, characterData: true });
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    const paste = new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector("#calc-prompt")!.dispatchEvent(paste);
  }, text);
  const progress = page.locator('[data-testid="progress"]');
  await progress.waitFor({ timeout: 10_000 });
  const t0 = Date.now();
  await progress.getByRole("button", { name: "Cancel" }).click();
  await page.getByText("Token count cancelled").waitFor();
  const driver = Date.now() - t0;
  await page.waitForFunction(() => (window as unknown as { __cancel: { frame?: number } }).__cancel.frame);
  const m = await page.evaluate(
    () => (window as unknown as { __cancel: { click: number; message: number; frame: number } }).__cancel,
  );
  return {
    click_to_message_ms: round(m.message - m.click),
    click_to_next_frame_ms: round(m.frame - m.click),
    driver_round_trip_ms: driver,
  };
}

async function tokenizers(browser: Browser, feed: PwaFeed): Promise<Record<string, unknown>> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${feed.origin}/`);
  await page.locator('[data-testid="spot-cost"]').waitFor({ timeout: 30_000 });
  await page.selectOption("#calc-model", "GPT-4.1"); // o200k_base: an exact count
  const text = prompt30k();
  const want = tiktokenCount(text);
  const cold = await appCount(page, text);
  // Side by side: each warm run counts the same variant in the app's worker, then in each peer's own (warm) worker,
  // so the machine's load (shared, and it varies by the second) weighs on all of them alike.
  const libs = ["gpt-tokenizer", "js-tiktoken"] as const;
  const first = Object.fromEntries(await Promise.all(libs.map(async (lib) => [lib, await peerOne(page, lib, text)])));
  const warm: number[] = [];
  const peerWarm: Record<string, number[]> = Object.fromEntries(libs.map((lib) => [lib, []]));
  let exact = cold.n === want;
  const peerExact: Record<string, boolean> = Object.fromEntries(libs.map((lib) => [lib, first[lib]?.n === want]));
  let stall = cold.main_thread_max_stall_ms;
  for (let i = 1; i <= WARM_RUNS; i++) {
    const variant = `${text} ${i}`;
    const n = tiktokenCount(variant);
    const r = await appCount(page, variant);
    exact &&= r.n === n;
    warm.push(r.worker_ms);
    stall = Math.max(stall, r.main_thread_max_stall_ms);
    for (const lib of libs) {
      const p = await peerOne(page, lib, variant);
      peerWarm[lib]!.push(p?.ms ?? Number.NaN);
      peerExact[lib] &&= p?.n === n;
    }
  }
  await page.evaluate(PEER_CLOSE);
  const peers: Record<string, unknown> = {};
  for (const lib of libs) {
    peers[lib] = first[lib]
      ? {
          count: first[lib].n,
          equals_tiktoken: peerExact[lib],
          warm_median_ms: round(median(peerWarm[lib]!)),
          warm_runs_ms: peerWarm[lib]!.map(round),
          first_call_ms: round(first[lib].ms),
        }
      : { timed_out_after_ms: PEER_TIMEOUT_MS };
  }
  // Each run's app time over gpt-tokenizer's on the same variant, a moment apart: the median of these ratios.
  const ratio = median(warm.map((ms, i) => ms / peerWarm["gpt-tokenizer"]![i]!));
  const adv: Record<string, unknown> = {};
  let worst = { input: "", worker_ms: 0 };
  for (const [name, t] of Object.entries(adversarial())) {
    const mine = await appCount(page, t);
    const exactCount = tiktokenCount(t);
    const row: Record<string, unknown> = {
      chars: t.length,
      exostream_worker: { ...mine, worker_ms: round(mine.worker_ms), equals_tiktoken: mine.n === exactCount },
    };
    for (const lib of ["gpt-tokenizer", "js-tiktoken"]) {
      const r = await peerRun(page, lib, t, 1);
      row[lib] = r
        ? { ms: round(r.ms[0]!), equals_tiktoken: r.n === exactCount }
        : { timed_out_after_ms: PEER_TIMEOUT_MS };
    }
    adv[name] = row;
    if (mine.worker_ms > worst.worker_ms) worst = { input: name, worker_ms: round(mine.worker_ms) };
  }
  // A multi-megabyte paste (the engine counts 100 KB of one character faster than Cancel can be pressed).
  const cancel = await cancelLatency(page, text.repeat(40));
  await page.context().close();
  return {
    prompt: { tokens: want, chars: text.length, encoding: "o200k_base" },
    exostream_worker: {
      count: cold.n,
      equals_tiktoken: exact,
      cold_ms: round(cold.worker_ms),
      warm_median_ms: round(median(warm)),
      warm_runs_ms: warm.map(round),
      main_thread_max_stall_ms: stall,
      ratio_to_gpt_tokenizer: Math.round(ratio * 100) / 100,
    },
    ...peers,
    adversarial: adv,
    adversarial_worst_case: {
      ...worst,
      cancel,
      note: "long pieces take the O(n log n) merge; Cancel measured on a ~5 MB paste, counted piece by piece with a cancel check every 50 ms",
    },
  };
}

/** JS (gzip bytes on the wire) the page and its workers fetched before the calculator showed its first price. */
async function jsBeforeInteraction(browser: Browser, feed: PwaFeed): Promise<Record<string, unknown>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: Array<{ url: string; req: import("playwright-core").Request }> = [];
  context.on(
    "request",
    (r) => void (/\.js(\?|$)/.test(r.url()) && !r.serviceWorker() && seen.push({ url: r.url(), req: r })),
  );
  await page.goto(`${feed.origin}/`);
  await page.locator('[data-testid="spot-cost"]').waitFor({ timeout: 30_000 });
  const before = [...seen];
  const files: Array<{ file: string; gzip_bytes: number }> = [];
  for (const s of before) {
    const res = await s.req.response();
    if (!res) continue;
    files.push({ file: new URL(s.url).pathname, gzip_bytes: gzipSync(await res.body()).length });
  }
  await context.close();
  const total = files.filter((f) => !f.file.startsWith("/tokenizers/")).reduce((n, f) => n + f.gzip_bytes, 0);
  return {
    gzip_bytes: total,
    budget_bytes: JS_BUDGET,
    within_budget: total <= JS_BUDGET,
    files,
    definition:
      "gzip (level 6, as served) of every .js file the page and its workers fetched until the first price is on screen; service-worker precache excluded",
  };
}

async function lighthouseRun(feed: PwaFeed): Promise<Record<string, unknown>> {
  const chrome = await chromeLauncher.launch({
    chromePath: (await resolveChromium()).path,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const r = await lighthouse(`${feed.origin}/`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    const lhr = r!.lhr;
    const metric = (id: string) => lhr.audits[id]?.numericValue;
    const scripts = (
      (
        lhr.audits["network-requests"]?.details as
          | { items?: Array<{ url: string; resourceType?: string; transferSize?: number; networkEndTime?: number }> }
          | undefined
      )?.items ?? []
    ).filter((i) => i.resourceType === "Script" && !i.url.includes("/tokenizers/"));
    return {
      lighthouse: lhr.lighthouseVersion,
      preset: "mobile (default config, simulated throttling)",
      scores: {
        performance: lhr.categories.performance?.score,
        accessibility: lhr.categories.accessibility?.score,
        "best-practices": lhr.categories["best-practices"]?.score,
      },
      targets: { performance: 0.95, accessibility: 1, "best-practices": 1 },
      metrics_ms: {
        fcp: round(metric("first-contentful-paint")),
        lcp: round(metric("largest-contentful-paint")),
        tbt: round(metric("total-blocking-time")),
        speed_index: round(metric("speed-index")),
        cls: metric("cumulative-layout-shift"),
      },
      script_transfer_bytes_page_load: scripts.reduce((n, i) => n + (i.transferSize ?? 0), 0),
    };
  } finally {
    await chrome.kill();
  }
}

function round(x: number | undefined): number {
  return x === undefined ? Number.NaN : Math.round(x * 10) / 10;
}

/**
 * Builds the app (if stale) and measures tokenization, responsiveness, Lighthouse and the JS budget.
 * @example console.log((await benchPwa()).summary)
 */
export async function benchPwa(): Promise<object> {
  return withApp(async (browser, feed) => {
    const js = await jsBeforeInteraction(browser, feed);
    const tok = await tokenizers(browser, feed);
    const lh = await lighthouseRun(feed);
    const s = lh.scores as Record<string, number>;
    const t = tok as {
      exostream_worker: { warm_median_ms: number; equals_tiktoken: boolean; ratio_to_gpt_tokenizer: number };
      "gpt-tokenizer": { warm_median_ms?: number };
      "js-tiktoken": { warm_median_ms?: number };
      adversarial_worst_case: { worker_ms: number; input: string; cancel: { click_to_next_frame_ms: number } };
    };
    const cancelMs = t.adversarial_worst_case.cancel.click_to_next_frame_ms;
    return {
      chromium: browser.version(),
      tokenizer: tok,
      js_before_interaction: js,
      lighthouse: lh,
      summary: [
        {
          metric: "30K-token prompt, warm, app worker (tokenizer engine) ms",
          value: t.exostream_worker.warm_median_ms,
          ok: t.exostream_worker.equals_tiktoken,
        },
        {
          metric: "same text, gpt-tokenizer (Web Worker) ms",
          value: t["gpt-tokenizer"].warm_median_ms ?? null,
          ok: true,
        },
        { metric: "same text, js-tiktoken (Web Worker) ms", value: t["js-tiktoken"].warm_median_ms ?? null, ok: true },
        {
          metric: "30K-token prompt, app worker / gpt-tokenizer (median of paired runs)",
          value: t.exostream_worker.ratio_to_gpt_tokenizer,
          budget: 1,
          ok: t.exostream_worker.ratio_to_gpt_tokenizer <= 1,
        },
        {
          metric: `adversarial worst case (${t.adversarial_worst_case.input}) ms`,
          value: t.adversarial_worst_case.worker_ms,
          ok: true,
        },
        {
          metric: "Cancel on a ~5 MB paste: click to the cancelled message on screen (next frame) ms",
          value: cancelMs,
          budget: 100,
          ok: cancelMs <= 100,
        },
        { metric: "JS gzip before first price (bytes)", value: js.gzip_bytes, budget: JS_BUDGET, ok: js.within_budget },
        { metric: "Lighthouse performance", value: s.performance, budget: 0.95, ok: s.performance! >= 0.95 },
        { metric: "Lighthouse accessibility", value: s.accessibility, budget: 1, ok: s.accessibility === 1 },
        { metric: "Lighthouse best practices", value: s["best-practices"], budget: 1, ok: s["best-practices"] === 1 },
      ],
    };
  });
}

/**
 * The tokenizer rows alone (typical prompt side by side, adversarial inputs, Cancel), to measure a change to them
 * without Lighthouse.
 * @example console.log(JSON.stringify(await benchPwaTokenizer(), null, 2))
 */
export async function benchPwaTokenizer(): Promise<Record<string, unknown>> {
  return withApp(tokenizers);
}

/** Builds the app (if stale), serves it with the fixture feed and the peers' worker, and opens Chromium. */
async function withApp<T>(run: (browser: Browser, feed: PwaFeed) => Promise<T>): Promise<T> {
  const root = pwaBuildDir();
  const peers = await peerWorker();
  const route = (_req: unknown, res: import("node:http").ServerResponse, url: URL) =>
    url.pathname === "/bench/peers.js"
      ? (res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" }).end(peers), true)
      : false;
  const feed = await startPwaFeed(root, await signFixture(fixturePayload(Date.now())), { gzip: true, routes: [route] });
  const browser = await launchChromium();
  try {
    return await run(browser, feed);
  } finally {
    await browser.close();
    await feed.close();
  }
}
