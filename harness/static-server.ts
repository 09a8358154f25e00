import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface TestServer {
  origin: string;
  /** Requests seen, in order (method and path with query). */
  requests: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server for browser tests: optional `routes` first (return true when handled), then
 * static files from `root`. Every request is recorded so tests can assert what the page sent.
 */
export async function startStaticServer(
  root: string,
  routes: Route[] = [],
  headers: Record<string, string> = {},
): Promise<TestServer> {
  const base = resolve(root);
  const requests: TestServer["requests"] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({
      method: req.method ?? "GET",
      url: url.pathname + url.search,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    try {
      for (const r of routes) if (await r(req, res, url)) return;
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) return void res.writeHead(403).end();
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const data = await readFile(path).catch(() => null);
      if (!data) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      res
        .writeHead(200, {
          "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
          "Cache-Control": "no-cache",
          ...headers,
        })
        .end(data);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
