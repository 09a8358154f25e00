import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { benchCore } from "./core";

/**
 * `npm run bench`: every budget the issues name, measured side by side with its peer in one run,
 * written to bench/report.json and printed as a table. Never part of the tests.
 */
const ROOT = resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

type Section = () => Promise<Record<string, unknown>>;
const sections: [string, string, Section][] = [["core", "bench/core.ts", benchCore]];
for (const [name, file, fn] of [
  ["feed", "bench/feed.ts", "benchFeed"],
  ["market", "bench/market.ts", "benchMarket"],
  ["widgets", "bench/widgets.ts", "benchWidgets"],
  ["pwa", "bench/pwa.ts", "benchPwa"],
  ["tokenizers", "bench/tokenizers.ts", "benchTokenizers"],
  ["scale", "bench/scale.ts", "benchScale"],
] as const) {
  if (existsSync(resolve(ROOT, file)))
    sections.push([name, file, async () => ((await import(resolve(ROOT, file))) as Record<string, Section>)[fn]!()]);
}

// A partial run (`npm run bench -- feed`) updates its sections of the existing report and keeps the others.
const reportPath = resolve(ROOT, "bench/report.json");
const previous: Record<string, unknown> =
  only.length && existsSync(reportPath)
    ? (JSON.parse(readFileSync(reportPath, "utf8")) as Record<string, unknown>)
    : {};
const report: Record<string, unknown> = {
  ...previous,
  machine: { node: process.version, cpus: (await import("node:os")).cpus().length, date: new Date().toISOString() },
};
for (const [name, , fn] of sections) {
  if (!want(name)) continue;
  process.stdout.write(`bench ${name}… `);
  const t0 = performance.now();
  try {
    report[name] = await fn();
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    report[name] = { error: e instanceof Error ? e.message : String(e) };
    console.log(`failed: ${(report[name] as { error: string }).error}`);
  }
}

mkdirSync(resolve(ROOT, "bench"), { recursive: true });
writeFileSync(reportPath, JSON.stringify(report, null, 2) + "\n");

const fmt = (v: unknown): string =>
  typeof v === "number"
    ? Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 1
        ? v.toFixed(2)
        : v.toPrecision(3)
    : typeof v === "object" && v !== null
      ? JSON.stringify(v)
      : String(v);
const rows: [string, string, string][] = [];
for (const [section, body] of Object.entries(report)) {
  if (section === "machine" || typeof body !== "object" || body === null) continue;
  for (const [metric, values] of Object.entries(body)) {
    if (typeof values !== "object" || values === null) rows.push([section, metric, fmt(values)]);
    else
      rows.push([
        section,
        metric,
        Object.entries(values)
          .map(([k, v]) => `${k}=${fmt(v)}`)
          .join("  "),
      ]);
  }
}
const w0 = Math.max(...rows.map((r) => r[0].length), 7);
const w1 = Math.max(...rows.map((r) => r[1].length), 6);
console.log(`\n${"section".padEnd(w0)}  ${"metric".padEnd(w1)}  figures`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(`\nreport: bench/report.json`);
