// End-to-end: install criteria, offline after one visit, prices identical to oracle-core's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceTask } from "../../oracle-core/greeks";
import { fixtureHistory } from "../../harness/pwa-fixture";
import { goTo, openApp, valueOf, waitForController, waitForSnapshot, type PwaHarness } from "../../harness/pwa-harness";

describe("PWA offline calculator", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("meets the install criteria: manifest fields, reachable icons, a controlling service worker", async () => {
    const { page, feed } = h;
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await fetch(new URL(href!, feed.origin))).json();
    expect(manifest).toMatchObject({
      name: expect.stringContaining("Exostream"),
      short_name: "Exostream",
      start_url: "/",
      display: "standalone",
      theme_color: "#0b4f3c",
      background_color: "#ffffff",
    });
    const icons = manifest.icons as Array<{ src: string; sizes: string; purpose: string; type: string }>;
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of icons) {
      const res = await fetch(new URL(icon.src, feed.origin));
      expect(res.status).toBe(200);
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const [w, hgt] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${hgt}`).toBe(icon.sizes);
    }
    await waitForController(page);
    // The app shell is precached; the tokenizer (1–2 MB files) is not, until a prompt is counted.
    const cached = await page.evaluate(async () =>
      (
        await Promise.all(
          (
            await caches.keys()
          ).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)),
        )
      ).flat(),
    );
    expect(cached.some((u) => u.startsWith("/assets/") && u.endsWith(".js"))).toBe(true);
    expect(cached).toContain("/index.html");
    expect(cached.filter((u) => u.startsWith("/tokenizers/"))).toEqual([]);
    const sw = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
    expect(sw).toBe(`${feed.origin}/sw.js`);
  });

  it("works offline after one visit: reload, compute a price equal to oracle-core's", async () => {
    const { page, context, feed, payload } = h;
    await waitForController(page);
    await goTo(page, "#/model/OPUS-4.6"); // visited online: its history is kept for offline use
    await page.locator('[data-testid="table-history"]').waitFor();
    await goTo(page, "#/calculator");
    // Let every request of the visit finish (precache, page chunks) so that only offline traffic is counted.
    for (let n = -1; n !== feed.requests.length; await page.waitForTimeout(500)) n = feed.requests.length;
    const served = feed.requests.length;
    await context.setOffline(true);
    feed.offline = true;
    await page.reload();
    await waitForSnapshot(page, payload.version);
    expect(await page.locator('[data-testid="snapshot-status"]').getAttribute("data-state")).toBe("verified");

    await page.selectOption("#calc-model", "SONNET-4.5");
    await page.getByRole("button", { name: "Code Gen" }).click();
    await page.selectOption("#calc-horizon", "3M");
    await page.fill("#calc-n-out", "1500");
    const row = payload.models.find((m) => m.ticker === "SONNET-4.5")!;
    const want = priceTask(
      row,
      { n_in: 5000, n_out: 1500, eta: 0.2, omega: 0, n_think: 0, mode: "sync", cache_ttl: "5m", horizon: "3M" },
      payload.valuation_date,
    );
    await expect.poll(() => valueOf(page, "spot-cost")).toBe(want.spot!.cost);
    expect(await valueOf(page, "forward-cost")).toBe(want.forward.cost);
    expect(await valueOf(page, "kappa")).toBe(want.spot!.kappa);
    // by hand, β = $15/M, r_in = 3/15, r_cache = 0.30/15: 15e-6 · (1500 + 5000 · (0.2·0.8 + 0.02·0.2)) = 0.0348
    expect(want.spot!.cost).toBeCloseTo(0.0348, 12);

    // every page renders from the stored snapshot
    await goTo(page, "#/compare");
    await page.locator('[data-testid="cheapest"]').waitFor();
    expect(await page.locator('[data-testid="cheapest"]').textContent()).toMatch(/^[A-Z0-9.-]+$/);
    await goTo(page, "#/model/OPUS-4.6");
    await page.locator('[data-testid="table-history"]').waitFor();
    const shown = fixtureHistory("OPUS-4.6").filter((o) => o.field === "output" || o.field === "input");
    expect(shown.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="table-history"] tbody tr').count()).toBe(shown.length);
    await goTo(page, "#/model/GPT-5"); // never opened online: the forward curve only, and a reason
    await page.locator('[data-testid="history-unavailable"]').waitFor();
    expect(await page.locator('[data-testid="history-unavailable"]').textContent()).toContain("not available offline");
    expect(await page.locator("exo-chart").count()).toBe(1);
    await goTo(page, "#/integrity");
    await page.getByRole("rowheader", { name: "Snapshot version" }).waitFor();
    // Nothing the app needs came from the network: every page above rendered while the server cut every connection.
    // The only attempts are data refreshes the outage cut: the signed snapshot and keyset, the background
    // revalidation of the history shown from cache (stale-while-revalidate) and the history never stored (GPT-5).
    // No script, style, WASM or page was requested: the precache held all of them.
    const attempts = feed.requests.slice(served).map((r) => r.url);
    const refreshes = new Set([
      "/v1/snapshot",
      "/.well-known/exostream-keys.json",
      "/v1/history/OPUS-4.6",
      "/v1/history/GPT-5",
    ]);
    expect(attempts.filter((u) => !refreshes.has(u))).toEqual([]);
    feed.offline = false;
    await context.setOffline(false);
  });
});
