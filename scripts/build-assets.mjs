// Assembles dist/public, the static assets the feed worker serves on its own origin:
// the landing page, the bundled source archives (what `bundled` mode collects from) and the
// tokenizer files (scripts/build-tokenizers.ts: the engine's vocabularies, for the PWA, widgets and
// POST /v1/price). Widgets and the PWA are added by vite.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, "dist/public");

export function buildAssets() {
  mkdirSync(out, { recursive: true });
  cpSync(resolve(root, "feed-worker/public"), out, { recursive: true });
  cpSync(resolve(root, "data/archives"), resolve(out, "data/archives"), { recursive: true });
  // tiktoken's WASM and JSON ranks were served here before the engine replaced them.
  for (const old of ["tiktoken_bg.wasm", "o200k_base.json", "cl100k_base.json"])
    rmSync(resolve(out, "tokenizers", old), { force: true });
  const r = spawnSync(
    process.execPath,
    [resolve(root, "node_modules/tsx/dist/cli.mjs"), resolve(root, "scripts/build-tokenizers.ts")],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`assets: ${buildAssets()}`);
}
