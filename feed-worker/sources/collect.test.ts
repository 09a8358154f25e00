import { describe, expect, it } from "vitest";
import { collect, decodeText, sha256Hex } from "./collect";
import { litellmAdapter } from "./source-litellm";
import type { SourceAdapter } from "./types";

const NOW = new Date("2026-08-21T12:00:00Z");
const opts = { mode: "bundled" as const, bundledBaseUrl: "http://feed.local/", now: NOW, timeoutMs: 50 };
const small: SourceAdapter = { ...litellmAdapter, maxBytes: 10 };

/** A fetch that records the URL it was asked for and answers with `response`. */
function fakeFetch(response: () => Response | Promise<Response>): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const f = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return response();
  }) as typeof fetch;
  return { fetch: f, urls };
}

describe("collect", () => {
  it("fetches the bundled path, hashes the bytes and stamps the injected time", async () => {
    const { fetch, urls } = fakeFetch(
      () => new Response("abc", { headers: { "content-type": "application/json; charset=utf-8" } }),
    );
    const r = await collect(litellmAdapter, fetch, opts);
    expect(urls).toEqual(["http://feed.local/data/archives/litellm/model_prices_and_context_window.json"]);
    expect(r).toMatchObject({
      ok: true,
      status: 200,
      content_type: "application/json",
      fetched_at: "2026-08-21T12:00:00.000Z",
      parser_version: "litellm@1",
      source: "litellm",
    });
    // sha256("abc"), FIPS 180-2 test vector
    expect(r.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(decodeText(r.bytes)).toBe("abc");
  });

  it("uses the live URL in live mode", async () => {
    const { fetch, urls } = fakeFetch(() => new Response("{}", { headers: { "content-type": "text/plain" } }));
    await collect(litellmAdapter, fetch, { ...opts, mode: "live" });
    expect(urls).toEqual([litellmAdapter.liveUrl]);
  });

  it("times out through AbortSignal when the server never answers", async () => {
    const hanging = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      })) as typeof fetch;
    const r = await collect(litellmAdapter, hanging, opts);
    expect(r).toMatchObject({ ok: false, status: 0, error: { code: "E_SOURCE_TIMEOUT" } });
    expect(r.bytes.byteLength).toBe(0);
  });

  it("times out even when the injected fetch ignores the signal", async () => {
    const deaf = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    const r = await collect(litellmAdapter, deaf, opts);
    expect(r.error?.code).toBe("E_SOURCE_TIMEOUT");
  });

  it("reports an HTTP 500 as E_SOURCE_HTTP with the status", async () => {
    const { fetch } = fakeFetch(
      () => new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain" } }),
    );
    const r = await collect(litellmAdapter, fetch, opts);
    expect(r).toMatchObject({ ok: false, status: 500, error: { code: "E_SOURCE_HTTP" } });
    expect(r.error?.message).toContain("HTTP 500");
  });

  it("rejects text/html served for a JSON source", async () => {
    const { fetch } = fakeFetch(
      () => new Response("<html>login</html>", { headers: { "content-type": "text/html; charset=utf-8" } }),
    );
    const r = await collect(litellmAdapter, fetch, opts);
    expect(r).toMatchObject({
      ok: false,
      status: 200,
      content_type: "text/html",
      error: { code: "E_SOURCE_CONTENT_TYPE" },
    });
  });

  it("enforces the size cap from content-length and, when absent, while streaming", async () => {
    const declared = fakeFetch(
      () =>
        new Response("01234567890123456789", {
          headers: { "content-type": "application/json", "content-length": "20" },
        }),
    );
    expect((await collect(small, declared.fetch, opts)).error?.code).toBe("E_SOURCE_TOO_LARGE");
    const chunks = Array.from({ length: 10 }, () => "0123");
    const streamed = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(c) {
              const next = chunks.shift();
              if (next === undefined) c.close();
              else c.enqueue(new TextEncoder().encode(next));
            },
          }),
          { headers: { "content-type": "application/json" } },
        ),
    );
    const r = await collect(small, streamed.fetch, opts);
    expect(r.error?.code).toBe("E_SOURCE_TOO_LARGE");
    expect(chunks.length).toBeGreaterThan(0); // stopped reading before the end
  });

  it("accepts a body exactly at the cap", async () => {
    const { fetch } = fakeFetch(() => new Response("0123456789", { headers: { "content-type": "application/json" } }));
    expect((await collect(small, fetch, opts)).ok).toBe(true);
  });

  it("turns a thrown network error into E_SOURCE_NETWORK instead of throwing", async () => {
    const broken = (() => Promise.reject(new TypeError("getaddrinfo ENOTFOUND"))) as typeof fetch;
    const r = await collect(litellmAdapter, broken, opts);
    expect(r).toMatchObject({ ok: false, error: { code: "E_SOURCE_NETWORK" } });
    expect(r.sha256).toBe(await sha256Hex(new Uint8Array(0)));
  });
});
