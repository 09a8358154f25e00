// Builds the README's Reliability table from a vitest JSON report (`.exostream/test-results.json`, written by
// .ci/run or `npm test -- --reporter=json --outputFile.json=…`) and the figures tests record. Every row says
// what was injected, how many cases ran, and the result as the test run reported it — nothing typed by hand.
//   npx tsx scripts/reliability-report.ts [results.json]  → prints the markdown table
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

interface Assertion {
  fullName: string;
  status: string;
  title: string;
}
interface FileResult {
  name: string;
  assertionResults: Assertion[];
}

/** A scenario of SPEC §10 / issue 8 and the tests that prove it; `cases` counts generated inputs per matching test. */
interface Scenario {
  name: string;
  injected: string;
  /** `cases`: inputs per matching test, or "title" for the largest count the test's title states ("3600 bodies"). */
  tests: { file: RegExp; title?: RegExp; cases?: number | "title" }[];
}

const SCENARIOS: Scenario[] = [
  {
    name: "Heartbeat and staleness (fake clock)",
    injected: "no source answers for 3 heartbeats; 48 h without quotes; client clocks at 2×heartbeat and past expiry",
    tests: [{ file: /pipeline\/heartbeat\.test/ }],
  },
  {
    name: "Unit errors in every archive format",
    injected: "×1e3, ×1e5, truncated to 0, per-1K read as per-1M on GPT-4.1 in each of 6 archives",
    tests: [{ file: /guard-scenarios\.test/, title: /six archives/, cases: 24 }, { file: /guard\/.*\.test/ }],
  },
  {
    name: "One wrong surviving source",
    injected: "every source down but one quoting −25%",
    tests: [{ file: /guard-scenarios\.test/, title: /lone surviving/ }],
  },
  {
    name: "Provider page layout change (live mode)",
    injected: "OpenAI's pricing tables redesigned as cards",
    tests: [{ file: /page-layout\.test/ }],
  },
  {
    name: "Broken upstream files",
    injected: "empty, truncated, half-size, HTML error page with 200, HTTP 503",
    tests: [
      { file: /guard-scenarios\.test/, title: /empty file|truncated|HTML error|half-size|HTTP 503/ },
      { file: /sources\/.*\.test/, title: /layout|broken|truncat|empty|HTML/i },
    ],
  },
  {
    name: "Real large cut and a one-poll glitch",
    injected: "o3 $40 → $8 (2025-06-10) from one source, then confirmed; Gemini 2.0 Flash at $150/$600",
    tests: [{ file: /guard-scenarios\.test/, title: /o3|1500/ }, { file: /pipeline\/breaker\.test/ }],
  },
  {
    name: "Mutated envelopes (Node)",
    injected:
      "byte flips in payload, signature, payloadType; swapped keys; truncation; duplicated signatures; non-canonical payloads",
    tests: [{ file: /snapshot-mutation\.test/, title: /rejects all/, cases: "title" }],
  },
  {
    name: "Mutated envelopes (Node, workerd, Chromium)",
    injected: "the same 12 mutation kinds, seeded, in each runtime",
    tests: [{ file: /cross-runtime\.test/, title: /rejects every one/, cases: 10_000 }],
  },
  {
    name: "Identical canonical bytes and signatures",
    injected: "the same payloads (unicode, number forms) signed in Node, workerd and Chromium",
    tests: [{ file: /cross-runtime\.test/, title: /byte-identical/ }],
  },
  {
    name: "Rollback, replay, expiry, skew, key rotation",
    injected: "older version after newer; same version with other bytes; ±5 min edges; unchained keysets",
    tests: [
      { file: /snapshot\/(snapshot-verify|keyset)\.test/ },
      { file: /widgets-verify\.test/, title: /rollback|expired|tamper/i },
      { file: /pwa-.*\.test/, title: /rollback|corrupt/i },
      { file: /test\/sdk\/.*\.test/, title: /rollback|replay|tamper/i },
    ],
  },
  {
    name: "API fuzzing",
    injected:
      "generated requests: wrong types, huge numbers, NaN/Infinity strings, deep nesting, unicode, missing/extra fields, wrong methods and content types",
    tests: [{ file: /api-fuzz\.test/, title: /bodies|paths|methods and content types/, cases: "title" }],
  },
  {
    name: "Body limit, CORS, security headers, rate limit, framing",
    injected: "16 KB + 1 bodies, preflights, 405s, 101 requests a minute, iframe embedding",
    tests: [{ file: /test\/feed\/headers\.test/ }, { file: /http\/limits\.test/ }, { file: /embed-headers\.test/ }],
  },
  {
    name: "Security probes (issue 16)",
    injected:
      "MCP batches, spoofed client addresses, SSRF webhook URLs, 100-value filters, float64 overflow, near-miss ETags, static-asset headers",
    tests: [
      { file: /test\/security\/probe\.test/ },
      { file: /webhooks\/(url-policy|special-addresses|deliver)\.test/ },
      { file: /input-edges\.test/ },
    ],
  },
  {
    name: "Crash between pipeline steps",
    injected: "a throw before each of the 8 steps of a run that changes a price",
    tests: [{ file: /crash-injection\.test/ }],
  },
  {
    name: "Killed mid-publish",
    injected: "SIGKILL of workerd 5, 60 and 250 ms into a publish",
    tests: [{ file: /load-and-kill\.test/, title: /killed/ }],
  },
  {
    name: "Bounded loopback load",
    injected: "autocannon, 3 s × 4 connections on GET /v1/snapshot and POST /v1/price",
    tests: [{ file: /load-and-kill\.test/, title: /zero errors/ }],
  },
  {
    name: "PWA storage across updates",
    injected: "app update, failed update, corrupted stored snapshot",
    tests: [{ file: /pwa-(update|snapshot|forms)\.test/, title: /update|tampered|saved|expired/i }],
  },
];

