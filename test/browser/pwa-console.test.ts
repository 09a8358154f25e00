// Every page of the PWA opened directly by its URL, online (a first visit: a new browser profile, nothing stored) and
// offline (a new tab of a profile that visited once), logs no console error and throws no uncaught exception.
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, waitForController, waitForSnapshot, type PwaHarness } from "../../harness/pwa-harness";

/** Opens `hash` in a new tab of `context` and returns what went wrong while it loaded and settled. */
async function visit(h: PwaHarness, context: BrowserContext, hash: string): Promise<string[]> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => void (m.type() === "error" && errors.push(`console: ${m.text()}`)));
  try {
    await page.goto(`${h.feed.origin}/${hash}`);
    await waitForSnapshot(page, h.payload.version);
    await page.locator("main h1").first().waitFor();
    const settled = () => !/Computing…|Loading…/.test(document.querySelector("main")?.textContent ?? "");
    await page.waitForFunction(settled, null, { timeout: 20_000 });
    await page.waitForTimeout(300); // charts draw after their data
  } catch (e) {
    errors.push(`did not settle: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await page.close();
  }
  return errors;
}

describe("PWA pages opened by URL", () => {
  let h: PwaHarness;
  let routes: string[];
  beforeAll(async () => {
    h = await openApp();
    await waitForController(h.page); // the shell is precached: the offline visits are served by the service worker
    routes = await h.page.locator("nav.tabs a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    routes.push("#/model/GPT-4.1"); // a route with a parameter
  });
  afterAll(async () => h?.close());

  it("online, first visit: every route loads with zero console errors", async () => {
    expect(routes.length).toBe(12); // the 11 pages of the navigation and one model page
    const found: Record<string, string[]> = {};
    for (const hash of routes) {
      const fresh = await h.browser.newContext({ viewport: { width: 1024, height: 800 } });
      const seen = await visit(h, fresh, hash).finally(() => fresh.close());
      if (seen.length) found[hash] = seen;
    }
    expect(found).toEqual({});
  });

  it("offline: every route loads from the service worker with zero console errors", async () => {
    await h.context.setOffline(true);
    h.feed.offline = true; // the service worker's own fetches are outside the emulation: the server plays the outage
    const found: Record<string, string[]> = {};
    try {
      for (const hash of routes) {
        const errors = await visit(h, h.context, hash);
        if (errors.length) found[hash] = errors;
      }
    } finally {
      await h.context.setOffline(false);
      h.feed.offline = false;
    }
    expect(found).toEqual({});
  });
});
