// The update flow: a new service worker waits, the app says so, "Reload" activates it and reloads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, waitForController, waitForSnapshot, type PwaHarness } from "../../harness/pwa-harness";

describe("PWA update prompt", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("shows 'a new version is ready', and Reload switches to it", async () => {
    const { page, feed } = h;
    await waitForController(page);
    expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
    await page.fill("#calc-saved-name", "Before the update");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator(".saved-name", { hasText: "Before the update" }).waitFor();

    feed.swSuffix = `\n// release ${Date.now()}\n`; // a byte-different sw.js is a new version
    await page.reload();
    await waitForSnapshot(page, h.payload.version);
    const prompt = page.locator('[data-testid="update-prompt"]');
    await prompt.waitFor({ timeout: 20_000 });
    expect(await prompt.textContent()).toContain("A new version is ready");
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      "installed",
    );

    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
    await Promise.all([page.waitForEvent("framenavigated"), prompt.getByRole("button", { name: "Reload" }).click()]);
    await waitForSnapshot(page, h.payload.version);
    // a fresh page
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return {
        waiting: r?.waiting ?? null,
        active: r?.active?.state,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(reg).toEqual({ waiting: null, active: "activated", controlled: true });
    expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
    await page.locator(".saved-name", { hasText: "Before the update" }).waitFor(); // saved items survive updates
    expect(h.errors).toEqual([]);
  });

  it("survives a failed update: a broken new service worker never takes over and nothing saved is lost", async () => {
    const b = await openApp();
    try {
      const { page, feed } = b;
      await waitForController(page);
      await page.fill("#calc-saved-name", "Kept through a failed update");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.locator(".saved-name", { hasText: "Kept through a failed update" }).waitFor();
      const before = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
      );

      feed.swSuffix = `\nthrow new Error("broken release ${Date.now()}");\n`; // the new sw.js fails to evaluate
      await page.reload();
      await waitForSnapshot(page, b.payload.version);
      const failed = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        try {
          await r?.update();
          return "installed";
        } catch (e) {
          return `rejected: ${(e as Error).name}`;
        }
      });
      expect(failed).toMatch(/^rejected/);
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return {
          waiting: r?.waiting ?? null,
          installing: r?.installing ?? null,
          active: r?.active?.scriptURL,
          controlled: navigator.serviceWorker.controller !== null,
        };
      });
      expect(reg).toEqual({ waiting: null, installing: null, active: before, controlled: true });
      expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
      await page.reload();
      await waitForSnapshot(page, b.payload.version);
      await page.locator(".saved-name", { hasText: "Kept through a failed update" }).waitFor();
    } finally {
      await b.close();
    }
  });
});
