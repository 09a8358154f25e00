import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { clockVars } from "../../harness/clock";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../scripts/build-assets.mjs";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { encodeBase64 } from "../../oracle-core/snapshot";
import { readKeyset } from "../../oracle-core/snapshot";

const ROOT = resolve(import.meta.dirname, "../..");
const TOOLS = [
  "compare_models",
  "get_forward_curve",
  "get_greeks",
  "get_index",
  "get_spot_prices",
  "price_swap",
  "price_task",
];

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** `npm start` without the web build (as workerd-start.test.ts runs it): wrangler dev on workerd, state in a folder. */
async function start(port: number, state: string): Promise<ChildProcess> {
  let out = "";
  const proc = spawn(process.execPath, [join(ROOT, "scripts/start.mjs"), "--no-build"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EXOSTREAM_STATE: state, WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: stop() ends start.mjs, wrangler and workerd together, even after start.mjs gave up and
    // exited on its own (it leaves wrangler running then).
    detached: true,
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 120_000;
  while (!out.includes("exostream is running at")) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      await stop(proc);
      throw new Error(`start failed:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return proc;
}

/**
 * The stdio server's environment: the MCP SDK passes only a short allow-list of variables to the child by default,
 * so the tests' clock switch (EXOSTREAM_CLOCK_OFFSET) is handed on explicitly, as a user's config would set it.
 */
const SERVER = { command: process.execPath, cwd: ROOT, stderr: "pipe" as const };
const STDIO = { ...SERVER, env: { ...getDefaultEnvironment(), ...clockVars() } };

async function stop(proc: ChildProcess | undefined): Promise<void> {
  if (!proc?.pid) return;
  const done = proc.exitCode !== null || proc.signalCode !== null;
  const exited = done ? Promise.resolve() : new Promise((r) => proc.once("exit", r));
  try {
    process.kill(-proc.pid, "SIGTERM");
  } catch {
    // the group is gone already
  }
  await exited;
}

/** The seven calls (one per tool) and the bad inputs, the same against both transports. */
const CALLS: [string, Record<string, unknown>][] = [
  ["get_spot_prices", { tickers: ["GPT-4.1"] }],
  ["get_greeks", { ticker: "SONNET-4" }],
  ["price_task", { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 }],
  ["compare_models", { n_in: 10000, n_out: 500, provider: "anthropic" }],
  ["get_forward_curve", { ticker: "GPT-4.1", t: [0.5] }],
  ["get_index", {}],
  ["price_swap", { underlying: "GPT-4.1", term_months: 6, notional: { kind: "tokens", amount: 1e9 } }],
];
const BAD: [string, Record<string, unknown>, string][] = [
  ["price_task", { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 1.2 }, "E_ETA_RANGE"],
  ["price_task", { model: "SONNET-4", n_in: "many" }, "E_NOT_FINITE"],
  ["get_forward_curve", { ticker: "GPT-9" }, "E_UNKNOWN_TICKER"],
];

async function exercise(client: Client, log: string[]): Promise<Record<string, unknown>> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
  log.push(`tools/list → ${tools.map((t) => t.name).join(", ")}`);
  const results: Record<string, unknown> = {};
  for (const [name, args] of CALLS) {
    const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
    expect(r.isError ?? false, name).toBe(false);
    results[name] = r.structuredContent;
    log.push(`tools/call ${name} ${JSON.stringify(args)} → ok (${(r.content[0] as { text: string }).text.length} B)`);
  }
  for (const [name, args, code] of BAD) {
    const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
    expect(r.isError).toBe(true);
    const body = JSON.parse((r.content[0] as { text: string }).text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    log.push(`tools/call ${name} ${JSON.stringify(args)} → isError ${body.error.code}: ${body.error.message}`);
  }
  return results;
}

describe("MCP against the running worker (workerd): Streamable HTTP at /mcp and the stdio entry reading the same feed", () => {
  const state = mkdtempSync(join(tmpdir(), "exo-mcp-"));
  const cacheDir = mkdtempSync(join(tmpdir(), "exo-mcp-cache-"));
  let base = "";
  let proc: ChildProcess | undefined;
  let http: Record<string, unknown> = {};
  let rootKey = "";
  const log: string[] = [];

  beforeAll(async () => {
    buildAssets();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = await start(port, state);
    const doc = (await (await fetch(`${base}/.well-known/exostream-keys.json`)).json()) as { keysets: DsseEnvelope[] };
    rootKey = encodeBase64((await readKeyset(doc.keysets[0]!)).keys[0]!.publicKey);
  });
  afterAll(async () => {
    await stop(proc);
    rmSync(state, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    console.log(`MCP client run:\n${log.join("\n")}`);
  });

  it("the official MCP client over Streamable HTTP: initialize, list the seven tools, call each, bad inputs as tool errors", async () => {
    const client = new Client({ name: "exostream-e2e", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    try {
      expect(client.getServerVersion()).toMatchObject({ name: "exostream" });
      log.push(`[http] initialize → ${JSON.stringify(client.getServerVersion())}`);
      http = await exercise(client, log);
      const priced = http.price_task as { data: { spot: { cost: number; kappa: number } }; snapshot_version: number };
      expect(priced.data.spot.cost).toBeCloseTo(0.0534, 12);
      expect(priced.data.spot.kappa).toBeCloseTo(4.45, 12);
      // The tool answers what the REST endpoint answers.
      const rest = await (
        await fetch(`${base}/v1/price`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(CALLS[2]![1]),
        })
      ).json();
      expect(priced).toEqual(rest);
    } finally {
      await client.close();
    }
  });

  it("exostream-mcp over stdio: verifies the feed's signed snapshot with the pinned root key, answers the same, caches on disk", async () => {
    const args = [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      join(ROOT, "sdk/src/mcp-stdio.ts"),
      "--feed-url",
      base,
      "--public-key",
      rootKey,
      "--cache-dir",
      cacheDir,
    ];
    const client = new Client({ name: "exostream-e2e-stdio", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ ...STDIO, args }));
    try {
      log.push("[stdio] initialize → exostream-mcp");
      const stdio = await exercise(client, log);
      // Same snapshot, same numbers as the worker.
      expect(stdio).toEqual(http);
    } finally {
      await client.close();
    }
    expect(existsSync(join(cacheDir, "snapshot.json"))).toBe(true);
  });

  it("with the feed stopped, exostream-mcp serves the verified snapshot from its disk cache; a wrong pinned key fails at start", async () => {
    await stop(proc);
    proc = undefined;
    const args = [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      join(ROOT, "sdk/src/mcp-stdio.ts"),
      "--feed-url",
      base,
      "--public-key",
      rootKey,
      "--cache-dir",
      cacheDir,
    ];
    const client = new Client({ name: "exostream-e2e-offline", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ ...STDIO, args }));
    try {
      const r = (await client.callTool({ name: "price_task", arguments: CALLS[2]![1] })) as CallToolResult;
      expect(r.structuredContent).toEqual(http.price_task);
      log.push("[stdio, feed down] tools/call price_task → ok from the disk cache");
    } finally {
      await client.close();
    }
    const wrong = new Client({ name: "wrong-key", version: "1.0.0" });
    const bad = [...args];
    bad[bad.indexOf(rootKey)] = "PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=";
    await expect(wrong.connect(new StdioClientTransport({ ...STDIO, args: bad }))).rejects.toThrow();
  });
});
