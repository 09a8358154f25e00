// The SDK as a consumer meets it (issue 17): `npm pack`, install the tarball into an empty project (offline), and run
// a plain script there that calls every documented function against a feed this test starts on loopback. The issue's
// crash — estimate({ prompt }) failing with "Cannot find package 'tiktoken'" on a clean install — is the first check.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { get_encoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAndPack } from "../../harness/package-build";
import { consumerProject, ROOT, type ConsumerProject } from "../../harness/package-install";
import { attw, publintTarball } from "../../harness/package-lint";
import type { TestServer } from "../../harness/static-server";
import { keysDocument, signedSnapshot, startFeed } from "../../harness/widgets-fixture";
import { testSigner } from "../support/test-signer";

const PROMPT = "Read the attached contract and list the three clauses that change liability, with one line on each.";
const RESPONSE = resolve(ROOT, "test/sdk/fixtures/openai-chat-gpt-4.1-cached.json");

interface ConsumerOutput {
  exports: string[];
  snapshot: { version: number; from: string; stale: boolean };
  estimate: { model: string; n_in: number; tokens: { kind: string } | null; min: number; max: number };
  meter: { model: string; cost: number };
  price: { spot: { cost: number } };
  compare: string[];
  forward: { ticker: string; beta_spot: number; beta_forward: number };
  unknown: { isOracleError: boolean; code: string };
  wrapped: { model: string; cost: number; estimate_error: { n_in_estimated: number } };
  budget: { spent: number; calls: number; affordable: boolean };
  meterTokens: number;
  estimateCall: number;
  engineCount: number;
  webhook: { header: string; ok: boolean; tampered: boolean };
  mcp: { server: string; tools: string[]; price_task: { data: { spot: { cost: number } } } };
}

describe("exostream (the SDK package) installed from its tarball into an empty project", () => {
  let tarball: string;
  let project: ConsumerProject;
  let feed: TestServer;
  let out: ConsumerOutput;

  beforeAll(async () => {
    tarball = buildAndPack("sdk");
    project = consumerProject([tarball]);
    feed = await startFeed({ snapshot: (await signedSnapshot()).envelope, keys: await keysDocument() });
    copyFileSync(resolve(import.meta.dirname, "sdk-consumer.mjs"), join(project.dir, "consumer.mjs"));
    writeFileSync(join(project.dir, "prompt.txt"), PROMPT);
    const publicKey = (await testSigner("a")).publicKeyRaw;
    const env = {
      ...process.env,
      FEED_URL: feed.origin,
      PUBLIC_KEY: publicKey,
      PROMPT_FILE: "prompt.txt",
      RESPONSE_FILE: RESPONSE,
    };
    // Asynchronously: the feed answers from this process's event loop.
    const run = await promisify(execFile)(process.execPath, ["consumer.mjs"], {
      cwd: project.dir,
      env,
      encoding: "utf8",
    });
    out = JSON.parse(run.stdout) as ConsumerOutput;
  });
  afterAll(async () => {
    await feed?.close();
    if (project) rmSync(project.dir, { recursive: true, force: true });
    if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
  });

  it("estimate({ model: 'gpt-4.1', prompt }) works with no tiktoken in the project: the count is o200k_base's, exact", () => {
    expect(existsSync(join(project.dir, "node_modules/tiktoken"))).toBe(false);
    const enc = get_encoding("o200k_base");
    const n = enc.encode(PROMPT).length;
    enc.free();
    expect(out.estimate).toMatchObject({ model: "GPT-4.1", n_in: n, tokens: { kind: "exact" } });
    expect(out.engineCount).toBe(n);
    // min: one output token at n_in × $2/M; max: 800 output tokens at $8/M on top.
    expect(out.estimate.min).toBeCloseTo((n * 2 + 8) / 1e6, 9);
    expect(out.estimate.max).toBeCloseTo((n * 2 + 800 * 8) / 1e6, 9);
  });

  it("createOracle verifies the feed's snapshot with the pinned key; price, compare, forward, meter as documented", () => {
    expect(out.snapshot).toMatchObject({ version: 42, from: "feed", stale: false });
    // 952 × $2 + 2048 × $0.50 cached + 250 × $8, per million (the recorded OpenAI response)
    expect(out.meter).toMatchObject({ model: "GPT-4.1" });
    expect(out.meter.cost).toBeCloseTo(0.004928, 9);
    // 30 000 in at η 0.6: 12 000 × $2 + 18 000 × $0.50, plus 800 × $8, per million = $0.0394
    expect(out.price.spot.cost).toBeCloseTo(0.0394, 9);
    expect(out.compare).toHaveLength(4);
    expect(out.forward).toMatchObject({ ticker: "GPT-4.1", beta_spot: 8 });
    expect(out.forward.beta_forward).toBeLessThan(8);
    expect(out.unknown).toEqual({ isOracleError: true, code: "E_UNKNOWN_TICKER" });
  });

  it("wrap meters a client's call into the budget; the pure functions and the webhook check work from the package", () => {
    expect(out.wrapped.model).toBe("GPT-4.1");
    expect(out.wrapped.cost).toBeCloseTo(0.004928, 9);
    expect(out.budget).toMatchObject({ calls: 1, affordable: true });
    expect(out.budget.spent).toBeCloseTo(0.004928, 9);
    expect(out.meterTokens).toBeCloseTo(0.004928, 9);
    expect(out.estimateCall).toBeCloseTo((1000 * 2 + 100 * 8) / 1e6, 9);
    expect(out.webhook).toEqual({ header: "Exostream-Signature", ok: true, tampered: false });
    for (const name of [
      "createOracle",
      "wrap",
      "createBudget",
      "verifyWebhook",
      "signWebhook",
      "loadSnapshot",
      "memoryCache",
    ]) {
      expect(out.exports).toContain(name);
    }
  });

  it("the exostream-mcp bin (linked by npm) answers initialize, tools/list and price_task over stdio", () => {
    expect(out.mcp.server).toMatch(/exostream/i);
    expect(out.mcp.tools).toContain("price_task");
    expect(out.mcp.price_task.data.spot.cost, JSON.stringify(out.mcp.price_task)).toBeCloseTo(0.0394, 9);
  });

  it("publint and attw report no errors", async () => {
    expect(await publintTarball(tarball)).toEqual({ errors: [], warnings: [] });
    const a = attw(tarball);
    expect(a.status, a.output).toBe(0);
  });
});
