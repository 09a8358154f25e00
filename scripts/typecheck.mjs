// Type-checks every realm with its own tsconfig (lib/types differ per folder; see STYLE.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const projects = [
  "oracle-core/tsconfig.json",
  "api-core/tsconfig.json",
  "tokenizer/tsconfig.json",
  "feed-worker/tsconfig.json",
  "feed-worker/tsconfig.test.json",
  "widgets/tsconfig.json",
  "widgets/build/tsconfig.json",
  "pwa/tsconfig.json",
  "pwa/worker/tsconfig.json",
  "pwa/sw/tsconfig.json",
  "pwa/build/tsconfig.json",
  "tsconfig.test.json",
  "sdk/tsconfig.json",
].filter((p) => existsSync(p));

let failed = false;
for (const p of projects) {
  const r = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", p], { stdio: "inherit" });
  console.log(`typecheck ${p}: ${r.status === 0 ? "ok" : "FAILED"}`);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
