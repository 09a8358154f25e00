// Type-checks every realm through the root solution tsconfig.json (`tsc -b`): each realm keeps its own lib/types
// (see STYLE.md), and build info in .exostream/tsc/ lets an unchanged realm be skipped on the next run.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const tsc = resolve(root, "node_modules/typescript/bin/tsc");
const args = [tsc, "-b", resolve(root, "tsconfig.json"), ...process.argv.slice(2)];
const started = performance.now();
const r = spawnSync(process.execPath, args, { stdio: "inherit", cwd: root });
const s = ((performance.now() - started) / 1000).toFixed(1);
console.log(`typecheck (tsc -b, every realm): ${r.status === 0 ? "ok" : "FAILED"} in ${s} s`);
process.exit(r.status ?? 1);
