import type { SourceErrorCode } from "./source-error";
import type { SourceAdapter, SourceId } from "./types";

export interface CollectOptions {
  /** `bundled` reads `${bundledBaseUrl}/${adapter.bundledPath}`; `live` reads `adapter.liveUrl`. */
  mode: "bundled" | "live";
  bundledBaseUrl: string;
  /** The run's clock reading; stamped as fetched_at. */
  now: Date;
  timeoutMs: number;
  /** Read from here instead (a `SOURCE_URL_*` variable: a mirror or a local file server); see source-urls.ts. */
  url?: string;
}

/** The transport record of one fetch: stored with the raw bytes (keyed by sha256) whatever the outcome. */
export interface CollectResult {
  ok: boolean;
  source: SourceId;
  /** HTTP status; 0 when no response arrived (timeout, network error). */
  status: number;
  bytes: Uint8Array;
  /** Hex sha256 of `bytes`. */
  sha256: string;
  url: string;
  fetched_at: string;
  /** Media type as served (lowercase, without parameters); "" when absent. */
  content_type: string;
  parser_version: string;
  error?: { code: SourceErrorCode; message: string };
}

/**
 * Fetches a source through the injected fetch with a timeout, status, content-type and size-cap check.
 * Never throws: a failure is returned as `ok: false` with a coded error, which marks the source unhealthy.
 * @example await collect(litellmAdapter, fetch, { mode: "live", bundledBaseUrl: "", now: new Date(), timeoutMs: 10_000
 *   })
 */
export async function collect(
  adapter: SourceAdapter,
  fetchFn: typeof fetch,
  opts: CollectOptions,
): Promise<CollectResult> {
  const url =
    opts.url ??
    (opts.mode === "bundled" ? `${opts.bundledBaseUrl.replace(/\/+$/, "")}/${adapter.bundledPath}` : adapter.liveUrl);
  const base = { source: adapter.id, url, fetched_at: opts.now.toISOString(), parser_version: adapter.parserVersion };
  const fail = async (
    code: SourceErrorCode,
    message: string,
    status = 0,
    contentType = "",
    bytes = new Uint8Array(0),
  ): Promise<CollectResult> => ({
    ...base,
    ok: false,
    status,
    bytes,
    sha256: await sha256Hex(bytes),
    content_type: contentType,
    error: { code, message: `${adapter.id}: ${message}` },
  });

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve("timeout");
    }, opts.timeoutMs);
  });
  try {
    const response = await Promise.race([fetchFn(url, { signal: controller.signal, redirect: "follow" }), timedOut]);
    if (response === "timeout")
      return await fail("E_SOURCE_TIMEOUT", `no response within ${opts.timeoutMs} ms from ${url}`);
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!response.ok)
      return await fail("E_SOURCE_HTTP", `HTTP ${response.status} from ${url}`, response.status, contentType);
    if (contentType !== "" && !adapter.contentTypes.includes(contentType)) {
      return await fail(
        "E_SOURCE_CONTENT_TYPE",
        `served as ${contentType}, expected ${adapter.contentTypes.join(" or ")}`,
        response.status,
        contentType,
      );
    }
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > adapter.maxBytes) {
      return await fail(
        "E_SOURCE_TOO_LARGE",
        `declares ${declared} bytes, above the ${adapter.maxBytes}-byte cap`,
        response.status,
        contentType,
      );
    }
    const body = await Promise.race([readCapped(response, adapter.maxBytes), timedOut]);
    if (body === "timeout")
      return await fail(
        "E_SOURCE_TIMEOUT",
        `body not complete within ${opts.timeoutMs} ms from ${url}`,
        response.status,
        contentType,
      );
    if (body === "too-large")
      return await fail(
        "E_SOURCE_TOO_LARGE",
        `body exceeds the ${adapter.maxBytes}-byte cap`,
        response.status,
        contentType,
      );
    return {
      ...base,
      ok: true,
      status: response.status,
      bytes: body,
      sha256: await sha256Hex(body),
      content_type: contentType,
    };
  } catch (e) {
    if (controller.signal.aborted)
      return await fail("E_SOURCE_TIMEOUT", `no response within ${opts.timeoutMs} ms from ${url}`);
    return await fail("E_SOURCE_NETWORK", `fetch failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Reads a body, stopping as soon as it passes the cap (a lying or absent content-length cannot exhaust memory). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | "too-large"> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > maxBytes ? "too-large" : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Hex SHA-256 through WebCrypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Copy into a fresh ArrayBuffer-backed view: the DOM and Workers typings disagree on shared-buffer views.
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Decodes collected bytes as UTF-8 (invalid sequences become U+FFFD rather than throwing). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
