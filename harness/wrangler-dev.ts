import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { clockVarArgs } from "./clock";

const ROOT = resolve(import.meta.dirname, "..");
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");

export const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

export async function waitUp(url: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * The feed's wrangler.toml with absolute paths and, for load tests, a rate limit high enough that the
 * load measures the handler rather than 429s. Same worker code, same runtime.
 */
export function feedConfig(dir: string, { rateLimit = 100 } = {}): string {
  mkdirSync(dir, { recursive: true });
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace('main = "feed-worker/index.ts"', `main = "${join(ROOT, "feed-worker/index.ts")}"`)
    .replace('directory = "./dist/public"', `directory = "${join(ROOT, "dist/public")}"`)
    .replace("simple = { limit = 100, period = 60 }", `simple = { limit = ${rateLimit}, period = 60 }`);
  const path = join(dir, "wrangler.toml");
  writeFileSync(path, toml);
  return path;
}

/** `wrangler dev` (workerd) on a loopback port with state persisted in `persist`, on the tests' clock. */
export function wranglerDev(config: string, port: number, persist: string): ChildProcess {
  const args = ["dev", "-c", config, "--local", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persist];
  const quiet = ["--test-scheduled", "--show-interactive-dev-session=false", "--log-level", "error"];
  return spawn(process.execPath, [WRANGLER, ...args, ...quiet, ...clockVarArgs()], {
    cwd: ROOT,
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", ...process.env, WRANGLER_SEND_METRICS: "false" },
    stdio: "ignore",
    detached: true,
  });
}

/** Stops a wrangler dev and its workerd children (the whole process group). */
export async function stopTree(p: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (p.exitCode !== null || p.pid === undefined) return;
  const exited = new Promise((r) => p.once("exit", r));
  try {
    process.kill(-p.pid, signal);
  } catch {
    p.kill(signal);
  }
  await exited;
}
