import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, type FeedHarness } from "../../harness/feed-harness";
import { MAX_MCP_RESPONSE_BYTES } from "./mcp";

const T0 = new Date("2026-11-24T06:15:00Z");

type Body = { data: unknown; snapshot_version: number; oracle_timestamp: string };
type ErrorBody = { error: { code: string; message: string; field?: string; suggestions?: string[] } };

describe("POST /mcp in-process: the official MCP client against the app (tools = REST, errors = REST codes)", () => {
  let h: FeedHarness;
  let client: Client;
  const rest = async (path: string, body?: unknown) => {
    const res = await h.request(
      path,
      body === undefined
        ? {}
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );
    return { status: res.status, json: (await res.json()) as Body & ErrorBody };
  };
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const ok = async (name: string, args: Record<string, unknown>) => {
    const r = await call(name, args);
    expect(r.isError ?? false).toBe(false);
    const text = (r.content[0] as { type: "text"; text: string }).text;
    expect(JSON.parse(text)).toEqual(r.structuredContent);
    return r.structuredContent as Body;
  };
  const err = async (name: string, args: Record<string, unknown>) => {
    const r = await call(name, args);
    expect(r.isError).toBe(true);
    return JSON.parse((r.content[0] as { text: string }).text) as ErrorBody;
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
    client = new Client({ name: "exostream-test", version: "1.0.0" });
    const fetchApp = ((input: RequestInfo | URL, init?: RequestInit) =>
      h.request(new URL(String(input instanceof Request ? input.url : input)).pathname, init)) as typeof fetch;
    await client.connect(new StreamableHTTPClientTransport(new URL("http://feed.local/mcp"), { fetch: fetchApp }));
  });
  afterAll(async () => {
    await client?.close();
    await h?.dispose();
  });

  it("lists the seven tools of SPEC §6 with JSON Schemas generated from the REST zod schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "compare_models",
      "get_forward_curve",
      "get_greeks",
      "get_index",
      "get_spot_prices",
      "price_swap",
      "price_task",
    ]);
    const price = tools.find((t) => t.name === "price_task")!;
    // PriceRequestSchema is strict and requires model; horizon is a union of names and years.
    expect(price.inputSchema).toMatchObject({ type: "object", required: ["model"], additionalProperties: false });
    expect(Object.keys(price.inputSchema.properties!).sort()).toEqual([
      "cache_ttl",
      "eta",
      "horizon",
      "max_tokens",
      "mode",
      "model",
      "n_in",
      "n_out",
      "n_think",
      "omega",
      "prompt",
    ]);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    expect(client.getServerVersion()?.name).toBe("exostream");
  });

  it("price_task answers exactly what POST /v1/price answers (MATH.md §2.4 example: 0.0534, κ 4.45)", async () => {
    const args = { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 };
    const tool = await ok("price_task", args);
    const r = await rest("/v1/price", args);
    expect(tool).toEqual(r.json);
    const spot = (tool.data as { spot: { cost: number; kappa: number } }).spot;
    expect(spot.cost).toBeCloseTo(0.0534, 12);
    expect(spot.kappa).toBeCloseTo(4.45, 12);
  });

  it("price_task with prompt text is tokenized like REST (tiktoken o200k_base for GPT-4.1)", async () => {
    const args = { model: "GPT-4.1", prompt: "Exostream prices LLM inference like an instrument.", max_tokens: 500 };
    expect(await ok("price_task", args)).toEqual((await rest("/v1/price", args)).json);
  });

  it("compare_models, get_spot_prices, get_greeks, get_forward_curve, get_index, price_swap equal their REST endpoints", async () => {
    const cmp = { n_in: 10000, n_out: 500, eta: 0.5, provider: "openai", horizon: "3M" };
    expect(await ok("compare_models", cmp)).toEqual((await rest("/v1/compare", cmp)).json);
    expect(await ok("get_spot_prices", {})).toEqual((await rest("/v1/spots")).json);
    const two = (await ok("get_spot_prices", { tickers: ["gpt-4.1", "SONNET-4"] })).data as { ticker: string }[];
    expect(two.map((x) => x.ticker)).toEqual(["GPT-4.1", "SONNET-4"]);
    expect(await ok("get_greeks", {})).toEqual((await rest("/v1/greeks")).json);
    expect(await ok("get_greeks", { ticker: "GPT-4.1" })).toEqual((await rest("/v1/models/GPT-4.1")).json);
    expect(await ok("get_forward_curve", { ticker: "GPT-4.1", t: [0.25, 2] })).toEqual(
      (await rest("/v1/forwards/GPT-4.1?t=0.25&t=2")).json,
    );
    expect(await ok("get_index", {})).toEqual((await rest("/v1/index")).json);
    const swap = { underlying: "index", term_months: 6, notional: { kind: "tokens", amount: 1e9 } };
    expect(await ok("price_swap", swap)).toEqual((await rest("/v1/swap", swap)).json);
    const swapT = { underlying: "GPT-4.1", term_months: 3, notional: { kind: "usd", amount: 1000 }, K: 7 };
    expect(await ok("price_swap", swapT)).toEqual((await rest("/v1/swap", swapT)).json);
  });

  it("bad input: isError with the REST error body, code and field", async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["price_task", { model: "GPT-4.1", n_in: 1000, n_out: 10, eta: 1.5 }, "/v1/price", "E_ETA_RANGE"],
      ["price_task", { model: "GPT-4.1", n_in: "lots" }, "/v1/price", "E_NOT_FINITE"],
      ["price_task", { model: "GPT-4.1", n_in: 1, temperature: 0 }, "/v1/price", "E_UNKNOWN_FIELD"],
      ["price_task", { n_in: 1 }, "/v1/price", "E_MISSING_FIELD"],
      ["price_task", { model: "GPT-4.2", n_in: 1, n_out: 1 }, "/v1/price", "E_UNKNOWN_TICKER"],
      ["compare_models", { n_in: 1000 }, "/v1/compare", "E_SCHEMA"],
      [
        "price_swap",
        { underlying: "GPT-4.1", term_months: 0, notional: { kind: "tokens", amount: 1 } },
        "/v1/swap",
        "E_SWAP_TERM",
      ],
      [
        "price_swap",
        { underlying: "GPT-4.1", term_months: 3, notional: { kind: "usd", amount: 1e300 }, rate: -700 },
        "/v1/swap",
        "E_NOT_FINITE",
      ],
      [
        "price_swap",
        { underlying: "GPT-4.1", term_months: 3, notional: { kind: "usd", amount: 1000 }, rate: 1e308 },
        "/v1/swap",
        "E_NOT_FINITE",
      ],
    ];
    for (const [name, args, path, code] of cases) {
      const tool = await err(name, args);
      const r = await rest(path, args);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(tool.error.code).toBe(code);
      expect(tool).toEqual(r.json);
      if (name === "price_swap" && code === "E_NOT_FINITE") expect(tool.error.field).toBe("rate");
    }
    const fwd = await err("get_forward_curve", { ticker: "GPT-4.1", t: [-1] });
    expect(fwd.error).toMatchObject({ code: "E_NEG_TENOR", field: "t" });
    const unknown = await err("get_greeks", { ticker: "OPUS-4.9" });
    expect(unknown.error.code).toBe("E_UNKNOWN_TICKER");
    expect(unknown.error.suggestions!.length).toBeGreaterThan(0);
  });

  it("an unknown tool is a JSON-RPC error (-32602), not a tool result", async () => {
    await expect(client.callTool({ name: "buy_tokens", arguments: {} })).rejects.toThrow(/-32602|unknown tool/);
  });

  it("GET /mcp is 405 (stateless server: no SSE stream) and PUT is 405 with Allow", async () => {
    const g = await h.request("/mcp", { headers: { accept: "text/event-stream" } });
    expect(g.status).toBe(405);
    expect(g.headers.get("allow")).toBe("POST, OPTIONS");
    const p = await h.request("/mcp", { method: "PUT" });
    expect(p.status).toBe(405);
    expect(((await p.json()) as ErrorBody).error.code).toBe("E_METHOD");
  });
});

