// Issue 11, PWA: the model page's lifecycle block (state, dates, what it means), model pickers that label each row's
// lifecycle and leave retired models out (still reachable by ticker), and the list pages' marks.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import { now } from "../../harness/clock";
import { pwaBuildDir } from "../../harness/pwa-build";
import { fixturePayload, signFixture, withLifecycle } from "../../harness/pwa-fixture";
import { goTo, waitForSnapshot } from "../../harness/pwa-harness";
import { startPwaFeed, type PwaFeed } from "../../harness/pwa-server";

let feed: PwaFeed;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const root = pwaBuildDir();
  // SONNET-4.5 provisional (listed 2026-08-18), GPT-4O deprecated (retires 2026-12-15), GPT-4 retired (2026-07-01),
  // GEMINI-2.5-FLASH unquoted since 2026-08-01; valuation date 2026-08-21.
  const payload = fixturePayload(now(), { version: 42, models: withLifecycle() });
  feed = await startPwaFeed(root, await signFixture(payload));
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(`${feed.origin}/`);
  await waitForSnapshot(page, 42);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
});

/** axe-core's violations on the current page (evaluated over the devtools protocol: the app's CSP has no inline). */
async function axeViolations(): Promise<string[]> {
  const axe = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(axe, "utf8"));
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe
      .run;
    return (await run(document)).violations.map((v) => v.id);
  });
}

const text = (sel: string) => page.locator(sel).first().innerText();
const options = (sel: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(`${sel} option`)].map((o) => o.textContent!.trim()), sel);
const cells = (id: string) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="table-${id}"] tbody tr`)].map((r) =>
        [...r.children].map((c) => c.textContent!.replace(/\s+/g, " ").trim()),
      ),
    id,
  );

describe("PWA lifecycle", () => {
  it("the calculator's and Monte Carlo's pickers label each state and do not offer a retired model", async () => {
    const all = await options("#calc-model");
    expect(all).toContain("SONNET-4.5 — Claude Sonnet 4.5 (provisional)");
    expect(all).toContain("GPT-4O — GPT-4o (retires 2026-12-15)");
    expect(all).toContain("GEMINI-2.5-FLASH — Gemini 2.5 Flash (unquoted since 2026-08-01)");
    expect(all).toContain("OPUS-4 — Claude Opus 4 (legacy)");
    expect(all.filter((o) => o.startsWith("GPT-4 "))).toEqual([]);
    await page.selectOption("#calc-model", "SONNET-4.5");
    // The hint re-renders after the change event: wait for it rather than read the previous render.
    await expect.poll(() => text("#calc-model-hint")).toMatch(/^provisional Output price β/);
    // The Monte Carlo's picker too.
    await goTo(page, "#/monte-carlo");
    const mc = await options("#mc-model");
    expect(mc).toContain("SONNET-4.5 — Claude Sonnet 4.5 (provisional)");
    expect(mc.filter((o) => o.startsWith("GPT-4 "))).toEqual([]);
  });

  it("the model page of a provisional model says what it means and when it was listed", async () => {
    await goTo(page, "#/model/SONNET-4.5");
    const block = page.locator('[data-testid="lifecycle"]');
    await block.waitFor();
    expect(await block.innerText()).toBe(
      "Lifecycle: provisional\n\nClaude Sonnet 4.5 is provisional: listed by the feed from at least two independent " +
        "sources agreeing within 1%; unconfirmed until 7 days pass without dispute (or a third source quotes it).\n\n" +
        "Listed by the feed\n2026-08-18",
    );
    expect(await axeViolations()).toEqual([]);
  });

  it("a retired model is still reachable by its ticker: its page says when it retired; the picker lists it last", async () => {
    await goTo(page, "#/model/GPT-4");
    await page.locator('[data-testid="lifecycle"] h2').waitFor();
    expect(await text("main h1")).toBe("Model: GPT-4");
    expect(await text('[data-testid="lifecycle"] h2')).toBe("Lifecycle: retired");
    expect(await text('[data-testid="lifecycle"] dl')).toBe("Deprecated\n2025-06-06\nRetired\n2026-07-01");
    const picker = await options("#model-pick");
    expect(picker.at(-1)).toBe("GPT-4 — GPT-4 (retired 2026-07-01)");
    // Another model's page does not offer it.
    await goTo(page, "#/model/GPT-4.1");
    await page.locator('[data-testid="lifecycle"]').waitFor();
    expect((await options("#model-pick")).filter((o) => o.startsWith("GPT-4 "))).toEqual([]);
  });

  it("the model page flags a model no healthy source has quoted for 14 days or more", async () => {
    await goTo(page, "#/model/GEMINI-2.5-FLASH");
    await page.locator('[data-testid="lifecycle"] dl').waitFor();
    expect(await text('[data-testid="lifecycle"]')).toContain(
      "unquoted since 2026-08-01: no healthy source has quoted it since 2026-08-01; the last published price is shown.",
    );
  });

  it("the integrity page counts each state and lists the marked rows; the index marks an unquoted member", async () => {
    await goTo(page, "#/integrity");
    await page.locator('[data-testid="table-lifecycle"]').waitFor();
    const facts = await cells("integrity");
    expect(facts.find((r) => r[0] === "Models")![1]).toMatch(
      /^\d+ \(1 provisional, \d+ active, \d+ legacy, 1 deprecated, 1 retired\)$/,
    );
    expect(await cells("lifecycle")).toEqual([
      ["SONNET-4.5", "provisional", "provisional"],
      ["GPT-4O", "deprecated", "retires 2026-12-15"],
      ["GPT-4", "retired", "retired 2026-07-01"],
      ["GEMINI-2.5-FLASH", "active", "unquoted since 2026-08-01"],
    ]);
    expect(await axeViolations()).toEqual([]);
    await goTo(page, "#/index");
    await page.locator('[data-testid="table-constituents"]').waitFor();
    const members = (await cells("constituents")).map((r) => r[0]);
    expect(members).toContain("GEMINI-2.5-FLASH unquoted since 2026-08-01");
    expect(members).toContain("GPT-4.1");
  });
});