const resultsPath = resolve(process.argv[2] ?? ".exostream/test-results.json");
const figuresPath = resolve(".exostream/reliability-figures.json");

export function reliabilityTable(
  results: { testResults: FileResult[] },
  figures: Record<string, Record<string, number>> = {},
): string {
  const rows = SCENARIOS.map((s) => {
    let tests = 0;
    let cases = 0;
    let failed = 0;
    for (const sel of s.tests) {
      for (const f of results.testResults) {
        if (!sel.file.test(f.name)) continue;
        for (const a of f.assertionResults) {
          if (sel.title && !sel.title.test(a.title)) continue;
          tests++;
          cases +=
            sel.cases === "title"
              ? Math.max(1, ...[...a.title.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, ""))))
              : (sel.cases ?? 1);
          if (a.status !== "passed") failed++;
        }
      }
    }
    const result = tests === 0 ? "not run" : failed === 0 ? "pass" : `**${failed} failed**`;
    return `| ${s.name} | ${s.injected} | ${cases.toLocaleString("en-US")} (${tests} ${tests === 1 ? "test" : "tests"}) | ${result} |`;
  });
  const load = loadLine(figures);
  return [
    "| Scenario | Injected | Cases | Result |",
    "|---|---|---|---|",
    ...rows,
    "",
    load,
    securityBlock(figures),
  ].join("\n");
}

/**
 * The Security block: one row per category of the probe suite (test/security/probe.test.ts, which records
 * `security <category>` figures) with the cases tried, the coded errors they drew, 5xx answers (must be 0) and
 * uncoded errors on /v1/* and /mcp (must be 0). Empty when the suite did not run.
 */
export function securityBlock(figures: Record<string, Record<string, number>>): string {
  const cats = Object.entries(figures).filter(([k]) => k.startsWith("security "));
  if (cats.length === 0) return "";
  const sum = (f: string) => cats.reduce((n, [, v]) => n + (v[f] ?? 0), 0);
  const row = (name: string, v: Record<string, number>) =>
    `| ${name} | ${n(v.cases)} | ${n(v.coded)} | ${n(v.http5xx)} | ${n(v.uncoded)} |`;
  const n = (x: number | undefined) => (x ?? 0).toLocaleString("en-US");
  return [
    "",
    "Security (a hostile client against the feed on workerd, `test/security/`; cases generated from " +
      "`/v1/openapi.json` and the MCP tool list where they fit):",
    "",
    "| Category | Cases | Coded errors | 5xx | Uncoded errors |",
    "|---|---|---|---|---|",
    ...cats.map(([k, v]) => row(k.slice("security ".length), v)),
    row("**all**", { cases: sum("cases"), coded: sum("coded"), http5xx: sum("http5xx"), uncoded: sum("uncoded") }),
  ].join("\n");
}

function loadLine(figures: Record<string, Record<string, number>>): string {
  const load = Object.entries(figures)
    .filter(([k]) => k.startsWith("load "))
    .map(
      ([k, v]) =>
        `${k.slice(5)}: ${v.requests} requests, p50 ${v.p50_ms} ms, p99 ${v.p99_ms} ms, ${(v.errors ?? 0) + (v.non2xx ?? 0)} errors`,
    );
  return load.length ? `Load (loopback, this machine): ${load.join("; ")}.` : "";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(resultsPath)) {
    console.error(
      `no test results at ${resultsPath}; run: npm test -- --reporter=json --outputFile.json=.exostream/test-results.json`,
    );
    process.exit(2);
  }
  const results = JSON.parse(readFileSync(resultsPath, "utf8")) as { testResults: FileResult[] };
  const figures = existsSync(figuresPath)
    ? (JSON.parse(readFileSync(figuresPath, "utf8")) as Record<string, Record<string, number>>)
    : {};
  console.log(reliabilityTable(results, figures));
}
