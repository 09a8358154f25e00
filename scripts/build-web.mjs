// Builds widgets/ and pwa/ with vite into dist/public (the feed worker's static assets).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const vite = resolve(root, "node_modules/vite/bin/vite.js");
for (const [mode, marker] of [
  ["widgets", "widgets/vite.widgets.ts"],
  ["pwa", "pwa/vite.pwa.ts"],
]) {
  if (!existsSync(resolve(root, marker))) continue;
  const r = spawnSync(process.execPath, [vite, "build", "--config", marker, "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
