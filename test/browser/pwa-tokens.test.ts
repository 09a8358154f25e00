// Tokenization on the device with the one engine every surface runs: OpenAI counts equal tiktoken's, the open
// vocabularies (Llama 3, Tekken, DeepSeek V3, Gemma 3 for Gemini) equal their reference implementation's and are
// labelled "exact (open vocabulary)", estimates carry their calibrated band, the prompt is never sent anywhere, a
// multi-megabyte paste shows a size-based estimate and progress and can be cancelled, and after one online visit a
// Meta, Mistral or DeepSeek prompt is priced with its exact count offline.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { get_encoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceTask } from "../../oracle-core/greeks";
import { ESTIMATE_BAND } from "../../oracle-core/tokens";
import type { TokenizerId } from "../../oracle-core/tokens";
import { SHARED_DIR } from "../../harness/shared-path";
import { reference } from "../tokens/references";
import { openApp, paste, valueOf, waitForController, type PwaHarness } from "../../harness/pwa-harness";

const MARKER = "PROMPT-SECRET-7f3a9c41";
// ~37,000 characters: a large paste (the app's fast paste path) that the worker counts in several steps.
const DOCS = ["seeds/how-it-works.txt", "SPEC.md", "STYLE.md"]
  .map((f) => readFileSync(join(SHARED_DIR, f), "utf8"))
  .join("\n");
const PROMPT = `${MARKER}\n${DOCS}\nÜnïcödé, 中文, emoji 😀 and code: const x = f(y) => y ** 2; <|begin_of_text|>`;
const SHORT =
  "Exostream prices LLM inference like a commodity: spot β, θ decay. 日本語のテキスト, 😀 and code: f(y) => y ** 2;";
// Gemma 3 (Gemini) is checked by the corpus test and POST /v1/price's test: its 14 MB tokenizer.json takes minutes
// to build in a browser on a loaded 2-core machine, too long for this file.
const OPEN: [string, TokenizerId][] = [
  ["LLAMA-3.3-70B", "llama3"],
  ["MISTRAL-LARGE-3", "tekken"],
  ["DEEPSEEK-V3", "deepseek-v3"],
];
const fmt = (x: number) => x.toLocaleString("en-US");

async function referenceCount(id: TokenizerId, text: string): Promise<number> {
  const ref = reference(id);
  try {
    return (await ref.encode(text)).length;
  } finally {
    ref.free();
  }
}

