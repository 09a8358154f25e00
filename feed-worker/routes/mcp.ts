import { StreamableHTTPTransport } from "@hono/mcp";
import type { Context, Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { invalidRequestError, jsonRpcError, parseErrorResponse } from "../../api-core/mcp-message";
import { createMcpServer } from "../../api-core/mcp-server";
import type { AppEnv } from "../env";
import { limitBody, rateLimit } from "../http/limits";
import { requireState } from "../http/respond";
import { getFeedState } from "../store/feed-state";
import type { TokenCounter } from "../tokenize/token-counter";

/** The largest MCP response sent (get_greeks for every ticker is ~230 KB); a bigger one is an error. */
export const MAX_MCP_RESPONSE_BYTES = 1024 * 1024;

/**
 * Transport-level rules before the SDK's transport sees the body: 400 with -32700 for non-JSON, -32600 for a batch or
 * another non-message (the transport says -32700 with a zod dump), 400 for an unsupported MCP-Protocol-Version (the
 * transport says 404). Null when the message may go on.
 */
async function checkHttpMessage(c: Context<AppEnv>): Promise<Response | null> {
  const accept = c.req.header("accept") ?? "";
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    const m = "Not Acceptable: send Accept: application/json, text/event-stream";
    return c.json(jsonRpcError(null, -32000, m, "E_NOT_ACCEPTABLE", "accept"), 406);
  }
  if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? "")) {
    const m = "Unsupported Media Type: send the message as application/json";
    return c.json(jsonRpcError(null, -32000, m, "E_UNSUPPORTED_MEDIA", "content-type"), 415);
  }
  let msg: unknown;
  try {
    msg = JSON.parse(await c.req.text());
  } catch {
    return c.json(parseErrorResponse(), 400);
  }
  const invalid = invalidRequestError(msg);
  if (invalid) return c.json(invalid, 400);
  const version = c.req.header("mcp-protocol-version");
  const initialize = (msg as { method?: unknown }).method === "initialize";
  if (version !== undefined && !initialize && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    const m = `Bad Request: unsupported MCP-Protocol-Version; supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}`;
    return c.json(jsonRpcError(msg, -32600, m, "E_MCP_PROTOCOL_VERSION", "mcp-protocol-version"), 400);
  }
  return null;
}

/** Caps a response's size: past MAX_MCP_RESPONSE_BYTES the answer is a coded JSON-RPC error instead. */
async function capResponse(res: Response): Promise<Response> {
  const length = Number(res.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(length) && length <= MAX_MCP_RESPONSE_BYTES) return res;
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength <= MAX_MCP_RESPONSE_BYTES) return new Response(bytes, res);
  let id: unknown = null;
  try {
    id = (JSON.parse(new TextDecoder().decode(bytes)) as { id?: unknown }).id;
  } catch {
    /* not JSON: id stays null */
  }
  const m = `the response exceeds ${MAX_MCP_RESPONSE_BYTES} bytes; ask for less (e.g. one ticker)`;
  const body = jsonRpcError({ id }, -32603, m, "E_RESPONSE_TOO_LARGE");
  return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
}

/**
 * POST /mcp: MCP over Streamable HTTP (SPEC §6): api-core's server and tool table (the same as exostream-mcp's over
 * stdio) on @hono/mcp's transport.
 * Stateless: each request gets its own server and transport (no session id), so any isolate can answer any request
 * and nothing about the caller is kept. Responses are plain JSON (no SSE stream): every tool answers at once.
 */
export function mcpRoutes(app: Hono<AppEnv>, countTokens: (env: AppEnv["Bindings"]) => TokenCounter): void {
  app.use(
    "/mcp",
    cors({
      origin: "*",
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "Accept", "Mcp-Protocol-Version", "Mcp-Session-Id"],
      exposeHeaders: ["Mcp-Session-Id", "Retry-After"],
      maxAge: 86400,
    }),
  );
  app.post("/mcp", limitBody, rateLimit, async (c) => {
    const early = await checkHttpMessage(c);
    if (early) return early;
    const server = createMcpServer({
      state: async () => requireState(await getFeedState(c.env, Date.now())),
      countTokens: (encoding, text) => countTokens(c.env)(encoding, text),
    });
    const transport = new StreamableHTTPTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return capResponse((await transport.handleRequest(c)) ?? c.body(null, 202));
    } catch (e) {
      // The transport reports protocol-level rejections (bad Accept, bad JSON-RPC) as HTTPException with a JSON-RPC
      // body.
      if (e instanceof HTTPException) return e.getResponse();
      throw e;
    }
  });
  // No standalone SSE stream and no sessions to delete in stateless mode: the spec's answer is 405.
  app.on(["GET", "DELETE"], "/mcp", (c) =>
    c.json(
      jsonRpcError(
        null,
        -32000,
        "Method not allowed: this MCP server is stateless; POST JSON-RPC messages",
        "E_METHOD",
      ),
      405,
      { Allow: "POST, OPTIONS" },
    ),
  );
}
