// JSON-RPC 2.0 and MCP error rules, checked on the raw message before the MCP SDK sees it (the same on every transport:
// Streamable HTTP on the feed, stdio in exostream-mcp). The SDK would answer a wrong-typed param with -32603 and a zod
// dump, and its record schema silently drops a `__proto__` key that REST rejects.
import {
  CallToolRequestSchema,
  ErrorCode,
  InitializeRequestSchema,
  JSONRPCMessageSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  type JSONRPCMessage,
} from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { errorBody } from "./api-error";
import { issueToApiError } from "./parse-with";

/** A JSON-RPC error response; `data` is the REST error object `{code, message, field?}` (SPEC §6 codes). */
export interface JsonRpcErrorResponse {
  jsonrpc: "2.0";
  id: string | number | null;
  error: { code: number; message: string; data: ReturnType<typeof errorBody>["error"] };
}

/** The request id to echo: the message's own when it is a valid id, else null (JSON-RPC 2.0 §5). */
function idOf(msg: unknown): string | number | null {
  const id = (msg as { id?: unknown } | null)?.id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}

/** A JSON-RPC error with a REST code in `data`. */
export function jsonRpcError(
  msg: unknown,
  rpc: number,
  message: string,
  code: string,
  field?: string,
): JsonRpcErrorResponse {
  return { jsonrpc: "2.0", id: idOf(msg), error: { code: rpc, message, data: errorBody(code, message, field).error } };
}

/** -32700: the text is not JSON. */
export function parseErrorResponse(): JsonRpcErrorResponse {
  return jsonRpcError(null, ErrorCode.ParseError, "Parse error: the body is not valid JSON", "E_BAD_JSON");
}

/**
 * -32600 for a message that is valid JSON but not one JSON-RPC 2.0 message: a batch (MCP 2025-06-18 removed them, and
 * one HTTP request must stay one unit of work for the rate limit), or any other shape. Null when it is a message.
 */
export function invalidRequestError(msg: unknown): JsonRpcErrorResponse | null {
  if (Array.isArray(msg)) {
    return jsonRpcError(
      null,
      ErrorCode.InvalidRequest,
      "Invalid Request: JSON-RPC batches are not supported; send one message per request",
      "E_MCP_BATCH",
    );
  }
  if (JSONRPCMessageSchema.safeParse(msg).success) return null;
  return jsonRpcError(
    msg,
    ErrorCode.InvalidRequest,
    "Invalid Request: expected one JSON-RPC 2.0 message",
    "E_BAD_JSONRPC",
  );
}

/** The params schema of each method the server answers: a wrong type is -32602 naming the field, not -32603. */
const METHOD_SCHEMAS: Record<string, z.ZodType> = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  "tools/list": ListToolsRequestSchema,
  "tools/call": CallToolRequestSchema,
};

/** Whether a JSON value holds an own `__proto__` key at any depth (JSON.parse keeps it; object spreads drop it). */
export function hasProtoKey(v: unknown, depth = 0): boolean {
  if (typeof v !== "object" || v === null || depth > 64) return false;
  if (!Array.isArray(v) && Object.hasOwn(v, "__proto__")) return true;
  return Object.values(v).some((x) => hasProtoKey(x, depth + 1));
}

/**
 * -32601 for a request of a method this server does not answer (E_UNKNOWN_METHOD in data); -32602 for a request
 * whose params do not fit its method (the first issue as a REST code and field, e.g.
 * E_BAD_TYPE at params.name) or whose tool arguments carry `__proto__` (E_UNKNOWN_FIELD, as REST answers). Null
 * when the message may go on to the SDK.
 */
export function invalidParamsError(msg: JSONRPCMessage): JsonRpcErrorResponse | null {
  if (!("method" in msg) || !("id" in msg)) return null;
  const schema = METHOD_SCHEMAS[msg.method];
  if (!schema) {
    const known = Object.keys(METHOD_SCHEMAS).join(", ");
    const m = `Method not found: ${JSON.stringify(msg.method.slice(0, 64))}; this server answers ${known}`;
    return jsonRpcError(msg, ErrorCode.MethodNotFound, m, "E_UNKNOWN_METHOD", "method");
  }
  const r = schema.safeParse(msg, { reportInput: true });
  if (!r.success) {
    const e = issueToApiError(r.error.issues[0]!);
    return jsonRpcError(msg, ErrorCode.InvalidParams, `Invalid params: ${e.message}`, e.code, e.field);
  }
  if (msg.method === "tools/call" && hasProtoKey((msg.params as { arguments?: unknown }).arguments)) {
    const m = "unknown field(s): __proto__";
    return jsonRpcError(msg, ErrorCode.InvalidParams, `Invalid params: ${m}`, "E_UNKNOWN_FIELD", "__proto__");
  }
  return null;
}
