import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Where tests leave measured figures (load p50/p99…) for scripts/reliability-report.ts. */
export const FIGURES_FILE = resolve(import.meta.dirname, "../.exostream/reliability-figures.json");

/** Records a figure from a test run (merged into one JSON file; tests never assert on it). */
export function recordFigure(key: string, value: Record<string, number>): void {
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FIGURES_FILE, "utf8")) as Record<string, unknown>;
  } catch {
    /* first figure of the run */
  }
  all[key] = { ...value, at: new Date().toISOString() };
  writeFileSync(FIGURES_FILE, JSON.stringify(all, null, 2));
}
