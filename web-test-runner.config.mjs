// @web/test-runner: the component tests, in real Chromium (the one harness/chromium.ts finds), beside the code:
// widgets/*.test.ts and pwa/components/*.test.ts (vitest leaves those two globs to this runner; see vite.config.ts).
// TypeScript goes through esbuild. The page's origin also plays the feed: /v1/snapshot and the keyset are the
// widget fixtures of harness/widgets-fixture.ts, signed at start; a request on the localhost host gets a tampered
// snapshot, so one page can show a verified and an unverified widget.
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner";
import { tsImport } from "tsx/esm/api";

const { resolveChromium, CHROMIUM_ARGS } = await tsImport("./harness/chromium.ts", import.meta.url);
const { shiftedClockScript } = await tsImport("./harness/clock.ts", import.meta.url);
const { keysDocument, signedSnapshot, signedWidgetView } = await tsImport(
  "./harness/widgets-fixture.ts",
  import.meta.url,
);

const { path } = await resolveChromium();
const good = (await signedSnapshot()).envelope;
// Same signature, one byte of the payload changed: the widgets must refuse it (E_SIG_INVALID).
const json = Buffer.from(good.payload, "base64").toString("utf8");
const tampered = { ...good, payload: Buffer.from(json.replace('"beta":25,', '"beta":2.5,')).toString("base64") };
const keys = await keysDocument();
// The widget view <exo-ticker> reads, and the same tamper: OPUS-4.6's β $25 → $2.50 under the original signature.
const goodView = await signedWidgetView();
const viewJson = Buffer.from(goodView.payload, "base64").toString("utf8");
const tamperedView = {
  ...goodView,
  payload: Buffer.from(viewJson.replace('"beta":[25,', '"beta":[2.5,')).toString("base64"),
};

/**
 * The fixture feed, same origin as the test page (CORS * for the second host), and the tests' clock as a script
 * file for frames that allow no inline script (a page under a strict CSP).
 */
async function feed(ctx, next) {
  if (ctx.path === "/__harness/clock.js") {
    ctx.type = "text/javascript";
    ctx.body = shiftedClockScript();
    return;
  }
  const snapshot = ctx.hostname === "localhost" ? tampered : good;
  const view = ctx.hostname === "localhost" ? tamperedView : goodView;
  const body =
    ctx.path === "/v1/snapshot"
      ? snapshot
      : ctx.path === "/v1/widget-view"
        ? view
        : ctx.path === "/.well-known/exostream-keys.json"
          ? keys
          : null;
  if (!body) return next();
  ctx.set("Access-Control-Allow-Origin", "*");
  ctx.set("Cache-Control", "no-store");
  ctx.type = "application/json";
  ctx.body = JSON.stringify(body);
}

export default {
  files: ["widgets/*.test.ts", "pwa/components/*.test.ts"],
  nodeResolve: { exportConditions: ["production"] },
  hostname: "127.0.0.1",
  concurrency: 1,
  middleware: [feed],
  plugins: [esbuildPlugin({ ts: true, target: "es2022", tsconfig: "widgets/tsconfig.json" })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: path, args: CHROMIUM_ARGS, headless: true } })],
  // The page runs on the tests' clock (EXOSTREAM_CLOCK_OFFSET), like every Chromium page the harness opens.
  testRunnerHtml: (framework) =>
    `<!doctype html><html><head><script>${shiftedClockScript()}</script></head>` +
    `<body><script type="module" src="${framework}"></script></body></html>`,
  testFramework: { config: { timeout: 20000 } },
};
