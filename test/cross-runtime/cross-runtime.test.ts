import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import { startStaticServer, type TestServer } from "../../harness/static-server";
import { canonicalReport, mutationReport } from "./entry";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, ".exostream/cross-runtime");
const MUTATIONS = 10_000;
const SEED = 20261124;

type Reports = {
  canonical: Awaited<ReturnType<typeof canonicalReport>>;
  mutations: Awaited<ReturnType<typeof mutationReport>>;
};

describe("the same canonical bytes and signatures in Node, workerd and Chromium; 10,000 mutated envelopes rejected in each", () => {
  let node: Reports;
  let workerd: Reports;
  let chromium: Reports;
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    await build({
      entryPoints: [join(import.meta.dirname, "entry.ts")],
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      outfile: join(OUT, "entry.js"),
      logLevel: "error",
    });
    node = { canonical: await canonicalReport(), mutations: await mutationReport(MUTATIONS, SEED) };

    writeFileSync(
      join(OUT, "worker.js"),
      `import { canonicalReport, mutationReport } from "./entry.js";\nexport default { async fetch() { return Response.json({ canonical: await canonicalReport(), mutations: await mutationReport(${MUTATIONS}, ${SEED}) }); } };\n`,
    );
    const mf = new Miniflare({
      modules: true,
      scriptPath: join(OUT, "worker.js"),
      modulesRoot: OUT,
      modulesRules: [{ type: "ESModule", include: ["**/*.js"] }],
      compatibilityDate: "2026-04-01",
    });
    try {
      workerd = (await (await mf.dispatchFetch("http://localhost/")).json()) as Reports;
    } finally {
      await mf.dispose();
    }

    writeFileSync(join(OUT, "index.html"), `<!doctype html><meta charset="utf-8"><title>cross-runtime</title>`);
    server = await startStaticServer(OUT);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      // A string, so the test transformer leaves the browser's own dynamic import alone.
      chromium = (await page.evaluate(
        `(async () => { const m = await import("/entry.js"); return { canonical: await m.canonicalReport(), mutations: await m.mutationReport(${MUTATIONS}, ${SEED}) }; })()`,
      )) as Reports;
    } finally {
      await browser.close();
    }
  }, 600_000);
  afterAll(() => server?.close());

  it("canonical bytes, sha256 and Ed25519 signatures are byte-identical", () => {
    expect(node.canonical.length).toBe(2);
    expect(workerd.canonical).toEqual(node.canonical);
    expect(chromium.canonical).toEqual(node.canonical);
  });

  it.each(["node", "workerd", "chromium"] as const)(
    "%s rejects every one of the 10,000 mutated envelopes and accepts the original",
    (rt) => {
      const r = { node, workerd, chromium }[rt].mutations;
      expect(r.n).toBe(MUTATIONS);
      expect(r.accepted).toEqual([]);
      expect(r.rejected).toBe(MUTATIONS);
      expect(r.control).toBe(42);
    },
  );
});
