// Accessibility: axe-core finds no violations on any page; the calculator works with the keyboard alone.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceTask } from "../../oracle-core/greeks";
import { goTo, openApp, valueOf, type PwaHarness } from "../../harness/pwa-harness";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol, not a <script> tag: the app runs under a CSP without inline scripts
  // (feed-worker/public/_headers), which would refuse axe injected as one.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(AXE, "utf8"));
  const r = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    return (await axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
  });
  return r;
}

describe("PWA accessibility", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("has no axe-core violations on any page", async () => {
    const { page } = h;
    const found: Record<string, string[]> = {};
    const routes = await page.locator("nav.tabs a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(routes.length).toBe(11); // every page in the navigation
    for (const hash of routes) {
      await goTo(page, hash);
      if (hash === "#/monte-carlo") {
        await page.getByRole("button", { name: "Run simulation" }).click();
        await page.locator('[data-testid="table-mc-stats"]').waitFor({ timeout: 20_000 });
      }
      await page.waitForFunction(
        () =>
          !document.querySelector("main")?.textContent?.includes("Computing…") &&
          !document.querySelector("main")?.textContent?.includes("Loading…"),
      );
      await page.waitForTimeout(300); // charts draw after their data
      const v = await axeViolations(page);
      if (v.length) found[hash] = v;
    }
    expect(found).toEqual({});
    expect(h.errors).toEqual([]); // and no console errors on any page
  });

  it("prices a call with the keyboard alone", async () => {
    const { page, payload } = h;
    await goTo(page, "#/calculator");
    await page.locator('[data-testid="spot-cost"]').waitFor();
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60; i++) {
        if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached #${id}`);
    };
    const tabToButton = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached the ${name} button`);
    };
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo("calc-model");
    await page.keyboard.type("SONNET-4.5"); // type-ahead in the focused select
    expect(await page.inputValue("#calc-model")).toBe("SONNET-4.5");
    await tabToButton("Summarize");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.inputValue("#calc-n-in")).toBe("50000");
    await tabTo("calc-n-out");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("700");
    await tabTo("calc-eta");
    await page.keyboard.press("ArrowUp"); // 0 → 1 %
    await tabTo("calc-horizon");
    await page.keyboard.press("ArrowDown"); // spot → 1M
    const row = payload.models.find((m) => m.ticker === "SONNET-4.5")!;
    const want = priceTask(
      row,
      { n_in: 50_000, n_out: 700, eta: 0.01, omega: 0, n_think: 0, horizon: "1M" },
      payload.valuation_date,
    );
    // Poll both: the η and horizon keys each start a computation and the latest answer wins. Spot is the same at
    // every horizon, so spot matching says nothing about the horizon's answer having landed (read once, the forward
    // could still be the spot-horizon value, 0.15915 = the spot cost, which a loaded machine once showed).
    await expect.poll(() => valueOf(page, "spot-cost")).toBe(want.spot!.cost);
    await expect.poll(() => valueOf(page, "forward-cost")).toBe(want.forward.cost);
    // The focused control shows a visible focus ring.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
  });
});
