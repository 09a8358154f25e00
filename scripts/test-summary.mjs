// Prints the plain closing line CI reads ("N passed, N failed") from vitest's JSON report.
import { readFileSync } from "node:fs";
const r = JSON.parse(readFileSync(process.argv[2] ?? ".exostream/test-results.json", "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(r.numFailedTests === 0 && r.numPassedTests > 0 ? 0 : 1);
