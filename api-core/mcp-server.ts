import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { z } from "zod";
import { apiErrorOf, errorBody, INTERNAL_ERROR_BODY } from "./api-error";
import { invalidParamsError, invalidRequestError } from "./mcp-message";
import { MCP_TOOLS, parseToolArgs, type ToolHost } from "./mcp-tools";

export const MCP_SERVER_NAME = "exostream";
export const MCP_SERVER_VERSION = "0.1.0";

const INSTRUCTIONS =
  "Exostream prices LLM inference from a signed snapshot. Prices are USD per 1M tokens; β is a model's output price. " +
  "Use price_task before a call to know what it will cost (n_in or prompt, n_out or max_tokens, eta for cache hits), " +
  "compare_models to find the cheapest model for a task, get_forward_curve for where a price is heading. " +
  'Errors come back as tool errors whose text is {"error":{"code","message","field"}} with the REST API\'s codes.';

/** The JSON Schema a tool lists, generated from the same zod schema its arguments are parsed with. */
export function toolInputSchema(schema: z.ZodType): Tool["inputSchema"] {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return { ...json, type: "object" } as Tool["inputSchema"];
}

/** A thrown value as the REST API answers it: `{error:{code,message,field?,…}}`; anything uncoded is E_INTERNAL. */
export function toolErrorBody(e: unknown): ReturnType<typeof errorBody> {
  const a = apiErrorOf(e);
  return a ? errorBody(a.code, a.message, a.field, a.extra) : INTERNAL_ERROR_BODY;
}

// The server never asks the client for structured input (no elicitation), so it needs no JSON Schema validator;
// this also keeps Ajv's code generation, which workerd forbids, off the request path.
const noValidator = {
  getValidator: () => () => ({
    valid: false as const,
    data: undefined,
    errorMessage: "elicitation is not used by this server",
  }),
};

/**
 * The SDK's Server with JSON-RPC 2.0 error rules applied to each incoming message before the SDK parses it: -32600
 * for a non-message, -32602 with the REST code in `data` for bad params (the SDK says -32603 with a zod dump).
 */
class CheckedServer extends Server {
  override async connect(transport: Transport): Promise<void> {
    await super.connect(transport);
    const inner = transport.onmessage;
    if (!inner) return;
    transport.onmessage = (msg, extra) => {
      const err = invalidRequestError(msg) ?? invalidParamsError(msg);
      if (err) void transport.send(err as never).catch(() => undefined);
      else inner(msg, extra);
    };
  }
}

/**
 * An MCP server (the official SDK's transport-free `Server`) exposing the seven Exostream tools: Streamable HTTP on
 * the feed worker (feed-worker/routes/mcp.ts), stdio in `exostream-mcp` (sdk/src/mcp-stdio.ts). Tool errors are
 * results with `isError: true`, never protocol errors.
 */
export function createMcpServer(host: ToolHost): Server {
  const server = new CheckedServer(
    { name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION, title: "Exostream LLM pricing oracle" },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: noValidator },
  );
  const byName = new Map(MCP_TOOLS.map((t) => [t.name, t]));
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: MCP_TOOLS.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: toolInputSchema(t.schema),
      annotations: { title: t.title, readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req): Promise<CallToolResult> => {
    const t = byName.get(req.params.name);
    if (!t) {
      const tools = [...byName.keys()].join(", ");
      const message = `unknown tool ${JSON.stringify(req.params.name.slice(0, 64))}; tools: ${tools}`;
      throw new McpError(ErrorCode.InvalidParams, message, errorBody("E_UNKNOWN_TOOL", message, "name").error);
    }
    try {
      const body = await t.run(parseToolArgs(t, req.params.arguments) as never, host);
      return { content: [{ type: "text", text: JSON.stringify(body) }], structuredContent: { ...body } };
    } catch (e) {
      const body = toolErrorBody(e);
      return { isError: true, content: [{ type: "text", text: JSON.stringify(body) }], structuredContent: body };
    }
  });
  return server;
}
