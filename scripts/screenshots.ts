// `npm run screenshots`: the README's pictures, taken from the running app: `npm start` on a fresh state folder and
// a free port, then headless Chromium (harness/chromium.ts) on the calculator and on a ticker demo page.
// Writes docs/calculator.png and docs/ticker.png.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launchChromium } from "../harness/chromium";
import { freePort, stopTree } from "../harness/wrangler-dev";

const ROOT = resolve(import.meta.dirname, "..");
const DOCS = join(ROOT, "docs");

async function startApp(port: number, state: string) {
  const proc = spawn(process.execPath, [join(ROOT, "scripts/start.mjs"), ...process.argv.slice(2)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EXOSTREAM_STATE: state },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  for (const end = performance.now() + 240_000; !out.includes("exostream is running at"); ) {
    if (proc.exitCode !== null || performance.now() > end) throw new Error(`npm start failed:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return proc;
}

const port = await freePort();
const state = mkdtempSync(join(tmpdir(), "exo-shots-"));
const base = `http://127.0.0.1:${port}`;
const app = await startApp(port, state);
const browser = await launchChromium();
try {
  // The calculator: a summarisation call on Claude Sonnet 4.5, priced today and at the 3-month forward.
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/#/calculator`);
  const status = page.locator('[data-testid="snapshot-status"]');
  await status
    .and(page.locator("[data-version]"))
    .waitFor({ timeout: 60_000 })
    .catch(async (e: Error) => {
      throw new Error(`the calculator showed no verified snapshot: "${await status.textContent()}" (${e.message})`);
    });
  await page.selectOption("#calc-model", "SONNET-4.5");
  await page.getByRole("button", { name: "Summarize" }).click();
  await page.selectOption("#calc-horizon", "3M");
  const results = page.locator('[data-testid="calc-results"]');
  await results.filter({ hasText: "3M forward horizon" }).waitFor();
  // From the top of the app to the end of the answer cards (the form and its result in one picture).
  const cards = (await results.locator(".cards").boundingBox())!;
  const clip = { x: 0, y: 0, width: 1200, height: cards.y + cards.height + 24 };
  await page.screenshot({ path: join(DOCS, "calculator.png"), fullPage: true, clip });

  // A ticker on a page: the basic demo page as `npm start` serves it (the README's one-tag embed).
  const demo = await browser.newPage({ viewport: { width: 900, height: 420 }, deviceScaleFactor: 1 });
  await demo.goto(`${base}/widgets/demos/basic-ticker.html`);
  const shown = () => document.getElementById("w")!.shadowRoot!.querySelectorAll("[part~=price]").length === 1;
  await demo.waitForFunction(shown);
  await demo.screenshot({ path: join(DOCS, "ticker.png") });
  console.log(`screenshots: wrote docs/calculator.png and docs/ticker.png from ${base}`);
} finally {
  await browser.close();
  await stopTree(app);
  rmSync(state, { recursive: true, force: true });
}
