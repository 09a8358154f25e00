// `npm run check:data`: validates data/registry.json and data/history.json (schemas + cross-checks).
// Prints a one-line summary; exits non-zero, listing every violation, when anything is wrong.
// An optional argument names another data directory (the tests check broken copies that way).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkData } from "../oracle-core/registry/data-check";

const dir = resolve(process.argv[2] ?? resolve(import.meta.dirname, "../data"));
const read = (name: string): unknown => {
  try {
    return JSON.parse(readFileSync(resolve(dir, name), "utf8"));
  } catch (e) {
    console.error(`check:data FAILED — cannot read ${resolve(dir, name)}: ${(e as Error).message}`);
    process.exit(1);
  }
};
const result = checkData(read("registry.json"), read("history.json"));
for (const v of result.violations) console.error(`  ✗ ${v}`);
console.log(result.summary);
process.exit(result.ok ? 0 : 1);
