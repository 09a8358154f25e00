import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "../../harness/clock";
import { buildAssets } from "../../scripts/build-assets.mjs";
import { get_encoding } from "tiktoken";
import { nodeTokenCounter } from "../../harness/feed-harness";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { readKeyset } from "../../oracle-core/snapshot";
import { verifyKeysetChain } from "../../oracle-core/snapshot";
import { verifySnapshot } from "../../oracle-core/snapshot";
import { SnapshotPayloadSchema } from "../../oracle-core/schemas";

const ROOT = resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** `npm start` as a newcomer runs it (wrangler dev on workerd, state in a folder), minus the web build. */
async function start(port: number, state: string): Promise<{ proc: ChildProcess; output: () => string }> {
  let out = "";
  const proc = spawn(process.execPath, [join(ROOT, "scripts/start.mjs"), "--no-build"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EXOSTREAM_STATE: state, WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 120_000;
  while (!out.includes("exostream is running at")) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`start failed:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { proc, output: () => out };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGTERM");
  await exited;
}

async function verified(base: string) {
  const env = (await (await fetch(`${base}/v1/snapshot`)).json()) as DsseEnvelope;
  const doc = (await (await fetch(`${base}/.well-known/exostream-keys.json`)).json()) as { keysets: DsseEnvelope[] };
  const root = (await readKeyset(doc.keysets[0]!)).keys;
  const { keys } = await verifyKeysetChain(doc, root);
  return {
    ...(await verifySnapshot(env, { keys, now: now(), parsePayload: (j) => SnapshotPayloadSchema.parse(j) })),
    rootKeyid: root[0]!.keyid,
  };
}

describe("npm start on workerd: first start seeds and publishes, a restart keeps history, versions and the key", () => {
  const state = mkdtempSync(join(tmpdir(), "exo-start-"));
  let port = 0;
  let base = "";
  let first: Awaited<ReturnType<typeof verified>>;
  beforeAll(async () => {
    buildAssets();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it("first start: prints the URL and serves a signed snapshot of every model built from the bundled archives", async () => {
    const { proc, output } = await start(port, state);
    try {
      expect(output()).toContain(`exostream is running at ${base}/`);
      first = await verified(base);
      expect(first.version).toBe(1);
      expect(first.payload.mode).toBe("bundled");
      expect(first.payload.sources.filter((s) => s.healthy).length).toBe(6);
      // Server-side tokenization runs the tokenizer engine inside workerd on the ASSETS files: the same counts as
      // the engine in Node (and, for OpenAI, as tiktoken), for an OpenAI and an open-vocabulary model.
      const prompt = "Exostream prices LLM inference like an instrument: spot, Greeks, forwards. 価格は下がる。";
      for (const [model, id] of [
        ["GPT-4.1", "o200k_base"],
        ["LLAMA-3.3-70B", "llama3"],
      ] as const) {
        const r = await fetch(`${base}/v1/price`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ model, prompt, n_out: 100 }),
        });
        const body = (await r.json()) as { data: { n_in: number; tokens: { exact: boolean } } };
        expect(r.status).toBe(200);
        expect(body.data.tokens.exact).toBe(true);
        expect(body.data.n_in).toBe(await nodeTokenCounter(id, prompt));
      }
      const tk = get_encoding("o200k_base");
      expect(await nodeTokenCounter("o200k_base", prompt)).toBe(tk.encode_ordinary(prompt).length);
      tk.free();
      // The cron path: a scheduled run with nothing new keeps the version.
      await fetch(`${base}/__scheduled?cron=*/15+*+*+*+*`);
      expect((await verified(base)).version).toBe(1);
    } finally {
      await stop(proc);
    }
  });

  /** Every folder and file under the state whose mode lets a group or other user in. */
  const loose = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((e) => join(e.parentPath, e.name))
      .concat(dir)
      .filter((p) => !lstatSync(p).isSymbolicLink() && (statSync(p).mode & 0o077) !== 0);

  it("the state (signing key, webhook secrets) is owner-only, and a loosened one is tightened on start", async () => {
    // After the first start everything wrangler wrote is 0700/0600 (it runs with umask 077).
    expect(loose(state)).toEqual([]);
    const files = readdirSync(state, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    chmodSync(state, 0o755);
    chmodSync(join(files[0]!.parentPath, files[0]!.name), 0o644);
    expect(loose(state).length).toBe(2);
  });

  it("restart: same signing key, same version and history, no re-seeding", async () => {
    const { proc, output } = await start(port, state);
    try {
      expect(output()).toContain("were readable by others; now owner-only");
      expect(loose(state)).toEqual([]);
      const again = await verified(base);
      expect(again.version).toBe(first.version);
      expect(again.sha256).toBe(first.sha256);
      expect(again.rootKeyid).toBe(first.rootKeyid);
      const hist = (await (await fetch(`${base}/v1/history/GPT-4.1`)).json()) as { data: unknown[] };
      expect(hist.data.length).toBeGreaterThan(0);
      // The hourly heartbeat re-signs with the same key and a higher version.
      await fetch(`${base}/__scheduled?cron=0+*+*+*+*`);
      const beat = await verified(base);
      expect(beat.version).toBe(first.version + 1);
      expect(beat.payload.prev_sha256).toBe(first.sha256);
    } finally {
      await stop(proc);
    }
  });
});
