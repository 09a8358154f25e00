import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "../../harness/clock";
import { buildAssets } from "../../scripts/build-assets.mjs";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { readKeyset } from "../../oracle-core/snapshot";
import { verifySnapshot } from "../../oracle-core/snapshot";
import { feedConfig, freePort, stopTree, waitUp, wranglerDev } from "../../harness/wrangler-dev";
import { recordFigure } from "../reliability-figures";

const DIR = mkdtempSync(join(tmpdir(), "exo-load-"));

async function verifiedVersion(base: string): Promise<number> {
  const env = (await (await fetch(`${base}/v1/snapshot`)).json()) as DsseEnvelope;
  const doc = (await (await fetch(`${base}/.well-known/exostream-keys.json`)).json()) as { keysets: DsseEnvelope[] };
  const keys = (await readKeyset(doc.keysets[0]!)).keys;
  return (await verifySnapshot(env, { keys, now: now() })).version;
}

describe("the local feed on workerd under bounded load, and killed mid-publish", () => {
  let port = 0;
  let base = "";
  let feed: ChildProcess;
  const config = feedConfig(join(DIR, "cfg"), { rateLimit: 100_000_000 });
  const start = async () => {
    feed = wranglerDev(config, port, join(DIR, "state"));
    await waitUp(`${base}/v1/health`);
  };

  beforeAll(async () => {
    buildAssets();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await start();
    await fetch(`${base}/__scheduled?cron=*/15+*+*+*+*`);
  });
  afterAll(async () => {
    await stopTree(feed);
    rmSync(DIR, { recursive: true, force: true });
  });

  // Loopback only, fixed duration and connections; the figures go to the log, never into an assertion.
  it.each([
    ["GET /v1/snapshot", "/v1/snapshot", {}],
    [
      "POST /v1/price",
      "/v1/price",
      {
        method: "POST" as const,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "GPT-4.1", n_in: 30000, n_out: 800, eta: 0.6 }),
      },
    ],
  ])("%s: zero errors over 3 s with 4 connections", async (name, path, init) => {
    const r = await autocannon({ url: `${base}${path}`, duration: 3, connections: 4, ...init });
    console.log(
      `load ${name}: ${r.requests.total} requests, ${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`,
    );
    recordFigure(`load ${name}`, {
      requests: r.requests.total,
      req_per_s: r.requests.average,
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    });
    expect(r.requests.total).toBeGreaterThan(0);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
  });

  it("a process killed while the pipeline publishes leaves a verifiable snapshot, and the next run completes", async () => {
    const before = await verifiedVersion(base);
    // Force a publish (heartbeat) and kill workerd while it runs, at a few different moments.
    for (const delayMs of [5, 60, 250]) {
      void fetch(`${base}/__scheduled?cron=0+*+*+*+*`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, delayMs));
      await stopTree(feed, "SIGKILL");
      await start();
      const v = await verifiedVersion(base);
      expect(v).toBeGreaterThanOrEqual(before);
    }
    const last = await verifiedVersion(base);
    await fetch(`${base}/__scheduled?cron=0+*+*+*+*`);
    // Versions a killed run signed into D1 but never served are skipped, so "higher" rather than "+1".
    expect(await verifiedVersion(base)).toBeGreaterThan(last);
  });
});
