// Invalid input: an inline message with the reason, nothing computed, nothing saved lost; saved items persist;
// every table exports CSV and every chart PNG.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goTo, openApp, valueOf, type PwaHarness } from "../../harness/pwa-harness";

describe("PWA forms, saved items and exports", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("shows the reason beside an invalid field and computes nothing", async () => {
    const { page } = h;
    await page.locator('[data-testid="spot-cost"]').waitFor();
    await page.fill("#calc-eta", "150");
    await page.locator('[data-testid="calc-invalid"]').waitFor();
    expect(await page.textContent("#calc-eta-error")).toBe(
      "Cache hit rate η must be between 0% and 100% (E_ETA_RANGE)",
    );
    expect(await page.getAttribute("#calc-eta", "aria-invalid")).toBe("true");
    expect(await page.locator('[data-testid="spot-cost"]').count()).toBe(0);
    expect(await page.inputValue("#calc-eta")).toBe("150"); // what was typed stays

    await page.fill("#calc-eta", "60");
    await page.fill("#calc-n-in", "-5");
    expect(await page.textContent("#calc-n-in-error")).toContain("E_NEG_TOKENS");
    expect(await page.locator('[data-testid="spot-cost"]').count()).toBe(0);
    await page.fill("#calc-n-in", "30000");
    await page.fill("#calc-omega", "50");
    expect(await page.textContent("#calc-omega-error")).toContain("E_CACHE_FRACTIONS");
    await page.fill("#calc-omega", "0");
    await page.locator('[data-testid="spot-cost"]').waitFor();
    expect(await page.getAttribute("#calc-eta", "aria-invalid")).toBe("false");
  });

  it("keeps saved profiles across reloads; saving is off while a field is invalid", async () => {
    const { page } = h;
    await page.fill("#calc-n-out", "4321");
    await page.fill("#calc-saved-name", "My RAG");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator('[data-testid="calc-saved-list"]').locator(".saved-name", { hasText: "My RAG" }).waitFor();
    await page.fill("#calc-n-out", "-1");
    expect(await page.getByRole("button", { name: "Save", exact: true }).isDisabled()).toBe(true);
    await page.reload();
    await page.locator('[data-testid="calc-saved-list"]').locator(".saved-name", { hasText: "My RAG" }).waitFor();
    await page.fill("#calc-n-out", "10");
    await page.getByRole("button", { name: "Load My RAG" }).click();
    await expect.poll(() => page.inputValue("#calc-n-out")).toBe("4321");
  });

  it("says why a canvas cannot be computed when weights do not sum to 100%", async () => {
    const { page } = h;
    await goTo(page, "#/canvas");
    const before = await valueOf(page, "canvas-monthly");
    expect(before).toBeGreaterThan(0);
    await page.fill("#cv-alloc-weight-0", "40");
    await page.locator('[data-testid="canvas-invalid"]').waitFor();
    expect(await page.textContent('[data-testid="alloc-error"]')).toBe(
      "Model weights must sum to 100%; they sum to 90% (E_ALLOC_SUM)",
    );
    expect(await page.locator('[data-testid="canvas-monthly"]').count()).toBe(0);
    await page.fill("#cv-mix-simple", "25");
    expect(await page.textContent('[data-testid="mix-error"]')).toBe(
      "Task shares must sum to 100%; they sum to 105% (E_MIX_SUM)",
    );
    await page.fill("#cv-mix-simple", "20");
    await page.fill("#cv-alloc-weight-0", "50");
    expect(await valueOf(page, "canvas-monthly")).toBe(before);
  });

  it("exports a table as CSV and a chart as PNG", async () => {
    const { page } = h;
    await goTo(page, "#/compare");
    await page.locator('[data-testid="cheapest"]').waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator('[data-testid="table-compare"]')
        .getByRole("button", { name: /Download CSV/ })
        .click(),
    ]);
    expect(csv.suggestedFilename()).toBe("compare.csv");
    const text = readFileSync((await csv.path())!, "utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Model,Rank,Provider,Spot cost (USD),Forward cost 3M (USD),κ,Cache saves (USD),Quote status");
    const cheapest = await page.textContent('[data-testid="cheapest"]');
    expect(lines[1]!.startsWith(`${cheapest},1,`)).toBe(true);
    expect(lines.length).toBe(h.payload.models.filter((m) => m.lifecycle === "active").length + 1);

    await goTo(page, "#/model/GPT-4.1");
    await page.locator("exo-chart canvas").first().waitFor();
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator("exo-chart")
        .first()
        .getByRole("button", { name: /Download PNG/ })
        .click(),
    ]);
    expect(png.suggestedFilename()).toBe("forward-GPT-4.1.png");
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it("runs a Monte Carlo with progress, and cancels a long one", async () => {
    const { page } = h;
    await goTo(page, "#/monte-carlo");
    await page.fill("#mc-paths", "1000000");
    await page.getByRole("button", { name: "Run simulation" }).click();
    const progress = page.locator('[data-testid="progress"]');
    await progress.waitFor();
    await expect
      .poll(async () => Number(await progress.locator("progress").getAttribute("value")), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await progress.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Simulation cancelled.").waitFor();
    expect(await page.locator('[data-testid="table-mc-stats"]').count()).toBe(0);
    await page.fill("#mc-paths", "2000");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.locator('[data-testid="table-mc-stats"]').waitFor();
    expect(await page.locator('[data-testid="table-mc-stats"] tbody tr').count()).toBe(4); // 1M, 3M, 6M, 12M
  });
});
