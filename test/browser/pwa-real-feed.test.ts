// The newcomer's path end to end: the feed on workerd (what `npm start` runs) serves the PWA at its root;
// the app verifies the real signed snapshot, goes offline, reloads and prices from IndexedDB.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../scripts/build-assets.mjs";
import { feedConfig, freePort, stopTree, waitUp, wranglerDev } from "../../harness/wrangler-dev";
import { launchChromium } from "../../harness/chromium";
import { valueOf, waitForController, waitForSnapshot } from "../../harness/pwa-harness";
import { priceTask } from "../../oracle-core/greeks";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";

const ROOT = resolve(import.meta.dirname, "../..");
const DIR = mkdtempSync(join(tmpdir(), "exo-pwa-real-"));

describe("the PWA on the real feed (workerd): verify, go offline, price", () => {
  let feed: ChildProcess;
  let browser: Browser;
  let base = "";
  beforeAll(async () => {
    // `npm test` builds first; a standalone run builds here.
    if (!existsSync(join(ROOT, "dist/public/index.html")) || !existsSync(join(ROOT, "dist/public/sw.js"))) {
      const r = spawnSync(process.execPath, [join(ROOT, "scripts/build-web.mjs")], { cwd: ROOT, stdio: "inherit" });
      if (r.status !== 0) throw new Error("web build failed");
    }
    buildAssets();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    feed = wranglerDev(feedConfig(join(DIR, "cfg")), port, join(DIR, "state"));
    await waitUp(`${base}/v1/health`);
    await fetch(`${base}/__scheduled?cron=*/15+*+*+*+*`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stopTree(feed);
    rmSync(DIR, { recursive: true, force: true });
  });

  it("shows the verified snapshot version, then prices offline exactly as oracle-core does", async () => {
    const env = (await (await fetch(`${base}/v1/snapshot`)).json()) as { payload: string };
    const payload: SnapshotPayload = SnapshotPayloadSchema.parse(
      JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")),
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/`);
    await waitForSnapshot(page, payload.version);
    expect(await page.locator('[data-testid="snapshot-status"]').getAttribute("data-state")).toBe("verified");
    await waitForController(page);
    await page.waitForTimeout(1000); // let the precache and the snapshot write settle

    await context.setOffline(true);
    await page.reload();
    await waitForSnapshot(page, payload.version);
    await page.selectOption("#calc-model", "GPT-4.1");
    await page.getByRole("button", { name: "RAG" }).click();
    const row = payload.models.find((m) => m.ticker === "GPT-4.1")!;
    const want = priceTask(
      row,
      { n_in: 30000, n_out: 800, eta: 0.6, omega: 0, n_think: 0, mode: "sync", cache_ttl: "5m", horizon: "spot" },
      payload.valuation_date,
    );
    await expect.poll(() => valueOf(page, "spot-cost")).toBe(want.spot!.cost);
    // by hand: 8e-6 · (800 + 30000 · (0.25·0.4 + 0.0625·0.6)) = 0.0394
    expect(want.spot!.cost).toBeCloseTo(0.0394, 12);
    expect(errors).toEqual([]);
    await context.close();
  });
});