describe("PWA tokenization", () => {
  let h: PwaHarness;
  const seen: Array<{ url: string; body: string }> = [];
  beforeAll(async () => {
    h = await openApp();
    // A worker started before the service worker took control would fetch past it: start counting once it has.
    await waitForController(h.page);
    h.context.on("request", (r) => seen.push({ url: r.url(), body: r.postData() ?? "" }));
  });
  afterAll(async () => h?.close());

  it("counts a pasted prompt exactly like tiktoken for an OpenAI model, and the count becomes n_in", async () => {
    const { page } = h;
    const want = await referenceCount("o200k_base", PROMPT);
    await page.selectOption("#calc-model", "GPT-4.1");
    await paste(page, "#calc-prompt", PROMPT);
    await expect.poll(() => valueOf(page, "token-count"), { timeout: 20_000 }).toBe(want);
    expect(await page.inputValue("#calc-prompt")).toBe(PROMPT);
    expect(await page.locator('[data-testid="token-label"]').textContent()).toBe("exact");
    expect(await page.inputValue("#calc-n-in")).toBe(String(want));
  });

  it("labels the count for a model without a public tokenizer as an estimate with its calibrated band", async () => {
    const { page } = h;
    const n = await referenceCount("o200k_base", PROMPT);
    await page.selectOption("#calc-model", "SONNET-4.5");
    const line = page.locator("#calc-prompt-count");
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain("estimate");
    const text = (await line.textContent())!.replace(/\s+/g, " ");
    expect(text).toContain(`≈ ${fmt(n)} tokens (estimate −5%…+24%)`);
    expect(text).toContain(
      `between ${fmt(Math.floor(n * (1 + ESTIMATE_BAND.low)))} and ${fmt(Math.ceil(n * (1 + ESTIMATE_BAND.high)))}`,
    );
    expect(text).toContain("o200k_base count used as a proxy for claude");
  });

  for (const [model, id] of OPEN) {
    it(`counts a ${model} prompt exactly with its published vocabulary (${id}), labelled exact (open vocabulary)`, async () => {
      const { page } = h;
      const want = await referenceCount(id, PROMPT);
      await page.selectOption("#calc-model", model);
      await expect.poll(() => valueOf(page, "token-count"), { timeout: 240_000 }).toBe(want);
      expect(await page.locator('[data-testid="token-label"]').textContent()).toBe("exact (open vocabulary)");
      expect(await page.inputValue("#calc-n-in")).toBe(String(want));
    }, 300_000);
  }

  it("never sends the prompt: no request URL or body carries it", async () => {
    const { page, feed } = h;
    // Visit the pages that fetch (history, compare) with the prompt still in the form.
    await page.evaluate(() => (location.hash = "#/model/GPT-4.1"));
    await page.locator("exo-chart").first().waitFor();
    await page.evaluate(() => (location.hash = "#/calculator"));
    await page.locator('[data-testid="spot-cost"]').waitFor();
    const slices = [
      MARKER,
      PROMPT.slice(200, 240),
      PROMPT.slice(-40),
      encodeURIComponent(MARKER),
      Buffer.from(MARKER).toString("base64").slice(0, 16),
    ];
    const all = [...seen, ...feed.requests.map((r) => ({ url: r.url, body: r.body }))];
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) for (const s of slices) expect(`${r.url}\n${r.body}`).not.toContain(s);
    expect(feed.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("a multi-megabyte paste: a size-based estimate labelled as such, progress, prices still update, Cancel works", async () => {
    const { page } = h;
    // DeepSeek's tokenizer (the Hugging Face engine) counts in one call, so the count is surely still running when
    // Cancel is pressed; Cancel then replaces the tokenizer worker.
    await page.selectOption("#calc-model", "DEEPSEEK-V3");
    const big = PROMPT.repeat(80); // ~3 MB
    await page.fill("#calc-prompt", ""); // the paste is the whole prompt
    await paste(page, "#calc-prompt", big);
    const estimate = page.locator('[data-testid="size-estimate"]');
    await estimate.waitFor({ timeout: 60_000 });
    // The prompt counted has its line breaks normalised as a textarea would (CR LF → LF); the box shows its beginning.
    const bytes = Buffer.byteLength(big.replace(/\r\n?/g, "\n"));
    expect(await page.locator('[data-testid="prompt-held"]').count()).toBe(1);
    expect(await estimate.textContent()).toContain(`${fmt(bytes)} bytes`);
    expect(await estimate.textContent()).toContain("estimate from size");
    const progress = page.locator('[data-testid="progress"]');
    expect(await progress.count()).toBe(1);
    // The main thread and the math worker are free while the tokenizer works.
    await page.fill("#calc-n-out", "1234");
    const row = h.payload.models.find((m) => m.ticker === "DEEPSEEK-V3")!;
    const n_in = Number(await page.inputValue("#calc-n-in"));
    const want = priceTask(row, { n_in, n_out: 1234, eta: 0.6, omega: 0, n_think: 0 }, h.payload.valuation_date).spot!
      .cost;
    await expect.poll(() => valueOf(page, "spot-cost"), { timeout: 5_000 }).toBe(want);
    expect(await progress.count()).toBe(1); // still counting meanwhile
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.locator("#calc-prompt-count").textContent()).toContain("Token count cancelled");
    expect(await estimate.count()).toBe(0);
    // The tokenizer worker was replaced: a new prompt counts normally.
    await page.getByRole("button", { name: "Clear prompt" }).click();
    await page.fill("#calc-prompt", "hello world");
    await expect
      .poll(() => valueOf(page, "token-count"), { timeout: 60_000 })
      .toBe(await referenceCount("deepseek-v3", "hello world"));
  }, 120_000);
});

describe("PWA tokenization offline", () => {
  it("after one online visit, prices a Meta, Mistral or DeepSeek prompt with its exact count offline", async () => {
    const h = await openApp();
    const { page, context, feed } = h;
    try {
      await waitForController(page);
      // The online visit: one prompt per provider (each vocabulary is fetched once and kept by the service worker).
      for (const [model] of OPEN) {
        await page.selectOption("#calc-model", model);
        await page.fill("#calc-prompt", `online ${model}`);
        await expect.poll(() => valueOf(page, "token-count"), { timeout: 120_000 }).toBeGreaterThan(0);
      }
      const cached = await page.evaluate(async () =>
        (await (await caches.open("exo-tokenizers-v2")).keys()).map((r) => new URL(r.url).pathname).sort(),
      );
      expect(cached).toEqual(["/tokenizers/deepseek-v3.json", "/tokenizers/llama3.bpe", "/tokenizers/tekken.bpe"]);
      feed.offline = true;
      await context.setOffline(true);
      await page.reload();
      await page.locator('[data-testid="spot-cost"]').waitFor();
      for (const [model, id] of OPEN) {
        await page.selectOption("#calc-model", model);
        await page.fill("#calc-prompt", SHORT);
        const want = await referenceCount(id, SHORT);
        await expect.poll(() => valueOf(page, "token-count"), { timeout: 120_000 }).toBe(want);
        expect(await page.locator('[data-testid="token-label"]').textContent()).toBe("exact (open vocabulary)");
        const row = h.payload.models.find((m) => m.ticker === model)!;
        const n_out = Number(await page.inputValue("#calc-n-out"));
        const cost = priceTask(row, { n_in: want, n_out, eta: 0.6, omega: 0, n_think: 0 }, h.payload.valuation_date)
          .spot!.cost;
        await expect.poll(() => valueOf(page, "spot-cost"), { timeout: 5_000 }).toBe(cost);
      }
    } finally {
      feed.offline = false;
      await h.close();
    }
  }, 600_000);
});
