import type { ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pwaBuildDir } from "../../harness/pwa-build";
import { DIST, ensureWidgetsBuilt } from "../../harness/widgets-build";
import { feedConfig, freePort, stopTree, waitUp, wranglerDev } from "../../harness/wrangler-dev";
import { buildAssets } from "../../scripts/build-assets.mjs";
import { recordFigure } from "../reliability-figures";
import {
  bodyProbes,
  mcpProbes,
  methodProbes,
  parameterProbes,
  SECRET_PATHS,
  SSRF_URLS,
  type OpenApi,
  type Probe,
} from "./probe-cases";

/**
 * The standing probe suite (issue 16): a hostile client against the feed on workerd (`wrangler dev`, as the other
 * feed tests run it), by category. Every answer must be non-5xx, every error on /v1/* and /mcp must carry a code
 * (REST `error.code` or JSON-RPC `error.data.code`), and no answer may contain key material or a webhook secret.
 * Each category's counts go to .exostream/reliability-figures.json for the README's Security block.
 */
const DIR = mkdtempSync(join(tmpdir(), "exo-probe-"));
const CODE = /^E_[A-Z0-9_]+$/;
/** The probe feed's admin token (its .dev.vars, as README "Admin API" says); the limited feed has none: admin off. */
const ADMIN_TOKEN = "probe-admin-token-5f1c2a9e7b3d4c60";
/** Ed25519 PKCS#8 (base64 and hex DER prefixes), PEM private keys, webhook secrets, the signing-key variable, the
 * admin token. */
const SECRET = new RegExp(`MC4CAQAwBQYDK2Vw|302e020100300506032b6570|PRIVATE KEY|whsec_|SIGNING_KEY|${ADMIN_TOKEN}`);

interface Tally {
  cases: number;
  coded: number;
  http5xx: number;
  uncoded: number;
  failures: string[];
}
const tallies = new Map<string, Tally>();
const tally = (category: string): Tally => {
  let t = tallies.get(category);
  if (!t) tallies.set(category, (t = { cases: 0, coded: 0, http5xx: 0, uncoded: 0, failures: [] }));
  return t;
};

/** The error code of an answer, if it has one: REST `error.code`, or JSON-RPC `error.data.code` on /mcp. */
function codeOf(text: string): string | null {
  try {
    type Coded = { code?: unknown; data?: { code?: unknown } };
    const j = JSON.parse(text) as { error?: Coded; result?: { structuredContent?: { error?: Coded } } };
    // REST `error.code`; JSON-RPC `error.data.code`; an MCP tool error's `result.structuredContent.error.code`.
    const c =
      typeof j.error?.code === "string"
        ? j.error.code
        : (j.error?.data?.code ?? j.result?.structuredContent?.error?.code);
    return typeof c === "string" && CODE.test(c) ? c : null;
  } catch {
    return null;
  }
}

/** Sends one probe and checks the invariants and the probe's own expectation. */
async function probe(
  base: string,
  category: string,
  p: Probe,
): Promise<{ status: number; text: string; res: Response }> {
  const t = tally(category);
  t.cases++;
  // Admin routes are probed past their guard (the token sent unless the probe sends its own Authorization).
  const admin =
    p.path.startsWith("/v1/admin/") && !Object.keys(p.headers ?? {}).some((h) => /^authorization$/i.test(h));
  const res = await fetch(`${base}${p.path}`, {
    method: p.method,
    headers: admin ? { ...p.headers, authorization: `Bearer ${ADMIN_TOKEN}` } : p.headers,
    body: p.body,
    redirect: "manual",
  });
  const text = await res.text();
  const label = `${p.method} ${p.path.slice(0, 80)} → ${res.status}`;
  const path = new URL(p.path, base).pathname;
  const api = path.startsWith("/v1/") || path === "/mcp";
  const code = codeOf(text);
  const rpcError = path === "/mcp" && /"error"\s*:/.test(text);
  if (res.status >= 500) t.http5xx++;
  if (api && (res.status >= 400 || rpcError)) {
    if (code) t.coded++;
    else t.uncoded++;
    if (!code) t.failures.push(`uncoded: ${label} ${text.slice(0, 120)}`);
  }
  if (res.status >= 500) t.failures.push(`5xx: ${label}`);
  if (SECRET.test(text)) t.failures.push(`secret material: ${label}`);
  if (p.status && !p.status.includes(res.status)) t.failures.push(`status: ${label}, expected ${p.status.join("/")}`);
  if (p.code && code !== p.code) t.failures.push(`code: ${label} has ${code}, expected ${p.code}`);
  return { status: res.status, text, res };
}

