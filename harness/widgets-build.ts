// Builds the widgets once for all browser test files (vitest runs files in parallel workers): a lock
// directory serialises builds, and a build is skipped when dist is newer than every source file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const DIST = resolve(ROOT, "dist/public");
const LOADER = resolve(DIST, "widgets/exostream-widgets.js");
const LOCK = join(tmpdir(), `exostream-widgets-build-${ROOT.replace(/[^a-z0-9]/gi, "_")}`);

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "custom-elements.json") continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  if (!existsSync(LOADER) || !existsSync(resolve(DIST, "embed/ticker.html"))) return false;
  const src = Math.max(...["widgets", "oracle-core", "api-core"].map((d) => newestSource(resolve(ROOT, d))));
  return statSync(LOADER).mtimeMs >= src;
}

/** Runs `vite build --config widgets/vite.widgets.ts` unless dist/public/widgets is up to date. */
export async function ensureWidgetsBuilt(): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    if (fresh()) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a build in another worker holds the lock; a lock older than 5 minutes is stale
      if (waited > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync(
      process.execPath,
      [resolve(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "widgets/vite.widgets.ts"],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
    );
    if (r.status !== 0) throw new Error(`widgets build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
