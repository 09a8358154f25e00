// `npm run check:data`: validates data/registry.json and data/history.json (schemas + cross-checks), and
// data/curation.json against its schema when the directory has one.
// Prints a one-line summary; exits non-zero, listing every violation, when anything is wrong.
// An optional argument names another data directory (the tests check broken copies that way).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkData } from "../oracle-core/registry";
import { CurationFileSchema } from "../oracle-core/schemas";

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
let curationOk = true;
let curationNote = "";
if (existsSync(resolve(dir, "curation.json"))) {
  const c = CurationFileSchema.safeParse(read("curation.json"));
  curationOk = c.success;
  if (!c.success) for (const i of c.error.issues) console.error(`  ✗ curation.json ${i.path.join(".")}: ${i.message}`);
  else curationNote = `, curation ${c.data.entries.length} entries`;
}
console.log(result.summary + curationNote);
process.exit(result.ok && curationOk ? 0 : 1);
