// The stored snapshot's defences: rollback refused, a tampered stored copy dropped, an expired one labelled.
import { afterEach, describe, expect, it } from "vitest";
import { now } from "../../harness/clock";
import { tickerForward } from "../../oracle-core/forecast";
import { fixturePayload, signFixture } from "../../harness/pwa-fixture";
import { goTo, openApp, valueOf, waitForController, waitForSnapshot, type PwaHarness } from "../../harness/pwa-harness";

const status = (h: PwaHarness) => h.page.locator('[data-testid="snapshot-status"]');

describe("PWA snapshot trust", () => {
  let h: PwaHarness | undefined;
  afterEach(async () => h?.close());

  it("keeps the newer snapshot when the feed later serves an older signed one (rollback)", async () => {
    h = await openApp({ version: 43 });
    const { page, feed } = h;
    // The feed now serves v42: correctly signed, issued later, but older than what this device has.
    feed.snapshot = await signFixture(fixturePayload(now() + 1000, { version: 42 }));
    await page.reload();
    await page.locator('[data-testid="snapshot-notice"]').waitFor();
    expect(await status(h).getAttribute("data-version")).toBe("43");
    expect(feed.requests.filter((r) => r.url === "/v1/snapshot").length).toBe(2); // it did fetch v42, and refused it
    await goTo(page, "#/integrity");
    const notice = await page.locator('[data-testid="integrity-notice"]').textContent();
    expect(notice).toContain("E_ROLLBACK");
    expect(notice).toContain("keeping v43");
    // A newer version is accepted as usual.
    feed.snapshot = await signFixture(fixturePayload(now() + 2000, { version: 44 }));
    await page.getByRole("button", { name: "Check the feed now" }).click();
    await waitForSnapshot(page, 44);
  });

  it("detects a tampered stored snapshot, drops it and says so", async () => {
    h = await openApp({ version: 42 });
    const { page, context } = h;
    // Flip the stored model prices: the signature no longer matches the payload.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, ko) =>
        Object.assign(indexedDB.open("exostream-snapshot"), {
          onsuccess(this: IDBOpenDBRequest) {
            ok(this.result);
          },
          onerror: ko,
        }),
      );
      const store = db.transaction("kv", "readwrite").objectStore("kv");
      const rec = await new Promise<{ envelope: { payload: string } }>((ok) =>
        Object.assign(store.get("snapshot"), {
          onsuccess(this: IDBRequest) {
            ok(this.result);
          },
        }),
      );
      const json = atob(rec.envelope.payload).replace('"beta":8,', '"beta":0.8,');
      rec.envelope.payload = btoa(json);
      await new Promise((ok) => Object.assign(store.put(rec, "snapshot"), { onsuccess: ok }));
    });
    await waitForController(page);
    await context.setOffline(true); // so the app cannot simply replace it from the feed
    h.feed.offline = true; // the service worker's fetches are outside the emulation: the server plays the outage
    await page.reload();
    const text = await status(h).textContent();
    await expect.poll(async () => status(h!).textContent()).toContain("failed its check and was dropped");
    expect(text).not.toContain("Snapshot v42");
    expect(await status(h).getAttribute("data-version")).toBeNull();
    await context.setOffline(false);
    h.feed.offline = false;
    await page.reload();
    await waitForSnapshot(page, 42); // fetched and verified afresh
  });

  it("refuses an expired snapshot from the feed, and labels its own stored one expired but still prices offline", async () => {
    // Issued 3 h 5 min − 4 s ago with a 1 h heartbeat: it expires (3 heartbeats + 5 min skew) 4 s from now.
    const issued = now() - (3 * 3600 + 300 - 4) * 1000;
    h = await openApp({ version: 42, issuedMs: issued });
    const { page, context, feed } = h;
    expect(await status(h).getAttribute("data-state")).toBe("stale"); // older than 2 heartbeats
    await waitForController(page);
    feed.snapshot = await signFixture(fixturePayload(now() - 5 * 3600_000, { version: 45 }));
    await goTo(page, "#/integrity");
    await page.getByRole("button", { name: "Check the feed now" }).click();
    await expect
      .poll(async () => page.locator('[data-testid="integrity-notice"]').textContent())
      .toContain("E_EXPIRED");
    expect(await status(h).getAttribute("data-version")).toBe("42");
    await page.waitForTimeout(Math.max(0, issued + (3 * 3600 + 300) * 1000 + 500 - now()));
    await context.setOffline(true);
    await page.reload();
    await waitForSnapshot(page, 42);
    expect(await status(h).getAttribute("data-state")).toBe("expired");
    expect(await status(h).textContent()).toContain("expired");
    await goTo(page, "#/calculator");
    expect(await valueOf(page, "spot-cost")).toBeGreaterThan(0);
    await context.setOffline(false);
  });

  it("says the index is not yet published when the snapshot has none, and swaps single models only", async () => {
    h = await openApp({ version: 42 });
    const { page, feed } = h;
    feed.snapshot = await signFixture(fixturePayload(now() + 1000, { version: 43, index: null }));
    await page.reload();
    await waitForSnapshot(page, 43);
    await goTo(page, "#/index");
    expect(await page.locator('[data-testid="index-unpublished"]').textContent()).toContain("not yet published");
    await goTo(page, "#/swap");
    await page.locator('[data-testid="fair-rate"]').waitFor();
    const options = await page.locator("#swap-underlying option").allTextContents();
    expect(options.some((o) => o.startsWith("EICI"))).toBe(false);
    const row = h.payload.models.find((m) => m.ticker === "GPT-4.1")!;
    // A 1-month swap on one model at end fixing: K* = D·F(1M)/D = F(1M), the model's lifecycle forward (its expected
    // price in a month), not θ decay.
    await page.fill("#swap-months", "1");
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="fair-rate"]', "data-value")))
      .toBeCloseTo(tickerForward(row, row.forecast!.as_of, 1 / 12), 12);
  });
});
