// api-core: the request layer of the Exostream API, the same for every transport. It knows what a request means
// (parse it with the zod schemas, answer it from a verified snapshot, or fail with an ApiError and its stable code)
// and nothing about how it arrived: no Hono, no HTTP headers, no I/O, no clock. The state and the tokenizer come in.
//
// Layering (checked by scripts/check-architecture.ts in `npm test`):
//   oracle-core  ← api-core  ← feed-worker (Hono routes, POST /mcp over Streamable HTTP)
//                            ← sdk         (exostream-mcp over stdio)
// api-core imports only oracle-core (and zod, and the MCP SDK's transport-free Server); feed-worker and sdk import
// api-core and never each other. HTTP glue (middleware, c.json, ETag, body and rate limits) stays in
// feed-worker/http/; a new endpoint's handler goes here, its route there.
//
// This index is the public surface. The SDK's main entry imports the files it needs by path instead: through the
// index, its bundle would carry every handler and the tool table (+17 KB measured with sdk/build.ts).

// errors and parsing
export { ApiError, apiErrorOf, errorBody, INTERNAL_ERROR_BODY } from "./api-error";
export { parseWith } from "./parse-with";
// the state a request is answered from
export { answer, apiState, requireFamily, rowOf, stamp } from "./api-state";
// handlers
export { forwardBody, greeksBody, indexBody, modelBody, spotsBody } from "./read-handlers";
export { compareBody, compareCandidates, finiteOrThrow, priceBody, promptTokens } from "./compute-handlers";
export { backtestBody, monteCarloBody, swapBody } from "./market-handlers";
// MCP: the tool table (the server every transport connects is api-core/mcp-server.ts, imported by path so that
// bundles without MCP, such as the SDK's main entry, never load the MCP SDK)
export { MCP_TOOLS, parseToolArgs } from "./mcp-tools";

export type { ApiErrorCode, ApiStatus } from "./api-error";
export type { ApiBody, ApiState } from "./api-state";
export type { SpotsQuery } from "./read-handlers";
export type { CountTokens } from "./compute-handlers";
export type { McpTool, ToolHost } from "./mcp-tools";
