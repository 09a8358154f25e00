import type { Browser, BrowserContext, Page } from "playwright-core";
import type { SnapshotPayload } from "../oracle-core/schemas";
import { launchChromium } from "./chromium";
import { now } from "./clock";
import { pwaBuildDir } from "./pwa-build";
import { fixturePayload, signFixture } from "./pwa-fixture";
import { startPwaFeed, type PwaFeed } from "./pwa-server";

/** A running fixture feed, a browser and one context (fresh storage, service workers allowed). */
export interface PwaHarness {
  feed: PwaFeed;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  payload: SnapshotPayload;
  /** Console errors and uncaught exceptions seen on any page. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Starts the feed with a v`version` snapshot issued at `issuedMs` (default: the tests' clock, ./clock.ts) and opens
 * the app at `hash`.
 */
export async function openApp(opts: { version?: number; hash?: string; issuedMs?: number } = {}): Promise<PwaHarness> {
  const root = pwaBuildDir();
  const payload = fixturePayload(opts.issuedMs ?? now(), { version: opts.version ?? 42 });
  const feed = await startPwaFeed(root, await signFixture(payload));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => void (m.type() === "error" && errors.push(`console: ${m.text()}`)));
  await page.goto(`${feed.origin}/${opts.hash ?? ""}`);
  await waitForSnapshot(page, payload.version);
  return {
    feed,
    browser,
    context,
    page,
    payload,
    errors,
    close: async () => {
      await browser.close();
      await feed.close();
    },
  };
}

/** Waits until the header shows snapshot `version`. */
export async function waitForSnapshot(page: Page, version: number): Promise<void> {
  await page.locator(`[data-testid="snapshot-status"][data-version="${version}"]`).waitFor({ timeout: 20_000 });
}

/** Waits until a service worker controls the page (precache complete: it activated). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/** Goes to a hash route and waits for its heading. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator("main h1").first().waitFor();
}

/** The raw number behind a result (data-value), as the worker computed it. */
export async function valueOf(page: Page, testid: string): Promise<number> {
  const el = page.locator(`[data-testid="${testid}"]`);
  await el.waitFor();
  return Number(await el.getAttribute("data-value"));
}

/** Pastes text into a field the way a clipboard paste arrives (a paste event carrying the text). */
export async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.evaluate(
    ([sel, t]) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", t);
      document
        .querySelector(sel)!
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [selector, text] as const,
  );
}
