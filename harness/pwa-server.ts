import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import type { DsseEnvelope } from "../oracle-core/snapshot";
import { assetHeaders } from "./asset-headers";
import { startStaticServer, type Route, type TestServer } from "./static-server";
import { fixtureHistory, fixtureKeys } from "./pwa-fixture";

/** A fixture feed: the built app plus /v1/snapshot, the keyset and history, with knobs the tests turn. */
export interface PwaFeed extends TestServer {
  /** The envelope /v1/snapshot serves (change it to publish another version). */
  snapshot: DsseEnvelope;
  /** Appended to sw.js when set: a byte-different service worker, i.e. a new app version. */
  swSuffix: string;
  /**
   * The network is down: every request is cut before an answer (the service worker's own fetches are not
   * covered by the browser's offline emulation, so the server plays the outage too). Attempts are still recorded.
   */
  offline: boolean;
}

const json = (res: import("node:http").ServerResponse, body: unknown) =>
  void res
    .writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" })
    .end(JSON.stringify(body));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

// Production-like static serving for measurements: gzip for text, long-lived caching for hashed assets.
function gzipStatic(root: string): Route {
  return (req, res, url) => {
    const path = normalize(join(root, decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname)));
    if (!path.startsWith(root) || !statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const body = readFileSync(path);
    const text = /^(text|application\/(json|manifest))/.test(type);
    const gz = text && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const cache = url.pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    res
      .writeHead(200, {
        "Content-Type": type,
        "Cache-Control": cache,
        ...(gz ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}),
      })
      .end(gz ? gzipSync(body) : body);
    return true;
  };
}

/** Starts the fixture feed on a loopback port (`gzip`: compress and cache static files as a CDN would). */
export async function startPwaFeed(
  root: string,
  snapshot: DsseEnvelope,
  opts: { gzip?: boolean; routes?: Route[] } = {},
): Promise<PwaFeed> {
  const keys = await fixtureKeys();
  const feed = { snapshot, swSuffix: "", offline: false } as PwaFeed;
  const server = await startStaticServer(root, [
    (req) => (feed.offline ? (req.socket.destroy(), true) : false),
    // The production asset headers (feed-worker/public/_headers): the app is tested under its real CSP.
    (_req, res, url) => {
      for (const [k, v] of Object.entries(assetHeaders(url.pathname))) res.setHeader(k, v);
      return false;
    },
    ...(opts.routes ?? []),
    (_req, res, url) => (url.pathname === "/v1/snapshot" ? (json(res, feed.snapshot), true) : false),
    (_req, res, url) => (url.pathname === "/.well-known/exostream-keys.json" ? (json(res, keys), true) : false),
    (_req, res, url) => {
      const m = /^\/v1\/history\/([^/]+)$/.exec(url.pathname);
      if (!m) return false;
      json(res, { data: fixtureHistory(decodeURIComponent(m[1]!)) });
      return true;
    },
    (_req, res, url) => {
      if (url.pathname !== "/sw.js" || !feed.swSuffix) return false;
      res
        .writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" })
        .end(readFileSync(join(root, "sw.js"), "utf8") + feed.swSuffix);
      return true;
    },
    ...(opts.gzip ? [gzipStatic(root)] : []),
  ]);
  return Object.assign(feed, server, { snapshot, swSuffix: "", offline: false });
}
