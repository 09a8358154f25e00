// @exostream/widgets as a consumer meets it (issue 17): `npm pack`, install the tarball into an empty project
// (offline), build examples/vite-react and examples/plain-html there with Vite, type-check the React example (and a
// misspelled attribute, which must fail), and render every element in Chromium from the installed package against a
// signed fixture feed on another loopback origin.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import { buildAndPack } from "../../harness/package-build";
import { consumerProject, ROOT, type ConsumerProject } from "../../harness/package-install";
import { attw, publintTarball } from "../../harness/package-lint";
import { startStaticServer, type TestServer } from "../../harness/static-server";
import { keysDocument, signedSnapshot, signedWidgetView, startFeed } from "../../harness/widgets-fixture";
import { openPage, shadowText, statesOf } from "../../harness/widgets-page";
import { testSigner } from "../support/test-signer";

const EXAMPLES = ["vite-react", "plain-html"] as const;
const tsc = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [resolve(ROOT, "node_modules/typescript/bin/tsc"), ...args], { cwd, encoding: "utf8" });
/** Every JS file Vite wrote for an example, concatenated. */
const bundleOf = (dir: string) => {
  const assets = join(dir, "dist/assets");
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(assets, f), "utf8"))
    .join("\n");
};

describe("@exostream/widgets installed from its tarball; the examples built against it", () => {
  let tarball: string;
  let project: ConsumerProject;
  let feed: TestServer;
  let host: TestServer;
  let browser: Browser;
  const example = (name: (typeof EXAMPLES)[number]) => join(project.dir, name);

  beforeAll(async () => {
    tarball = buildAndPack("widgets");
    project = consumerProject([tarball], ["react", "react-dom", "@types/react", "@types/react-dom", "preact"]);
    feed = await startFeed({
      snapshot: (await signedSnapshot()).envelope,
      view: await signedWidgetView(),
      keys: await keysDocument(),
    });
    const env = {
      ...process.env,
      VITE_EXOSTREAM_FEED: feed.origin,
      VITE_EXOSTREAM_PINS: (await testSigner("a")).publicKeyRaw,
    };
    for (const name of EXAMPLES) {
      cpSync(resolve(ROOT, "examples", name), example(name), {
        recursive: true,
        filter: (src) => !/node_modules|dist$/.test(src),
      });
      // The repository's Vite, run in the example folder: it resolves react and @exostream/widgets from the project.
      const vite = resolve(ROOT, "node_modules/vite/bin/vite.js");
      const r = spawnSync(process.execPath, [vite, "build", "--base", "./", "--logLevel", "warn"], {
        cwd: example(name),
        env,
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`vite build of examples/${name} failed:\n${r.stdout}\n${r.stderr}`);
    }
    host = await startStaticServer(project.dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await feed?.close();
    if (project) rmSync(project.dir, { recursive: true, force: true });
    if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  });

  it('the React example type-checks <exo-ticker model="GPT-4.1">; a misspelled attribute or a wrong mode fails', () => {
    const ok = tsc(["-p", "tsconfig.json"], example("vite-react"));
    expect(ok.stdout + ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    const bad = join(example("vite-react"), "src/misspelled.tsx");
    writeFileSync(bad, 'export const Bad = () => <><exo-ticker modle="GPT-4.1" /><exo-ticker mode="carousel" /></>;\n');
    const r = tsc(["-p", "tsconfig.json"], example("vite-react"));
    rmSync(bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/misspelled\.tsx\(1,\d+\): error TS2322: [^\n]*\n\s+Property 'modle' does not exist/);
    expect(r.stdout).toMatch(
      /misspelled\.tsx\(1,\d+\): error TS2322: Type '"carousel"' is not assignable to type '"board" \| "marquee"/,
    );
  });

  it("Preact gets the same JSX typings; HTMLElementTagNameMap types querySelector('exo-ticker')", () => {
    const dir = join(project.dir, "preact-check");
    cpSync(resolve(import.meta.dirname, "fixtures/preact-check"), dir, { recursive: true });
    const ok = tsc(["-p", "tsconfig.json"], dir);
    expect(ok.stdout + ok.stderr).toBe("");
    writeFileSync(join(dir, "bad.tsx"), 'export const Bad = () => <exo-forward-chart modl="GPT-4.1" />;\n');
    const r = tsc(["-p", "tsconfig.json"], dir);
    expect(r.stdout).toMatch(/bad\.tsx\(1,\d+\): error TS2322: [^\n]*\n\s+Property 'modl' does not exist/);
  });

  it("importing one element does not pull in the charts: uPlot is in the plain page's bundle, not the React one", () => {
    // "u-legend" is a class name uPlot's code writes; no Exostream file contains it.
    expect(bundleOf(example("plain-html"))).toContain("u-legend");
    expect(bundleOf(example("vite-react"))).not.toContain("u-legend");
  });

  it("the plain-HTML example renders all five elements, verified, from the installed package", async () => {
    const ids = ["ticker", "forward", "history", "calculator", "index"];
    const { page, errors } = await openPage(browser, `${host.origin}/plain-html/dist/index.html`);
    expect(await statesOf(page, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, "verified"])));
    // GPT-4.1's output price in the fixture snapshot is $8 per million tokens.
    expect(await shadowText(page, "ticker", '[part~="price"]')).toMatch(/^\$8(\.00)? \/M out$/);
    expect(await shadowText(page, "index", '[part~="name"]')).toContain("EICI");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the React example renders the ticker and the calculator; onexo-state reaches React", async () => {
    const { page, errors } = await openPage(browser, `${host.origin}/vite-react/dist/index.html`);
    expect(await statesOf(page, ["ticker", "calculator"])).toEqual({ ticker: "verified", calculator: "verified" });
    await page.waitForFunction(() => document.getElementById("state")?.textContent === "Snapshot: verified");
    expect(await shadowText(page, "ticker", '[part~="symbol"]')).toBe("GPT-4.1");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("publint and attw report no errors; the manifest names the five elements at their dist entries", async () => {
    expect(await publintTarball(tarball)).toEqual({ errors: [], warnings: [] });
    const a = attw(tarball);
    expect(a.status, a.output).toBe(0);
    const pkg = join(project.dir, "node_modules/@exostream/widgets");
    const manifest = JSON.parse(readFileSync(join(pkg, "custom-elements.json"), "utf8")) as {
      modules: { path: string; declarations: { tagName: string }[] }[];
    };
    expect(manifest.modules.map((m) => [m.declarations[0]!.tagName, m.path]).sort()).toEqual([
      ["exo-cost-calculator", "dist/cost-calculator.js"],
      ["exo-forward-chart", "dist/forward-chart.js"],
      ["exo-history-chart", "dist/history-chart.js"],
      ["exo-index", "dist/eici.js"],
      ["exo-ticker", "dist/ticker.js"],
    ]);
  });
});