describe("POST /mcp: JSON-RPC 2.0 and MCP error rules (issue 16 items 1 and 9)", () => {
  let h: FeedHarness;
  const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const post = async (body: string, extra: Record<string, string> = {}) => {
    const res = await h.request("/mcp", { method: "POST", headers: { ...HEADERS, ...extra }, body });
    const text = await res.text();
    return { status: res.status, bytes: text.length, json: JSON.parse(text) as RpcReply };
  };
  type RpcReply = {
    id: unknown;
    result?: unknown;
    error?: { code: number; message: string; data?: { code: string; field?: string } };
  };
  const callMsg = (id: number, name: unknown, args?: unknown) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, ...(args === undefined ? {} : { arguments: args }) },
  });

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("a batch of 150 get_greeks calls is one 400 (-32600, E_MCP_BATCH) of under 300 bytes, not 34 MB", async () => {
    const batch = Array.from({ length: 150 }, (_, i) => callMsg(i + 1, "get_greeks", {}));
    const r = await post(JSON.stringify(batch));
    expect(r.status).toBe(400);
    expect(r.bytes).toBeLessThan(300);
    expect(r.json.error).toMatchObject({ code: -32600, data: { code: "E_MCP_BATCH" } });
    expect(r.json.id).toBeNull();
  });

  it("one get_greeks answer stays under the response cap", async () => {
    const r = await post(JSON.stringify(callMsg(1, "get_greeks", {})));
    expect(r.status).toBe(200);
    expect(r.bytes).toBeGreaterThan(10_000);
    expect(r.bytes).toBeLessThanOrEqual(MAX_MCP_RESPONSE_BYTES);
  });

  it("valid JSON that is not JSON-RPC is -32600 (E_BAD_JSONRPC); text that is not JSON is -32700 (E_BAD_JSON)", async () => {
    const a = await post(JSON.stringify({ hello: 1 }));
    expect([a.status, a.json.error?.code, a.json.error?.data?.code]).toEqual([400, -32600, "E_BAD_JSONRPC"]);
    const b = await post("{bad");
    expect([b.status, b.json.error?.code, b.json.error?.data?.code]).toEqual([400, -32700, "E_BAD_JSON"]);
    expect(b.json.error!.message).not.toMatch(/SyntaxError|position/);
  });

  it("wrong param types are -32602 naming the field with a REST code, never -32603 with a schema dump", async () => {
    const a = await post(JSON.stringify(callMsg(7, 5)));
    expect(a.json.id).toBe(7);
    expect(a.json.error).toMatchObject({ code: -32602, data: { code: "E_BAD_TYPE", field: "params.name" } });
    expect(a.json.error!.message).not.toMatch(/invalid_type|\[\n/);
    const b = await post(JSON.stringify(callMsg(8, "get_greeks", "x")));
    expect(b.json.error).toMatchObject({ code: -32602, data: { code: "E_BAD_TYPE", field: "params.arguments" } });
  });

  it("an unsupported MCP-Protocol-Version is HTTP 400 (-32600), not 404", async () => {
    const r = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }), {
      "mcp-protocol-version": "1999-01-01",
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: -32600, data: { code: "E_MCP_PROTOCOL_VERSION" } });
  });

  it("__proto__ inside tool arguments is rejected as REST rejects it (E_UNKNOWN_FIELD)", async () => {
    const args = '{"model":"GPT-4.1","n_in":1,"n_out":1,"__proto__":{"x":1}}';
    const r = await post(
      `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"price_task","arguments":${args}}}`,
    );
    expect(r.json.error).toMatchObject({ code: -32602, data: { code: "E_UNKNOWN_FIELD", field: "__proto__" } });
    const rest = await h.request("/v1/price", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: args,
    });
    expect(rest.status).toBe(400);
    expect(((await rest.json()) as ErrorBody).error.code).toBe("E_UNKNOWN_FIELD");
  });
});
