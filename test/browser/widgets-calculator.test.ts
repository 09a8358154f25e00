// Issue 5, <exo-cost-calculator>: n_in, n_out, η and mode priced by oracle-core's priceTask on the
// verified row — the page's numbers equal priceTask's, computed here in Node for the same inputs.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceTask } from "../../oracle-core/greeks";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { sizeEstimate } from "../../oracle-core/tokens";
import { cost } from "../../widgets/format";
import { get_encoding } from "tiktoken";
import { buildTokenizers } from "../../scripts/build-tokenizers";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowText, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
let payload: SnapshotPayload;
const state: FeedState = { snapshot: null, keys: null };

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  const s = await signedSnapshot();
  payload = s.payload;
  state.snapshot = s.envelope;
  feed = await startFeed(state);
  host = await startHost({
    "/calculator.html": () => hostPage("calculator.html", feed.origin),
    // The same demo given a prompt: its tokens, counted in the page with the engine, become n_in.
    "/calculator-prompt.html": () =>
      hostPage("calculator.html", feed.origin, (h) => h.replace('n-in="30000"', `prompt="${PROMPT}"`)),
    "/calculator-big-prompt.html": () =>
      hostPage("calculator.html", feed.origin, (h) => h.replace('n-in="30000"', `prompt="${BIG_PROMPT}"`)),
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

/** The page's spot and forward: shown text and the unrounded data-value. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const r = document.getElementById("w")!.shadowRoot!;
    const o = (p: string) => r.querySelector(`[part=${p}]`);
    return {
      cost: o("cost")?.textContent,
      costValue: Number(o("cost")?.getAttribute("data-value")),
      forward: o("forward")?.textContent,
      forwardValue: Number(o("forward")?.getAttribute("data-value")),
    };
  });

async function set(page: Page, name: string, value: string) {
  const field = page.locator("#w").locator(`[name=${name}]`);
  if (name === "mode") await field.selectOption(value);
  else await field.fill(value);
}

function expected(n_in: number, n_out: number, eta: number, mode: string) {
  const row = payload.models.find((m) => m.ticker === "OPUS-4.6")!;
  const t = priceTask(row, { n_in, n_out, eta, mode, horizon: "3M" }, payload.valuation_date);
  return { cost: t.spot!.cost, forward: t.forward.cost! };
}

const PROMPT = "Summarise the attached incident report in three bullet points — café, 日本語, 😀.";
// 3,000 × 85 bytes = 255,000 bytes of UTF-8: past the 200 KB at which a size-based estimate shows first.
const BIG_UNIT = "Incident 42: the café's 日本語 queue stalled at 03:10; retries doubled the load. ";
const BIG_PROMPT = BIG_UNIT.repeat(3_000);

describe("cost calculator", () => {
  it("given a prompt: counts it with the model's tokenizer (the engine every surface runs), labels it, prices it", async () => {
    buildTokenizers();
    const p = await openPage(browser, `${host.origin}/calculator-prompt.html`);
    await statesOf(p.page, ["w"]);
    // OPUS-4.6 has no public tokenizer: the o200k_base count (tiktoken's), labelled as an estimate with its band.
    const enc = get_encoding("o200k_base");
    const n = enc.encode_ordinary(PROMPT).length;
    enc.free();
    const tokens = () =>
      p.page.evaluate(
        () =>
          document.getElementById("w")!.shadowRoot!.querySelector("[part=tokens]")?.getAttribute("data-value") ?? null,
      );
    await expect.poll(tokens, { timeout: 30_000 }).toBe(String(n));
    const line = await p.page.evaluate(
      () => document.getElementById("w")!.shadowRoot!.querySelector("[part=tokens]")!.textContent,
    );
    expect(line).toContain(`prompt: ${n} tokens, estimate −5%…+24%`);
    expect(await p.page.locator("#w").locator("[name=n_in]").inputValue()).toBe(String(n));
    const e = expected(n, 800, 0.6, "sync");
    expect(await shown(p.page)).toEqual({
      cost: cost(e.cost),
      costValue: e.cost,
      forward: cost(e.forward),
      forwardValue: e.forward,
    });
    await p.context.close();
  });

  it("given a prompt past 200 KB: the size-based estimate, labelled, while the exact count runs; then the count", async () => {
    buildTokenizers();
    expect(Buffer.byteLength(BIG_UNIT)).toBe(85);
    const bySize = sizeEstimate(BIG_PROMPT);
    expect(bySize.bytes).toBe(255_000);
    // The tokenizer file is held back until the estimate has been seen, so the exact count cannot overtake it.
    const context = await browser.newContext();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await context.route("**/tokenizers/**", async (route) => {
      await held;
      await route.continue();
    });
    const p = await openPage(browser, `${host.origin}/calculator-big-prompt.html`, { context });
    await statesOf(p.page, ["w"]);
    const part = (attr: string) =>
      p.page.evaluate(
        (a) => document.getElementById("w")!.shadowRoot!.querySelector("[part=tokens]")?.getAttribute(a) ?? null,
        attr,
      );
    await expect.poll(() => part("data-estimate"), { timeout: 30_000 }).toBe(String(bySize.n_in));
    expect(await shadowText(p.page, "w", "[part=tokens]")).toBe(
      `prompt: ≈ ${bySize.n_in} tokens, ${bySize.label}; counting exactly…`,
    );
    release();
    const enc = get_encoding("o200k_base");
    const n = enc.encode_ordinary(BIG_PROMPT).length;
    enc.free();
    await expect.poll(() => part("data-value"), { timeout: 60_000 }).toBe(String(n));
    expect(await p.page.locator("#w").locator("[name=n_in]").inputValue()).toBe(String(n));
    await p.context.close();
  }, 120_000);

  it("shows priceTask's numbers for the page's inputs (OPUS-4.6, 30000 in, 800 out, η 0.6)", async () => {
    const p = await openPage(browser, `${host.origin}/calculator.html`);
    await statesOf(p.page, ["w"]);
    const e = expected(30_000, 800, 0.6, "sync");
    // By hand (MATH.md §2): 25 $/M × (800 + 30000 × (0.2 × 0.4 + 0.02 × 0.6)) / 1e6 = 25 × 3560 / 1e6 = $0.089.
    expect(e.cost).toBeCloseTo(0.089, 12);
    expect(await shown(p.page)).toEqual({
      cost: cost(e.cost),
      costValue: e.cost,
      forward: cost(e.forward),
      forwardValue: e.forward,
    });
    expect(cost(e.cost)).toBe("$0.08900");
    await p.context.close();
  });

  it("recomputes as the reader edits n_in, n_out, η and mode — still priceTask's numbers", async () => {
    const p = await openPage(browser, `${host.origin}/calculator.html`);
    await statesOf(p.page, ["w"]);
    const cases: [number, number, number, string][] = [
      [120_000, 4_000, 0.25, "sync"],
      [120_000, 4_000, 0.25, "batch"],
      [0, 1, 0, "batch"],
      [250_000, 64_000, 1, "sync"],
    ];
    for (const [n_in, n_out, eta, mode] of cases) {
      await set(p.page, "n_in", String(n_in));
      await set(p.page, "n_out", String(n_out));
      await set(p.page, "eta", String(eta));
      await set(p.page, "mode", mode);
      const e = expected(n_in, n_out, eta, mode);
      await expect
        .poll(() => shown(p.page))
        .toEqual({ cost: cost(e.cost), costValue: e.cost, forward: cost(e.forward), forwardValue: e.forward });
    }
    // Batch halves the sync price here (r_batch 0.5): the same inputs, both modes.
    expect(expected(120_000, 4_000, 0.25, "batch").cost).toBeCloseTo(
      expected(120_000, 4_000, 0.25, "sync").cost / 2,
      12,
    );
    await p.context.close();
  });

  it("an η outside [0, 1] shows oracle-core's error code and no cost", async () => {
    const p = await openPage(browser, `${host.origin}/calculator.html`);
    await statesOf(p.page, ["w"]);
    await set(p.page, "eta", "1.5");
    await expect
      .poll(() => shadowText(p.page, "w", "[part=error]"))
      .toBe("E_ETA_RANGE: eta (cache-hit fraction) must be in [0,1], got 1.5");
    expect(await shown(p.page)).toMatchObject({ cost: undefined, forward: undefined });
    await set(p.page, "eta", "");
    await expect.poll(() => shadowText(p.page, "w", "[part=error]")).toMatch(/^E_NOT_FINITE: eta/);
    await p.context.close();
  });
});
