import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getPlatformProxy } from "wrangler";
import { clockVars } from "./clock";
import { createApp } from "../feed-worker/app";
import type { Env } from "../feed-worker/env";
import { runPipeline, type PipelineOptions, type PipelineReport } from "../feed-worker/pipeline/run-pipeline";
import { resetFeedState } from "../feed-worker/store/feed-state";
import type { TokenCounter } from "../feed-worker/tokenize/token-counter";
import { tokenCounter } from "../tokenizer/token-counter";
import { readBuilt } from "../test/tokens/vocab-files";

const ROOT = resolve(import.meta.dirname, "..");
export const BUNDLED_BASE = "https://assets.local";

/** Rewrites an archive's text before it is served (broken variants, unit errors, price moves). */
export type Mutator = (path: string, text: string) => string | Response;

/**
 * A fetch serving the repo's bundled archives (data/archives) from disk, as the worker's static
 * assets would, with optional per-file mutations. Records every URL requested.
 */
export function archiveFetch(mutate?: Mutator): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const f = (async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    urls.push(url.href);
    if (url.origin !== BUNDLED_BASE) throw new TypeError(`network access in tests: ${url.href}`);
    const path = url.pathname.slice(1);
    let text: string;
    try {
      text = readFileSync(join(ROOT, path), "utf8");
    } catch {
      return new Response("not found", { status: 404 });
    }
    const out = mutate ? mutate(path, text) : text;
    if (out instanceof Response) return out;
    return new Response(out, { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch & { urls: string[] };
  f.urls = urls;
  return f;
}

/** The tokenizer engine on the built vocabulary files: the code and files the worker runs, read from disk. */
export const nodeTokenCounter: TokenCounter = tokenCounter(readBuilt);

export interface FeedHarness {
  env: Env;
  app: ReturnType<typeof createApp>;
  run(over: Partial<PipelineOptions> & { now: Date }): Promise<PipelineReport>;
  request(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/**
 * Real KV, D1 and R2 (workerd through wrangler's platform proxy, persisted in a temp folder) with the app
 * and pipeline driven in-process, as Hono's own tests drive theirs.
 */
export async function feedHarness(opts: { persistDir?: string; vars?: Partial<Env> } = {}): Promise<FeedHarness> {
  const dir = opts.persistDir ?? mkdtempSync(join(tmpdir(), "exo-feed-"));
  const proxy = await getPlatformProxy<Env>({ configPath: join(ROOT, "wrangler.toml"), persist: { path: dir } });
  const vars = { SOURCE_MODE: "bundled", ENVIRONMENT: "local", HEARTBEAT_S: "3600", ...clockVars(), ...opts.vars };
  const env = { ...proxy.env, ...vars } as Env;
  resetFeedState();
  const app = createApp({ countTokens: () => nodeTokenCounter });
  return {
    env,
    app,
    run: (over) => runPipeline({ env, fetch: archiveFetch(), bundledBaseUrl: BUNDLED_BASE, trigger: "cron", ...over }),
    request: async (path, init) => {
      resetFeedState();
      return app.request(path, init, env);
    },
    dispose: async () => {
      await proxy.dispose();
      if (!opts.persistDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A harness with snapshot v1 already published by one bundled pipeline run (most API tests start here). */
export async function publishedHarness(now = new Date("2026-11-24T06:15:00Z")): Promise<FeedHarness> {
  const h = await feedHarness();
  try {
    const r = await h.run({ now });
    if (!r.published) throw new Error("the first bundled run did not publish");
    return h;
  } catch (e) {
    await h.dispose();
    throw e;
  }
}

/**
 * A `live`-mode fetch answering each real source URL from its recorded archive (and provider pages from
 * `pages`, keyed by URL host), so live-mode runs are tested without the network.
 */
export function liveFetch(pages: Record<string, () => Response> = {}): typeof fetch {
  const recorded = archiveFetch();
  const archives: [RegExp, string][] = [
    [/genai-prices/, "data/archives/genai-prices/data.json"],
    [/model_prices_and_context_window/, "data/archives/litellm/model_prices_and_context_window.json"],
    [/historical-v1/, "data/archives/llm-prices/historical-v1.json"],
    [/current-v1/, "data/archives/llm-prices/current-v1.json"],
    [/models\.dev/, "data/archives/models-dev/api.json"],
    [/openrouter/, "data/archives/openrouter/models.json"],
  ];
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const page = pages[url.host];
    if (page) return page();
    const hit = archives.find(([re]) => re.test(url.href));
    return hit ? recorded(`${BUNDLED_BASE}/${hit[1]}`) : new Response("no recorded page", { status: 404 });
  }) as typeof fetch;
}
