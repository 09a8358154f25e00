// Tokenization on the device: exact counts equal tiktoken's, estimates labelled, the prompt never sent anywhere,
// and an adversarial prompt that keeps the UI responsive, shows progress and can be cancelled.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { get_encoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceTask } from "../../oracle-core/greeks/price-task";
import { SHARED_DIR } from "../../harness/shared-path";
import { openApp, paste, valueOf, type PwaHarness } from "../../harness/pwa-harness";

const MARKER = "PROMPT-SECRET-7f3a9c41";
// ~37,000 characters: a large paste (the app's fast paste path) that the worker counts in several chunks.
const DOCS = ["seeds/how-it-works.txt", "SPEC.md", "STYLE.md"].map((f) => readFileSync(join(SHARED_DIR, f), "utf8")).join("\n");
const PROMPT = `${MARKER}\n${DOCS}\nÜnïcödé, 中文, emoji 😀 and code: const x = f(y) => y ** 2;`;

describe("PWA tokenization", () => {
  let h: PwaHarness;
  const seen: Array<{ url: string; body: string }> = [];
  beforeAll(async () => {
    h = await openApp();
    h.context.on("request", (r) => seen.push({ url: r.url(), body: r.postData() ?? "" }));
  });
  afterAll(async () => h?.close());

  it("counts a pasted prompt exactly like tiktoken for an OpenAI model, and the count becomes n_in", async () => {
    const { page } = h;
    const enc = get_encoding("o200k_base");
    const want = enc.encode_ordinary(PROMPT).length;
    enc.free();
    expect(PROMPT.length).toBeGreaterThan(2 * 16_384); // more than one chunk
    await page.selectOption("#calc-model", "GPT-4.1");
    await paste(page, "#calc-prompt", PROMPT);
    await expect.poll(() => valueOf(page, "token-count"), { timeout: 20_000 }).toBe(want);
    expect(await page.inputValue("#calc-prompt")).toBe(PROMPT);
    expect(await page.locator('[data-testid="token-count"]').textContent()).not.toContain("estimate");
    expect(await page.inputValue("#calc-n-in")).toBe(String(want));
  });

  it("labels the count for a model without a public tokenizer as an estimate with its band", async () => {
    const { page } = h;
    const enc = get_encoding("o200k_base");
    const n = enc.encode_ordinary(PROMPT).length;
    enc.free();
    await page.selectOption("#calc-model", "SONNET-4.5");
    const line = page.locator("#calc-prompt-count");
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain("estimate");
    const text = (await line.textContent())!.replace(/\s+/g, " ");
    const fmt = (x: number) => x.toLocaleString("en-US");
    expect(text).toContain(`≈ ${fmt(n)} tokens (estimate)`);
    expect(text).toContain(`between ${fmt(Math.floor(n * 0.85))} and ${fmt(Math.ceil(n * 1.3))}`);
    expect(text).toContain("o200k_base count used as a proxy for claude");
  });

  it("never sends the prompt: no request URL or body carries it", async () => {
    const { page, feed } = h;
    // Visit the pages that fetch (history, compare) with the prompt still in the form.
    await page.evaluate(() => (location.hash = "#/model/GPT-4.1"));
    await page.locator("exo-chart").first().waitFor();
    await page.evaluate(() => (location.hash = "#/calculator"));
    await page.locator('[data-testid="spot-cost"]').waitFor();
    const slices = [MARKER, PROMPT.slice(200, 240), PROMPT.slice(-40), encodeURIComponent(MARKER), Buffer.from(MARKER).toString("base64").slice(0, 16)];
    const all = [...seen, ...feed.requests.map((r) => ({ url: r.url, body: r.body }))];
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) for (const s of slices) expect(`${r.url}\n${r.body}`).not.toContain(s);
    expect(feed.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("keeps the UI responsive on 100 KB of one repeated character: progress, prices still update, cancel works", async () => {
    const { page } = h;
    await page.selectOption("#calc-model", "GPT-4.1");
    await page.fill("#calc-prompt", "a".repeat(100_000));
    const progress = page.locator('[data-testid="progress"]');
    await progress.waitFor({ timeout: 10_000 });
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toContain("unbroken run of 100,000 characters");
    // The main thread and the math worker are free while the tokenizer works.
    await page.fill("#calc-n-out", "1234");
    const row = h.payload.models.find((m) => m.ticker === "GPT-4.1")!;
    const n_in = Number(await page.inputValue("#calc-n-in"));
    const want = priceTask(row, { n_in, n_out: 1234, eta: 0.6, omega: 0, n_think: 0 }, h.payload.valuation_date).spot!.cost;
    await expect.poll(() => valueOf(page, "spot-cost"), { timeout: 5_000 }).toBe(want);
    expect(await progress.count()).toBe(1); // still counting meanwhile
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.locator("#calc-prompt-count").textContent()).toContain("Token count cancelled");
    // The tokenizer worker was replaced: a new prompt counts normally.
    await page.fill("#calc-prompt", "hello world");
    await expect.poll(() => valueOf(page, "token-count"), { timeout: 20_000 }).toBe(2);
  });

  it("counts offline once the tokenizer was used (cached at run time by the service worker)", async () => {
    const { page, context } = h;
    const cached = await page.evaluate(async () => (await (await caches.open("exo-tokenizers")).keys()).map((r) => new URL(r.url).pathname).sort());
    expect(cached).toEqual(["/tokenizers/o200k_base.json", "/tokenizers/tiktoken_bg.wasm"]);
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-testid="spot-cost"]').waitFor();
    await page.selectOption("#calc-model", "GPT-4.1");
    await page.fill("#calc-prompt", "hello offline world");
    await expect.poll(() => valueOf(page, "token-count"), { timeout: 20_000 }).toBe(3);
    await context.setOffline(false);
  });
});
