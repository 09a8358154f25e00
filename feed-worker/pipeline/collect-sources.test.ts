import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anthropicPageAdapter } from "../sources/page-anthropic";
import { litellmAdapter } from "../sources/source-litellm";
import { collectSource } from "./collect-sources";

const LITELLM = readFileSync(
  new URL("../../data/archives/litellm/model_prices_and_context_window.json", import.meta.url),
);
const ANTHROPIC = readFileSync(new URL("../fixtures/pages/anthropic.md", import.meta.url), "utf8");
const opts = { mode: "bundled" as const, bundledBaseUrl: "http://feed.local", now: new Date("2026-08-21T12:00:00Z") };
const ctx = (previousModelCount?: number) => ({ previousModelCount, tickers: [], published: () => undefined });

/** Serves one body for any URL, like the feed's asset server would serve a bundled archive. */
const serve = (body: BodyInit, type: string, status = 200): typeof fetch =>
  (async () => new Response(body, { status, headers: { "content-type": type } })) as typeof fetch;

describe("collectSource", () => {
  it("collects, parses and guards the bundled LiteLLM archive", async () => {
    const { raw, guard } = await collectSource(litellmAdapter, serve(LITELLM, "application/json"), opts, ctx(218));
    expect(raw.bytes.byteLength).toBe(LITELLM.byteLength);
    expect(guard.model_count).toBe(218);
    expect(guard.healthy).toBe(true);
    expect(guard.accepted.find((q) => q.model_id === "gpt-4.1" && q.field === "output")?.usd_per_m).toBe(8);
  });

  it("marks the source unhealthy on HTTP 500 without throwing", async () => {
    const { guard } = await collectSource(litellmAdapter, serve("oops", "text/plain", 500), opts, ctx());
    expect(guard.model_count).toBe(0);
    expect(guard.healthy).toBe(false);
    expect(guard.reasons[0]).toContain("E_SOURCE_HTTP");
  });

  it("catches an HTML error page served as JSON at the schema step", async () => {
    const { guard } = await collectSource(
      litellmAdapter,
      serve("<!DOCTYPE html><h1>Sign in</h1>", "application/json"),
      opts,
      ctx(),
    );
    expect(guard.healthy).toBe(false);
    expect(guard.reasons[1]).toContain("E_SOURCE_CONTENT_TYPE");
  });

  it("marks a provider page unhealthy when its layout changed (E_PAGE_LAYOUT), keeping nothing from it", async () => {
    const ok = await collectSource(anthropicPageAdapter, serve(ANTHROPIC, "text/markdown"), opts, ctx());
    expect(ok.guard.healthy).toBe(true);
    expect(ok.guard.accepted).toHaveLength(25);
    const changed = await collectSource(
      anthropicPageAdapter,
      serve(ANTHROPIC.replace("Base Input Tokens", "Prompt").replace("Output Tokens", "Completion"), "text/markdown"),
      opts,
      ctx(),
    );
    expect(changed.guard.healthy).toBe(false);
    expect(changed.guard.reasons[1]).toContain("E_PAGE_LAYOUT");
  });
});
