// Assembles dist/public, the static assets the feed worker serves on its own origin:
// the landing page, the bundled source archives (what `bundled` mode collects from) and the
// tokenizer ranks used server-side by POST /v1/price. Widgets and the PWA are added by vite.
import { cpSync, mkdirSync, existsSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, "dist/public");

export function buildAssets() {
  mkdirSync(out, { recursive: true });
  cpSync(resolve(root, "feed-worker/public"), out, { recursive: true });
  cpSync(resolve(root, "data/archives"), resolve(out, "data/archives"), { recursive: true });
  mkdirSync(resolve(out, "tokenizers"), { recursive: true });
  for (const enc of ["cl100k_base", "o200k_base"]) {
    const src = resolve(root, `node_modules/tiktoken/encoders/${enc}.json`);
    if (existsSync(src)) cpSync(src, resolve(out, `tokenizers/${enc}.json`));
  }
  cpSync(resolve(root, "node_modules/tiktoken/lite/tiktoken_bg.wasm"), resolve(out, "tokenizers/tiktoken_bg.wasm"));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`assets: ${buildAssets()}`);
}
