// `npm start` as a newcomer runs it, checked from outside: the time to the first signed snapshot, one API call
// (MATH.md's worked example: SONNET-4, 30,000 in, 800 out, 60% cache → $0.0534), and a clean console (no stack
// trace, no failed DNS lookup). Runs on whichever Node runs this script, so CI uses it for Node 24 too.
// Usage: node scripts/smoke-start.mjs [--no-build]   (state in a fresh temp folder; a free port)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const port = await new Promise((ok) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = s.address();
    s.close(() => ok(free));
  });
});
const state = mkdtempSync(join(tmpdir(), "exo-smoke-"));
const base = `http://127.0.0.1:${port}`;
const started = performance.now();
const proc = spawn(process.execPath, [join(root, "scripts/start.mjs"), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, PORT: String(port), EXOSTREAM_STATE: state },
  stdio: ["ignore", "pipe", "pipe"],
});
let out = "";
proc.stdout.on("data", (d) => (out += d));
proc.stderr.on("data", (d) => (out += d));

const fail = (why) => {
  console.error(`smoke: FAILED on node ${process.version}: ${why}\n--- npm start output ---\n${out}`);
  proc.kill("SIGTERM");
  rmSync(state, { recursive: true, force: true });
  process.exit(1);
};

while (!out.includes("exostream is running at")) {
  if (proc.exitCode !== null) fail(`npm start exited with ${proc.exitCode}`);
  if (performance.now() - started > 600_000) fail("no snapshot within 600 s");
  await new Promise((r) => setTimeout(r, 100));
}
const toSnapshot = (performance.now() - started) / 1000;

const task = { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 };
const headers = { "content-type": "application/json" };
const res = await fetch(`${base}/v1/price`, { method: "POST", headers, body: JSON.stringify(task) });
const body = await res.json();
const cost = body?.data?.spot?.cost;
if (res.status !== 200 || Math.abs(cost - 0.0534) > 1e-12) {
  fail(`POST /v1/price answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

const envelope = await (await fetch(`${base}/v1/snapshot`)).json();
const { valuation_date: valuation } = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8"));

await new Promise((r) => setTimeout(r, 500)); // let late log lines arrive before judging the console
const traceLine = (l) => /^\s+at .+(:\d+:\d+\)?|\(native\))$/.test(l) || /ENOTFOUND|EAI_AGAIN/.test(l);
const traces = out.split("\n").filter(traceLine);
if (traces.length) fail(`the console shows ${traces.length} stack-trace or DNS-failure lines`);

const exited = new Promise((r) => proc.once("exit", r));
proc.kill("SIGTERM");
await exited;
rmSync(state, { recursive: true, force: true });
const how = ["npm start", ...process.argv.slice(2)].join(" ");
console.log(
  `smoke: node ${process.version}: ${how} → first signed snapshot in ${toSnapshot.toFixed(1)} s ` +
    `(valuation date ${valuation}); POST /v1/price SONNET-4 cost ${cost}; console clean`,
);
