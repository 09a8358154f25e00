// `npm start`: the oracle on this machine, no account and no network needed.
// Builds the static assets, runs the feed worker on workerd (wrangler dev) with KV/D1/R2 persisted in
// .exostream/state, runs the pipeline once through the real cron path if nothing is published yet,
// and prints the URL. A restart keeps everything: history, versions and the signing key.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { buildAssets } from "./build-assets.mjs";
import { secureStateDir } from "./state-dir.mjs";

const root = resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const persist = resolve(root, process.env.EXOSTREAM_STATE ?? ".exostream/state");
const base = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
// EXOSTREAM_CLOCK_OFFSET (e.g. "365d") runs the feed as if it were another day; the worker parses and checks it.
const clockOffset = process.env.EXOSTREAM_CLOCK_OFFSET?.trim() ?? "";

/**
 * wrangler's environment: no metrics, and no fetch of Cloudflare's request.cf sample (miniflare downloads
 * workers.cloudflare.com/cf.json and prints a stack trace when offline; its built-in fallback is what we need).
 */
const wranglerEnv = (env = process.env) => ({
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  ...env,
  WRANGLER_SEND_METRICS: "false",
});

export async function waitFor(url, { timeoutMs = 60_000, ok = (r) => r.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (ok(r)) return r;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`timed out waiting for ${url} (${last})`);
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    const { spawnSync } = await import("node:child_process");
    const vite = spawnSync(process.execPath, [resolve(root, "scripts/build-web.mjs")], { stdio: "inherit" });
    if (vite.status !== 0) process.exit(vite.status ?? 1);
    buildAssets();
  }
  // The state holds the signing key and webhook secrets: owner-only (0700/0600), checked on every start, and
  // everything wrangler creates in it from now on is owner-only too (the child inherits the umask).
  const loose = secureStateDir(persist);
  if (loose.length) {
    console.warn(`exostream: ${loose.length} path(s) in ${persist} were readable by others; now owner-only`);
  }
  process.umask(0o077);
  const wrangler = spawn(
    process.execPath,
    [
      resolve(root, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--local",
      "--persist-to",
      persist,
      "--port",
      String(port),
      "--ip",
      host,
      "--test-scheduled",
      "--show-interactive-dev-session=false",
      "--log-level",
      process.env.WRANGLER_LOG ?? "warn",
      ...(clockOffset ? ["--var", `EXOSTREAM_CLOCK_OFFSET:${clockOffset}`] : []),
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: wranglerEnv() },
  );
  const stop = () => wrangler.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  wrangler.on("exit", (code) => process.exit(code ?? 0));

  await waitFor(`${base}/v1/health`);
  const snap = await fetch(`${base}/v1/snapshot`);
  if (snap.status !== 200) {
    console.log("exostream: first start — seeding the store and running the pipeline once (bundled mode)…");
    const run = await waitFor(`${base}/__scheduled?cron=*/15+*+*+*+*`, { timeoutMs: 120_000, ok: () => true });
    // A run that throws (e.g. E_CLOCK_OFFSET for a bad EXOSTREAM_CLOCK_OFFSET) answers 500 with its message.
    if (!run.ok) {
      const why = (await run.text()).split("\n")[0]?.slice(0, 500);
      throw new Error(`the first pipeline run failed (HTTP ${run.status}): ${why}`);
    }
    await waitFor(`${base}/v1/snapshot`, { timeoutMs: 60_000 });
  }
  const env = await (await fetch(`${base}/v1/snapshot`)).json();
  const payload = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8"));
  console.log(
    [
      "",
      `exostream is running at ${base}/`,
      `  snapshot v${payload.version} (${payload.mode} data as of ${payload.data_as_of}), ${payload.models.length} models, signed by ${env.signatures[0].keyid.slice(0, 16)}…`,
      `  API: ${base}/v1/greeks   keys: ${base}/.well-known/exostream-keys.json   state: ${persist}`,
      "  Ctrl-C to stop; a restart keeps history, versions and the signing key.",
      "",
    ].join("\n"),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`exostream: ${e.message}`);
    process.exit(1);
  });
}