async function startFeed(
  name: string,
  rateLimit: number,
  assets: string,
  devVars = "",
): Promise<{ base: string; proc: ChildProcess }> {
  const port = await freePort();
  const config = feedConfig(join(DIR, `cfg-${name}`), { rateLimit });
  writeFileSync(config, readFileSync(config, "utf8").replace(`directory = "${DIST}"`, `directory = "${assets}"`));
  if (devVars) writeFileSync(join(DIR, `cfg-${name}`, ".dev.vars"), devVars);
  const proc = wranglerDev(config, port, join(DIR, `state-${name}`));
  const base = `http://127.0.0.1:${port}`;
  await waitUp(`${base}/v1/health`);
  await fetch(`${base}/__scheduled?cron=*/15+*+*+*+*`);
  await waitUp(`${base}/v1/snapshot`);
  return { base, proc };
}

describe("security probe suite on workerd: every category answers coded 4xx, never 5xx, never a secret", () => {
  let feed: { base: string; proc: ChildProcess };
  let limited: { base: string; proc: ChildProcess };
  let doc: OpenApi;

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    buildAssets();
    // The PWA at / (built into its own folder) beside the feed's assets, as a deploy serves them.
    const assets = join(DIR, "assets");
    mkdirSync(assets);
    cpSync(DIST, assets, { recursive: true });
    cpSync(pwaBuildDir(), assets, { recursive: true });
    // One feed with a high limit (the probes reach the handlers), one with the real 100/min for the bypass probe.
    // One at a time: two wrangler dev processes starting together contend for the inspector port.
    feed = await startFeed("probe", 1_000_000, assets, `ADMIN_TOKEN=${ADMIN_TOKEN}\n`);
    limited = await startFeed("limited", 100, assets);
    doc = (await (await fetch(`${feed.base}/v1/openapi.json`)).json()) as OpenApi;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([feed, limited].filter(Boolean).map((f) => stopTree(f.proc)));
    rmSync(DIR, { recursive: true, force: true });
    for (const [category, t] of tallies) {
      recordFigure(`security ${category}`, { cases: t.cases, coded: t.coded, http5xx: t.http5xx, uncoded: t.uncoded });
    }
  });

  const run = async (category: string, probes: Probe[]) => {
    for (const p of probes) await probe(feed.base, category, p);
    const t = tally(category);
    expect(t.failures, category).toEqual([]);
    expect(t.cases).toBeGreaterThan(0);
  };

  it("bodies and content types (generated from /v1/openapi.json)", async () => {
    const probes = bodyProbes(doc);
    expect(new Set(probes.map((p) => p.path)).size).toBeGreaterThanOrEqual(4); // price, compare, swap, webhooks
    await run("bodies and content types", probes);
  });

  it("path and query parameters (generated from /v1/openapi.json)", async () => {
    await run("path and query parameters", parameterProbes(doc));
  });

  it("methods and CORS preflights (generated from /v1/openapi.json)", async () => {
    await run("methods and CORS", methodProbes(doc));
  });

  it("path tricks and secret paths: nothing outside the API and the assets, no key material anywhere", async () => {
    await run(
      "path tricks and secrets",
      SECRET_PATHS.map((path) => ({ method: "GET", path })),
    );
    const keys = await probe(feed.base, "path tricks and secrets", {
      method: "GET",
      path: "/.well-known/exostream-keys.json",
      status: [200],
    });
    expect(keys.text).toMatch(/"keysets"/);
    await probe(feed.base, "path tricks and secrets", { method: "GET", path: "/v1/snapshot", status: [200] });
    expect(tally("path tricks and secrets").failures).toEqual([]);
  });

  it("MCP: batches, non-messages, bad params, versions, prototype keys, tool arguments (from tools/list)", async () => {
    const H = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const list = await fetch(`${feed.base}/mcp`, {
      method: "POST",
      headers: H,
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    const tools = ((await list.json()) as { result: { tools: { name: string; inputSchema: object }[] } }).result.tools;
    expect(tools.length).toBe(7);
    await run("MCP protocol", mcpProbes(tools as never));
  });

  it("webhook URL policy: every SSRF form is 400 E_BAD_URL", async () => {
    await run(
      "webhook URL policy",
      SSRF_URLS.map((url) => ({
        method: "POST",
        path: "/v1/webhooks",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url }),
        status: [400],
        code: "E_BAD_URL",
      })),
    );
  });

  it("overflow, change-feed filters and conditional GET", async () => {
    const J = { "content-type": "application/json" };
    const swap = (over: object) =>
      JSON.stringify({ underlying: "GPT-4.1", term_months: 3, notional: { kind: "usd", amount: 1000 }, ...over });
    const many = Array.from({ length: 100 }, (_, i) => `T${i}`).join(",");
    await run("overflow and filters", [
      {
        method: "POST",
        path: "/v1/swap",
        headers: J,
        body: swap({ rate: 1e308 }),
        status: [400],
        code: "E_NOT_FINITE",
      },
      {
        method: "POST",
        path: "/v1/swap",
        headers: J,
        body: swap({ rate: -700, notional: { kind: "usd", amount: 1e300 } }),
        status: [400],
        code: "E_NOT_FINITE",
      },
      {
        method: "POST",
        path: "/v1/price",
        headers: J,
        body: JSON.stringify({ model: "GPT-4.1", n_in: 1e308, n_out: 1e308 }),
        status: [400],
        code: "E_NOT_FINITE",
      },
      {
        method: "POST",
        path: "/v1/price",
        headers: J,
        body: JSON.stringify({ model: "GPT-4.1", n_in: 10.5, n_out: 1 }),
        status: [400],
      },
      { method: "GET", path: `/v1/changes?ticker=${many}`, status: [400], code: "E_BAD_QUERY" },
      { method: "GET", path: `/v1/changes.atom?ticker=${many}`, status: [400], code: "E_BAD_QUERY" },
      { method: "GET", path: `/v1/changes?${Array(120).fill("kind=price_change").join("&")}`, status: [200] },
    ]);
    const mc = "/v1/monte-carlo/GPT-4.1?paths=500&seed=1";
    const etag = (await fetch(`${feed.base}${mc}`)).headers.get("etag")!;
    const near = await probe(feed.base, "overflow and filters", {
      method: "GET",
      path: mc,
      headers: { "if-none-match": `x${etag}` },
      status: [200],
    });
    expect(near.text.length).toBeGreaterThan(100);
    await probe(feed.base, "overflow and filters", {
      method: "GET",
      path: mc,
      headers: { "if-none-match": etag },
      status: [304],
    });
    const csv = await probe(feed.base, "overflow and filters", {
      method: "GET",
      path: "/v1/index/history",
      headers: { accept: "text/csv" },
      status: [200],
    });
    expect(csv.res.headers.get("vary")).toMatch(/Accept/);
    expect(tally("overflow and filters").failures).toEqual([]);
  });

  it("admin API on workerd: off without the secret, 401 for a same-length wrong token, an action audited", async () => {
    const wrong = `${ADMIN_TOKEN.slice(0, -1)}x`;
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
    const action = JSON.stringify({
      action: "family",
      ticker: "O3",
      family: "openai-reasoning",
      reason: "probe: re-assigns the family it already has",
      author: "security probe",
      date: "2026-12-02",
    });
    const post = { method: "POST", path: "/v1/admin/curation", body: action };
    await probe(limited.base, "admin API", {
      ...post,
      headers: auth(ADMIN_TOKEN),
      status: [404],
      code: "E_ADMIN_DISABLED",
    });
    for (const headers of [auth(wrong), auth(""), { authorization: `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}` }])
      await probe(feed.base, "admin API", { ...post, headers, status: [401], code: "E_ADMIN_UNAUTHORIZED" });
    await probe(feed.base, "admin API", { ...post, headers: auth(ADMIN_TOKEN), status: [201] });
    const audit = await probe(feed.base, "admin API", { method: "GET", path: "/v1/admin/audit", status: [200] });
    const entries = (JSON.parse(audit.text) as { data: { entries: { outcome: string; action: string }[] } }).data
      .entries;
    expect(entries.map((e) => [e.action, e.outcome])).toContainEqual(["family", "applied"]);
    const changes = await probe(feed.base, "admin API", {
      method: "GET",
      path: "/v1/changes?kind=curation",
      status: [200],
    });
    expect(changes.text).toContain("probe: re-assigns the family it already has");
    expect(tally("admin API").failures).toEqual([]);
  });

  it("rate limit: after a 429, made-up CF-Connecting-IP and X-Forwarded-For are still 429", async () => {
    const body = JSON.stringify({ model: "GPT-4.1", n_in: 100, n_out: 10 });
    const price = (headers: Record<string, string> = {}): Probe => ({
      method: "POST",
      path: "/v1/price",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    let first429 = 0;
    for (let i = 1; i <= 250 && !first429; i++)
      if ((await probe(limited.base, "rate limit", price())).status === 429) first429 = i;
    expect(first429).toBeGreaterThan(1);
    const spoofs: Record<string, string>[] = [
      { "cf-connecting-ip": "203.0.113.1" },
      { "x-forwarded-for": "198.51.100.1" },
      { "cf-connecting-ip": "10.0.0.1", "x-forwarded-for": "192.0.2.1" },
    ];
    for (const h of spoofs)
      await probe(limited.base, "rate limit", { ...price(h), status: [429], code: "E_RATE_LIMIT" });
    // A batch is one message no more: the MCP endpoint shares the same budget.
    await probe(limited.base, "rate limit", {
      method: "POST",
      path: "/mcp",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: "{}",
      status: [429],
      code: "E_RATE_LIMIT",
    });
    expect(tally("rate limit").failures).toEqual([]);
  });

  it("static assets: strict CSP, nosniff, no framing, referrer policy, a type; only /embed/* frames", async () => {
    const index = readFileSync(join(pwaBuildDir(), "index.html"), "utf8");
    const asset = /\/assets\/[^"]+\.js/.exec(index)?.[0];
    const demos = readdirSync(join(DIST, "widgets/demos"))
      .filter((f) => f.endsWith(".html"))
      .slice(0, 3);
    const paths = [
      "/",
      "/sw.js",
      "/manifest.webmanifest",
      asset!,
      "/widgets/exostream-widgets.js",
      "/tokenizers/o200k_base.bpe",
      ...demos.map((d) => `/widgets/demos/${d.replace(/\.html$/, "")}`),
    ];
    for (const path of paths) {
      const { res } = await probe(feed.base, "static headers", { method: "GET", path, status: [200] });
      const csp = res.headers.get("content-security-policy") ?? "";
      const problems = [
        res.headers.get("x-content-type-options") === "nosniff" ? "" : "nosniff",
        res.headers.get("x-frame-options") === "DENY" ? "" : "x-frame-options",
        res.headers.get("referrer-policy") ? "" : "referrer-policy",
        res.headers.get("content-type") ? "" : "content-type",
        csp.includes("frame-ancestors 'none'") && csp.includes("script-src 'self'") && !csp.includes("unsafe-inline")
          ? ""
          : "csp",
      ].filter(Boolean);
      expect(problems, path).toEqual([]);
    }
    const embed = await probe(feed.base, "static headers", {
      method: "GET",
      path: "/embed/ticker?model=GPT-4.1",
      status: [200],
    });
    expect(embed.res.headers.get("x-frame-options")).toBeNull();
    expect(embed.res.headers.get("content-security-policy")).toContain("frame-ancestors *");
  });
});
