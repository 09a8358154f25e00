import { StreamableHTTPTransport } from "@hono/mcp";
import type { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { createMcpServer } from "../../api-core/mcp-server";
import type { AppEnv } from "../env";
import { limitBody, rateLimit } from "../http/limits";
import { requireState } from "../http/respond";
import { getFeedState } from "../store/feed-state";
import type { TokenCounter } from "../tokenize/token-counter";

/**
 * POST /mcp: MCP over Streamable HTTP (SPEC §6): api-core's server and tool table (the same as exostream-mcp's over
 * stdio) on @hono/mcp's transport.
 * Stateless: each request gets its own server and transport (no session id), so any isolate can answer any request
 * and nothing about the caller is kept. Responses are plain JSON (no SSE stream): every tool answers at once.
 */
export function mcpRoutes(app: Hono<AppEnv>, countTokens: (env: AppEnv["Bindings"]) => TokenCounter): void {
  app.use(
    "/mcp",
    cors({ origin: "*", allowMethods: ["POST", "OPTIONS"], allowHeaders: ["Content-Type", "Accept", "Mcp-Protocol-Version", "Mcp-Session-Id"], exposeHeaders: ["Mcp-Session-Id", "Retry-After"], maxAge: 86400 }),
  );
  app.post("/mcp", limitBody, rateLimit, async (c) => {
    const server = createMcpServer({
      state: async () => requireState(await getFeedState(c.env, Date.now())),
      countTokens: (encoding, text) => countTokens(c.env)(encoding, text),
    });
    const transport = new StreamableHTTPTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return (await transport.handleRequest(c)) ?? c.body(null, 202);
    } catch (e) {
      // The transport reports protocol-level rejections (bad Accept, bad JSON-RPC) as HTTPException with a JSON-RPC body.
      if (e instanceof HTTPException) return e.getResponse();
      throw e;
    }
  });
  // No standalone SSE stream and no sessions to delete in stateless mode: the spec's answer is 405.
  app.on(["GET", "DELETE"], "/mcp", (c) =>
    c.json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this MCP server is stateless; POST JSON-RPC messages to /mcp" }, id: null }, 405, { Allow: "POST, OPTIONS" }),
  );
}
